import type { Instrumentation } from "next";

/**
 * Every server error becomes one scrubbed JSON line (no passwords, hashes, tokens or the secret)
 * keyed by the digest the learner sees on the error page as the reference.
 */
export const onRequestError: Instrumentation.onRequestError = async (err, request, context) => {
  const { logError } = await import("@/lib/ops/log");
  const digest = (err as { digest?: string }).digest;
  logError(err, { requestId: digest, path: request.path, method: request.method, route: context.routePath, kind: context.routeType });
};
