import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, type Prisma } from "@/lib/generated/prisma/client";
import { PrismaClient as PgPrismaClient } from "@/lib/generated/prisma-pg/client";
import { serializedSqlite } from "./serialized-sqlite";
import { databaseUrl, isPostgresUrl, sqliteSynchronous } from "./url";

/**
 * The app's database client. SQLite (a `file:` URL, the embedded default) and PostgreSQL (a
 * `postgresql://` URL) have identical models (tests/pg/schema-twins.mjs checks it), so the SQLite
 * client's type serves both; the PostgreSQL client is cast to it.
 */
export type Db = PrismaClient;

export type Provider = "sqlite" | "postgresql";

/**
 * Prisma gives up on a transaction that waited 2 s for its turn (SQLite's one connection, or one
 * of PostgreSQL's pooled ones): under a burst that answered grades with a server error (P2028) on
 * PostgreSQL at 32 learners in the bench. A grade that waits is better than one that fails and is
 * retried into the same queue; the grade flood guard bounds the queue.
 */
const TRANSACTIONS = { maxWait: 10_000, timeout: 10_000 };

/**
 * Opens a client on the given URL. SQLite: WAL lets readers proceed while a grade is being
 * written; the busy timeout makes concurrent writers wait instead of failing with SQLITE_BUSY.
 * SQLite's one connection per process is shared in turns (see serialized-sqlite.ts).
 * PostgreSQL: a pool of connections per process (pg's default of 10).
 */
export function createDb(url = databaseUrl()): PrismaClient {
  if (isPostgresUrl(url)) {
    const adapter = new PrismaPg({ connectionString: url });
    return new PgPrismaClient({ adapter, transactionOptions: TRANSACTIONS }) as unknown as PrismaClient;
  }
  const adapter = serializedSqlite(new PrismaBetterSQLite3({ url, timeout: 5000 }));
  return new PrismaClient({ adapter, transactionOptions: TRANSACTIONS });
}

/** Which database a client (or a transaction client) talks to. */
export function providerOf(db: Db | DbTx): Provider {
  return (db as { _activeProvider?: string })._activeProvider === "postgresql" ? "postgresql" : "sqlite";
}

/** Per-connection settings for SQLite; nothing to do on PostgreSQL (the server owns its settings). */
export async function configureSqlite(db: PrismaClient): Promise<void> {
  if (providerOf(db) !== "sqlite") return;
  await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await db.$queryRawUnsafe("PRAGMA busy_timeout = 5000");
  await db.$queryRawUnsafe("PRAGMA foreign_keys = ON");
  await db.$queryRawUnsafe(`PRAGMA synchronous = ${sqliteSynchronous()}`);
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
  try {
    await globalForDb.__dbReady;
  } catch (e) {
    // A database that was unreachable once must be retried on the next request, not forever
    // failed: Prisma keeps a failed connection attempt, so the next request gets a new client.
    if (globalForDb.__db === client) globalForDb.__db = undefined;
    client.$disconnect().catch(() => {});
    throw e;
  }
  return client;
}

/** Either the client or an interactive transaction: read helpers work inside and outside one. */
export type DbTx = Prisma.TransactionClient;

/**
 * Call first inside a transaction that reads a learner's state and writes from what it read
 * (grade, undo, answer): it queues that learner's transactions one after the other across every
 * server process, as SQLite does by running one writer at a time. Without it, PostgreSQL's READ
 * COMMITTED lets two of them interleave (each statement sees what the other has just committed).
 * A row lock on the learner; FOR NO KEY UPDATE leaves foreign-key checks of other writers alone.
 */
export async function lockLearner(tx: DbTx, userId: string): Promise<void> {
  if (providerOf(tx) !== "postgresql") return;
  await tx.$queryRaw`SELECT 1 FROM "User" WHERE "id" = ${userId} FOR NO KEY UPDATE`;
}

/** A unique-constraint violation, e.g. a replayed request id: P2002 from a model query, P2010 from raw SQL. */
export function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; meta?: { driverAdapterError?: { cause?: { kind?: string } } } } | null;
  return err?.code === "P2002" || (err?.code === "P2010" && err.meta?.driverAdapterError?.cause?.kind === "UniqueConstraintViolation");
}
