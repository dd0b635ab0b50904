"use server";

import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { after } from "next/server";
import { z } from "zod";
import { formAction } from "@/app/_actions/action";
import { readyDb } from "@/lib/db/client";
import { updateSettings } from "@/lib/accounts/settings";
import { settingsSchema, type FieldErrors } from "@/lib/accounts/schemas";
import { localeCookie } from "@/app/_i18n/locale-cookie";
import { algorithmSchema, setAlgorithm } from "@/lib/reviews/switch-algorithm";
import { claimFit, runFit } from "@/lib/reviews/fsrs-fit";

/** `values`: what a refused save sent, so the form shows it again (also without JavaScript). */
export type SettingsState = { ok: boolean; errors: FieldErrors; savedAt?: number; values?: Record<string, string> };

const valuesOf = (fields: Record<string, unknown>) => Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, typeof v === "string" ? v : ""]));

export const saveSettingsAction = formAction({
  name: "save-settings",
  session: "required",
  fields: ["name", "locale", "timeZone", "rolloverHour", "newPerDay", "maxReviewsPerDay", "typeAnswers"],
  input: settingsSchema,
  // A refused save sends back what was typed, so the form shows it again (also without JavaScript).
  echo: (fields) => ({ values: valuesOf(fields) }),
  async run({ user, input }, fields): Promise<SettingsState> {
    const saved = await updateSettings(await readyDb(), user.id, input);
    if (!saved.ok) return { ok: false, errors: saved.errors, values: valuesOf(fields) };
    (await cookies()).set(localeCookie(input.locale));
    revalidatePath("/", "layout");
    return { ok: true, errors: {}, savedAt: Date.now() };
  },
});

export type AlgorithmState = { ok: boolean; errors: FieldErrors; savedAt?: number };

/** Settings → scheduling: SM-2 or FSRS with its desired retention (lib/reviews/switch-algorithm). */
export const saveAlgorithmAction = formAction({
  name: "save-algorithm",
  session: "required",
  fields: ["algorithm", "desiredRetention"],
  input: algorithmSchema,
  async run({ user, input }): Promise<AlgorithmState> {
    const saved = await setAlgorithm(await readyDb(), user.id, input, new Date());
    if (!saved.ok) return { ok: false, errors: saved.errors };
    revalidatePath("/", "layout");
    return { ok: true, errors: {}, savedAt: Date.now() };
  },
});

export type FitState = { ok: boolean; errors: FieldErrors; started?: boolean };

/**
 * Settings → fit FSRS to my reviews: claims the fit (one at a time per learner) and runs the
 * optimizer after the response is sent (next/server `after`), so the request never waits for it.
 */
export const fitFsrsAction = formAction({
  name: "fit-fsrs",
  session: "required",
  fields: [],
  input: z.object({}),
  async run({ user }): Promise<FitState> {
    const db = await readyDb();
    const started = await claimFit(db, user.id, new Date());
    if (started) after(() => runFit(db, user.id, () => new Date()));
    return { ok: true, errors: {}, started };
  },
});
