import { readFileSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./server";

/** The id Next gave a server action in the current build (what a browser sends as Next-Action). */
export function actionId(filename: string, exportedName: string): string {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, ".next/server/server-reference-manifest.json"), "utf8"));
  for (const [id, entry] of Object.entries<{ filename: string; exportedName: string }>(manifest.node)) {
    if (entry.filename === filename && entry.exportedName === exportedName) return id;
  }
  throw new Error(`no action ${exportedName} in ${filename}`);
}

/**
 * Posts to a server action the way React's client does for plain JSON arguments, from outside
 * any page (no cookie unless given): what a forged or replayed request looks like.
 */
export async function postAction(
  baseURL: string,
  pagePath: string,
  id: string,
  args: unknown[],
  opts: { cookie?: string; origin?: string } = {},
): Promise<{ status: number; text: string }> {
  const res = await fetch(new URL(pagePath, baseURL), {
    method: "POST",
    headers: {
      "Next-Action": id,
      "Content-Type": "text/plain;charset=UTF-8",
      Accept: "text/x-component",
      Origin: opts.origin ?? baseURL,
      ...(opts.cookie ? { Cookie: opts.cookie } : {}),
    },
    body: JSON.stringify(args),
  });
  return { status: res.status, text: await res.text() };
}
