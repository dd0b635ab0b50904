/** Formatting for the Progress page, in the page's locale. Day keys are calendar dates (no zone). */
export interface Fmt {
  /** "Mar 8" / "3月8日" */
  day(key: string): string;
  /** "Sun, Mar 8, 2026" */
  dayLong(key: string): string;
  /** "Mar", or "Jan 2026" for a January (calendar month labels) */
  month(key: string): string;
  number(n: number, digits?: number): string;
  /** 0.873 → "87%" */
  percent(x: number): string;
  /** A moment in the learner's zone: "Mar 8, 2026, 9:30 AM" */
  moment(d: Date): string;
  duration(ms: number): string;
}

const keyDate = (key: string) => new Date(`${key}T00:00:00Z`);

export function makeFmt(locale: string, timeZone: string): Fmt {
  const short = new Intl.DateTimeFormat(locale, { month: "short", day: "numeric", timeZone: "UTC" });
  const long = new Intl.DateTimeFormat(locale, { weekday: "short", year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });
  const month = new Intl.DateTimeFormat(locale, { month: "short", timeZone: "UTC" });
  const monthYear = new Intl.DateTimeFormat(locale, { year: "numeric", month: "short", timeZone: "UTC" });
  const moment = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone });
  const pct = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
  const unit = (u: "second" | "minute" | "hour") => new Intl.NumberFormat(locale, { style: "unit", unit: u, unitDisplay: "short", maximumFractionDigits: 0 });
  const [sec, min, hr] = [unit("second"), unit("minute"), unit("hour")];
  // One formatter per digit count: the page formats thousands of numbers (heat-map cells, ticks).
  const numbers = new Map<number, Intl.NumberFormat>();
  const numberFormat = (digits: number) => {
    let f = numbers.get(digits);
    if (!f) numbers.set(digits, (f = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits })));
    return f;
  };
  return {
    day: (k) => short.format(keyDate(k)),
    dayLong: (k) => long.format(keyDate(k)),
    month: (k) => (k.slice(5, 7) === "01" ? monthYear : month).format(keyDate(k)),
    number: (n, digits = 0) => numberFormat(digits).format(n),
    percent: (x) => pct.format(x),
    moment: (d) => moment.format(d),
    duration(ms) {
      const s = Math.round(ms / 1000);
      if (s < 60) return sec.format(s);
      const m = Math.round(s / 60);
      if (m < 60) return min.format(m);
      return `${hr.format(Math.floor(m / 60))} ${min.format(m % 60)}`;
    },
  };
}
