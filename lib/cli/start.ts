/**
 * `npm start`: migrate the embedded database, load the deck, build when the sources changed since
 * the last build, then serve. Every step is idempotent, so a restart repeats them harmlessly.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { databaseUrl, dataDir, isPostgresUrl } from "@/lib/db/url";
import { ensureSecret } from "./secret";
import { sourceHash, STAMP_FILE } from "./build-stamp";
import { serverNodeOptions } from "./server-options";

const root = process.cwd();
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): void {
  const r = spawnSync(cmd, args, { stdio: "inherit", env });
  if (r.status !== 0) {
    console.error(`[kubecards] ${path.basename(cmd)} ${args.join(" ")} failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status ?? 1);
  }
}

function main(): void {
  const dir = dataDir();
  mkdirSync(dir, { recursive: true });
  const { secret, generated, file } = ensureSecret(dir);
  if (generated) console.log(`[kubecards] Generated NEXTAUTH_SECRET and stored it in ${file} (mode 600); it is reused on every start.`);

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl(),
    NEXTAUTH_SECRET: secret,
    NEXT_TELEMETRY_DISABLED: "1",
    // Without NEXTAUTH_URL, next-auth derives its URL from the Host header of each request.
    AUTH_TRUST_HOST: process.env.NEXTAUTH_URL ? process.env.AUTH_TRUST_HOST : (process.env.AUTH_TRUST_HOST ?? "true"),
  };

  // PostgreSQL has its own schema twin and migrations (prisma/postgres); SQLite uses the defaults.
  const migrate = isPostgresUrl(env.DATABASE_URL) ? ["migrate", "deploy", "--config", "prisma/postgres/prisma.config.ts"] : ["migrate", "deploy"];
  run(bin("prisma"), migrate, env);
  if (existsSync(path.join(root, "seed", "load.ts"))) run(bin("tsx"), ["seed/load.ts"], env);

  const hash = sourceHash(root);
  const stamp = path.join(root, STAMP_FILE);
  const built = existsSync(path.join(root, ".next", "BUILD_ID")) && existsSync(stamp) && readFileSync(stamp, "utf8") === hash;
  if (!built) {
    console.log("[kubecards] Building the production bundle…");
    run(bin("next"), ["build"], { ...env, NODE_ENV: "production" });
    writeFileSync(stamp, hash);
  }

  const port = process.env.PORT ?? "3000";
  const host = process.env.HOST ?? "0.0.0.0";
  console.log(`[kubecards] Serving on http://${host === "0.0.0.0" ? "localhost" : host}:${port}`);
  const server = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", port, "-H", host], {
    stdio: "inherit",
    env: { ...env, NODE_ENV: "production", NODE_OPTIONS: serverNodeOptions(env.NODE_OPTIONS) },
  });
  for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => server.kill(sig));
  server.on("exit", (code) => process.exit(code ?? 0));
}

main();
