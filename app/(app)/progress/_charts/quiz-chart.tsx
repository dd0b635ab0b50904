import { AxisBottom, AxisLeft } from "@visx/axis";
import { Group } from "@visx/group";
import { scaleLinear } from "@visx/scale";
import { LinePath } from "@visx/shape";
import type { QuizPoint } from "@/lib/progress/queries";
import { AXIS, bottomLabels, ChartSvg, TOPIC_STYLE } from "./kit";
import type { Fmt } from "./format";
import { attemptTicks } from "./attempt-axis";

/** Score (share right) of each finished attempt in the order they were taken, a line and dots per topic. */
export function QuizChart(props: { points: QuizPoint[]; width: number; id: string; title: string; desc: string; fmt: Fmt; tickDay: (d: Date) => string }) {
  const { width, id, title, desc, fmt, tickDay } = props;
  const points = [...props.points].sort((a, b) => a.finishedAt.getTime() - b.finishedAt.getTime());
  const order = new Map(points.map((p, i) => [p.id, i]));
  const height = 190;
  const m = { top: 10, right: 14, bottom: 26, left: 40 };
  const w = width - m.left - m.right;
  const h = height - m.top - m.bottom;
  // Half a step of room at either end so the first and last dots are not cut by the frame.
  const x0 = scaleLinear<number>({ domain: [-0.5, Math.max(points.length - 1, 0) + 0.5], range: [0, w] });
  const x = (p: QuizPoint) => x0(order.get(p.id) ?? 0);
  const ticks = attemptTicks(points.map((p) => tickDay(p.finishedAt)), 3);
  const y = scaleLinear<number>({ domain: [0, 1], range: [h, 0] });
  const share = (p: QuizPoint) => (p.length > 0 ? p.score / p.length : 0);
  const topics = [...new Set(points.map((p) => p.topic))];
  return (
    <ChartSvg id={id} width={width} height={height} title={title} desc={desc}>
      <Group left={m.left} top={m.top}>
        {[0.25, 0.5, 0.75, 1].map((v) => (
          <line key={v} x1={0} x2={w} y1={y(v)} y2={y(v)} className="stroke-slate-200 dark:stroke-slate-800" strokeWidth={1} />
        ))}
        {topics.map((topic) => {
          const mine = points.filter((p) => p.topic === topic);
          const style = TOPIC_STYLE[topic] ?? TOPIC_STYLE.mixed;
          return (
            <g key={topic}>
              {mine.length > 1 ? (
                <LinePath<QuizPoint> data={mine} x={x} y={(p) => y(share(p))} className={style.stroke} strokeWidth={2} fill="none" />
              ) : null}
              {mine.map((p) => (
                <circle key={p.id} cx={x(p)} cy={y(share(p))} r={4} className={`${style.fill} stroke-white dark:stroke-slate-900`} strokeWidth={1.5} />
              ))}
            </g>
          );
        })}
        <AxisLeft scale={y} tickValues={[0, 0.5, 1]} tickFormat={(v) => fmt.percent(Number(v))} hideAxisLine hideTicks {...AXIS} />
        <AxisBottom top={h} scale={x0} tickValues={ticks} tickFormat={(i) => tickDay(points[Number(i)].finishedAt)} {...AXIS} tickLabelProps={bottomLabels} />
      </Group>
    </ChartSvg>
  );
}
