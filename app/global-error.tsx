"use client";

import { createTranslator } from "next-intl";
import en from "./_i18n/messages/en/errors.json";
import zh from "./_i18n/messages/zh-CN/errors.json";

// Messages files are compiled at build time (next.config.js), so they are read through a translator.
const tEn = createTranslator({ locale: "en", messages: { errors: en }, namespace: "errors.crash" });
const tZh = createTranslator({ locale: "zh-CN", messages: { errors: zh }, namespace: "errors.crash" });

// The root layout itself failed, so there is no message provider: show both languages.
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", textAlign: "center", padding: "3rem 1rem" }}>
        <h1>
          {tEn("title")} · {tZh("title")}
        </h1>
        <p>{tEn("body")}</p>
        <p>{tZh("body")}</p>
        {error.digest ? <p style={{ fontSize: "0.75rem" }}>{tEn("reference", { id: error.digest })}</p> : null}
        <button type="button" onClick={reset} style={{ marginTop: "1rem", padding: "0.5rem 1rem" }}>
          {tEn("retry")} · {tZh("retry")}
        </button>
      </body>
    </html>
  );
}
