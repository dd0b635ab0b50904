import Database from "better-sqlite3";
import { createHash } from "node:crypto";

/** A hash of every row of every table: equal before and after means nothing was written. */
export function databaseChecksum(file: string): string {
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
