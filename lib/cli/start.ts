/**
 * `npm start`: migrate the embedded database, load the deck, build when the sources changed since
 * the last build, then serve. Every step is idempotent, so a restart repeats them harmlessly.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { databaseUrl, dataDir, isPostgresUrl, sqliteFile } from "@/lib/db/url";
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

/**
 * Where the data is, for the log: the SQLite file relative to the working folder, or the
 * PostgreSQL host and database (never the credentials).
 */
function databaseLabel(url: string): string {
  if (!isPostgresUrl(url)) {
    const rel = path.relative(root, sqliteFile(url));
    return rel && !rel.startsWith("..") ? rel : sqliteFile(url);
  }
  try {
    const u = new URL(url);
    return `PostgreSQL ${u.hostname}${u.port ? `:${u.port}` : ""}${u.pathname}`;
  } catch {
    return "PostgreSQL";
  }
}

/**
 * `prisma migrate deploy`, summed up in one true line. Prisma's own report names the schema
 * file's placeholder datasource ("SQLite database dev.db") and warns about it, although the
 * driver adapter in prisma.config.ts decides where the data is; so its output is kept back and
 * printed in full only when the command fails.
 */
function migrate(args: string[], env: NodeJS.ProcessEnv): void {
  const r = spawnSync(bin("prisma"), args, { env, encoding: "utf8" });
  const output = `${r.stdout ?? ""}${r.stderr ?? ""}`;
  if (r.status !== 0) {
    process.stderr.write(output);
    console.error(`[kubecards] prisma ${args.join(" ")} failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status ?? 1);
  }
  // Newly applied migrations are listed as "└─ <name>/" under "have been applied".
  const applied = output.includes("have been applied") ? [...output.matchAll(/└─ (\S+)\/\s*$/gm)].map((m) => m[1]) : [];
  const what = applied.length ? `applied ${applied.length} migration${applied.length > 1 ? "s" : ""} (${applied.join(", ")})` : "schema up to date";
  console.log(`[kubecards] Database ${databaseLabel(env.DATABASE_URL!)}: ${what}`);
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
  const migrateArgs = isPostgresUrl(env.DATABASE_URL) ? ["migrate", "deploy", "--config", "prisma/postgres/prisma.config.ts"] : ["migrate", "deploy"];
  migrate(migrateArgs, env);
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
