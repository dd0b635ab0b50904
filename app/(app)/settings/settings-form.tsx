"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field } from "@/app/_components/field";
import { messageKey } from "@/app/_actions/errors";
import { saveSettingsAction, type SettingsState } from "./actions";

type Initial = { name: string; locale: string; timeZone: string; rolloverHour: number; newPerDay: number; maxReviewsPerDay: number };

export function SettingsForm({ initial, zones }: { initial: Initial; zones: string[] }) {
  const t = useTranslations("settings");
  const tc = useTranslations("common");
  const te = useTranslations("errors");
  const [state, action, pending] = useActionState<SettingsState, FormData>(saveSettingsAction, { ok: false, errors: {} });
  const err = (f: string) => (state.errors[f] ? te(messageKey(state.errors[f]) as never) : undefined);

  return (
    <form action={action} className="card-surface space-y-5 p-5" noValidate>
      <Field label={t("fields.name")} name="name" error={err("name")}>
        {(a) => <input {...a} name="name" defaultValue={initial.name} maxLength={60} required className="field-input" />}
      </Field>
      <Field label={t("fields.locale")} name="locale" error={err("locale")}>
        {(a) => (
          <select {...a} name="locale" defaultValue={initial.locale} className="field-input">
            <option value="en">{tc("language.en")}</option>
            <option value="zh-CN">{tc("language.zh-CN")}</option>
          </select>
        )}
      </Field>
      <Field label={t("fields.timeZone")} name="timeZone" error={err("timeZone")}>
        {(a) => (
          <select {...a} name="timeZone" defaultValue={initial.timeZone} className="field-input">
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
          <select {...a} name="rolloverHour" defaultValue={String(initial.rolloverHour)} className="field-input">
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
          {(a) => <input {...a} name="newPerDay" type="number" inputMode="numeric" min={0} max={500} defaultValue={initial.newPerDay} className="field-input" />}
        </Field>
        <Field label={t("fields.maxReviewsPerDay")} name="maxReviewsPerDay" error={err("maxReviewsPerDay")}>
          {(a) => (
            <input {...a} name="maxReviewsPerDay" type="number" inputMode="numeric" min={1} max={9999} defaultValue={initial.maxReviewsPerDay} className="field-input" />
          )}
        </Field>
      </div>
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
