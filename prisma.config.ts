import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { databaseUrl, sqliteFile } from "./lib/db/url";

const url = databaseUrl();
// better-sqlite3 creates the file but not its folder.
if (url.startsWith("file:")) mkdirSync(path.dirname(sqliteFile(url)), { recursive: true });

// The shadow database replays migrations through executeRaw, and better-sqlite3's prepare()
// takes one statement only (P3006). Send argument-less SQL through executeScript instead.
function shadowSafe(factory: PrismaBetterSQLite3): PrismaBetterSQLite3 {
  const connectShadow = factory.connectToShadowDb.bind(factory);
  factory.connectToShadowDb = async () => {
    const db = await connectShadow();
    const raw = db.executeRaw.bind(db);
    db.executeRaw = async (q) => (q.args.length === 0 ? (await db.executeScript(q.sql), 0) : raw(q));
    return db;
  };
  return factory;
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  async adapter() {
    if (!url.startsWith("file:")) {
      throw new Error("prisma.config.ts is the SQLite config; for a postgresql:// DATABASE_URL use --config prisma/postgres/prisma.config.ts");
    }
    return shadowSafe(new PrismaBetterSQLite3({ url }));
  },
});
