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
