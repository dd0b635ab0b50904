/**
 * Shared pieces of the Progress charts. Every chart is a server component: plain SVG laid out
 * with @visx scales and shapes, a fixed viewBox (no layout shift, scales with its box), colours
 * from Tailwind fill/stroke classes with dark variants, and a title/description for assistive
 * technology. No client JavaScript.
 */
import type { ReactNode } from "react";
import type { TickRendererProps } from "@visx/axis";

/** Tick labels: a plain <text> in the current theme's muted colour. */
export function TickLabel({ x, y, formattedValue, textAnchor, dy, fontSize }: TickRendererProps) {
  return (
    <text x={x} y={y} dy={dy} textAnchor={textAnchor} fontSize={fontSize ?? 11} className="fill-slate-600 dark:fill-slate-400">
      {formattedValue}
    </text>
  );
}

export const AXIS = {
  stroke: "currentColor",
  tickStroke: "currentColor",
  tickComponent: TickLabel,
} as const;

/** Bottom-axis labels: the last one ends at its tick so it never runs off the chart's edge. */
export function bottomLabels(_value: unknown, index: number, all: unknown[]) {
  return { textAnchor: index === all.length - 1 && all.length > 1 ? ("end" as const) : ("middle" as const), fontSize: 11, dy: "0.25em" };
}

/** An accessible, theme-aware SVG of fixed proportions. */
export function ChartSvg(props: { id: string; width: number; height: number; title: string; desc: string; children: ReactNode; className?: string }) {
  const { id, width, height, title, desc, children, className } = props;
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-desc`}
      className={`block h-auto w-full text-slate-300 dark:text-slate-700 ${className ?? ""}`}
      data-chart={id}
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{desc}</desc>
      {children}
    </svg>
  );
}

/** The width every chart is laid out for, in SVG units: a 360 px phone's. */
export const CHART_WIDTH = 360;

/**
 * A chart laid out once, for a phone's width (text big enough there), and scaled by its viewBox
 * to the box it is in — up to 32rem, so a desktop column does not blow its text up further.
 * (It used to be laid out twice, a phone and a desktop variant with one hidden by a container
 * query: every chart's SVG twice in the HTML and the RSC payload, and twice the render time.)
 */
export function ScaledChart({ render }: { render: (width: number) => ReactNode }) {
  return <div className="max-w-lg">{render(CHART_WIDTH)}</div>;
}

/** The chart's numbers as a table, one click away. Wide tables scroll sideways on a phone. */
export function TableDetails({ summary, children, testId }: { summary: string; children: ReactNode; testId?: string }) {
  return (
    <details className="group mt-3 rounded-lg border border-slate-200 dark:border-slate-800" data-testid={testId}>
      <summary className="cursor-pointer select-none rounded-lg px-3 py-3 text-sm font-medium text-brand-700 hover:bg-slate-50 dark:text-brand-100 dark:hover:bg-slate-800/60">
        {summary}
      </summary>
      <div className="overflow-x-auto border-t border-slate-200 dark:border-slate-800">{children}</div>
    </details>
  );
}

/**
 * Body cells (td, and th row headers) are styled once by the table, not cell by cell: the tables
 * hold about a thousand cells, and the same classes on each were a fifth of the page's HTML and
 * of its RSC payload.
 */
export const TABLE_CELLS =
  "[&_td]:border-b [&_td]:border-slate-100 [&_td]:px-3 [&_td]:py-1.5 dark:[&_td]:border-slate-800/70 " +
  "[&_tbody_th]:border-b [&_tbody_th]:border-slate-100 [&_tbody_th]:px-3 [&_tbody_th]:py-1.5 dark:[&_tbody_th]:border-slate-800/70";
export const TABLE = `w-full min-w-max border-collapse text-left text-sm tabular-nums ${TABLE_CELLS}`;
export const TH = "border-b border-slate-200 px-3 py-2 font-semibold dark:border-slate-800";

export interface TableColumn {
  label: ReactNode;
  /** Right-aligned, for figures. */
  numeric?: boolean;
  /** Replaces the header cell's classes (e.g. a column hidden on phones). */
  className?: string;
}

/** The header row of a chart's table: one column header per entry. */
export function TableHead({ columns }: { columns: TableColumn[] }) {
  return (
    <thead>
      <tr>
        {columns.map((c, i) => (
          <th key={i} scope="col" className={c.className ?? (c.numeric ? `${TH} text-right` : TH)}>
            {c.label}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/** Evenly spread picks (first and last included) for axis ticks. */
export function spread<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return [...items];
  const out: T[] = [];
  for (let i = 0; i < count; i++) out.push(items[Math.round((i * (items.length - 1)) / (count - 1))]);
  return [...new Set(out)];
}

/** A rectangle as path data (many bars in one <path> keep a 365-day chart small). */
export function rectPath(x: number, y: number, w: number, h: number): string {
  const r = (n: number) => Math.round(n * 100) / 100;
  return `M${r(x)} ${r(y)}h${r(w)}v${r(h)}h${r(-w)}z`;
}

/** Fill and legend colours per review-log kind. */
export const KIND_STYLE = {
  review: { fill: "fill-brand-500 dark:fill-sky-400", swatch: "bg-brand-500 dark:bg-sky-400" },
  new: { fill: "fill-emerald-500 dark:fill-emerald-400", swatch: "bg-emerald-500 dark:bg-emerald-400" },
  drill: { fill: "fill-amber-500 dark:fill-amber-300", swatch: "bg-amber-500 dark:bg-amber-300" },
  quiz: { fill: "fill-rose-500 dark:fill-rose-400", swatch: "bg-rose-500 dark:bg-rose-400" },
} as const;

/** Per quiz topic (attempt topics include "mixed"). */
export const TOPIC_STYLE: Record<string, { fill: string; stroke: string; swatch: string }> = {
  components: { fill: "fill-brand-500 dark:fill-sky-400", stroke: "stroke-brand-500 dark:stroke-sky-400", swatch: "bg-brand-500 dark:bg-sky-400" },
  networking: { fill: "fill-emerald-500 dark:fill-emerald-400", stroke: "stroke-emerald-500 dark:stroke-emerald-400", swatch: "bg-emerald-500 dark:bg-emerald-400" },
  cni: { fill: "fill-amber-500 dark:fill-amber-300", stroke: "stroke-amber-500 dark:stroke-amber-300", swatch: "bg-amber-500 dark:bg-amber-300" },
  "pod-network": { fill: "fill-rose-500 dark:fill-rose-400", stroke: "stroke-rose-500 dark:stroke-rose-400", swatch: "bg-rose-500 dark:bg-rose-400" },
  overview: { fill: "fill-violet-500 dark:fill-violet-400", stroke: "stroke-violet-500 dark:stroke-violet-400", swatch: "bg-violet-500 dark:bg-violet-400" },
  mixed: { fill: "fill-slate-600 dark:fill-slate-300", stroke: "stroke-slate-600 dark:stroke-slate-300", swatch: "bg-slate-600 dark:bg-slate-300" },
};

export function Legend({ items }: { items: { label: string; swatch: string }[] }) {
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600 dark:text-slate-400">
      {items.map((i) => (
        <li key={i.label} className="flex items-center gap-1.5">
          <span className={`inline-block size-3 rounded-sm ${i.swatch}`} />
          {i.label}
        </li>
      ))}
    </ul>
  );
}
