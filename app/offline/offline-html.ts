import { createTranslator } from "next-intl";
import en from "@/app/_i18n/messages/en/offline.json";
import zh from "@/app/_i18n/messages/zh-CN/offline.json";

// Messages files are compiled at build time (next.config.js), so they are read through a translator.
const translators = [
  { lang: "en", t: createTranslator({ locale: "en", messages: { offline: en }, namespace: "offline.page" }) },
  { lang: "zh-CN", t: createTranslator({ locale: "zh-CN", messages: { offline: zh }, namespace: "offline.page" }) },
];

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

// Plain CSS in the page: the worker stores this page once per build, and the app's stylesheet
// names change with every build. Colours are the app's (slate, brand) and meet AA in both themes.
const STYLE = `
:root { color-scheme: light dark; }
body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "PingFang SC", "Noto Sans CJK SC", sans-serif; background: #f8fafc; color: #0f172a; line-height: 1.5; }
main { max-width: 40rem; margin: 0 auto; padding: 2rem 1rem; }
section { background: #fff; border: 1px solid #e2e8f0; border-radius: 0.75rem; padding: 1rem 1.25rem; margin-bottom: 1.25rem; }
h1 { font-size: 1.5rem; margin: 0 0 0.5rem; }
h2 { font-size: 1rem; margin: 1rem 0 0.25rem; }
p { margin: 0.25rem 0; }
nav { display: flex; flex-wrap: wrap; gap: 0.75rem; margin-top: 1rem; }
a { display: inline-flex; align-items: center; min-height: 44px; padding: 0 1rem; border-radius: 0.5rem; font-weight: 600; text-decoration: none; }
a.primary { background: #2857bd; color: #fff; }
a.secondary { border: 1px solid #cbd5e1; color: #1e293b; }
a:focus-visible { outline: 3px solid #326ce5; outline-offset: 2px; }
@media (prefers-color-scheme: dark) {
  body { background: #020617; color: #f1f5f9; }
  section { background: #0f172a; border-color: #1e293b; }
  a.secondary { border-color: #334155; color: #f1f5f9; }
}`;

/**
 * The page the worker shows for a page never opened on this device, while offline. The worker
 * cannot know the learner's language, so it says everything in both. No scripts: it is stored
 * once and served with whatever nonce its first response had.
 */
export function offlineHtml(): string {
  const sections = translators
    .map(
      ({ lang, t }) => `<section lang="${lang}">
<h1>${escape(t("title"))}</h1>
<p>${escape(t("body"))}</p>
<h2>${escape(t("worksHeading"))}</h2>
<p>${escape(t("works"))}</p>
<h2>${escape(t("needsHeading"))}</h2>
<p>${escape(t("needs"))}</p>
<nav><a class="primary" href="/review">${escape(t("review"))}</a><a class="secondary" href="/">${escape(t("home"))}</a></nav>
</section>`,
    )
    .join("\n");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>KubeCards · ${escape(translators[0].t("title"))} · ${escape(translators[1].t("title"))}</title>
<style>${STYLE}</style>
</head>
<body>
<main id="main" data-testid="offline-page">
${sections}
</main>
</body>
</html>`;
}
