import { configDefaults, defineConfig } from "vitest/config";
import path from "node:path";

const alias = { "@": path.resolve(import.meta.dirname) };

/**
 * Integration files about SQLite itself, left out of the PostgreSQL run (TEST_DB=postgres):
 * sqlite-settings.test.ts checks the PRAGMAs of a SQLite connection;
 * backup.test.ts copies and restores the SQLite file (lib/ops/backup; a PostgreSQL database is
 * backed up with pg_dump, and lib/cli/backup.ts refuses a postgresql:// URL).
 */
const SQLITE_ONLY = ["tests/integration/backup.test.ts", "tests/integration/sqlite-settings.test.ts"];

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          ...(process.env.TEST_DB === "postgres" ? { exclude: [...configDefaults.exclude, ...SQLITE_ONLY] } : {}),
          environment: "node",
          setupFiles: ["tests/integration/setup-db.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/e2e/global-setup.ts"],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // Two files at a time: each drives its own server, database and Chromium, and mostly waits on
          // them, so two fit on the 2-core machines CI uses (the serial run took 7.5 of CI's 17 minutes).
          maxWorkers: 2,
        },
      },
    ],
  },
});
