import type Database from "better-sqlite3";
import { randomBytes, randomUUID } from "node:crypto";
import { dueAtFor, INITIAL_SM2, owesRepeatAfter, sm2, type Quality, type Sm2State } from "@/lib/core/srs";

/**
 * Learners with histories, written straight into SQLite with prepared statements inside
 * transactions (Prisma would take minutes for a million rows). Values are stored the way Prisma's
 * better-sqlite3 adapter stores them: DateTime as ISO text with "+00:00", Float as REAL.
 */

export const PASSWORD = "correct horse battery";
export const TIME_ZONE = "UTC";
export const ROLLOVER_HOUR = 4;
export const NEW_PER_DAY = 20;
export const MAX_REVIEWS_PER_DAY = 200;
const DAY_MS = 86_400_000;

/** DateTime as Prisma's SQLite adapter writes it: 2026-11-25T11:43:06.676+00:00 */
export function sqlDate(d: Date | number): string {
  return new Date(d).toISOString().replace("Z", "+00:00");
}

let idCounter = 0;
const idPrefix = randomBytes(3).toString("hex");
/** Collision-free, roughly time-ordered ids shaped like Prisma's cuids. */
export function newId(): string {
  return `c${Date.now().toString(36)}${idPrefix}${(idCounter++).toString(36).padStart(6, "0")}`;
}

/** The project's seeded PRNG, so every run builds the same histories. */
import { mulberry32 as rng } from "@/lib/core/quiz/rng";
export { rng };

/** A learner's grade: mostly 3–5, sometimes a miss (so drills and lapses happen). */
export function randomQuality(r: () => number): Quality {
  const x = r();
  if (x < 0.05) return 0;
  if (x < 0.1) return 1;
  if (x < 0.18) return 2;
  if (x < 0.38) return 3;
  if (x < 0.72) return 4;
  return 5;
}

export interface StateRow {
  id: string;
  userId: string;
  cardId: string;
  repetitions: number;
  easiness: number;
  intervalDays: number;
  dueAt: number;
  lapses: number;
  lastReviewedAt: number | null;
  introducedAt: number;
  version: number;
}

export interface LogRow {
  id: string;
  userId: string;
  cardId: string;
  grade: number;
  origin: string;
  kind: string;
  before: Sm2State & { dueAt: number | null; lapses: number };
  after: Sm2State & { dueAt: number; lapses: number };
  reviewedAt: number;
  durationMs: number;
  requestId: string;
}

/** Live cards in deck order. */
export function deckCards(sqlite: Database.Database): string[] {
  return (sqlite.prepare(`SELECT id FROM "Card" WHERE "retiredAt" IS NULL ORDER BY "position"`).all() as { id: string }[]).map((c) => c.id);
}

/**
 * A learner who started `days` days ago and studied on most days up to yesterday, the way the
 * app would have scheduled it: due cards first, then up to 20 new ones in deck order, each graded
 * with a random quality, misses drilled until a 4 or 5. Nothing is graded today, so today's queue
 * holds whatever came due plus new cards.
 */
export function simulateLearner(userId: string, cards: string[], days: number, now: number, r: () => number): { states: StateRow[]; logs: LogRow[] } {
  const states = new Map<string, StateRow>();
  const logs: LogRow[] = [];
  const todayStart = dueAtFor(new Date(now), 0, TIME_ZONE, ROLLOVER_HOUR).getTime();
  let nextNew = 0;
  for (let d = days; d >= 1; d--) {
    if (r() < 0.25) continue; // skipped days build a backlog
    const dayStart = todayStart - d * DAY_MS;
    const dayEnd = dayStart + DAY_MS;
    let t = dayStart + (3 + r() * 12) * 3_600_000;
    const due = [...states.values()].filter((s) => s.dueAt < dayEnd).sort((a, b) => a.dueAt - b.dueAt).slice(0, MAX_REVIEWS_PER_DAY);
    const fresh = cards.slice(nextNew, nextNew + NEW_PER_DAY);
    nextNew += fresh.length;
    const grade = (cardId: string, kind: "new" | "review" | "drill", q: Quality) => {
      t += 4_000 + r() * 20_000;
      const s = states.get(cardId);
      const before = s ? { repetitions: s.repetitions, easiness: s.easiness, intervalDays: s.intervalDays, dueAt: s.dueAt, lapses: s.lapses } : { ...INITIAL_SM2, dueAt: null, lapses: 0 };
      const moves = kind !== "drill";
      const next = moves ? sm2(before, q) : before;
      const dueAt = moves ? dueAtFor(new Date(t), next.intervalDays, TIME_ZONE, ROLLOVER_HOUR).getTime() : s!.dueAt;
      const lapses = before.lapses + (moves && q < 3 && before.repetitions > 0 ? 1 : 0);
      if (!s) {
        states.set(cardId, { id: newId(), userId, cardId, repetitions: next.repetitions, easiness: next.easiness, intervalDays: next.intervalDays, dueAt, lapses, lastReviewedAt: t, introducedAt: t, version: 1 });
      } else {
        if (moves) Object.assign(s, { repetitions: next.repetitions, easiness: next.easiness, intervalDays: next.intervalDays, dueAt, lapses, lastReviewedAt: t });
        s.version++;
      }
      logs.push({ id: newId(), userId, cardId, grade: q, origin: "review", kind, before, after: { repetitions: next.repetitions, easiness: next.easiness, intervalDays: next.intervalDays, dueAt, lapses }, reviewedAt: t, durationMs: Math.round(3_000 + r() * 15_000), requestId: randomUUID() });
    };
    const drills: string[] = [];
    for (const s of due) {
      const q = randomQuality(r);
      grade(s.cardId, "review", q);
      if (owesRepeatAfter(q)) drills.push(s.cardId);
    }
    for (const id of fresh) {
      const q = randomQuality(r);
      grade(id, "new", q);
      if (owesRepeatAfter(q)) drills.push(id);
    }
    for (let i = 0; i < drills.length && i < 200; i++) {
      const q = randomQuality(r);
      grade(drills[i], "drill", q);
      if (owesRepeatAfter(q)) drills.push(drills[i]);
    }
  }
  return { states: [...states.values()], logs };
}

/** Prepared inserts for users, review state and review log. */
export class Writer {
  private readonly user: Database.Statement;
  private readonly state: Database.Statement;
  private readonly log: Database.Statement;
  constructor(readonly sqlite: Database.Database) {
    this.user = sqlite.prepare(
      `INSERT INTO "User" (id, email, name, "passwordHash", locale, "timeZone", "rolloverHour", "newPerDay", "maxReviewsPerDay", "sessionVersion", "createdAt", "updatedAt")
       VALUES (?, ?, ?, ?, 'en', ?, ?, ?, ?, 0, ?, ?)`,
    );
    this.state = sqlite.prepare(
      `INSERT INTO "ReviewState" (id, "userId", "cardId", repetitions, easiness, "intervalDays", "dueAt", lapses, "lastReviewedAt", "introducedAt", version)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.log = sqlite.prepare(
      `INSERT INTO "ReviewLog" (id, "userId", "cardId", grade, origin, kind, "repsBefore", "easeBefore", "intervalBefore", "dueBefore", "lapsesBefore",
         "repsAfter", "easeAfter", "intervalAfter", "dueAfter", "lapsesAfter", "reviewedAt", "durationMs", "requestId", "undoneAt")
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)`,
    );
  }

  addUser(id: string, email: string, passwordHash: string, createdAt: number): void {
    const at = sqlDate(createdAt);
    this.user.run(id, email, "Bench learner", passwordHash, TIME_ZONE, ROLLOVER_HOUR, NEW_PER_DAY, MAX_REVIEWS_PER_DAY, at, at);
  }

  addState(s: StateRow): void {
    this.state.run(s.id, s.userId, s.cardId, s.repetitions, s.easiness, s.intervalDays, sqlDate(s.dueAt), s.lapses, s.lastReviewedAt === null ? null : sqlDate(s.lastReviewedAt), sqlDate(s.introducedAt), s.version);
  }

  addLog(l: LogRow): void {
    const b = l.before;
    const a = l.after;
    this.log.run(
      l.id, l.userId, l.cardId, l.grade, l.origin, l.kind,
      b.repetitions, b.easiness, b.intervalDays, b.dueAt === null ? null : sqlDate(b.dueAt), b.lapses,
      a.repetitions, a.easiness, a.intervalDays, sqlDate(a.dueAt), a.lapses,
      sqlDate(l.reviewedAt), l.durationMs, l.requestId,
    );
  }
}

export interface Account {
  id: string;
  email: string;
}

/** Where a simulated learner's rows go: SQLite here, PostgreSQL in population-pg.ts. */
export interface LearnerRowSink {
  addUser(id: string, email: string, passwordHash: string, createdAt: number): void;
  addState(s: StateRow): void;
  addLog(l: LogRow): void;
}

/** One learner who started 1–60 days before `now`, with the history simulateLearner gives them. */
export function writeLearner(w: LearnerRowSink, email: string, passwordHash: string, cards: string[], now: number, r: () => number): { account: Account; states: number; logs: number } {
  const id = newId();
  const days = 1 + Math.floor(r() * 60);
  w.addUser(id, email, passwordHash, now - days * DAY_MS);
  const h = simulateLearner(id, cards, days, now, r);
  for (const s of h.states) w.addState(s);
  for (const l of h.logs) w.addLog(l);
  return { account: { id, email }, states: h.states.length, logs: h.logs.length };
}

/**
 * Adds `count` learners with simulated histories (started 1–60 days ago), in transactions of a
 * few hundred learners. Returns them in creation order.
 */
export function addLearners(sqlite: Database.Database, opts: { count: number; prefix: string; passwordHash: string; seed: number; now?: number }): { accounts: Account[]; states: number; logs: number } {
  const w = new Writer(sqlite);
  const cards = deckCards(sqlite);
  const r = rng(opts.seed);
  const now = opts.now ?? Date.now();
  const accounts: Account[] = [];
  let states = 0;
  let logs = 0;
  const batch = sqlite.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const h = writeLearner(w, `${opts.prefix}-${i}@bench.example.com`, opts.passwordHash, cards, now, r);
      states += h.states;
      logs += h.logs;
      accounts.push(h.account);
    }
  });
  for (let i = 0; i < opts.count; i += 200) batch(i, Math.min(opts.count, i + 200));
  return { accounts, states, logs };
}
