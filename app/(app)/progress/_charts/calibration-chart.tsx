import { AxisBottom, AxisLeft } from "@visx/axis";
import { Group } from "@visx/group";
import { scaleLinear } from "@visx/scale";
import { LinePath } from "@visx/shape";
import type { CalibrationBin } from "@/lib/core/stats/prediction";
import { AXIS, bottomLabels, ChartSvg } from "./kit";
import type { Fmt } from "./format";

export const CALIBRATION_STYLE = {
  sm2: { fill: "fill-amber-600 dark:fill-amber-300", stroke: "stroke-amber-600 dark:stroke-amber-300", swatch: "bg-amber-600 dark:bg-amber-300" },
  fsrs: { fill: "fill-brand-700 dark:fill-sky-400", stroke: "stroke-brand-700 dark:stroke-sky-400", swatch: "bg-brand-700 dark:bg-sky-400" },
} as const;

type Series = keyof typeof CALIBRATION_STYLE;
type Point = { x: number; y: number; n: number };

/**
 * Calibration: per bin of predicted recall, the mean prediction (x) against the share actually
 * recalled (y), one line per algorithm. The dashed diagonal is a perfect forecast; a dot's area
 * grows with the reviews in its bin.
 */
export function CalibrationChart(props: { sm2: CalibrationBin[]; fsrs: CalibrationBin[]; width: number; id: string; title: string; desc: string; fmt: Fmt }) {
  const { width, id, title, desc, fmt } = props;
  const height = 260;
  const m = { top: 10, right: 14, bottom: 28, left: 42 };
  const w = width - m.left - m.right;
  const h = height - m.top - m.bottom;
  const x = scaleLinear<number>({ domain: [0, 1], range: [0, w] });
  const y = scaleLinear<number>({ domain: [0, 1], range: [h, 0] });
  const points = (bins: CalibrationBin[]): Point[] => bins.filter((b) => b.count > 0).map((b) => ({ x: b.predicted!, y: b.actual!, n: b.count }));
  const series: Record<Series, Point[]> = { sm2: points(props.sm2), fsrs: points(props.fsrs) };
  const most = Math.max(1, ...series.sm2.map((p) => p.n), ...series.fsrs.map((p) => p.n));
  const radius = (n: number) => 2.5 + 4.5 * Math.sqrt(n / most);
  const ticks = [0, 0.25, 0.5, 0.75, 1];
  return (
    <ChartSvg id={id} width={width} height={height} title={title} desc={desc}>
      <Group left={m.left} top={m.top}>
        {ticks.slice(1).map((v) => (
          <line key={v} x1={0} x2={w} y1={y(v)} y2={y(v)} className="stroke-slate-200 dark:stroke-slate-800" strokeWidth={1} />
        ))}
        <line x1={x(0)} y1={y(0)} x2={x(1)} y2={y(1)} className="stroke-slate-500 dark:stroke-slate-400" strokeWidth={1.5} strokeDasharray="4 4" />
        {(["sm2", "fsrs"] as const).map((s) => (
          <g key={s} data-series={s}>
            {series[s].length > 1 ? (
              <LinePath<Point> data={series[s]} x={(p) => x(p.x)} y={(p) => y(p.y)} className={CALIBRATION_STYLE[s].stroke} strokeWidth={2} fill="none" />
            ) : null}
            {series[s].map((p) => (
              <circle key={p.x} cx={x(p.x)} cy={y(p.y)} r={radius(p.n)} className={`${CALIBRATION_STYLE[s].fill} stroke-white dark:stroke-slate-900`} strokeWidth={1.5} />
            ))}
          </g>
        ))}
        <AxisLeft scale={y} tickValues={[0, 0.5, 1]} tickFormat={(v) => fmt.percent(Number(v))} hideAxisLine hideTicks {...AXIS} />
        <AxisBottom top={h} scale={x} tickValues={[0, 0.5, 1]} tickFormat={(v) => fmt.percent(Number(v))} {...AXIS} tickLabelProps={bottomLabels} />
      </Group>
    </ChartSvg>
  );
}
