"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field } from "@/app/_components/field";
import { fitFsrsAction, saveAlgorithmAction, type AlgorithmState, type FitState } from "./actions";

type Initial = { algorithm: string; desiredRetention: number; fitted: boolean; fitStatus: string | null };

const FIT_STATUSES = ["running", "kept", "not-better", "too-few", "failed"] as const;

/** Settings → scheduling: SM-2 or FSRS, FSRS's desired retention, and fitting FSRS to my reviews. */
export function AlgorithmForm({ initial }: { initial: Initial }) {
  const t = useTranslations("settings.scheduling");
  const tc = useTranslations("common");
  const te = useTranslations("errors");
  const [state, action, pending] = useActionState<AlgorithmState, FormData>(saveAlgorithmAction, { ok: false, errors: {} });
  const [fit, fitAction, fitting] = useActionState<FitState, FormData>(fitFsrsAction, { ok: false, errors: {} });
  const err = (f: string) => (state.errors[f] ? te(state.errors[f] as never) : undefined);
  const fitStatus = fit.ok ? (fit.started ? "running" : "already") : initial.fitStatus;

  return (
    <section aria-labelledby="scheduling-heading" className="card-surface mt-6 space-y-5 p-5">
      <h2 id="scheduling-heading" className="text-lg font-semibold">
        {t("heading")}
      </h2>
      <form action={action} className="space-y-5" noValidate data-testid="algorithm-form">
        <fieldset>
          <legend className="block text-sm font-medium">{t("algorithm")}</legend>
          <div className="mt-2 space-y-2">
            {(["sm2", "fsrs"] as const).map((a) => (
              <label key={a} className="flex min-h-11 items-start gap-3 rounded-lg border border-slate-300 p-3 dark:border-slate-600">
                <input type="radio" name="algorithm" value={a} defaultChecked={initial.algorithm === a} className="mt-1 size-4" data-testid={`algorithm-${a}`} />
                <span>
                  <span className="block font-medium">{t(`${a}.name`)}</span>
                  <span className="block text-sm text-slate-600 dark:text-slate-400">{t(`${a}.body`)}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <Field label={t("retention")} name="desiredRetention" error={err("desiredRetention")} hint={t("retentionHint")}>
          {(a) => (
            <input
              {...a}
              name="desiredRetention"
              type="number"
              inputMode="decimal"
              min={0.7}
              max={0.97}
              step={0.01}
              defaultValue={initial.desiredRetention}
              className="field-input"
            />
          )}
        </Field>
        {err("algorithm") || err("form") ? (
          <p role="alert" className="field-error">
            {err("algorithm") ?? err("form")}
          </p>
        ) : null}
        <div className="flex items-center gap-3">
          <button type="submit" className="btn-primary" disabled={pending} data-testid="algorithm-save">
            {pending ? tc("saving") : t("save")}
          </button>
          {state.ok && !pending ? (
            <p role="status" className="text-sm text-green-700 dark:text-green-400" data-testid="algorithm-saved">
              {t("saved")}
            </p>
          ) : null}
        </div>
      </form>
      <form action={fitAction} className="space-y-2 border-t border-slate-200 pt-4 dark:border-slate-700">
        <p className="text-sm text-slate-600 dark:text-slate-400">{t(initial.fitted ? "fit.fitted" : "fit.defaults")}</p>
        <button type="submit" className="btn-secondary" disabled={fitting} data-testid="fsrs-fit">
          {t("fit.button")}
        </button>
        {fitStatus && (FIT_STATUSES as readonly string[]).concat("already").includes(fitStatus) ? (
          <p role="status" className="text-sm" data-testid="fsrs-fit-status">
            {t(`fit.status.${fitStatus}` as never)}
          </p>
        ) : null}
      </form>
    </section>
  );
}
