import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import {
  addLocalDays,
  dayBounds,
  dayStart,
  dueAtFor,
  isValidTimeZone,
  localDayKey,
} from "@/lib/core/srs/days";

const LA = "America/Los_Angeles";
const BER = "Europe/Berlin";
const SHA = "Asia/Shanghai";
const KIR = "Pacific/Kiritimati"; // UTC+14
const PPG = "Pacific/Pago_Pago"; // UTC−11

const d = (iso: string) => new Date(iso);
const HOUR = 3_600_000;

describe("isValidTimeZone", () => {
  it.each([LA, BER, SHA, KIR, PPG, "UTC", "Australia/Lord_Howe"])("accepts %s", (tz) => {
    expect(isValidTimeZone(tz)).toBe(true);
  });
  it.each(["", "Mars/Olympus_Mons", "America/Nowhere", "not a zone"])("rejects %j", (tz) => {
    expect(isValidTimeZone(tz)).toBe(false);
  });
  it("makes the other functions throw on a bad zone", () => {
    expect(() => localDayKey(d("2026-01-01T00:00:00Z"), "Mars/Base", 4)).toThrow(RangeError);
    expect(() => dayStart("2026-01-01", "Mars/Base", 4)).toThrow(RangeError);
  });
});

describe("argument validation", () => {
  it.each([-1, 24, 2.5, NaN])("rejects rolloverHour %s", (h) => {
    expect(() => localDayKey(d("2026-01-01T00:00:00Z"), LA, h)).toThrow(RangeError);
    expect(() => dayStart("2026-01-01", LA, h)).toThrow(RangeError);
  });
  it("rejects an invalid Date", () => {
    expect(() => localDayKey(new Date(NaN), LA, 4)).toThrow(RangeError);
  });
  it.each(["2026-02-30", "2026-3-1", "20260301", "", "2026-13-01"])("rejects day key %j", (k) => {
    expect(() => addLocalDays(k, 1)).toThrow(RangeError);
    expect(() => dayStart(k, LA, 4)).toThrow(RangeError);
  });
  it("rejects a negative or fractional interval", () => {
    expect(() => dueAtFor(d("2026-01-01T20:00:00Z"), -1, LA, 4)).toThrow(RangeError);
    expect(() => dueAtFor(d("2026-01-01T20:00:00Z"), 1.5, LA, 4)).toThrow(RangeError);
  });
});

describe("addLocalDays (calendar arithmetic)", () => {
  it.each([
    ["2026-03-08", 1, "2026-03-09"],
    ["2026-03-07", 1, "2026-03-08"],
    ["2026-11-01", -1, "2026-10-31"],
    ["2026-12-31", 1, "2027-01-01"],
    ["2028-02-28", 1, "2028-02-29"],
    ["2026-03-01", -1, "2026-02-28"],
    ["2026-06-15", 0, "2026-06-15"],
    ["2026-01-01", 365, "2027-01-01"],
    ["2026-01-01", 400, "2027-02-05"],
  ])("%s %+d → %s", (key, n, expected) => {
    expect(addLocalDays(key, n)).toBe(expected);
  });
});

describe("localDayKey", () => {
  // [instant, zone, rollover, expected key, note]
  it.each<[string, string, number, string, string]>([
    ["2026-06-15T08:30:00Z", LA, 4, "2026-06-14", "01:30 PDT counts for the evening before"],
    ["2026-06-15T08:30:00Z", LA, 0, "2026-06-15", "01:30 PDT, midnight rollover"],
    ["2026-06-15T10:59:59.999Z", LA, 4, "2026-06-14", "03:59:59.999 PDT"],
    ["2026-06-15T11:00:00Z", LA, 4, "2026-06-15", "04:00 PDT: boundary is inclusive"],
    ["2026-06-14T17:30:00Z", SHA, 4, "2026-06-14", "01:30 CST on the 15th"],
    ["2026-06-14T17:30:00Z", SHA, 0, "2026-06-15", "01:30 CST on the 15th"],
    ["2026-06-14T20:00:00Z", SHA, 4, "2026-06-15", "04:00 CST"],
    ["2026-06-14T11:30:00Z", KIR, 4, "2026-06-14", "01:30 LINT (+14) on the 15th"],
    ["2026-06-14T11:30:00Z", KIR, 0, "2026-06-15", "01:30 LINT on the 15th"],
    ["2026-06-14T14:00:00Z", KIR, 4, "2026-06-15", "04:00 LINT"],
    ["2026-06-15T12:30:00Z", PPG, 4, "2026-06-14", "01:30 SST (−11) on the 15th"],
    ["2026-06-15T12:30:00Z", PPG, 0, "2026-06-15", "01:30 SST on the 15th"],
    ["2026-06-15T15:00:00Z", PPG, 4, "2026-06-15", "04:00 SST"],
    ["2026-01-10T00:30:00Z", BER, 4, "2026-01-09", "01:30 CET"],
    ["2026-01-10T00:30:00Z", BER, 0, "2026-01-10", "01:30 CET"],
    // LA spring forward 2026-03-08: 02:00 PST → 03:00 PDT (10:00Z)
    ["2026-03-08T09:59:00Z", LA, 2, "2026-03-07", "01:59 PST, just before the gap"],
    ["2026-03-08T10:00:00Z", LA, 2, "2026-03-08", "03:00 PDT: rollover 02:00 skipped, day starts at the jump"],
    ["2026-03-08T10:30:00Z", LA, 4, "2026-03-07", "03:30 PDT, before 04:00"],
    ["2026-03-08T11:00:00Z", LA, 4, "2026-03-08", "04:00 PDT"],
    // LA fall back 2026-11-01: 02:00 PDT → 01:00 PST (09:00Z); 01:xx happens twice
    ["2026-11-01T07:59:00Z", LA, 1, "2026-10-31", "00:59 PDT"],
    ["2026-11-01T08:30:00Z", LA, 1, "2026-11-01", "first 01:30 (PDT)"],
    ["2026-11-01T09:30:00Z", LA, 1, "2026-11-01", "second 01:30 (PST): same day, not a new one"],
    ["2026-11-01T11:30:00Z", LA, 4, "2026-10-31", "03:30 PST"],
    ["2026-11-01T12:00:00Z", LA, 4, "2026-11-01", "04:00 PST"],
    // Berlin spring forward 2026-03-29: 02:00 CET → 03:00 CEST (01:00Z)
    ["2026-03-29T00:30:00Z", BER, 2, "2026-03-28", "01:30 CET"],
    ["2026-03-29T01:00:00Z", BER, 2, "2026-03-29", "03:00 CEST"],
    // Berlin fall back 2026-10-25: 03:00 CEST → 02:00 CET (01:00Z); 02:xx happens twice
    ["2026-10-24T23:59:00Z", BER, 2, "2026-10-24", "01:59 CEST"],
    ["2026-10-25T00:30:00Z", BER, 2, "2026-10-25", "first 02:30 (CEST)"],
    ["2026-10-25T01:30:00Z", BER, 2, "2026-10-25", "second 02:30 (CET)"],
  ])("%s in %s, rollover %s → %s (%s)", (iso, tz, h, key) => {
    expect(localDayKey(d(iso), tz, h)).toBe(key);
  });
});

describe("dayStart", () => {
  it.each([
    ["2026-06-15", SHA, 4, "2026-06-14T20:00:00.000Z"],
    ["2026-06-15", KIR, 4, "2026-06-14T14:00:00.000Z"],
    ["2026-06-15", PPG, 4, "2026-06-15T15:00:00.000Z"],
    ["2026-06-15", LA, 4, "2026-06-15T11:00:00.000Z"],
    ["2026-06-15", LA, 0, "2026-06-15T07:00:00.000Z"],
    ["2026-01-15", BER, 4, "2026-01-15T03:00:00.000Z"],
    // LA spring forward (gap 02:00–03:00 local)
    ["2026-03-08", LA, 0, "2026-03-08T08:00:00.000Z"], // 00:00 PST
    ["2026-03-08", LA, 2, "2026-03-08T10:00:00.000Z"], // 02:00 missing → 03:00 PDT, first valid instant
    ["2026-03-08", LA, 3, "2026-03-08T10:00:00.000Z"], // 03:00 PDT
    ["2026-03-08", LA, 4, "2026-03-08T11:00:00.000Z"], // 04:00 PDT
    ["2026-03-07", LA, 4, "2026-03-07T12:00:00.000Z"], // 04:00 PST
    // LA fall back (01:00–02:00 local happens twice)
    ["2026-11-01", LA, 0, "2026-11-01T07:00:00.000Z"], // 00:00 PDT
    ["2026-11-01", LA, 1, "2026-11-01T08:00:00.000Z"], // first 01:00 (PDT), not 09:00Z (PST)
    ["2026-11-01", LA, 2, "2026-11-01T10:00:00.000Z"], // 02:00 PST
    ["2026-11-01", LA, 4, "2026-11-01T12:00:00.000Z"], // 04:00 PST
    // Berlin spring forward (gap 02:00–03:00 local)
    ["2026-03-29", BER, 1, "2026-03-29T00:00:00.000Z"],
    ["2026-03-29", BER, 2, "2026-03-29T01:00:00.000Z"], // 02:00 missing → 03:00 CEST
    ["2026-03-29", BER, 4, "2026-03-29T02:00:00.000Z"],
    // Berlin fall back (02:00–03:00 local happens twice)
    ["2026-10-25", BER, 2, "2026-10-25T00:00:00.000Z"], // first 02:00 (CEST)
    ["2026-10-25", BER, 3, "2026-10-25T02:00:00.000Z"], // 03:00 CET
    ["2026-10-25", BER, 4, "2026-10-25T03:00:00.000Z"],
    // Lord Howe: 30-minute DST; 2026-10-04 02:00 → 02:30 (gap), day starts 02:30 LHDT (+11)
    ["2026-10-04", "Australia/Lord_Howe", 2, "2026-10-03T15:30:00.000Z"],
    // Samoa skipped 2011-12-30 entirely: that learner day shrinks to 00:00–04:00 on the 31st
    ["2011-12-30", "Pacific/Apia", 4, "2011-12-30T10:00:00.000Z"],
    ["2011-12-31", "Pacific/Apia", 4, "2011-12-30T14:00:00.000Z"],
  ] as const)("%s in %s, rollover %s → %s", (key, tz, h, iso) => {
    expect(dayStart(key, tz, h).toISOString()).toBe(iso);
  });

  it("does not depend on when the code runs (ambiguous times)", () => {
    // luxon's DateTime.fromObject would resolve 01:00 on 2026-11-01 using the offset in force
    // *now*; dayStart must always pick the first occurrence.
    expect(dayStart("2026-11-01", LA, 1).toISOString()).toBe("2026-11-01T08:00:00.000Z");
  });
});

describe("dayBounds", () => {
  it("normal day is 24h", () => {
    expect(dayBounds(d("2026-06-15T20:00:00Z"), LA, 4)).toEqual({
      start: d("2026-06-15T11:00:00Z"),
      end: d("2026-06-16T11:00:00Z"),
      key: "2026-06-15",
    });
  });
  it("learner day before spring forward is 23h", () => {
    const b = dayBounds(d("2026-03-08T09:30:00Z"), LA, 4); // 01:30 PST on the 8th
    expect(b.key).toBe("2026-03-07");
    expect(b.start.toISOString()).toBe("2026-03-07T12:00:00.000Z");
    expect(b.end.toISOString()).toBe("2026-03-08T11:00:00.000Z");
    expect(b.end.getTime() - b.start.getTime()).toBe(23 * HOUR);
  });
  it("learner day before fall back is 25h", () => {
    const b = dayBounds(d("2026-11-01T09:30:00Z"), LA, 4); // second 01:30 (PST)
    expect(b.key).toBe("2026-10-31");
    expect(b.start.toISOString()).toBe("2026-10-31T11:00:00.000Z");
    expect(b.end.toISOString()).toBe("2026-11-01T12:00:00.000Z");
    expect(b.end.getTime() - b.start.getTime()).toBe(25 * HOUR);
  });
  it("Berlin fall back with rollover at the repeated hour is 25h", () => {
    const b = dayBounds(d("2026-10-25T12:00:00Z"), BER, 2);
    expect(b.start.toISOString()).toBe("2026-10-25T00:00:00.000Z");
    expect(b.end.toISOString()).toBe("2026-10-26T01:00:00.000Z");
  });
});

describe("dueAtFor", () => {
  it.each([
    // graded 21:00 PST on 03-07 → due at 04:00 PDT on 03-08 (only 6 real hours later, by the clock 7)
    ["2026-03-08T05:00:00Z", 1, LA, 4, "2026-03-08T11:00:00.000Z"],
    // graded 01:30 PST on 03-08 counts for 03-07 → "tomorrow" begins at 04:00 this morning
    ["2026-03-08T09:30:00Z", 1, LA, 4, "2026-03-08T11:00:00.000Z"],
    // interval 0 → start of today
    ["2026-03-08T05:00:00Z", 0, LA, 4, "2026-03-07T12:00:00.000Z"],
    // six learner days across Berlin's spring forward: 03-27 → 04-02 04:00 CEST
    ["2026-03-27T20:00:00Z", 6, BER, 4, "2026-04-02T02:00:00.000Z"],
    // across LA's fall back
    ["2026-10-30T03:00:00Z", 6, LA, 4, "2026-11-04T12:00:00.000Z"], // 20:00 PDT 10-29 → 11-04 04:00 PST
    ["2026-06-14T13:00:00Z", 1, KIR, 4, "2026-06-14T14:00:00.000Z"], // 03:00 LINT on 06-15 is learner day 06-14 → due 04:00 on 06-15
    ["2026-06-15T16:00:00Z", 1, PPG, 4, "2026-06-16T15:00:00.000Z"],
    ["2026-06-15T12:00:00Z", 16, SHA, 4, "2026-06-30T20:00:00.000Z"], // 20:00 CST 06-15 → 07-01 04:00 CST
  ] as const)("graded %s, interval %s in %s (rollover %s) → %s", (iso, n, tz, h, due) => {
    expect(dueAtFor(d(iso), n, tz, h).toISOString()).toBe(due);
  });
});

describe("400 consecutive days of daily reviews", () => {
  // A card graded every day at the same local time, interval 1, for 400 days
  // (2026-01-01 .. 2027-02-04: both 2026 DST switches and the next spring one).
  // Violations are collected as strings so a failure names the day and the rule.
  const zones = [LA, BER, SHA, KIR, PPG, "Australia/Lord_Howe", "America/Santiago", "UTC"];
  const localTimes: Array<[number, number]> = [
    [1, 30],
    [2, 30], // inside the spring-forward gap in LA and Berlin
    [4, 0], // exactly the default rollover
    [21, 0],
  ];
  const rollovers = [0, 2, 4];

  function simulate(tz: string, hour: number, minute: number, rollover: number): string[] {
    const problems: string[] = [];
    const fail = (i: number, msg: string) => problems.push(`day ${i}: ${msg}`);
    let prevKey: string | null = null;
    let prevDue: Date | null = null;
    for (let i = 0; i < 400; i++) {
      const date = DateTime.fromObject({ year: 2026, month: 1, day: 1 }, { zone: "utc" }).plus({ days: i });
      // Same local wall time every day (luxon moves a non-existent time forward).
      const graded = DateTime.fromObject(
        { year: date.year, month: date.month, day: date.day, hour, minute },
        { zone: tz },
      ).toJSDate();
      const g = graded.getTime();

      const key = localDayKey(graded, tz, rollover);
      const bounds = dayBounds(graded, tz, rollover);
      const due = dueAtFor(graded, 1, tz, rollover);
      const tomorrow = addLocalDays(key, 1);

      // Independent oracle (plain luxon, fine for these zones): the local calendar
      // date, minus one day before the rollover hour.
      const lg = DateTime.fromJSDate(graded, { zone: tz });
      const oracle = (lg.hour < rollover ? lg.minus({ days: 1 }) : lg).toISODate();
      if (key !== oracle) fail(i, `key ${key} != oracle ${oracle}`);

      if (bounds.key !== key) fail(i, `bounds.key ${bounds.key} != ${key}`);
      if (!(bounds.start.getTime() <= g && g < bounds.end.getTime())) fail(i, "graded outside its bounds");
      if (bounds.start.getTime() !== dayStart(key, tz, rollover).getTime()) fail(i, "bounds.start != dayStart");

      // Exactly one learner day later, at the start of that day.
      if (due.getTime() !== dayStart(tomorrow, tz, rollover).getTime()) fail(i, "due != start of tomorrow");
      if (due.getTime() !== bounds.end.getTime()) fail(i, "due != end of today");
      if (localDayKey(due, tz, rollover) !== tomorrow) fail(i, "due not in tomorrow");
      if (localDayKey(new Date(due.getTime() - 1), tz, rollover) !== key) fail(i, "instant before due not today");
      if (!(due.getTime() > g)) fail(i, "due not after grading");

      // Due at the local rollover hour on tomorrow's date, unless a transition skipped that time.
      const local = DateTime.fromJSDate(due, { zone: tz });
      if (local.toISODate() !== tomorrow) fail(i, `due local date ${local.toISODate()} != ${tomorrow}`);
      const atRollover = local.hour === rollover && local.minute === 0;
      const justAfterJump = DateTime.fromMillis(due.getTime() - 1, { zone: tz }).offset !== local.offset;
      if (!atRollover && !justAfterJump) fail(i, `due at ${local.toISO()}`);

      // Learner days are 23..25 h long (Lord Howe: 23.5..24.5 h).
      const len = bounds.end.getTime() - bounds.start.getTime();
      if (len < 23 * HOUR || len > 25 * HOUR) fail(i, `day length ${len / HOUR} h`);

      if (prevKey !== null && prevDue !== null) {
        // Consecutive keys: never a skipped or doubled day.
        if (key !== addLocalDays(prevKey, 1)) fail(i, `key ${key} does not follow ${prevKey}`);
        // Strictly increasing due instants; yesterday's card is due by today's session.
        if (!(due.getTime() > prevDue.getTime())) fail(i, "due not strictly increasing");
        if (prevDue.getTime() !== bounds.start.getTime()) fail(i, "yesterday's due != today's start");
      }
      prevKey = key;
      prevDue = due;
    }
    return problems;
  }

  for (const tz of zones) {
    for (const [hour, minute] of localTimes) {
      for (const rollover of rollovers) {
        const hhmm = `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
        it(`${tz} at ${hhmm}, rollover ${rollover}`, () => {
          expect(simulate(tz, hour, minute, rollover)).toEqual([]);
        });
      }
    }
  }

  it("the simulation really crosses DST switches (LA learner days of 23 h and 25 h)", () => {
    const lengths = new Set<number>();
    for (let i = 0; i < 400; i++) {
      const b = dayBounds(new Date(Date.UTC(2026, 0, 1, 20) + i * 24 * HOUR), LA, 4);
      lengths.add((b.end.getTime() - b.start.getTime()) / HOUR);
    }
    expect([...lengths].sort()).toEqual([23, 24, 25]);
  });
});
