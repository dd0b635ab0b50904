import { readyDb } from "@/lib/db/client";
import { readsATable } from "@/lib/ops/health";

export const dynamic = "force-dynamic";

const HEADERS = { "Cache-Control": "no-store" };
/** A database that does not answer within this is as good as down for a load balancer. */
const TIMEOUT_MS = 3000;

/**
 * For load balancers and uptime checks: 200 {ok:true} when the database answers a read of a table, 503 {ok:false}
 * when it does not. Public, and says nothing else (no versions, no error details).
 */
export async function GET() {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error("database timeout")), TIMEOUT_MS);
    });
    await Promise.race([readyDb().then(readsATable), timeout]);
    return Response.json({ ok: true }, { headers: HEADERS });
  } catch {
    return Response.json({ ok: false }, { status: 503, headers: HEADERS });
  } finally {
    clearTimeout(timer);
  }
}

export const HEAD = GET;
