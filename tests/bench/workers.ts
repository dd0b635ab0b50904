import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { sessionView } from "@/lib/reviews/view";
import type { Measured } from "./format";
import { actionResult, type HttpClient } from "./http";
import { Exhausted, runLoad, type Worker } from "./load";
import { randomQuality, rng } from "./population";
import { learnerOf, type Session } from "./sessions";

/**
 * The grade action's load and its framework floor (the empty action), shared by the SQLite and the
 * PostgreSQL servers so both columns measure exactly the same requests.
 */

/** The grade action refuses more than 300 grades a minute per learner; stay clear of it. */
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

export type GradeOut = { ok: boolean; error?: string; session: { card: { id: string; version: number } | null } | null };
export const tally = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);

/** The empty action: gradeAction refusing an invalid input (session, flood guard and zod; no benchmark code is in the build). */
export interface FloorAction {
  id: string;
  page: string;
  fallback: boolean;
  label: string;
}

export function gradeWorkerFactory(client: HttpClient, ids: { grade: string; page: string }, pool: Pool<Session>, prisma: Db, failures: Map<string, number>) {
  return (i: number): Worker => {
    const r = rng(1000 + i);
    let acct: Session | null = null;
    let card: { id: string; version: number } | null = null;
    let graded = 0;
    return {
      async step() {
        if (!acct || !card || graded >= GRADES_PER_ACCOUNT) {
          // Next learner: today's first card, the way the review page computes it.
          for (let tries = 0; tries < 20; tries++) {
            acct = pool.take();
            if (!acct) throw new Exhausted();
            const view = await sessionView(prisma, learnerOf(acct.id), new Date());
            card = view.card && { id: view.card.id, version: view.card.version };
            graded = 0;
            if (card) return null;
          }
          throw new Exhausted();
        }
        const input = { cardId: card.id, quality: randomQuality(r), expectedVersion: card.version, requestId: randomUUID(), durationMs: Math.round(2_000 + r() * 12_000) };
        const res = await client.action(ids.page, ids.grade, [input], acct.cookie);
        graded++;
        if (res.status !== 200) {
          tally(failures, `HTTP ${res.status}`);
          acct = null;
          return false;
        }
        const out = actionResult<GradeOut>(res.text);
        if (out.ok) {
          card = out.session?.card ? { id: out.session.card.id, version: out.session.card.version } : null;
          return true;
        }
        tally(failures, out.error ?? "unknown");
        if (out.error === "rate-limited") acct = null;
        else card = out.session?.card ? { id: out.session.card.id, version: out.session.card.version } : null;
        return false;
      },
    };
  };
}

export function emptyActionWorkerFactory(client: HttpClient, floor: { id: string; page: string; fallback: boolean }, readers: Session[], failures: Map<string, number>) {
  return (i: number): Worker => {
    // Each step as the next learner: every action has a per-learner flood guard (app/_actions),
    // and the floor is what an action costs below it, not the guard's refusal.
    let turn = i;
    return {
      async step() {
        const acct = readers[turn++ % readers.length];
        const res = await client.action(floor.page, floor.id, [{}], acct.cookie);
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
