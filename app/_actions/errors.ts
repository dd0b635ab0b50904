/**
 * The error codes every server action shares, kebab-case like the use cases' own codes
 * ("not-found", "conflict", …). Forms show them through messageKey.
 */
export type ActionError = "unauthorized" | "bad-input" | "rate-limited";

/** The message key (camelCase, as in the message files) for an error code or a field-error key. */
export function messageKey(code: string): string {
  return code.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}
