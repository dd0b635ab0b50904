"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { setLocaleAction } from "./locale-action";

export function LanguageSwitch({ current }: { current: string }) {
  const t = useTranslations("common.language");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <label className="flex items-center gap-1 text-sm">
      <span className="sr-only">{t("label")}</span>
      <select
        data-testid="language-switch"
        className="min-h-11 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 sm:min-h-9 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
        value={current}
        disabled={pending}
        onChange={(e) => {
          const locale = e.target.value;
          startTransition(async () => {
            await setLocaleAction({ locale });
            router.refresh();
          });
        }}
      >
        <option value="en">{t("en")}</option>
        <option value="zh-CN">{t("zh-CN")}</option>
      </select>
    </label>
  );
}
