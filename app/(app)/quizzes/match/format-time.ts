/** Seconds with tenths ("42.3 s" / "1:05.0"): Match times are short and close to each other. */
export function formatMatchTime(ms: number): string {
  const tenths = Math.max(0, Math.floor(ms / 100));
  const s = Math.floor(tenths / 10);
  const t = tenths % 10;
  return s >= 60 ? `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}.${t}` : `${s}.${t} s`;
}
