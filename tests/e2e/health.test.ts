import { copyFileSync, mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../helpers/server";
import { freshDatabaseFile } from "../helpers/test-db";

const servers: RunningServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
});

async function health(baseURL: string) {
  const res = await fetch(`${baseURL}/api/health`);
  return { status: res.status, body: await res.json(), cache: res.headers.get("cache-control") };
}

describe("/api/health", () => {
  it("answers 200 while the database answers", async () => {
    const server = await startServer();
    servers.push(server);
    expect(await health(server.baseURL)).toEqual({ status: 200, body: { ok: true }, cache: "no-store" });
  });

  it("answers 503 while the database cannot be opened, and 200 once it can, without a restart", async () => {
    const dir = path.join(os.tmpdir(), "kubecards-e2e", `missing-${randomUUID()}`);
    const file = path.join(dir, "app.db");
    // The folder does not exist yet, so SQLite cannot open (or create) the file.
    const server = await startServer({}, { reuseDatabaseUrl: `file:${file}` });
    servers.push(server);
    const down = await health(server.baseURL);
    expect(down).toEqual({ status: 503, body: { ok: false }, cache: "no-store" });

    mkdirSync(dir, { recursive: true });
    copyFileSync(freshDatabaseFile("health"), file);
    expect(await health(server.baseURL)).toEqual({ status: 200, body: { ok: true }, cache: "no-store" });
  });
});
