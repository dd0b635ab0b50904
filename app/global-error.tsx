"use client";

import en from "./_i18n/messages/en/errors.json";
import zh from "./_i18n/messages/zh-CN/errors.json";

// The root layout itself failed, so there is no message provider: show both languages.
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", textAlign: "center", padding: "3rem 1rem" }}>
        <h1>
          {en.crash.title} · {zh.crash.title}
        </h1>
        <p>{en.crash.body}</p>
        <p>{zh.crash.body}</p>
        {error.digest ? <p style={{ fontSize: "0.75rem" }}>{en.crash.reference.replace("{id}", error.digest)}</p> : null}
        <button type="button" onClick={reset} style={{ marginTop: "1rem", padding: "0.5rem 1rem" }}>
          {en.crash.retry} · {zh.crash.retry}
        </button>
      </body>
    </html>
  );
}
