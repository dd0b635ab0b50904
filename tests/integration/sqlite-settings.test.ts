import { afterEach, describe, expect, it } from "vitest";
import { configureSqlite, createDb } from "@/lib/db/client";
import { freshDatabaseFile } from "../helpers/test-db";

const saved = process.env.SQLITE_SYNCHRONOUS;
afterEach(() => {
  if (saved === undefined) delete process.env.SQLITE_SYNCHRONOUS;
  else process.env.SQLITE_SYNCHRONOUS = saved;
});

async function settings(sync: string | undefined) {
  if (sync === undefined) delete process.env.SQLITE_SYNCHRONOUS;
  else process.env.SQLITE_SYNCHRONOUS = sync;
  const db = createDb(`file:${freshDatabaseFile("settings")}`);
  try {
    await configureSqlite(db);
    const [mode] = await db.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
    const [sy] = await db.$queryRawUnsafe<{ synchronous: bigint | number }[]>("PRAGMA synchronous");
    const [fk] = await db.$queryRawUnsafe<{ foreign_keys: bigint | number }[]>("PRAGMA foreign_keys");
    return { journal: mode.journal_mode, synchronous: Number(sy.synchronous), foreignKeys: Number(fk.foreign_keys) };
  } finally {
    await db.$disconnect();
  }
}

describe("each SQLite connection", () => {
  it("runs in WAL mode with foreign keys on and synchronous NORMAL by default", async () => {
    expect(await settings(undefined)).toEqual({ journal: "wal", synchronous: 1, foreignKeys: 1 });
  });

  it("flushes every commit (synchronous FULL) when SQLITE_SYNCHRONOUS=full", async () => {
    expect(await settings("full")).toMatchObject({ synchronous: 2 });
  });
});
