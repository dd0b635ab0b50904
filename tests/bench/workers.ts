import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { algorithmFor, applyOps, localSession, type DayPack, type Quality } from "@/lib/core/srs";
import { loadDayPack } from "@/lib/reviews/day-pack";
import type { OpResult } from "@/lib/reviews/sync";
import type { Measured } from "./format";
import { actionResult, type HttpClient } from "./http";
import { Exhausted, runLoad, type Worker } from "./load";
import { randomQuality, rng } from "./population";
import { learnerOf, type Session } from "./sessions";

/**
 * The grade action's load and its framework floor (the empty action), shared by the SQLite and the
 * PostgreSQL servers so both columns measure exactly the same requests. A grade is what the review
 * screen sends: the sync action with one answer, answered with the learner's day pack, from which
 * the next card is computed as the browser computes it (lib/core/srs/day-pack).
 */

/** Stay well clear of the sync action's flood guard (600 calls a minute per learner). */
export const GRADES_PER_ACCOUNT = 250;

/** Hands out accounts one at a time. */
export class Pool<T> {
  private i = 0;
  constructor(private readonly items: T[], private readonly wrap = false) {}
  take(): T | null {
    if (this.i >= this.items.length) {
      if (!this.wrap || !this.items.length) return null;
      this.i = 0;
    }
    return this.items[this.i++];
  }
  get used(): number {
    return this.i;
  }
}

export type SyncOut = { ok: true; results: OpResult[]; pack: DayPack } | { ok: false; error: string; results: []; pack: null };
export const tally = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);

/** The empty action: the sync action refusing an invalid op (session, flood guard and zod; no benchmark code is in the build). */
export interface FloorAction {
  id: string;
  page: string;
  /** What is posted: refused by zod when `fallback`. */
  input: unknown;
  fallback: boolean;
  label: string;
}

/** An op every schema version refuses: a grade with no card, grade or moment. */
export const INVALID_SYNC_INPUT = { ops: [{ type: "grade", requestId: "not-a-uuid" }] };

/** The card the review screen shows next, from the pack as the server sent it. */
export function nextCard(pack: DayPack, now = new Date()): string | null {
  const algorithm = algorithmFor({ algorithm: pack.learner.algorithm, desiredRetention: pack.learner.desiredRetention, weights: pack.learner.fsrsWeights });
  return localSession(applyOps(pack, [], now, algorithm), now, algorithm).card?.id ?? null;
}

export function gradeWorkerFactory(client: HttpClient, ids: { sync: string; page: string }, pool: Pool<Session>, prisma: Db, failures: Map<string, number>) {
  return (i: number): Worker => {
    const r = rng(1000 + i);
    let acct: Session | null = null;
    let card: string | null = null;
    let graded = 0;
    return {
      async step() {
        if (!acct || !card || graded >= GRADES_PER_ACCOUNT) {
          // Next learner: the pack the review page loads, and its first card (not measured).
          for (let tries = 0; tries < 20; tries++) {
            acct = pool.take();
            if (!acct) throw new Exhausted();
            card = nextCard(await loadDayPack(prisma, learnerOf(acct.id), new Date()));
            graded = 0;
            if (card) return null;
          }
          throw new Exhausted();
        }
        const op = { type: "grade", requestId: randomUUID(), cardId: card, grade: randomQuality(r) as Quality, answeredAt: Date.now(), durationMs: Math.round(2_000 + r() * 12_000) };
        const res = await client.action(ids.page, ids.sync, [{ userId: acct.id, ops: [op] }], acct.cookie);
        graded++;
        if (res.status !== 200) {
          tally(failures, `HTTP ${res.status}`);
          acct = null;
          return false;
        }
        const out = actionResult<SyncOut>(res.text);
        if (!out.ok) {
          tally(failures, out.error);
          acct = null;
          return false;
        }
        card = nextCard(out.pack);
        const result = out.results[0];
        if (result?.status === "applied") return true;
        tally(failures, result?.status === "refused" ? result.error : "no result");
        return false;
      },
    };
  };
}

export function emptyActionWorkerFactory(client: HttpClient, floor: FloorAction, readers: Session[], failures: Map<string, number>) {
  return (i: number): Worker => {
    // Each step as the next learner: every action has a per-learner flood guard (app/_actions),
    // and the floor is what an action costs below it, not the guard's refusal.
    let turn = i;
    return {
      async step() {
        const acct = readers[turn++ % readers.length];
        const res = await client.action(floor.page, floor.id, [floor.input], acct.cookie);
        if (res.status !== 200) {
          tally(failures, `HTTP ${res.status}`);
          return false;
        }
        const out = actionResult<{ ok: boolean; error?: string }>(res.text);
        const good = floor.fallback ? out.error === "bad-input" : out.ok;
        if (!good) tally(failures, out.error ?? "not ok");
        return good;
      },
    };
  };
}
/** One closed-loop step (≥ 10 samples), its failures counted by reason. */
export async function measureStep(
  name: string,
  opts: { concurrency: number; warmupMs: number; durationMs: number; onTick?: () => void },
  makeFactory: (failures: Map<string, number>) => (i: number) => Worker,
): Promise<Measured> {
  const failures = new Map<string, number>();
  const res = await runLoad({ ...opts, minSamples: 10, makeWorker: makeFactory(failures) });
  return { name, failures, res };
}
