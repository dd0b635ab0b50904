"use client";

import { createTranslator } from "next-intl";
// The crash texts are their own namespace: this boundary's chunk is part of every page's first
// load, and a bigger file would ship the rest of it in both languages for nothing.
import en from "./_i18n/messages/en/crash.json";
import zh from "./_i18n/messages/zh-CN/crash.json";

// Messages files are compiled at build time (next.config.js), so they are read through a translator.
const tEn = createTranslator({ locale: "en", messages: { crash: en }, namespace: "crash" });
const tZh = createTranslator({ locale: "zh-CN", messages: { crash: zh }, namespace: "crash" });

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
