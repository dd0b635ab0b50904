import type { Db } from "@/lib/db/client";

/** A real table, not `SELECT 1`: SQLite answers that without opening the file's schema. */
export async function readsATable(db: Db): Promise<void> {
  await db.$queryRawUnsafe('SELECT 1 FROM "User" LIMIT 1');
}
