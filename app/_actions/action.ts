import { headers } from "next/headers";
import { RateLimiterMemory } from "rate-limiter-flexible";
import { z } from "zod";
import { currentUser, type CurrentUser } from "@/app/_auth/current-user";
import { clientIp } from "@/app/_auth/client-ip";
import { fieldErrors, type FieldErrors } from "@/lib/accounts/schemas";
import type { ActionError } from "./errors";

/**
 * The one way a server action is written: session → flood guard → zod → use case, with the
 * refusals in one vocabulary (./errors). A new action states what it needs and cannot skip a
 * step; the use case it runs only ever sees a checked learner and parsed input.
 */

/**
 * A flood guard, far above any human pace, per action and per learner (or per client address
 * when signed out). Per process on purpose: a learner's requests reach one server at a time,
 * and a miss costs nothing. Counted in memory, so a flood writes nothing.
 */
export interface Flood {
  points: number;
  perSeconds: number;
}
export const DEFAULT_FLOOD: Flood = { points: 600, perSeconds: 60 };

interface Common<S extends z.ZodType> {
  /** Names the flood guard's counters. */
  name: string;
  flood?: Flood;
  input: S;
}
type Session<U> = U extends "required" ? CurrentUser : CurrentUser | null;
interface Ctx<S extends z.ZodType, U> {
  user: Session<U>;
  input: z.output<S>;
}

const limiters = new Map<string, RateLimiterMemory>();
function guard(name: string, flood: Flood): RateLimiterMemory {
  let l = limiters.get(name);
  if (!l) limiters.set(name, (l = new RateLimiterMemory({ keyPrefix: `action-${name}`, points: flood.points, duration: flood.perSeconds })));
  return l;
}

type Step<S extends z.ZodType, U> = { ok: true; ctx: Ctx<S, U> } | { ok: false; error: ActionError; issues?: z.ZodError };

async function gate<S extends z.ZodType, U extends "required" | "optional">(spec: Common<S> & { session: U }, raw: unknown): Promise<Step<S, U>> {
  const user = await currentUser();
  if (spec.session === "required" && !user) return { ok: false, error: "unauthorized" };
  try {
    await guard(spec.name, spec.flood ?? DEFAULT_FLOOD).consume(user?.id ?? `ip:${clientIp(await headers())}`);
  } catch {
    return { ok: false, error: "rate-limited" };
  }
  const parsed = spec.input.safeParse(raw);
  if (!parsed.success) return { ok: false, error: "bad-input", issues: parsed.error };
  return { ok: true, ctx: { user: user as Session<U>, input: parsed.data } };
}

/**
 * An action called from a script with one argument. Refusals are `{ ok: false, error }`, plus
 * whatever `refusal` adds so the caller's result keeps one shape (e.g. `session: null`).
 */
export function jsonAction<S extends z.ZodType, U extends "required" | "optional", R, X extends object = object>(
  spec: Common<S> & { session: U; refusal?: X; run: (ctx: Ctx<S, U>) => Promise<R> },
): (raw: unknown) => Promise<R | ({ ok: false; error: ActionError } & X)> {
  return async (raw) => {
    const step = await gate(spec, raw);
    if (!step.ok) return { ...(spec.refusal as X), ok: false, error: step.error };
    return spec.run(step.ctx);
  };
}

export type FormState = { ok: boolean; errors: FieldErrors };

/** Reads the named fields of a posted form; anything but FormData is bad input. */
function formFields(form: unknown, fields: readonly string[]): Record<string, unknown> | null {
  if (!(form instanceof FormData)) return null;
  return Object.fromEntries(fields.map((f) => [f, form.get(f) ?? undefined]));
}

/**
 * A form action for useActionState, `(previous state, FormData)`, that also works posted without
 * JavaScript. Only `fields` are read; invalid fields come back as field errors (message keys),
 * refusals as `errors.form`.
 */
export function formAction<S extends z.ZodType, U extends "required" | "optional", R extends FormState>(
  spec: Common<S> & {
    session: U;
    fields: readonly string[];
    /** Extra state for every answer that is not the use case's (e.g. the values to show again). */
    echo?: (fields: Record<string, unknown>) => Partial<R>;
    run: (ctx: Ctx<S, U>, fields: Record<string, unknown>) => Promise<R>;
  },
): (prev: R, form: FormData) => Promise<R> {
  return async (_prev, form) => {
    const fields = formFields(form, spec.fields);
    const step = await gate(spec, fields ?? form);
    const echo = fields && spec.echo ? spec.echo(fields) : {};
    if (step.ok) return spec.run(step.ctx, fields!);
    const errors = step.issues && fields ? fieldErrors(step.issues) : { form: step.error };
    return { ...echo, ok: false, errors } as R;
  };
}

/**
 * A plain `<form action>` with no state to show (signing out): it works by its effect (usually
 * a redirect); a refusal leaves the page as it was.
 */
export function plainFormAction<U extends "required" | "optional">(
  spec: { name: string; flood?: Flood; session: U; run: (ctx: Ctx<z.ZodUnknown, U>) => Promise<void> },
): (form: FormData) => Promise<void> {
  return async (form) => {
    const step = await gate({ ...spec, input: z.unknown() }, form);
    if (step.ok) await spec.run(step.ctx);
  };
}
