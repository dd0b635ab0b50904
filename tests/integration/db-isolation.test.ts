import { beforeAll, describe, expect, it } from "vitest";
import { readyDb, type Db } from "@/lib/db/client";
import { makeUser } from "../helpers/users";

let db: Db;

beforeAll(async () => {
  db = await readyDb();
});

/** A promise and the function that settles it, to hold a transaction open at a chosen point. */
function gate() {
  let open!: () => void;
  const passed = new Promise<void>((resolve) => (open = resolve));
  return { passed, open };
}

/** Waits for `p` to settle, or `ms` at most: a query queued behind a lock never settles here. */
const settledOrTimeout = (p: Promise<unknown>, ms: number) =>
  Promise.race([p.then(() => undefined, () => undefined), new Promise<void>((resolve) => setTimeout(resolve, ms))]);

describe("writes outside a transaction", () => {
  // On SQLite the app has one connection per process. A statement sent while another request's
  // interactive transaction was open used to run inside it, so that transaction's rollback (a
  // grade conflict, a replayed request id) silently undid a write that had reported success.
  it("survive the rollback of another request's transaction that was open at the time", async () => {
    const grader = await makeUser(db, { name: "grader" });
    const other = await makeUser(db, { name: "before" });
    const inside = gate();
    const rollBack = gate();

    const failing = db
      .$transaction(async (tx) => {
        await tx.user.update({ where: { id: grader.id }, data: { name: "inside" } });
        inside.open();
        await rollBack.passed;
        throw new Error("conflict");
      })
      .then(
        () => "committed",
        (e: Error) => e.message,
      );

    await inside.passed;
    // A single-row update, as saving settings does: Prisma sends it as one statement, outside any transaction of its own.
    const unrelated = db.user.update({ where: { id: other.id }, data: { name: "after" } });
    // Give the write time to reach the database (or to queue behind the transaction) before the rollback.
    await settledOrTimeout(unrelated, 300);
    rollBack.open();

    expect(await failing).toBe("conflict");
    await unrelated;
    const names = await db.user.findMany({ where: { id: { in: [grader.id, other.id] } }, select: { id: true, name: true } });
    expect(Object.fromEntries(names.map((u) => [u.id, u.name]))).toEqual({ [grader.id]: "grader", [other.id]: "after" });
  });

  it("never show a reader data that a transaction open at the time later rolls back", async () => {
    const me = await makeUser(db, { name: "old" });
    const inside = gate();
    const rollBack = gate();
    const failing = db
      .$transaction(async (tx) => {
        await tx.user.update({ where: { id: me.id }, data: { name: "uncommitted" } });
        inside.open();
        await rollBack.passed;
        throw new Error("conflict");
      })
      .catch(() => "rolled back");
    await inside.passed;
    const read = db.user.findUniqueOrThrow({ where: { id: me.id } }).then((u) => u.name);
    await settledOrTimeout(read, 300);
    rollBack.open();
    expect(await failing).toBe("rolled back");
    expect(await read).toBe("old");
  });
});
