/**
 * The part of the schedule code the review screen runs in the browser (time zones through luxon,
 * FSRS through ts-fsrs: about 35 KB gzip). Loaded right after the page is interactive, so it is
 * not part of the page's first load; until then the screen shows the session the server computed
 * with the same functions.
 */
export { applyOps, localSession } from "@/lib/core/srs/day-pack";
export { algorithmFor } from "@/lib/core/srs/fsrs-algorithm";
