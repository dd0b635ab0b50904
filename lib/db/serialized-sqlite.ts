import type { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { Mutex } from "async-mutex";

type Factory = PrismaBetterSQLite3;
type Adapter = Awaited<ReturnType<Factory["connect"]>>;
type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;

/**
 * The better-sqlite3 adapter runs everything on one connection and only makes transactions wait
 * for each other: a statement sent while another request's interactive transaction is open runs
 * inside that transaction, so its rollback (a grade conflict, a replayed request id) silently undoes
 * a write that had already reported success, and readers see data that may still roll back.
 * This wraps the adapter so that every statement outside a transaction also waits its turn: a
 * transaction owns the connection from BEGIN to COMMIT/ROLLBACK. Statements are synchronous
 * better-sqlite3 calls, so a turn is short; SQLite runs one writer at a time anyway.
 */
export function serializedSqlite(factory: Factory): Pick<Factory, "provider" | "adapterName" | "connect" | "connectToShadowDb"> {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => serialize(await factory.connect()),
    connectToShadowDb: async () => serialize(await factory.connectToShadowDb()),
  };
}

function serialize(inner: Adapter): Adapter {
  const turn = new Mutex();
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    queryRaw: (query) => turn.runExclusive(() => inner.queryRaw(query)),
    executeRaw: (query) => turn.runExclusive(() => inner.executeRaw(query)),
    executeScript: (script) => turn.runExclusive(() => inner.executeScript(script)),
    getConnectionInfo: inner.getConnectionInfo?.bind(inner),
    dispose: () => turn.runExclusive(() => inner.dispose()),
    startTransaction: async (isolationLevel) => {
      const release = await turn.acquire();
      let tx: Transaction;
      try {
        tx = await inner.startTransaction(isolationLevel);
      } catch (e) {
        release();
        throw e;
      }
      // Prisma sends COMMIT/ROLLBACK through the transaction's own queries, then calls these.
      const end = (finish: () => Promise<void>) => async () => {
        try {
          await finish();
        } finally {
          release();
        }
      };
      return {
        provider: tx.provider,
        adapterName: tx.adapterName,
        options: tx.options,
        queryRaw: (query) => tx.queryRaw(query),
        executeRaw: (query) => tx.executeRaw(query),
        commit: end(() => tx.commit()),
        rollback: end(() => tx.rollback()),
      };
    },
  };
}
