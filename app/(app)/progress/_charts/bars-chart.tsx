import { AxisBottom, AxisLeft } from "@visx/axis";
import { Group } from "@visx/group";
import { scaleBand, scaleLinear } from "@visx/scale";
import { Bar } from "@visx/shape";
import { AXIS, bottomLabels, ChartSvg, spread } from "./kit";

const CENTRED = { textAnchor: "middle", fontSize: 11, dy: "0.25em" } as const;

export interface BarDatum {
  key: string;
  label: string;
  value: number;
  fill: string;
}

/** Plain vertical bars over categories (forecast days, card states, easiness bins). */
export function BarsChart(props: {
  data: BarDatum[];
  width: number;
  height: number;
  id: string;
  title: string;
  desc: string;
  /** How many category labels at most (evenly spread). */
  maxLabels: number;
  /** Print each bar's value above it. */
  showValues?: boolean;
  formatValue: (v: number) => string;
  /** Dates: end-anchor the last label so it stays inside. Categories keep theirs centred. */
  dateAxis?: boolean;
}) {
  const { data, width, height, id, title, desc, maxLabels, showValues, formatValue, dateAxis } = props;
  const m = { top: showValues ? 18 : 10, right: 8, bottom: 26, left: 36 };
  const w = width - m.left - m.right;
  const h = height - m.top - m.bottom;
  const max = Math.max(1, ...data.map((d) => d.value));
  const x = scaleBand<string>({ domain: data.map((d) => d.key), range: [0, w], paddingInner: 0.2, paddingOuter: 0.1 });
  const y = scaleLinear<number>({ domain: [0, max], range: [h, 0], nice: true });
  const labels = new Map(data.map((d) => [d.key, d.label]));
  return (
    <ChartSvg id={id} width={width} height={height} title={title} desc={desc}>
      <Group left={m.left} top={m.top}>
        {y.ticks(4).map((v) => (
          <line key={v} x1={0} x2={w} y1={y(v)} y2={y(v)} className="stroke-slate-200 dark:stroke-slate-800" strokeWidth={1} />
        ))}
        {data.map((d) => {
          const bx = x(d.key) ?? 0;
          const by = y(d.value);
          return (
            <g key={d.key}>
              {d.value > 0 ? <Bar x={bx} y={by} width={x.bandwidth()} height={h - by} className={d.fill} rx={1.5} /> : null}
              {showValues ? (
                <text x={bx + x.bandwidth() / 2} y={by - 4} textAnchor="middle" fontSize={11} className="fill-slate-700 dark:fill-slate-300">
                  {formatValue(d.value)}
                </text>
              ) : null}
            </g>
          );
        })}
        <AxisLeft scale={y} numTicks={4} tickFormat={(v) => formatValue(Number(v))} hideAxisLine hideTicks {...AXIS} />
        <AxisBottom top={h} scale={x} tickValues={spread(data.map((d) => d.key), maxLabels)} tickFormat={(k) => labels.get(String(k))} {...AXIS} tickLabelProps={dateAxis ? bottomLabels : CENTRED} />
      </Group>
    </ChartSvg>
  );
}
