"use client";

import { useTranslations } from "next-intl";
import { useActionState, useTransition } from "react";
import { Field } from "@/app/_components/field";
import { NameField } from "@/app/_components/name-field";
import { messageKey } from "@/app/_actions/errors";
import { saveSettingsAction, type SettingsState } from "./actions";

type Initial = { name: string; locale: string; timeZone: string; rolloverHour: number; newPerDay: number; maxReviewsPerDay: number; typeAnswers: boolean };

export function SettingsForm({ initial, zones }: { initial: Initial; zones: string[] }) {
  const t = useTranslations("settings");
  const tc = useTranslations("common");
  const te = useTranslations("errors");
  const [state, action, pending] = useActionState<SettingsState, FormData>(saveSettingsAction, { ok: false, errors: {} });
  const [, startTransition] = useTransition();
  const err = (f: string) => (state.errors[f] ? te(messageKey(state.errors[f]) as never) : undefined);
  // Without JavaScript the page comes back with the refused values; with it, the fields keep them.
  const value = (f: keyof Initial) => state.values?.[f] ?? String(initial[f]);

  return (
    <form
      action={action}
      // A form action resets the fields once it returns, throwing away what a refused save held;
      // dispatching it ourselves keeps them.
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        startTransition(() => action(data));
      }}
      className="card-surface space-y-5 p-5"
      noValidate
    >
      <NameField label={t("fields.name")} defaultValue={value("name")} error={err("name")} response={state} autoComplete="nickname" />
      <Field label={t("fields.locale")} name="locale" error={err("locale")}>
        {(a) => (
          // Keyed by the account's language: switched in the header, the field follows instead of
          // keeping the old one for the next save to switch back to.
          <select {...a} key={initial.locale} name="locale" defaultValue={initial.locale} className="field-input">
            <option value="en">{tc("language.en")}</option>
            <option value="zh-CN">{tc("language.zh-CN")}</option>
          </select>
        )}
      </Field>
      <Field label={t("fields.timeZone")} name="timeZone" error={err("timeZone")}>
        {(a) => (
          <select {...a} name="timeZone" defaultValue={value("timeZone")} className="field-input">
            {zones.map((z) => (
              <option key={z} value={z}>
                {z}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t("fields.rolloverHour")} name="rolloverHour" error={err("rolloverHour")} hint={t("fields.rolloverHint")}>
        {(a) => (
          <select {...a} name="rolloverHour" defaultValue={value("rolloverHour")} className="field-input">
            {Array.from({ length: 24 }, (_, h) => (
              <option key={h} value={h}>
                {t("hour", { hour: String(h).padStart(2, "0") })}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="grid gap-5 sm:grid-cols-2">
        <Field label={t("fields.newPerDay")} name="newPerDay" error={err("newPerDay")}>
          {(a) => <input {...a} name="newPerDay" type="number" inputMode="numeric" min={0} max={500} defaultValue={value("newPerDay")} className="field-input" />}
        </Field>
        <Field label={t("fields.maxReviewsPerDay")} name="maxReviewsPerDay" error={err("maxReviewsPerDay")}>
          {(a) => (
            <input {...a} name="maxReviewsPerDay" type="number" inputMode="numeric" min={1} max={9999} defaultValue={value("maxReviewsPerDay")} className="field-input" />
          )}
        </Field>
      </div>
      <label className="flex min-h-11 items-start gap-3">
        <input
          type="checkbox"
          name="typeAnswers"
          className="mt-1 size-5"
          defaultChecked={state.values ? state.values.typeAnswers === "on" : initial.typeAnswers}
          data-testid="settings-type-answers"
        />
        <span>
          <span className="font-medium">{t("fields.typeAnswers")}</span>
          <span className="block text-sm text-slate-600 dark:text-slate-400">{t("fields.typeAnswersHint")}</span>
        </span>
      </label>
      {state.errors.form ? (
        <p role="alert" className="field-error">
          {err("form")}
        </p>
      ) : null}
      <div className="flex items-center gap-3">
        <button type="submit" className="btn-primary" disabled={pending}>
          {pending ? tc("saving") : tc("save")}
        </button>
        {state.ok && !pending ? (
          <p role="status" className="text-sm text-green-700 dark:text-green-400" data-testid="settings-saved">
            {t("saved")}
          </p>
        ) : null}
      </div>
    </form>
  );
}
