/**
 * Benchmark (not a test): a learner back online after answering 200 cards offline (issue 17).
 * The answers are made as the browser makes them (lib/core/srs/day-pack over a pack of today and
 * tomorrow), then posted to the production server's sync action in the browser's batches of 50;
 * then all of them again, as after lost replies. Prints the time per batch and in all, and checks
 * exactly-once: one log row per answer, dated when it was given, and every state equal to the
 * replay of its log.
 *
 *   npx tsx tests/bench/outbox-sync.ts [--answers 200]
 */
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { mulberry32 } from "@/lib/core/quiz/rng";
import { algorithmFor, applyOps, checkSchedule, localSession, type AnswerOp, type PackOp, type Quality } from "@/lib/core/srs";
import { SYNC_BATCH, wireOp } from "@/lib/core/srs/op-wire";
import { actionId } from "../helpers/actions";
import { startServer } from "../helpers/server";
import { makeUser } from "../helpers/users";
import { storedSchedules } from "../helpers/stored-schedules";
import { actionResult, HttpClient } from "./http";
import { mintCookie } from "./sessions";
import { f1, table } from "./format";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ANSWERS = arg("answers", 200);

type Result = { ok: boolean; error?: string; results: { requestId: string; status: string }[] };

async function main() {
  const server = await startServer();
  try {
    process.env.DATABASE_URL = server.databaseUrl;
    const { readyDb } = await import("@/lib/db/client");
    const { loadDayPack } = await import("@/lib/reviews/day-pack");
    const db = await readyDb();
    const zone = { timeZone: "Europe/Berlin", rolloverHour: 4 };
    const start = new Date(Date.now() - 30 * 3600_000); // offline since yesterday morning
    const u = await makeUser(db, { timeZone: zone.timeZone });
    await db.user.update({ where: { id: u.id }, data: { newPerDay: 500, rolloverHour: zone.rolloverHour, createdAt: new Date(start.getTime() - 86_400_000) } });
    const learner = { id: u.id, ...zone, newPerDay: 500, maxReviewsPerDay: 1000 };

    // Answer offline as the browser does, from yesterday's pack, through yesterday and today.
    const pack = await loadDayPack(db, learner, start);
    const algorithm = algorithmFor({ algorithm: "sm2", desiredRetention: 0.9, weights: null });
    const rnd = mulberry32(17);
    const ops: PackOp[] = [];
    let t = start.getTime();
    while (ops.length < ANSWERS) {
      const s = localSession(applyOps(pack, ops, new Date(t), algorithm), new Date(t), algorithm);
      if (!s.card) {
        t += 6 * 3600_000; // nothing left today: wait for tomorrow's cards
        if (t > Date.now()) throw new Error(`only ${ops.length} answers possible`);
        continue;
      }
      const grade = [1, 2, 3, 4, 4, 5, 5, 5][Math.floor(rnd() * 8)] as Quality;
      ops.push({ type: "grade", requestId: randomUUID(), cardId: s.card.id, grade, answeredAt: new Date(t), durationMs: 4000, expected: s.card.expected });
      t += 8000;
    }

    const client = new HttpClient(server.baseURL, 4);
    const cookie = await mintCookie({ id: u.id, email: u.email });
    const id = actionId("app/(app)/review/actions.ts", "syncAction");
    async function send(batch: PackOp[]): Promise<{ ms: number; applied: number }> {
      const t0 = performance.now();
      const res = await client.action("/review", id, [{ userId: u.id, ops: batch.map(wireOp) }], cookie);
      const ms = performance.now() - t0;
      const out = actionResult<Result>(res.text);
      if (!out.ok) throw new Error(`sync refused: ${out.error}`);
      return { ms, applied: out.results.filter((r) => r.status === "applied").length };
    }
    const rows: (string | number)[][] = [];
    for (const round of ["first delivery", "again (lost replies)"]) {
      let total = 0;
      let applied = 0;
      const times: number[] = [];
      for (let i = 0; i < ops.length; i += SYNC_BATCH) {
        const r = await send(ops.slice(i, i + SYNC_BATCH));
        total += r.ms;
        applied += r.applied;
        times.push(r.ms);
      }
      rows.push([round, ops.length, times.length, f1(total), times.map(f1).join(" / "), f1(total / ops.length), applied]);
    }

    // Exactly once, at the moment given, and every state equal to its replay.
    const grades = ops.filter((o): o is AnswerOp => o.type === "grade");
    const logged = await db.reviewLog.findMany({ where: { userId: u.id }, select: { requestId: true, reviewedAt: true } });
    const byId = new Map(logged.map((l) => [l.requestId, l.reviewedAt.getTime()]));
    const once = logged.length === grades.length && grades.every((g) => byId.get(g.requestId) === g.answeredAt.getTime());
    const stored = await storedSchedules(db, u.id);
    let problems = 0;
    for (const [cardId, list] of stored.rows) problems += checkSchedule(list, stored.states.get(cardId) ?? null, zone).length;

    console.log(`\nOutbox sync: ${ops.length} answers given offline over ${f1((t - start.getTime()) / 3600_000)} h, posted to the sync action in batches of ${SYNC_BATCH}`);
    console.log(table(["delivery", "answers", "requests", "total ms", "per request ms", "ms per answer", "applied"], rows));
    console.log(`log rows ${logged.length} for ${grades.length} answers; each once at its own moment: ${once ? "yes" : "NO"}; replay problems: ${problems}`);
    if (!once || problems) process.exitCode = 1;
    await db.$disconnect();
  } finally {
    await server.stop();
  }
}

void main();
