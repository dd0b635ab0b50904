"use server";

import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { after } from "next/server";
import { currentUser } from "@/app/_auth/current-user";
import { readyDb } from "@/lib/db/client";
import { updateSettings } from "@/lib/accounts/settings";
import type { FieldErrors } from "@/lib/accounts/schemas";
import { setAlgorithm } from "@/lib/reviews/switch-algorithm";
import { claimFit, runFit } from "@/lib/reviews/fsrs-fit";

export type SettingsState = { ok: boolean; errors: FieldErrors; savedAt?: number };

const FIELDS = ["name", "locale", "timeZone", "rolloverHour", "newPerDay", "maxReviewsPerDay"] as const;
const ALGORITHM_FIELDS = ["algorithm", "desiredRetention"] as const;

export async function saveSettingsAction(_prev: SettingsState, form: FormData): Promise<SettingsState> {
  const user = await currentUser();
  if (!user) return { ok: false, errors: { form: "unauthorized" } };
  // Posted by hand rather than by the form: not form data at all.
  if (!(form instanceof FormData)) return { ok: false, errors: { form: "badInput" } };
  const raw = Object.fromEntries(FIELDS.map((f) => [f, form.get(f) ?? undefined]));
  const saved = await updateSettings(await readyDb(), user.id, raw);
  if (!saved.ok) return { ok: false, errors: saved.errors };
  (await cookies()).set("NEXT_LOCALE", String(raw.locale), { path: "/", sameSite: "lax", maxAge: 365 * 24 * 3600 });
  revalidatePath("/", "layout");
  return { ok: true, errors: {}, savedAt: Date.now() };
}

export type AlgorithmState = { ok: boolean; errors: FieldErrors; savedAt?: number };

/** Settings → scheduling: SM-2 or FSRS with its desired retention (lib/reviews/switch-algorithm). */
export async function saveAlgorithmAction(_prev: AlgorithmState, form: FormData): Promise<AlgorithmState> {
  const user = await currentUser();
  if (!user) return { ok: false, errors: { form: "unauthorized" } };
  if (!(form instanceof FormData)) return { ok: false, errors: { form: "badInput" } };
  const raw = Object.fromEntries(ALGORITHM_FIELDS.map((f) => [f, form.get(f) ?? undefined]));
  const saved = await setAlgorithm(await readyDb(), user.id, raw, new Date());
  if (!saved.ok) return { ok: false, errors: saved.errors };
  revalidatePath("/", "layout");
  return { ok: true, errors: {}, savedAt: Date.now() };
}

export type FitState = { ok: boolean; errors: FieldErrors; started?: boolean };

/**
 * Settings → fit FSRS to my reviews: claims the fit (one at a time per learner) and runs the
 * optimizer after the response is sent (next/server `after`), so the request never waits for it.
 */
export async function fitFsrsAction(_prev: FitState, form: FormData): Promise<FitState> {
  const user = await currentUser();
  if (!user) return { ok: false, errors: { form: "unauthorized" } };
  if (!(form instanceof FormData)) return { ok: false, errors: { form: "badInput" } };
  const db = await readyDb();
  const started = await claimFit(db, user.id, new Date());
  if (started) {
    after(() => runFit(db, user.id, () => new Date()));
  }
  return { ok: true, errors: {}, started };
}
