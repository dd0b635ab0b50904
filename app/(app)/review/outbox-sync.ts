"use client";

import type { DayPack, PackOp } from "@/lib/core/srs/day-pack";
import { SYNC_BATCH, wireOp } from "@/lib/core/srs/op-wire";
import type { OpResult } from "@/lib/reviews/sync";
import { syncAction } from "./actions";
import { readOutbox, removeFromOutbox, withOutboxLock } from "./offline-store";

/** What a delivery of the outbox came back with. */
export interface Delivery {
  /** Ops sent and settled (applied, undone or refused): they leave the outbox. */
  settled: { op: PackOp; result: OpResult | { requestId: string; status: "refused"; error: "bad-input" } }[];
  /** The learner's day as the server holds it after them (null: nothing could be sent). */
  pack: DayPack | null;
  /** Why delivery stopped early, if it did. */
  stopped: "unauthorized" | "rate-limited" | "bad-input" | null;
}


async function deliver(userId: string): Promise<Delivery> {
  const out: Delivery = { settled: [], pack: null, stopped: null };
  for (;;) {
    const batch = (await readOutbox(userId)).slice(0, SYNC_BATCH);
    // An empty batch still fetches the day as it stands (another device may have answered).
    const res = await syncAction({ userId, ops: batch.map((r) => wireOp(r.op)) });
    if (!res.ok && res.error === "bad-input" && batch.length > 0) {
      // Something this server can never accept (it cannot be fixed by waiting): find it and drop it.
      for (const r of batch) {
        const one = await syncAction({ userId, ops: [wireOp(r.op)] });
        if (!one.ok && one.error !== "bad-input") {
          out.stopped = one.error === "unauthorized" || one.error === "rate-limited" ? one.error : null;
          return out;
        }
        await removeFromOutbox(userId, new Set([r.op.requestId]));
        out.settled.push({ op: r.op, result: one.ok ? one.results[0] : { requestId: r.op.requestId, status: "refused", error: "bad-input" } });
        if (one.ok) out.pack = one.pack;
      }
      continue;
    }
    if (!res.ok) {
      out.stopped = res.error === "unauthorized" || res.error === "rate-limited" ? res.error : "bad-input";
      return out;
    }
    const byId = new Map(batch.map((r) => [r.op.requestId, r.op]));
    const settled = res.results.map((result) => ({ op: byId.get(result.requestId)!, result })).filter((s) => s.op);
    await removeFromOutbox(userId, new Set(settled.map((s) => s.op.requestId)));
    out.settled.push(...settled);
    out.pack = res.pack;
    if (batch.length < SYNC_BATCH) return out;
  }
}

/**
 * Sends the learner's outbox in order, one tab at a time (two tabs of one browser share the
 * outbox; the server would apply each answer once anyway, the lock saves the second send and keeps
 * an undo of an unsent answer from racing its delivery). Throws when the network fails: the outbox
 * stays as it was and is sent again later.
 */
export function sendOutbox(userId: string): Promise<Delivery> {
  return withOutboxLock(userId, () => deliver(userId));
}
