import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { sourceHash, STAMP_FILE } from "@/lib/cli/build-stamp";
import { serverNodeOptions } from "@/lib/cli/server-options";

export const ROOT = path.resolve(import.meta.dirname, "../..");

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** Lines of `next build` output that must not appear. */
export const BUILD_WARNING = /Turbopack build encountered \d+ warnings?|not supported in the Edge Runtime|Ecmascript file had an error|^\s*⚠ .*$/m;

/** Builds the production bundle unless the current one was built from the same sources. */
export function ensureBuild(): void {
  const hash = sourceHash(ROOT);
  const stamp = path.join(ROOT, STAMP_FILE);
  if (existsSync(path.join(ROOT, ".next", "BUILD_ID")) && existsSync(stamp) && readFileSync(stamp, "utf8") === hash) return;
  const r = spawnSync(path.join(ROOT, "node_modules/.bin/next"), ["build"], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  process.stdout.write(r.stdout ?? "");
  process.stderr.write(r.stderr ?? "");
  if (r.status !== 0) throw new Error("next build failed");
  // A newcomer's `npm start` shows this build's output: a warning there (e.g. Node-only code
  // reaching the Edge runtime through instrumentation.ts) fails the tests instead.
  // Except Next's "No build cache found", which it prints only under CI=true on a first build: a
  // newcomer's `npm start` never shows it, and CI starts from a clean clone every time.
  const output = `${r.stdout}${r.stderr}`.split("\n").filter((line) => !/No build cache found/.test(line)).join("\n");
  const warning = BUILD_WARNING.exec(output);
  if (warning) throw new Error(`next build printed a warning: "${warning[0]}" (see the build output above)`);
  writeFileSync(stamp, hash);
}

export interface RunningServer {
  baseURL: string;
  databaseUrl: string;
  dataDir: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export interface StartOptions {
  /**
   * Serve an existing database (e.g. the one another server of the test already migrated and
   * seeded) instead of making one: DATABASE_URL is this, and migrate/seed are skipped.
   */
  reuseDatabaseUrl?: string;
  /** Serve on this port: a restart on the same origin keeps a browser's service worker and cookies. */
  port?: number;
  /** The project folder to serve (e.g. a copy of the build with one file changed); ROOT by default. */
  root?: string;
}

/**
 * A production server on a free loopback port and a database of its own in a temporary folder
 * outside the project tree, migrated with the real `prisma migrate deploy` and seeded. A
 * DATABASE_URL in `extraEnv` (e.g. an empty PostgreSQL database) is migrated and seeded instead
 * of the SQLite file, with the PostgreSQL config for a postgresql:// URL, as `npm start` does.
 */
export async function startServer(extraEnv: Record<string, string> = {}, opts: StartOptions = {}): Promise<RunningServer> {
  const dataDir = path.join(os.tmpdir(), "kubecards-e2e", randomUUID());
  mkdirSync(dataDir, { recursive: true });
  const databaseUrl = opts.reuseDatabaseUrl ?? extraEnv.DATABASE_URL ?? `file:${path.join(dataDir, "e2e.db")}`;
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    NEXTAUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e-secret",
    AUTH_TRUST_HOST: "true",
    NEXT_TELEMETRY_DISABLED: "1",
    ...extraEnv,
    ...(opts.reuseDatabaseUrl ? { DATABASE_URL: opts.reuseDatabaseUrl } : {}),
  };
  const migrate = /^postgres(ql)?:\/\//i.test(databaseUrl) ? ["migrate", "deploy", "--config", "prisma/postgres/prisma.config.ts"] : ["migrate", "deploy"];
  for (const [cmd, args] of [
    ["prisma", migrate],
    ["tsx", ["seed/load.ts"]],
  ] as const) {
    if (opts.reuseDatabaseUrl) break;
    if (cmd === "tsx" && !existsSync(path.join(ROOT, "seed/load.ts"))) continue;
    const r = spawnSync(path.join(ROOT, "node_modules/.bin", cmd), [...args], { cwd: ROOT, env, encoding: "utf8" });
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed:\n${r.stdout}\n${r.stderr}`);
  }
  const port = opts.port ?? (await freePort());
  const child = spawn(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: opts.root ?? ROOT,
    env: { ...env, NODE_ENV: "production", NODE_OPTIONS: serverNodeOptions(extraEnv.NODE_OPTIONS) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const baseURL = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    try {
      const res = await fetch(`${baseURL}/signin`);
      if (res.status < 500) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 150));
  }
  return {
    baseURL,
    databaseUrl,
    dataDir,
    process: child,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
    },
  };
}
