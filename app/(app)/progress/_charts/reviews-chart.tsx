import { AxisBottom, AxisLeft } from "@visx/axis";
import { Group } from "@visx/group";
import { scaleBand, scaleLinear } from "@visx/scale";
import { BarStack } from "@visx/shape";
import { LOG_KINDS, type DayCounts, type LogKind } from "@/lib/core/stats/daily";
import { AXIS, bottomLabels, ChartSvg, KIND_STYLE, rectPath, spread } from "./kit";
import type { Fmt } from "./format";

/** Reviews per learner day, stacked by kind (one <path> per kind, however many days). */
export function ReviewsChart(props: { days: DayCounts[]; width: number; id: string; title: string; desc: string; fmt: Fmt }) {
  const { days, width, id, title, desc, fmt } = props;
  const height = 200;
  const m = { top: 10, right: 8, bottom: 26, left: 34 };
  const w = width - m.left - m.right;
  const h = height - m.top - m.bottom;
  const max = Math.max(1, ...days.map((d) => d.total));
  const x = scaleBand<string>({ domain: days.map((d) => d.key), range: [0, w], paddingInner: days.length > 120 ? 0 : 0.2 });
  const y = scaleLinear<number>({ domain: [0, max], range: [h, 0], nice: true });
  const ticks = spread(days.map((d) => d.key), 4);
  return (
    <ChartSvg id={id} width={width} height={height} title={title} desc={desc}>
      <Group left={m.left} top={m.top}>
        {y.ticks(4).map((v) => (
          <line key={v} x1={0} x2={w} y1={y(v)} y2={y(v)} className="stroke-slate-200 dark:stroke-slate-800" strokeWidth={1} />
        ))}
        <BarStack<DayCounts, LogKind> data={days} keys={[...LOG_KINDS]} x={(d) => d.key} xScale={x} yScale={y} color={() => ""}>
          {(stacks) =>
            stacks.map((stack) => (
              <path
                key={stack.key}
                className={KIND_STYLE[stack.key].fill}
                d={stack.bars
                  .filter((b) => b.height > 0.01)
                  .map((b) => rectPath(b.x, b.y, Math.max(b.width, 0.6), b.height))
                  .join("")}
              />
            ))
          }
        </BarStack>
        <AxisLeft scale={y} numTicks={4} tickFormat={(v) => fmt.number(Number(v))} hideAxisLine hideTicks {...AXIS} />
        <AxisBottom top={h} scale={x} tickValues={ticks} tickFormat={(k) => fmt.day(String(k))} {...AXIS} tickLabelProps={bottomLabels} />
      </Group>
    </ChartSvg>
  );
}
