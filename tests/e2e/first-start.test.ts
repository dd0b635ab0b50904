import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { freePort, ROOT } from "../helpers/server";

/**
 * `npm start` as a newcomer runs it (lib/cli/start.ts): a data folder of its own, no DATABASE_URL,
 * no secret. The global setup has built the bundle from these sources, so start skips the build;
 * the build's own output is checked in ensureBuild (tests/helpers/server.ts).
 */
async function npmStart(dataDir: string): Promise<{ output: string; status: number }> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: "127.0.0.1" };
  for (const k of ["DATABASE_URL", "NEXTAUTH_SECRET", "NEXTAUTH_URL", "NODE_OPTIONS"]) delete env[k];
  const child = spawn(path.join(ROOT, "node_modules/.bin/tsx"), ["lib/cli/start.ts"], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    const deadline = Date.now() + 90_000;
    let status = 0;
    while (!status) {
      if (child.exitCode !== null) throw new Error(`npm start exited early:\n${output}`);
      if (Date.now() > deadline) throw new Error(`npm start did not serve within 90 s:\n${output}`);
      status = await fetch(`http://127.0.0.1:${port}/signin`).then((r) => r.status, () => 0);
      if (!status) await new Promise((r) => setTimeout(r, 250));
    }
    return { output, status };
  } finally {
    // start.ts passes the signal on to the server and exits with it.
    child.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  }
}

/** What a newcomer should never see on a clean start. */
const NOISE = /warn|error|dev\.db|deprecat|not supported/i;

describe("npm start on a fresh data folder", () => {
  it("says where the data is and what it did, and nothing misleading", { timeout: 240_000 }, async () => {
    const dataDir = path.join(os.tmpdir(), "kubecards-e2e", `first-start-${randomUUID()}`);
    mkdirSync(dataDir, { recursive: true });
    const db = path.join(dataDir, "kubecards.db");

    const first = await npmStart(dataDir);
    expect(first.status).toBe(200);
    expect(first.output).toMatch(/Generated NEXTAUTH_SECRET/);
    expect(first.output).toMatch(new RegExp(`\\[kubecards\\] Database ${db.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: applied \\d+ migrations \\(\\d+_init, `));
    expect(first.output).toMatch(/\[deck\] \d+ cards from seed\/k8s-basics\.md: added \d+, changed 0, retired 0, unchanged 0/);
    expect(first.output).not.toMatch(NOISE);

    const second = await npmStart(dataDir);
    expect(second.status).toBe(200);
    expect(second.output).toContain(`[kubecards] Database ${db}: schema up to date`);
    expect(second.output).toMatch(/added 0, changed 0, retired 0, unchanged \d+/);
    expect(second.output).not.toMatch(/Generated NEXTAUTH_SECRET|Building/);
    expect(second.output).not.toMatch(NOISE);
  });
});
