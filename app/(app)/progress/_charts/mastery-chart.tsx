import { AxisBottom } from "@visx/axis";
import { Group } from "@visx/group";
import { scaleBand, scaleLinear } from "@visx/scale";
import { Bar } from "@visx/shape";
import { AXIS, bottomLabels, ChartSvg } from "./kit";
import type { Fmt } from "./format";

export const MASTERY_STYLE = {
  mature: { fill: "fill-brand-500 dark:fill-sky-400", swatch: "bg-brand-500 dark:bg-sky-400" },
  quiz: { fill: "fill-emerald-500 dark:fill-emerald-400", swatch: "bg-emerald-500 dark:bg-emerald-400" },
} as const;

export interface MasteryRow {
  topic: string;
  label: string;
  mature: number;
  quiz: number | null;
}

/** Per topic, two horizontal bars (0–100 %): mature share of the cards, and recent quiz accuracy. */
export function MasteryChart(props: { rows: MasteryRow[]; width: number; id: string; title: string; desc: string; fmt: Fmt }) {
  const { rows, width, id, title, desc, fmt } = props;
  const m = { top: 6, right: 12, bottom: 24, left: 96 };
  const rowH = 34;
  const height = m.top + rows.length * rowH + m.bottom;
  const w = width - m.left - m.right;
  const h = rows.length * rowH;
  const y = scaleBand<string>({ domain: rows.map((r) => r.topic), range: [0, h], paddingInner: 0.3, paddingOuter: 0.15 });
  const pair = scaleBand<"mature" | "quiz">({ domain: ["mature", "quiz"], range: [0, y.bandwidth()], paddingInner: 0.15 });
  const x = scaleLinear<number>({ domain: [0, 1], range: [0, w] });
  return (
    <ChartSvg id={id} width={width} height={height} title={title} desc={desc}>
      <Group left={m.left} top={m.top}>
        {[0.25, 0.5, 0.75, 1].map((v) => (
          <line key={v} x1={x(v)} x2={x(v)} y1={0} y2={h} className="stroke-slate-200 dark:stroke-slate-800" strokeWidth={1} />
        ))}
        {rows.map((r) => (
          <Group key={r.topic} top={y(r.topic) ?? 0}>
            <text x={-8} y={y.bandwidth() / 2} dy="0.35em" textAnchor="end" fontSize={12} className="fill-slate-700 dark:fill-slate-300">
              {r.label}
            </text>
            <Bar x={0} y={pair("mature") ?? 0} width={Math.max(x(r.mature), 1)} height={pair.bandwidth()} className={MASTERY_STYLE.mature.fill} rx={1} />
            {r.quiz !== null ? (
              <Bar x={0} y={pair("quiz") ?? 0} width={Math.max(x(r.quiz), 1)} height={pair.bandwidth()} className={MASTERY_STYLE.quiz.fill} rx={1} />
            ) : null}
          </Group>
        ))}
        <AxisBottom top={h} scale={x} tickValues={[0, 0.5, 1]} tickFormat={(v) => fmt.percent(Number(v))} {...AXIS} tickLabelProps={bottomLabels} />
      </Group>
    </ChartSvg>
  );
}
