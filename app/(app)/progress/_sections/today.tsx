import { getTranslations } from "next-intl/server";
import type { ProgressData } from "@/lib/progress/load";
import type { Fmt } from "../_charts/format";

/** Today's numbers and the streaks. */
export async function TodaySection({ data, fmt }: { data: ProgressData; fmt: Fmt }) {
  const t = await getTranslations("progress.today");
  const { today, streaks } = data;
  const streakNote = streaks.today ? t("streakToday") : streaks.current > 0 ? t("streakKeep") : t("streakNone");
  const tiles = [
    { id: "reviewed", label: t("reviewed"), value: fmt.number(today.reviewed) },
    { id: "left", label: t("left"), value: fmt.number(today.left.total), note: t("leftDetail", { review: today.left.review, new: today.left.new, drill: today.left.drill }) },
    { id: "new", label: t("new"), value: fmt.number(today.newIntroduced) },
    { id: "time", label: t("time"), value: fmt.duration(today.timeMs) },
    { id: "streak-current", label: t("currentStreak"), value: t("days", { count: streaks.current }), note: streakNote },
    { id: "streak-longest", label: t("longestStreak"), value: t("days", { count: streaks.longest }) },
  ];
  return (
    <section className="card-surface p-4 sm:p-6" aria-labelledby="today-heading" data-testid="progress-today">
      <h2 id="today-heading" className="text-lg font-semibold">
        {t("heading")}
      </h2>
      <dl className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-3">
        {tiles.map((tile) => (
          <div key={tile.id} className="rounded-lg bg-slate-50 px-3 py-3 dark:bg-slate-800/60">
            <dt className="text-xs text-slate-500 dark:text-slate-400">{tile.label}</dt>
            <dd className="text-2xl font-semibold tabular-nums" data-testid={`today-${tile.id}`}>
              {tile.value}
            </dd>
            {tile.note ? <dd className="mt-0.5 text-xs text-slate-500 dark:text-slate-400">{tile.note}</dd> : null}
          </div>
        ))}
      </dl>
    </section>
  );
}
