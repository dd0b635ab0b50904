import path from "node:path";

/** Where the embedded SQLite database lives unless DATABASE_URL says otherwise. */
export const DEFAULT_DATA_DIR = "data";

export function dataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.DATA_DIR ?? DEFAULT_DATA_DIR);
}

/**
 * The database URL with relative file paths made absolute, so the CLI, the seed script and the
 * server (whose cwd may differ) all open the same file.
 */
export function databaseUrl(): string {
  const raw = process.env.DATABASE_URL ?? `file:${path.join(dataDir(), "kubecards.db")}`;
  if (!raw.startsWith("file:")) return raw;
  const file = raw.slice("file:".length);
  return `file:${path.resolve(/*turbopackIgnore: true*/ file)}`;
}

/** A PostgreSQL connection string (postgres:// or postgresql://) rather than a SQLite file. */
export function isPostgresUrl(url = databaseUrl()): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

export function sqliteFile(url = databaseUrl()): string {
  return url.slice("file:".length);
}

/**
 * SQLITE_SYNCHRONOUS=FULL makes SQLite flush the write-ahead log to disk on every commit, so a
 * power cut cannot lose an acknowledged grade; it costs about 3 ms a commit on these machines.
 * The default NORMAL loses nothing when the process crashes (npm run chaos checks that), only
 * the last commits on an operating-system crash or power cut, and the file stays consistent.
 */
export function sqliteSynchronous(): "NORMAL" | "FULL" {
  return process.env.SQLITE_SYNCHRONOUS?.toUpperCase() === "FULL" ? "FULL" : "NORMAL";
}
