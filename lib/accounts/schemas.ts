import { z } from "zod";
import { isValidTimeZone } from "@/lib/core/srs/days";

/**
 * Input rules for accounts and settings. Error messages are message keys (under
 * "errors" in the message files) so each form shows them in the learner's language.
 */
export const LOCALES = ["en", "zh-CN"] as const;
export type Locale = (typeof LOCALES)[number];

export const emailSchema = z
  .string({ error: "email.required" })
  .trim()
  .toLowerCase()
  .min(1, { error: "email.required" })
  .max(254, { error: "email.invalid" })
  .pipe(z.email({ error: "email.invalid" }));

export const passwordSchema = z
  .string({ error: "password.required" })
  .min(8, { error: "password.tooShort" })
  .max(128, { error: "password.tooLong" });

// Control characters (NUL included) and the bidi overrides that reorder what others see.
const NAME_FORBIDDEN = /[\p{Cc}\u202a-\u202e\u2066-\u2069]/u;
// Something a reader can see: not a control, format (zero-width), separator or lone mark.
const VISIBLE = /[^\p{Cc}\p{Cf}\p{Z}\p{M}]/u;

export const displayNameSchema = z
  .string({ error: "name.required" })
  .trim()
  .min(1, { error: "name.required" })
  .max(60, { error: "name.tooLong" })
  .refine((name) => !NAME_FORBIDDEN.test(name) && VISIBLE.test(name), { error: "name.invalid" });

export const localeSchema = z.enum(LOCALES, { error: "locale.invalid" });

export const timeZoneSchema = z
  .string({ error: "timeZone.invalid" })
  .trim()
  .max(64, { error: "timeZone.invalid" })
  .refine((tz) => isValidTimeZone(tz), { error: "timeZone.invalid" });

const intField = (min: number, max: number, key: string) =>
  z.coerce
    .number({ error: `${key}.invalid` })
    .int({ error: `${key}.invalid` })
    .min(min, { error: `${key}.range` })
    .max(max, { error: `${key}.range` });

export const signUpSchema = z.strictObject({
  email: emailSchema,
  name: displayNameSchema,
  password: passwordSchema,
  timeZone: timeZoneSchema.catch("UTC"),
  locale: localeSchema.catch("en"),
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1).max(128),
});

export const settingsSchema = z.strictObject({
  name: displayNameSchema,
  locale: localeSchema,
  timeZone: timeZoneSchema,
  rolloverHour: intField(0, 23, "rolloverHour"),
  newPerDay: intField(0, 500, "newPerDay"),
  maxReviewsPerDay: intField(1, 9999, "maxReviewsPerDay"),
  // A checkbox: "on" when ticked, absent when not.
  typeAnswers: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()).optional(),
});
export type SettingsInput = z.infer<typeof settingsSchema>;

export type FieldErrors = Partial<Record<string, string>>;

/** First message per field, in the shape forms show under each input. */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    out[field] ??= issue.message;
  }
  return out;
}
