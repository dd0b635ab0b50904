import { currentUser } from "@/app/_auth/current-user";
import { readyDb } from "@/lib/db/client";
import { exportFileName, exportLearnerData } from "@/lib/accounts/export";

export const dynamic = "force-dynamic";

const PRIVATE = { "Cache-Control": "no-store, private" };

/** "Download all my data": the signed-in learner's own data as a JSON file, nobody else's. */
export async function GET() {
  const user = await currentUser();
  const data = user ? await exportLearnerData(await readyDb(), user.id) : null;
  if (!user || !data) return Response.json({ error: "unauthorized" }, { status: 401, headers: PRIVATE });
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      ...PRIVATE,
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${exportFileName()}"`,
    },
  });
}
