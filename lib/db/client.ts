import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient, type Prisma } from "@/lib/generated/prisma/client";
import { databaseUrl } from "./url";

export type Db = PrismaClient;

/**
 * Opens a client on the given SQLite URL. WAL lets readers proceed while a grade is being written;
 * the busy timeout makes concurrent writers wait instead of failing with SQLITE_BUSY.
 */
export function createDb(url = databaseUrl()): PrismaClient {
  const adapter = new PrismaBetterSQLite3({ url, timeout: 5000 });
  return new PrismaClient({ adapter });
}

export async function configureSqlite(db: PrismaClient): Promise<void> {
  await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await db.$queryRawUnsafe("PRAGMA busy_timeout = 5000");
  await db.$queryRawUnsafe("PRAGMA foreign_keys = ON");
  await db.$queryRawUnsafe("PRAGMA synchronous = NORMAL");
}

const globalForDb = globalThis as unknown as { __db?: PrismaClient; __dbReady?: Promise<void> };

/** One client per process (a dev-server reload would otherwise open a new one each time). */
export function db(): PrismaClient {
  if (!globalForDb.__db) {
    globalForDb.__db = createDb();
    globalForDb.__dbReady = configureSqlite(globalForDb.__db);
  }
  return globalForDb.__db;
}

export async function readyDb(): Promise<PrismaClient> {
  const client = db();
  await globalForDb.__dbReady;
  return client;
}

/** Either the client or an interactive transaction: read helpers work inside and outside one. */
export type DbTx = Prisma.TransactionClient;

/** A unique-constraint violation (P2002), e.g. a replayed request id. */
export function isUniqueViolation(e: unknown): boolean {
  return (e as { code?: string } | null)?.code === "P2002";
}
