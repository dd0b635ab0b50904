import Database from "better-sqlite3";
import pg from "pg";
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes, randomUUID } from "node:crypto";

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, "../../prisma/migrations");
export const PG_MIGRATIONS_DIR = path.resolve(import.meta.dirname, "../../prisma/postgres/migrations");

const migrationFiles = (dir: string) =>
  readdirSync(dir)
    .filter((n) => /^\d/.test(n))
    .sort()
    .map((name) => path.join(dir, name, "migration.sql"));

/** A fresh SQLite file outside the project tree, built from the committed migrations in order. */
export function freshDatabaseFile(label = "test"): string {
  const dir = path.join(os.tmpdir(), "kubecards-tests");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${label}-${randomUUID()}.db`);
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  for (const f of migrationFiles(MIGRATIONS_DIR)) sqlite.exec(readFileSync(f, "utf8"));
  sqlite.close();
  return file;
}

/** The same server as `url`, another database. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

/** A new, empty database (kc_<label>_<random>) on the server of `adminUrl`; returns its URL. */
export async function emptyPostgresDatabase(adminUrl: string, label = "test"): Promise<string> {
  const name = `kc_${label.replace(/\W/g, "_").toLowerCase()}_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  return withDatabase(adminUrl, name);
}

/**
 * A fresh PostgreSQL database on the server of `adminUrl` (PG_TEST_URL: any database there, used
 * to run CREATE DATABASE), built from the committed PostgreSQL migrations in order by executing
 * their SQL directly (what `prisma migrate deploy` would apply, in well under a second instead of
 * ~12 s). Returns its URL.
 */
export async function freshPostgresDatabase(adminUrl: string, label = "test"): Promise<string> {
  const url = await emptyPostgresDatabase(adminUrl, label);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // One simple query per file: PostgreSQL runs a multi-statement script as one transaction.
    for (const f of migrationFiles(PG_MIGRATIONS_DIR)) await client.query(readFileSync(f, "utf8"));
  } finally {
    await client.end();
  }
  return url;
}

/** Drops a database made by freshPostgresDatabase, closing any connection still open to it. */
export async function dropPostgresDatabase(adminUrl: string, url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

/** Which database the integration tests run on: TEST_DB=postgres (with PG_TEST_URL) or SQLite. */
export function testDbProvider(): "sqlite" | "postgresql" {
  return process.env.TEST_DB === "postgres" ? "postgresql" : "sqlite";
}
