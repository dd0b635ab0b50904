/**
 * Learner-local days.
 *
 * A learner's "day" runs from the rollover hour (e.g. 04:00 local) on one
 * calendar date to the rollover hour on the next, so a session at 01:30 still
 * counts for the evening before. Days are identified by the calendar date on
 * which they start, as "YYYY-MM-DD" (a "day key").
 *
 * Pure module: the current instant, IANA time zone and rollover hour are
 * always arguments. Time-zone offsets come from luxon (which reads the IANA
 * database through Intl).
 *
 * Definition used everywhere below: the learner day `key` starts at the
 * EARLIEST instant whose local wall-clock time is ≥ `key` at rolloverHour:00.
 *  - normal day: exactly the local rollover time;
 *  - DST gap (rollover time skipped): the first valid instant after it,
 *    i.e. the moment the clocks jump forward;
 *  - DST overlap (rollover time occurs twice): the first occurrence.
 * `localDayKey` is defined as the key whose [start, next start) contains the
 * instant, so the two functions can never disagree.
 *
 * We deliberately do not use `DateTime.fromObject(..., { zone })` to find the
 * start instant: luxon resolves ambiguous wall times using the offset that is
 * in force at the *current* clock time (Settings.now()), which would make the
 * result depend on when the code runs. Instead the UTC offsets are read from
 * luxon's IANAZone and the start instant is searched for explicitly.
 * Calendar arithmetic on day keys has no time zone and uses Date.UTC.
 */
import { IANAZone } from "luxon";

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const KEY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export const DEFAULT_ROLLOVER_HOUR = 4;

export interface DayBounds {
  /** First instant of the learner day (inclusive). */
  start: Date;
  /** First instant of the next learner day (exclusive). */
  end: Date;
  /** "YYYY-MM-DD" of the calendar date the learner day starts on. */
  key: string;
}

// Zone-name validation builds an Intl.DateTimeFormat (≈0.1 ms), so remember the
// names already seen to be valid. Bounded so junk input cannot grow it forever.
const validZones = new Set<string>();
const MAX_CACHED_ZONES = 1000;

/** True for any IANA zone name the runtime's Intl knows (e.g. "Europe/Berlin", "UTC"). */
export function isValidTimeZone(tz: string): boolean {
  if (typeof tz !== "string" || tz.length === 0) return false;
  if (validZones.has(tz)) return true;
  const ok = IANAZone.isValidZone(tz);
  if (ok && validZones.size < MAX_CACHED_ZONES) validZones.add(tz);
  return ok;
}

function zoneOf(timeZone: string): IANAZone {
  if (!isValidTimeZone(timeZone)) throw new RangeError(`Invalid IANA time zone: ${String(timeZone)}`);
  return IANAZone.create(timeZone);
}

function checkRollover(rolloverHour: number): void {
  if (!Number.isInteger(rolloverHour) || rolloverHour < 0 || rolloverHour > 23) {
    throw new RangeError(`rolloverHour must be an integer 0..23, got ${String(rolloverHour)}`);
  }
}

function instantOf(now: Date): number {
  const ts = now instanceof Date ? now.getTime() : NaN;
  if (!Number.isFinite(ts)) throw new RangeError("Invalid Date");
  return ts;
}

/*
 * Calendar dates are handled as "day numbers": days since 1970-01-01 in the
 * proleptic Gregorian calendar (Date.UTC arithmetic, which has no time zone
 * and no DST, so adding n days is exact calendar arithmetic).
 */

function parseKey(dayKey: string): number {
  const m = typeof dayKey === "string" ? KEY_RE.exec(dayKey) : null;
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const ms = Date.UTC(y, mo - 1, d);
    const check = new Date(ms);
    if (check.getUTCFullYear() === y && check.getUTCMonth() === mo - 1 && check.getUTCDate() === d) {
      return ms / DAY_MS;
    }
  }
  throw new RangeError(`Invalid day key (expected YYYY-MM-DD): ${String(dayKey)}`);
}

function keyOf(dayNumber: number): string {
  const dt = new Date(dayNumber * DAY_MS);
  const y = dt.getUTCFullYear();
  const m = dt.getUTCMonth() + 1;
  const d = dt.getUTCDate();
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** UTC offset of `zone` at instant `ts`, in ms (from the IANA database via luxon). */
function offsetMs(zone: IANAZone, ts: number): number {
  // Rounded: historical LMT offsets are not whole minutes.
  return Math.round(zone.offset(ts) * MINUTE_MS);
}

/** Local wall-clock time at instant `ts`, expressed as ms on a UTC timeline. */
function wallMs(zone: IANAZone, ts: number): number {
  return ts + offsetMs(zone, ts);
}

/**
 * Earliest instant whose local wall time is ≥ `targetWall` (wall time as ms on
 * a UTC timeline). Real offsets lie within −12h..+14h, so the answer lies
 * within [targetWall − 14h, targetWall + 12h].
 */
function earliestInstantAtOrAfterWall(zone: IANAZone, targetWall: number): number {
  const lo = targetWall - 15 * HOUR_MS; // wall(lo) ≤ targetWall − 1h
  const hi = targetWall + 13 * HOUR_MS; // wall(hi) ≥ targetWall + 1h
  const offLo = offsetMs(zone, lo);
  const offHi = offsetMs(zone, hi);
  // Fast path: same offset throughout the window (no transition nearby), so the
  // wall time exists exactly once.
  if (offLo === offHi && offsetMs(zone, targetWall - offLo) === offLo) return targetWall - offLo;
  // Offsets that may be in force around the target (normally two around a transition).
  const offsets = new Set<number>([offLo, offHi, offsetMs(zone, targetWall - offsetMs(zone, targetWall))]);

  let best = Infinity;
  let earliestPast = hi; // earliest probed instant already known to be ≥ target
  for (const off of offsets) {
    const t = targetWall - off;
    const w = wallMs(zone, t);
    if (w === targetWall) best = Math.min(best, t); // the wall time exists at t
    else if (w > targetWall) earliestPast = Math.min(earliestPast, t);
  }
  if (best !== Infinity) return best;

  // Gap: the target wall time is skipped. Find the jump (first instant with wall ≥ target).
  let a = lo; // wall(a) < target
  let b = earliestPast; // wall(b) ≥ target
  while (b - a > 1) {
    const mid = a + Math.floor((b - a) / 2);
    if (wallMs(zone, mid) >= targetWall) b = mid;
    else a = mid;
  }
  return b;
}

// Memo of learner-day starts (a deterministic function of zone, day and hour;
// the cache is invisible to callers). Each lookup otherwise costs a handful of
// Intl calls, and the same few days are asked for over and over. Bounded.
const startCache = new Map<string, number>();
const MAX_CACHED_STARTS = 5000;

function startMs(zone: IANAZone, dayNumber: number, rolloverHour: number): number {
  const cacheKey = `${zone.name}|${rolloverHour}|${dayNumber}`;
  const hit = startCache.get(cacheKey);
  if (hit !== undefined) return hit;
  const ms = earliestInstantAtOrAfterWall(zone, dayNumber * DAY_MS + rolloverHour * HOUR_MS);
  if (startCache.size >= MAX_CACHED_STARTS) startCache.clear();
  startCache.set(cacheKey, ms);
  return ms;
}

/** `dayKey` shifted by `n` calendar days ("2026-03-08", 1 → "2026-03-09"); not 24-hour multiples. */
export function addLocalDays(dayKey: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`n must be an integer, got ${String(n)}`);
  return keyOf(parseKey(dayKey) + n);
}

/** Instant the learner day `dayKey` begins: local `rolloverHour`:00 on that date (see module comment for DST). */
export function dayStart(dayKey: string, timeZone: string, rolloverHour: number): Date {
  checkRollover(rolloverHour);
  return new Date(startMs(zoneOf(timeZone), parseKey(dayKey), rolloverHour));
}

function locate(ts: number, zone: IANAZone, rolloverHour: number): { day: number; start: number; end: number } {
  const wall = wallMs(zone, ts);
  // Calendar date of the wall time, minus one if before the rollover hour.
  let day = Math.floor((wall - rolloverHour * HOUR_MS) / DAY_MS);
  // That is the answer except around exotic transitions; make it agree with
  // startMs by construction (each loop runs at most a couple of times).
  let start = startMs(zone, day, rolloverHour);
  while (ts < start) {
    day -= 1;
    start = startMs(zone, day, rolloverHour);
  }
  let end = startMs(zone, day + 1, rolloverHour);
  while (ts >= end) {
    day += 1;
    start = end;
    end = startMs(zone, day + 1, rolloverHour);
  }
  return { day, start, end };
}

/** "YYYY-MM-DD" of the learner day containing `now`. */
export function localDayKey(now: Date, timeZone: string, rolloverHour: number): string {
  checkRollover(rolloverHour);
  return keyOf(locate(instantOf(now), zoneOf(timeZone), rolloverHour).day);
}

/** The learner day containing `now`: [start, end) and its key. */
export function dayBounds(now: Date, timeZone: string, rolloverHour: number): DayBounds {
  checkRollover(rolloverHour);
  const { day, start, end } = locate(instantOf(now), zoneOf(timeZone), rolloverHour);
  return { start: new Date(start), end: new Date(end), key: keyOf(day) };
}

/**
 * When a card graded at `now` with the given interval becomes due: the start
 * of the learner day `intervalDays` learner-local days after today.
 * intervalDays 0 → start of today (due immediately).
 */
export function dueAtFor(now: Date, intervalDays: number, timeZone: string, rolloverHour: number): Date {
  if (!Number.isInteger(intervalDays) || intervalDays < 0) {
    throw new RangeError(`intervalDays must be a non-negative integer, got ${String(intervalDays)}`);
  }
  checkRollover(rolloverHour);
  const zone = zoneOf(timeZone);
  const { day } = locate(instantOf(now), zone, rolloverHour);
  return new Date(startMs(zone, day + intervalDays, rolloverHour));
}
