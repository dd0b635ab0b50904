import { Group } from "@visx/group";
import { scaleLinear } from "@visx/scale";
import type { CalendarWeek } from "@/lib/core/stats/calendar";
import { ChartSvg } from "./kit";
import type { Fmt } from "./format";

export const HEAT_LEVEL = [
  "fill-slate-200 dark:fill-slate-800",
  "fill-sky-200 dark:fill-sky-800",
  "fill-sky-400 dark:fill-sky-600",
  "fill-brand-500 dark:fill-sky-400",
  "fill-brand-700 dark:fill-sky-200",
];
export const HEAT_SWATCH = [
  "bg-slate-200 dark:bg-slate-800",
  "bg-sky-200 dark:bg-sky-800",
  "bg-sky-400 dark:bg-sky-600",
  "bg-brand-500 dark:bg-sky-400",
  "bg-brand-700 dark:bg-sky-200",
];

const CELL = 13;
const GAP = 2;

/** A w × w square with corner radius r, at (x, y), as path data. */
function roundedCell(x: number, y: number, w: number, r: number): string {
  const s = w - 2 * r;
  return `M${x + r} ${y}h${s}a${r} ${r} 0 0 1 ${r} ${r}v${s}a${r} ${r} 0 0 1 ${-r} ${r}h${-s}a${r} ${r} 0 0 1 ${-r} ${-r}v${-s}a${r} ${r} 0 0 1 ${r} ${-r}z`;
}

/** A year of learner days: a column per week (Monday on top), shaded by reviews. */
export function CalendarHeatmap(props: { weeks: CalendarWeek[]; id: string; title: string; desc: string; fmt: Fmt; weekdayLabels: string[] }) {
  const { weeks, id, title, desc, fmt, weekdayLabels } = props;
  const m = { top: 18, left: 30, right: 4, bottom: 2 };
  const width = m.left + weeks.length * CELL + m.right;
  const height = m.top + 7 * CELL + m.bottom;
  const x = scaleLinear<number>({ domain: [0, weeks.length], range: [0, weeks.length * CELL] });
  const y = scaleLinear<number>({ domain: [0, 7], range: [0, 7 * CELL] });
  // A month label over the first week that starts in that month.
  const months = weeks
    .map((w, i) => ({ i, key: w.days.find((d) => d)?.key ?? w.key }))
    .filter((w, i, all) => i === 0 || w.key.slice(0, 7) !== all[i - 1].key.slice(0, 7))
    .filter((w, i, all) => i === all.length - 1 || all[i + 1].i - w.i >= 3);
  const paths = HEAT_LEVEL.map(() => "");
  weeks.forEach((w, i) =>
    w.days.forEach((d, row) => {
      // The same place as @visx/heatmap's HeatmapRect put each cell (y shifted by the gap).
      if (d) paths[d.level] += roundedCell(x(i), y(row) + GAP, CELL - GAP, 2);
    }),
  );
  return (
    <ChartSvg id={id} width={width} height={height} title={title} desc={desc}>
      <Group left={m.left} top={m.top}>
        {months.map((mo) => (
          <text key={mo.key} x={x(mo.i)} y={-6} fontSize={10} className="fill-slate-600 dark:fill-slate-400">
            {fmt.month(mo.key)}
          </text>
        ))}
        {[0, 2, 4].map((row) => (
          <text key={row} x={-4} y={y(row) + CELL - 3} fontSize={9} textAnchor="end" className="fill-slate-600 dark:fill-slate-400">
            {weekdayLabels[row]}
          </text>
        ))}
        {/* One path per shade rather than a <rect> (and <title>) per day: a year of days was 371
            elements, a fifth of the page's HTML and of its RSC payload. The day-by-day numbers
            are in the table below the chart. */}
        {paths.map((d, level) =>
          d ? <path key={level} d={d} className={HEAT_LEVEL[level]} data-level={level} /> : null,
        )}
      </Group>
    </ChartSvg>
  );
}
