import type { Instrumentation } from "next";

/** Before the first request: client addresses come from the socket, not from what a client sends. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { trustClientAddressFromSocket } = await import("@/lib/security/trust-client-address");
  trustClientAddressFromSocket();
}

/**
 * Every server error becomes one scrubbed JSON line (no passwords, hashes, tokens or the secret)
 * keyed by the digest the learner sees on the error page as the reference.
 */
export const onRequestError: Instrumentation.onRequestError = async (err, request, context) => {
  const { logError } = await import("@/lib/ops/log");
  const digest = (err as { digest?: string }).digest;
  logError(err, { requestId: digest, path: request.path, method: request.method, route: context.routePath, kind: context.routeType });
};
