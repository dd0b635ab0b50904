import { Group } from "@visx/group";
import { HeatmapRect } from "@visx/heatmap";
import { scaleLinear } from "@visx/scale";
import type { CalendarCell, CalendarWeek } from "@/lib/core/stats/calendar";
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
        <HeatmapRect<CalendarWeek, CalendarCell | null>
          data={weeks}
          bins={(w) => w.days}
          count={(d) => d?.count ?? 0}
          xScale={(i) => x(i)}
          yScale={(i) => y(i)}
          binWidth={CELL}
          binHeight={CELL}
          gap={2}
        >
          {(columns) =>
            columns.flat().map((c) =>
              c.bin ? (
                <rect key={c.bin.key} x={c.x} y={c.y} width={c.width} height={c.height} rx={2} className={HEAT_LEVEL[c.bin.level]} data-count={c.bin.count}>
                  <title>{`${fmt.dayLong(c.bin.key)}: ${fmt.number(c.bin.count)}`}</title>
                </rect>
              ) : null,
            )
          }
        </HeatmapRect>
      </Group>
    </ChartSvg>
  );
}
