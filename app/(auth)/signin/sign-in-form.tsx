"use client";

import Link from "next/link";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Field } from "@/app/_components/field";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("auth");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (busy) return;
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    const res = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    });
    if (res?.ok && !res.error) {
      // A full navigation so the header and language pick up the new session.
      window.location.assign(callbackUrl);
      return;
    }
    setBusy(false);
    const code = res?.error ?? "";
    if (code.startsWith("rate-limited:")) {
      const seconds = Number(code.split(":")[1]) || 60;
      setError(t("signIn.rateLimited", { minutes: Math.max(1, Math.ceil(seconds / 60)) }));
    } else if (code === "invalid" || code === "CredentialsSignin") {
      setError(t("signIn.invalid"));
    } else {
      setError(t("signIn.failed"));
    }
  }

  return (
    <form onSubmit={onSubmit} className="card-surface space-y-4 p-5" noValidate>
      <Field label={t("fields.email")} name="email">
        {(a) => <input {...a} name="email" type="email" autoComplete="email" required className="field-input" />}
      </Field>
      <Field label={t("fields.password")} name="password">
        {(a) => <input {...a} name="password" type="password" autoComplete="current-password" required className="field-input" />}
      </Field>
      {error ? (
        <p role="alert" className="field-error" data-testid="signin-error">
          {error}
        </p>
      ) : null}
      <button type="submit" className="btn-primary w-full" disabled={busy}>
        {busy ? t("signIn.submitting") : t("signIn.submit")}
      </button>
      <p className="text-center text-sm text-slate-600 dark:text-slate-400">
        {t("signIn.noAccount")}{" "}
        <Link href={`/signup?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="font-medium text-brand-600 hover:underline dark:text-brand-100">
          {t("signIn.createAccount")}
        </Link>
      </p>
    </form>
  );
}
