"use client";

import Link from "next/link";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef, useSyncExternalStore } from "react";
import { Field } from "@/app/_components/field";
import { NameField } from "@/app/_components/name-field";
import { messageKey } from "@/app/_actions/errors";
import { signUpAction, type SignUpState } from "./actions";

const noSubscribe = () => () => {};
const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";

export function SignUpForm({ callbackUrl, locale }: { callbackUrl: string; locale: string }) {
  const t = useTranslations("auth");
  const te = useTranslations("errors");
  const [state, action, pending] = useActionState<SignUpState, FormData>(signUpAction, { ok: false, errors: {} });
  // The browser's zone pre-fills the account; the server render cannot know it.
  const timeZone = useSyncExternalStore(noSubscribe, browserTimeZone, () => "UTC");
  const credentials = useRef<{ email: string; password: string } | null>(null);
  const signingIn = state.ok;

  useEffect(() => {
    if (!state.ok || !credentials.current) return;
    void signIn("credentials", { ...credentials.current, redirect: false }).then((res) => {
      window.location.assign(res?.ok ? callbackUrl : "/signin");
    });
  }, [state, callbackUrl]);

  const err = (field: string) => {
    const key = state.errors[field];
    if (!key) return undefined;
    return key === "rate-limited" ? t("signIn.rateLimited", { minutes: 60 }) : te(messageKey(key) as never);
  };

  return (
    <form
      action={action}
      onSubmit={(e) => {
        const f = new FormData(e.currentTarget);
        credentials.current = { email: String(f.get("email") ?? ""), password: String(f.get("password") ?? "") };
      }}
      className="card-surface space-y-4 p-5"
      noValidate
    >
      <input type="hidden" name="timeZone" value={timeZone} />
      <input type="hidden" name="locale" value={locale} />
      <Field label={t("fields.email")} name="email" error={err("email")}>
        {(a) => <input {...a} name="email" type="email" autoComplete="email" required defaultValue={state.values?.email} className="field-input" />}
      </Field>
      <NameField label={t("fields.name")} error={err("name")} response={state} defaultValue={state.values?.name} autoComplete="nickname" />
      <Field label={t("fields.password")} name="password" error={err("password")} hint={t("fields.passwordHint")}>
        {(a) => <input {...a} name="password" type="password" autoComplete="new-password" required minLength={8} maxLength={128} className="field-input" />}
      </Field>
      {state.errors.form ? (
        <p role="alert" className="field-error">
          {err("form")}
        </p>
      ) : null}
      <button type="submit" className="btn-primary w-full" disabled={pending || signingIn}>
        {pending || signingIn ? t("signUp.submitting") : t("signUp.submit")}
      </button>
      <p className="text-center text-sm text-slate-600 dark:text-slate-400">
        {t("signUp.haveAccount")}{" "}
        <Link href={`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="font-medium text-brand-600 hover:underline dark:text-brand-100">
          {t("signUp.signInInstead")}
        </Link>
      </p>
    </form>
  );
}
