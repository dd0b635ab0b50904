/**
 * Benchmark (not a test): what the review page sends a learner who types answers. The /review
 * document (its HTML with the React payload inline: the day pack and the text of its cards) and
 * the same page as a client-side navigation fetches it (`RSC: 1`), raw and gzipped, and the card
 * contents action's reply for every card of the pack, with typing off and on, at 20 new cards a
 * day (the default: the pack holds 40 new cards) and 40 (the whole deck).
 *
 *   npx tsx tests/bench/review-payload.ts
 */
import { gzipSync } from "node:zlib";
import { packCardIds } from "@/lib/core/srs/pack-cards";
import { actionId } from "../helpers/actions";
import { ensureBuild, startServer } from "../helpers/server";
import { makeUser } from "../helpers/users";
import { HttpClient } from "./http";
import { mintCookie } from "./sessions";
import { table } from "./format";

const gz = (s: string) => gzipSync(Buffer.from(s)).length;
const bytes = (s: string) => Buffer.byteLength(s);

async function main() {
  ensureBuild();
  const server = await startServer();
  try {
    process.env.DATABASE_URL = server.databaseUrl;
    const { readyDb } = await import("@/lib/db/client");
    const { loadDayPack } = await import("@/lib/reviews/day-pack");
    const db = await readyDb();
    const client = new HttpClient(server.baseURL, 1);
    const contentsId = actionId("app/(app)/review/actions.ts", "cardContentsAction");
    const rows: (string | number)[][] = [];
    for (const newPerDay of [20, 40]) {
      for (const typeAnswers of [false, true]) {
        const u = await makeUser(db);
        await db.user.update({ where: { id: u.id }, data: { newPerDay, typeAnswers } });
        const cookie = await mintCookie({ id: u.id, email: u.email });
        const html = await client.request("GET", "/review", { Cookie: cookie });
        // Next answers a flight request without its `_rsc` cache key with a redirect that adds it.
        let rsc = await client.request("GET", "/review", { Cookie: cookie, RSC: "1" });
        if (rsc.status === 307 && typeof rsc.headers.location === "string") rsc = await client.request("GET", new URL(rsc.headers.location, server.baseURL).pathname + new URL(rsc.headers.location, server.baseURL).search, { Cookie: cookie, RSC: "1" });
        if (html.status !== 200 || rsc.status !== 200) throw new Error(`GET /review: ${html.status} / ${rsc.status}`);
        const ids = packCardIds(await loadDayPack(db, { id: u.id, timeZone: "UTC", rolloverHour: 4, newPerDay, maxReviewsPerDay: 200 }, new Date()));
        const reply = await client.action("/review", contentsId, [{ ids }], cookie);
        if (reply.status !== 200 || !reply.text.includes('"ok":true')) throw new Error(`cardContentsAction: ${reply.status} ${reply.text.slice(0, 200)}`);
        const typed = reply.text.match(/"typeIn":"/g)?.length ?? 0;
        rows.push([newPerDay, typeAnswers ? "on" : "off", ids.length, typed, bytes(html.text), gz(html.text), bytes(rsc.text), gz(rsc.text), bytes(reply.text), gz(reply.text)]);
      }
    }
    console.log("\nThe review page's payload (bytes; gzip: zlib default level)");
    console.log(table(["new/day", "typing", "cards in pack", "typed cards", "HTML", "HTML gzip", "RSC", "RSC gzip", "contents reply", "reply gzip"], rows));
    await db.$disconnect();
  } finally {
    await server.stop();
  }
}

void main();
