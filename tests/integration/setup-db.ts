import { afterAll } from "vitest";
import { dropPostgresDatabase, freshDatabaseFile, freshPostgresDatabase } from "../helpers/test-db";

// Runs before each integration test file: every file gets its own real database, and the app's
// db() singleton opens it through DATABASE_URL. SQLite by default (a fresh file); with
// TEST_DB=postgres a fresh database on the PG_TEST_URL server (tests/pg/with-postgres.sh starts
// one: `npm run test:integration:pg`).
if (process.env.TEST_DB === "postgres") {
  const admin = process.env.PG_TEST_URL;
  if (!admin) throw new Error("TEST_DB=postgres needs PG_TEST_URL (run through tests/pg/with-postgres.sh)");
  const url = await freshPostgresDatabase(admin, "integration");
  process.env.DATABASE_URL = url;
  afterAll(async () => {
    const g = globalThis as { __db?: { $disconnect(): Promise<void> } };
    await g.__db?.$disconnect().catch(() => {});
    await dropPostgresDatabase(admin, url).catch(() => {});
  });
} else {
  process.env.DATABASE_URL = `file:${freshDatabaseFile("integration")}`;
}
