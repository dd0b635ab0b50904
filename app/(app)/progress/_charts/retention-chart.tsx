import { AxisBottom, AxisLeft } from "@visx/axis";
import { Group } from "@visx/group";
import { scaleBand, scaleLinear } from "@visx/scale";
import { Bar } from "@visx/shape";
import type { RetentionBucket } from "@/lib/core/stats/retention";
import { AXIS, bottomLabels, ChartSvg, spread } from "./kit";
import type { Fmt } from "./format";

export const RETENTION_STYLE = {
  young: { fill: "fill-sky-400 dark:fill-sky-300", swatch: "bg-sky-400 dark:bg-sky-300" },
  mature: { fill: "fill-brand-700 dark:fill-brand-500", swatch: "bg-brand-700 dark:bg-brand-500" },
} as const;

/** Per week, the share of reviews passed for young and mature cards, side by side (0–100 %). */
export function RetentionChart(props: { weeks: RetentionBucket[]; width: number; id: string; title: string; desc: string; fmt: Fmt }) {
  const { weeks, width, id, title, desc, fmt } = props;
  const height = 190;
  const m = { top: 10, right: 8, bottom: 26, left: 40 };
  const w = width - m.left - m.right;
  const h = height - m.top - m.bottom;
  const x = scaleBand<string>({ domain: weeks.map((wk) => wk.key), range: [0, w], paddingInner: 0.25, paddingOuter: 0.1 });
  const side = scaleBand<"young" | "mature">({ domain: ["young", "mature"], range: [0, x.bandwidth()], paddingInner: 0.1 });
  const y = scaleLinear<number>({ domain: [0, 1], range: [h, 0] });
  return (
    <ChartSvg id={id} width={width} height={height} title={title} desc={desc}>
      <Group left={m.left} top={m.top}>
        {[0.25, 0.5, 0.75, 1].map((v) => (
          <line key={v} x1={0} x2={w} y1={y(v)} y2={y(v)} className="stroke-slate-200 dark:stroke-slate-800" strokeWidth={1} />
        ))}
        {weeks.map((wk) => (
          <Group key={wk.key} left={x(wk.key) ?? 0}>
            {(["young", "mature"] as const).map((s) => {
              const v = wk[s].share;
              if (v === null) return null;
              const top = y(v);
              return <Bar key={s} x={side(s) ?? 0} y={top} width={side.bandwidth()} height={Math.max(h - top, 1)} className={RETENTION_STYLE[s].fill} rx={1} />;
            })}
          </Group>
        ))}
        <AxisLeft scale={y} tickValues={[0, 0.5, 1]} tickFormat={(v) => fmt.percent(Number(v))} hideAxisLine hideTicks {...AXIS} />
        <AxisBottom top={h} scale={x} tickValues={spread(weeks.map((wk) => wk.key), 3)} tickFormat={(k) => fmt.day(String(k))} {...AXIS} tickLabelProps={bottomLabels} />
      </Group>
    </ChartSvg>
  );
}
