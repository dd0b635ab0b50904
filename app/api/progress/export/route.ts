import { currentUser } from "@/app/_auth/current-user";
import { readyDb } from "@/lib/db/client";
import { exportFileName, reviewHistoryCsv } from "@/lib/progress/export";
import { localDayKey } from "@/lib/core/srs/days";

export const dynamic = "force-dynamic";

/** The signed-in learner's review history as CSV, streamed batch by batch. */
export async function GET(): Promise<Response> {
  const user = await currentUser();
  if (!user) {
    return new Response("Sign in to download your review history.\n", {
      status: 401,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
  const db = await readyDb();
  const chunks = reviewHistoryCsv(db, user.id);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await chunks.next();
        if (done) controller.close();
        else controller.enqueue(encoder.encode(value));
      } catch (e) {
        controller.error(e);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  const name = exportFileName(localDayKey(new Date(), user.timeZone, user.rolloverHour));
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
