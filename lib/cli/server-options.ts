/**
 * Node flags of the production server, for `npm start` and the servers tests and the bench start.
 * V8 sizes its heap from the machine's memory (gigabytes here) and lets garbage pile up to
 * hundreds of MB before it collects: uncapped, the server's RSS reached 483 MB under the bench
 * (issue 8, target 350). The app holds far less; 192 MB leaves room for the largest request, a
 * learner's full JSON export.
 */
const HEAP_CAP = "--max-old-space-size=192";

/** NODE_OPTIONS for the server; flags passed in come after the cap, so they win (bench experiments). */
export function serverNodeOptions(extra?: string): string {
  return [HEAP_CAP, extra].filter(Boolean).join(" ");
}
