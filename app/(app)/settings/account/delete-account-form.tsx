"use client";

import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useActionState, useEffect } from "react";
import { Field } from "@/app/_components/field";
import { messageKey } from "@/app/_actions/errors";
import { deleteAccountAction, type DeleteAccountState } from "./actions";

export function DeleteAccountForm() {
  const t = useTranslations("account.delete");
  const [state, action, pending] = useActionState<DeleteAccountState, FormData>(deleteAccountAction, { ok: false, errors: {} });
  const err = (f: string) => (state.errors[f] ? t(`errors.${messageKey(state.errors[f])}` as never) : undefined);

  useEffect(() => {
    if (state.ok) void signOut({ callbackUrl: "/?deleted=1" });
  }, [state.ok]);

  if (state.ok) {
    return (
      <p role="status" className="text-sm" data-testid="account-deleted">
        {t("done")}
      </p>
    );
  }
  return (
    <form action={action} className="space-y-4" noValidate data-testid="delete-account-form">
      <Field label={t("password")} name="password" error={err("password")} hint={t("passwordHint")}>
        {(a) => <input {...a} name="password" type="password" autoComplete="current-password" maxLength={128} required className="field-input" />}
      </Field>
      {state.errors.form ? (
        <p role="alert" className="field-error" data-field-error="form">
          {err("form")}
        </p>
      ) : null}
      <button type="submit" className="btn bg-red-700 text-white hover:bg-red-800" disabled={pending}>
        {pending ? t("deleting") : t("button")}
      </button>
    </form>
  );
}
