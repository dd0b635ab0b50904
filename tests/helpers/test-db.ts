import Database from "better-sqlite3";
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, "../../prisma/migrations");

/** A fresh SQLite file outside the project tree, built from the committed migrations in order. */
export function freshDatabaseFile(label = "test"): string {
  const dir = path.join(os.tmpdir(), "kubecards-tests");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${label}-${randomUUID()}.db`);
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  for (const name of readdirSync(MIGRATIONS_DIR).filter((n) => /^\d/.test(n)).sort()) {
    sqlite.exec(readFileSync(path.join(MIGRATIONS_DIR, name, "migration.sql"), "utf8"));
  }
  sqlite.close();
  return file;
}
