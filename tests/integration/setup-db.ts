import { freshDatabaseFile } from "../helpers/test-db";

// Runs before each integration test file: every file gets its own real SQLite database, and the
// app's db() singleton opens it through DATABASE_URL.
process.env.DATABASE_URL = `file:${freshDatabaseFile("integration")}`;
