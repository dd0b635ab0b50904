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
 *
 * Next compiles this file for the Edge runtime as well as for Node. The logger uses Node APIs
 * (node:crypto, process.stderr), so it is imported only behind the NEXT_RUNTIME check, which the
 * bundler replaces by a constant: the Edge build drops the import and prints no warnings about it.
 */
export const onRequestError: Instrumentation.onRequestError = async (err, request, context) => {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { logError } = await import("@/lib/ops/log");
    const digest = (err as { digest?: string }).digest;
    logError(err, { requestId: digest, path: request.path, method: request.method, route: context.routePath, kind: context.routeType });
  }
};
