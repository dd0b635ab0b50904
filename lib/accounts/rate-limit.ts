import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import type { Db } from "@/lib/db/client";

/**
 * Failed sign-ins are counted per email and per client address in the database, so every
 * server process (and a restart) sees the same counts.
 */
export const SIGN_IN_LIMIT = { points: 10, durationSec: 15 * 60 };

export interface Limiters {
  signInByEmail: RateLimiterPrisma;
  signInByIp: RateLimiterPrisma;
  signUpByIp: RateLimiterPrisma;
  /** Deletes expired counters, at most once per SWEEP_EVERY_MS per set of limiters. */
  sweep(now?: Date): Promise<void>;
}

/**
 * Counters whose window has passed count nothing but stay in the table (the library's own
 * timer is off: it would keep every process and test alive). Failures sweep them instead.
 */
export const SWEEP_EVERY_MS = 60_000;

export async function deleteExpiredCounters(db: Db, now = new Date()): Promise<number> {
  const { count } = await db.rateLimiterFlexible.deleteMany({ where: { expire: { lt: now } } });
  return count;
}

function limiter(db: Db, keyPrefix: string, points: number, duration: number) {
  return new RateLimiterPrisma({
    storeClient: db,
    tableName: "rateLimiterFlexible",
    keyPrefix,
    points,
    duration,
    clearExpiredByTimeout: false,
  });
}

export function createLimiters(db: Db): Limiters {
  let nextSweep = 0;
  return {
    async sweep(now = new Date()) {
      if (now.getTime() < nextSweep) return;
      nextSweep = now.getTime() + SWEEP_EVERY_MS;
      await deleteExpiredCounters(db, now);
    },
    signInByEmail: limiter(db, "signin-email", SIGN_IN_LIMIT.points, SIGN_IN_LIMIT.durationSec),
    signInByIp: limiter(db, "signin-ip", SIGN_IN_LIMIT.points * 3, SIGN_IN_LIMIT.durationSec),
    signUpByIp: limiter(db, "signup-ip", 20, 60 * 60),
  };
}

/** Seconds until the key may try again, or 0 when it is not blocked. */
export async function blockedFor(l: RateLimiterPrisma, key: string, points: number): Promise<number> {
  const res = await l.get(key);
  if (!res || res.consumedPoints < points) return 0;
  return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
}

/** Counts one failure; returns seconds to wait when this failure used up the allowance. */
export async function countFailure(l: RateLimiterPrisma, key: string): Promise<number> {
  try {
    const res = await l.consume(key, 1);
    return res.remainingPoints > 0 ? 0 : Math.max(1, Math.ceil(res.msBeforeNext / 1000));
  } catch (e) {
    if (e instanceof RateLimiterRes) return Math.max(1, Math.ceil(e.msBeforeNext / 1000));
    throw e;
  }
}
