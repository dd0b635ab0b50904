/**
 * Prisma CLI config for PostgreSQL (`--config prisma/postgres/prisma.config.ts`): the schema twin in
 * this folder, its migrations in ./migrations, the database from DATABASE_URL (postgresql://…).
 *
 * The CLI runs through the Wasm schema engine and @prisma/adapter-pg 6.19.3, which needs three
 * fixes to migrate with:
 *  - the engine's catalog queries return `name` and `"char"` columns (and a few other internal
 *    types), which the adapter refuses ("Unsupported column type"); pg hands their values over
 *    as text, so they are reported as text;
 *  - a migration script is split on ";" by the adapter; it is sent whole instead, as one simple
 *    query (PostgreSQL runs that as one implicit transaction, as the native engine does);
 *  - the shadow database (used by `migrate diff --from-migrations` and `migrate dev`) is created
 *    but then connected with `{ ...config, database }`, and a connection string overrides
 *    `database`: the adapter would replay the migrations into the main database. The shadow
 *    connection gets its own connection string here.
 * And one for time: after `migrate deploy` (and `migrate diff`) the Wasm engine leaves a 10-second
 * timer behind that keeps the CLI process alive with nothing left to do. Long timers set from the
 * Wasm engine are unref'd: they still fire while the process has work, but do not hold it open.
 */
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";
import { randomUUID } from "node:crypto";
import { databaseUrl, isPostgresUrl } from "../../lib/db/url";

/** Type ids the engine's introspection returns and the adapter does not map: all plain text in pg. */
const TEXT_OID = 25;
const AS_TEXT = new Set([
  18, // "char"
  19, // name
  22, // int2vector
  24, // regproc
  28, // xid
  30, // oidvector
  194, // pg_node_tree
  1033, // aclitem
  2205, // regclass
  2206, // regtype
]);

const setTimer = globalThis.setTimeout;
globalThis.setTimeout = ((fn: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
  const timer = setTimer(fn, ms, ...args);
  if ((ms ?? 0) >= 5000 && new Error().stack?.includes("wasm://")) timer.unref();
  return timer;
}) as typeof setTimeout;

type PgAdapter = Awaited<ReturnType<PrismaPg["connect"]>>;
type PgTransaction = Awaited<ReturnType<PgAdapter["startTransaction"]>>;
/** The adapter's private query path, which every query and transaction goes through. */
type Io = { performIO(q: unknown): Promise<{ fields: { dataTypeID: number }[] }>; onError(e: unknown): never };

function textForInternalTypes<T extends PgAdapter | PgTransaction>(q: T): T {
  const io = q as unknown as Io;
  const perform = io.performIO.bind(io);
  io.performIO = async (query) => {
    const result = await perform(query);
    for (const f of result?.fields ?? []) if (AS_TEXT.has(f.dataTypeID)) f.dataTypeID = TEXT_OID;
    return result;
  };
  return q;
}

function patched(adapter: PgAdapter): PgAdapter {
  textForInternalTypes(adapter);
  const pool = adapter.underlyingDriver();
  adapter.executeScript = async (script) => {
    try {
      await pool.query(script);
    } catch (e) {
      (adapter as unknown as Io).onError(e);
    }
  };
  const start = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolation) => textForInternalTypes(await start(isolation));
  return adapter;
}

function withDatabase(connectionString: string, database: string): string {
  const u = new URL(connectionString);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

class MigratablePg extends PrismaPg {
  constructor(private readonly connectionString: string) {
    // Idle connections must not keep the CLI process alive once the command is done.
    super({ connectionString, idleTimeoutMillis: 1000, allowExitOnIdle: true });
  }

  override async connect(): Promise<PgAdapter> {
    return patched(await super.connect());
  }

  override async connectToShadowDb(): Promise<PgAdapter> {
    const admin = await this.connect();
    const database = `prisma_migrate_shadow_db_${randomUUID()}`;
    await admin.executeScript(`CREATE DATABASE "${database}"`);
    const shadow = await new PrismaPg({ connectionString: withDatabase(this.connectionString, database), allowExitOnIdle: true }).connect();
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      try {
        await admin.executeScript(`DROP DATABASE IF EXISTS "${database}"`);
      } finally {
        await admin.dispose();
      }
    };
    return patched(shadow);
  }
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "schema.prisma",
  migrations: { path: "migrations" },
  // Only commands that touch a database call this (`generate` does not, so postinstall needs no URL).
  async adapter() {
    const url = databaseUrl();
    if (!isPostgresUrl(url)) {
      throw new Error(`prisma/postgres/prisma.config.ts needs a postgresql:// DATABASE_URL (got ${url.split(":")[0]}:…)`);
    }
    return new MigratablePg(url);
  },
});
