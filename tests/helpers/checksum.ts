import Database from "better-sqlite3";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";

/**
 * A hash of every row of every table: equal before and after means nothing was written.
 * `target` is a SQLite file, a `file:` URL or a `postgresql://` URL.
 */
export function databaseChecksum(target: string): string {
  if (/^postgres(ql)?:\/\//i.test(target)) return postgresChecksum(target);
  return sqliteChecksum(target.startsWith("file:") ? target.slice("file:".length) : target);
}

function sqliteChecksum(file: string): string {
  const sqlite = new Database(file, { readonly: true });
  try {
    const tables = sqlite.prepare("select name from sqlite_master where type = 'table' order by name").all() as { name: string }[];
    const h = createHash("sha256");
    for (const { name } of tables) {
      h.update(name);
      for (const row of sqlite.prepare(`select * from "${name}" order by rowid`).iterate()) h.update(JSON.stringify(row));
    }
    return h.digest("hex");
  } finally {
    sqlite.close();
  }
}

/** psql on PATH, or Debian's server-side one. */
function psql(): string {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) if (dir && existsSync(path.join(dir, "psql"))) return path.join(dir, "psql");
  const base = "/usr/lib/postgresql";
  const versions = existsSync(base) ? readdirSync(base).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) if (existsSync(path.join(base, v, "bin/psql"))) return path.join(base, v, "bin/psql");
  throw new Error("databaseChecksum on PostgreSQL needs psql (apt-get install -y postgresql-client)");
}

/** Runs each SQL command in order (one `-c` each) and returns the rows, unaligned, one per line. */
const run = (url: string, ...sql: string[]): string => {
  const r = spawnSync(psql(), ["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", url, ...sql.flatMap((c) => ["-c", c])], { encoding: "utf8", maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`psql failed: ${r.stderr}`);
  return r.stdout;
};

/**
 * Every table of the public schema, rows ordered by primary key (tests need it synchronously, so
 * it goes through psql: one call lists the tables, one dumps them all).
 */
function postgresChecksum(url: string): string {
  const tables = run(
    url,
    `SELECT c.relname || '|' || string_agg('x.' || quote_ident(a.attname), ',' ORDER BY array_position(i.indkey::int2[], a.attnum))
       FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
       JOIN pg_index i ON i.indrelid = c.oid AND i.indisprimary
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY (i.indkey)
      WHERE c.relkind = 'r'
      GROUP BY c.relname
      ORDER BY c.relname COLLATE "C"`,
  )
    .split("\n")
    .filter(Boolean)
    .map((line) => line.split("|") as [string, string]);
  const h = createHash("sha256");
  if (tables.length === 0) return h.digest("hex");
  const dump = run(
    url,
    ...tables.flatMap(([t, pk]) => [`SELECT '${t.replace(/'/g, "''")}'`, `SELECT to_jsonb(x)::text FROM "${t.replace(/"/g, '""')}" x ORDER BY ${pk}`]),
  );
  h.update(dump);
  return h.digest("hex");
}
