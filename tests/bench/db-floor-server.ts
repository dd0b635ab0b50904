/**
 * The database's floor for the grade action: a bare node:http server applying one answer in one
 * transaction with better-sqlite3 directly (no framework, no ORM, no session check), the core of
 * what lib/reviews/sync.ts does for an answer: replay check by request id, read the state, update
 * it at the version read (sent by the client: this server keeps nothing) or insert it, insert the
 * log row, with SM-2 from lib/core/srs. It leaves out what sync.ts adds (the learner's algorithm,
 * the answer's clamped moment, the card's rows of the day), so it is a floor, not a copy.
 *
 *   node --import tsx tests/bench/db-floor-server.ts <sqlite file> <port>
 *
 * POST /grade {userId, cardId, quality, expectedVersion, requestId, durationMs}
 *   → {ok: true, version} | {ok: false, error, version}
 */
import http from "node:http";
import Database from "better-sqlite3";
import { outcome, type Quality, type Schedule } from "@/lib/core/srs";
import { newId, sqlDate } from "./population";

interface Input {
  userId: string;
  cardId: string;
  quality: Quality;
  expectedVersion: number;
  requestId: string;
  durationMs: number;
}

interface StateRow {
  id: string;
  repetitions: number;
  easiness: number;
  intervalDays: number;
  dueAt: string;
  lapses: number;
  lastReviewedAt: string | null;
  version: number;
}

type Outcome = { ok: true; version: number } | { ok: false; error: "not-found" | "conflict"; version: number };

const [file, portArg] = process.argv.slice(2);
if (!file || !portArg) throw new Error("usage: db-floor-server.ts <sqlite file> <port>");

// The same settings as lib/db/client.ts configureSqlite.
const db = new Database(file, { timeout: 5000 });
db.pragma("journal_mode = WAL");
db.pragma("busy_timeout = 5000");
db.pragma("foreign_keys = ON");
db.pragma("synchronous = NORMAL");

const q = {
  user: db.prepare(`SELECT "timeZone", "rolloverHour" FROM "User" WHERE id = ?`),
  done: db.prepare(`SELECT id FROM "ReviewLog" WHERE "userId" = ? AND "requestId" = ?`),
  card: db.prepare(`SELECT id FROM "Card" WHERE id = ?`),
  state: db.prepare(`SELECT id, repetitions, easiness, "intervalDays", "dueAt", lapses, "lastReviewedAt", version FROM "ReviewState" WHERE "userId" = ? AND "cardId" = ?`),
  insertState: db.prepare(
    `INSERT INTO "ReviewState" (id, "userId", "cardId", repetitions, easiness, "intervalDays", "dueAt", lapses, "lastReviewedAt", "introducedAt", version)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
  ),
  moveState: db.prepare(
    `UPDATE "ReviewState" SET repetitions = ?, easiness = ?, "intervalDays" = ?, "dueAt" = ?, lapses = ?, "lastReviewedAt" = ?, version = version + 1
     WHERE id = ? AND version = ?`,
  ),
  bumpState: db.prepare(`UPDATE "ReviewState" SET version = version + 1 WHERE id = ? AND version = ?`),
  insertLog: db.prepare(
    `INSERT INTO "ReviewLog" (id, "userId", "cardId", grade, origin, kind, "repsBefore", "easeBefore", "intervalBefore", "dueBefore", "lapsesBefore",
       "repsAfter", "easeAfter", "intervalAfter", "dueAfter", "lapsesAfter", "reviewedAt", "durationMs", "requestId")
     VALUES (?, ?, ?, ?, 'review', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ),
};

const grade = db.transaction((input: Input, tz: string, rollover: number, now: Date): Outcome => {
  const state = q.state.get(input.userId, input.cardId) as StateRow | undefined;
  if (q.done.get(input.userId, input.requestId)) return { ok: true, version: state?.version ?? 0 };
  if (!q.card.get(input.cardId)) return { ok: false, error: "not-found", version: 0 };
  if ((state?.version ?? 0) !== input.expectedVersion) return { ok: false, error: "conflict", version: state?.version ?? 0 };

  // The same schedule model as the app; today's repeats are read from the schedule alone (this
  // floor skips the day's log read, which the app needs only for owed repeats).
  const schedule: Schedule | null = state
    ? { repetitions: state.repetitions, easiness: state.easiness, intervalDays: state.intervalDays, lapses: state.lapses, dueAt: new Date(state.dueAt), lastReviewedAt: state.lastReviewedAt ? new Date(state.lastReviewedAt) : null }
    : null;
  const o = outcome({ schedule }, { type: "grade", grade: input.quality }, { now, timeZone: tz, rolloverHour: rollover });
  const kind = o.log!.kind;
  const moves = kind !== "drill";
  const before = state ?? { repetitions: 0, easiness: 2.5, intervalDays: 0, dueAt: null, lapses: 0 };
  const next = o.schedule!;
  const dueAt = sqlDate(next.dueAt);
  const lapses = next.lapses;
  const at = sqlDate(now);
  if (!state) {
    q.insertState.run(newId(), input.userId, input.cardId, next.repetitions, next.easiness, next.intervalDays, dueAt, lapses, at, at);
  } else {
    const { changes } = moves
      ? q.moveState.run(next.repetitions, next.easiness, next.intervalDays, dueAt, lapses, at, state.id, input.expectedVersion)
      : q.bumpState.run(state.id, input.expectedVersion);
    if (changes !== 1) return { ok: false, error: "conflict", version: state.version };
  }
  q.insertLog.run(
    newId(), input.userId, input.cardId, input.quality, kind,
    before.repetitions, before.easiness, before.intervalDays, before.dueAt, before.lapses,
    next.repetitions, next.easiness, next.intervalDays, dueAt, lapses,
    at, input.durationMs, input.requestId,
  );
  return { ok: true, version: (state?.version ?? 0) + 1 };
});

const server = http.createServer((req, res) => {
  if (req.method !== "POST" || req.url !== "/grade") {
    res.writeHead(404).end();
    return;
  }
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    let body: string;
    try {
      const input = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Input;
      const user = q.user.get(input.userId) as { timeZone: string; rolloverHour: number } | undefined;
      const out: Outcome = user ? grade(input, user.timeZone, user.rolloverHour, new Date()) : { ok: false, error: "not-found", version: 0 };
      body = JSON.stringify(out);
      res.writeHead(200, { "Content-Type": "application/json" });
    } catch (e) {
      body = JSON.stringify({ ok: false, error: String(e) });
      res.writeHead(500, { "Content-Type": "application/json" });
    }
    res.end(body);
  });
});

server.listen(Number(portArg), "127.0.0.1", () => console.log(`listening ${portArg}`));
const stop = () => {
  server.close(() => {
    db.close();
    process.exit(0);
  });
  server.closeAllConnections();
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
