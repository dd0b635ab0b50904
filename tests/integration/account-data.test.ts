import { randomUUID, createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { readyDb, type Db } from "@/lib/db/client";
import { exportLearnerData } from "@/lib/accounts/export";
import { deleteAccount } from "@/lib/accounts/delete";
import { createLimiters, countFailure } from "@/lib/accounts/rate-limit";
import { undoGrade } from "@/lib/reviews/undo";
import { sessionView } from "../helpers/server-session";
import { startQuiz } from "@/lib/quizzes/attempts";
import { answerQuestion } from "@/lib/quizzes/answer";
import { checkMatch, startMatch } from "@/lib/quizzes/match";
import type { Learner } from "@/lib/reviews/learner";
import type { Quality } from "@/lib/core/srs";
import { answerCard } from "../helpers/answer";
import { seedDeck } from "../helpers/deck";
import { makeUser } from "../helpers/users";
import { databaseChecksum } from "../helpers/checksum";

let db: Db;
const checksum = () => databaseChecksum(process.env.DATABASE_URL!);
const NOW = new Date("2026-03-02T02:00:00Z");
const PASSWORD = "correct horse battery";

beforeAll(async () => {
  db = await readyDb();
  await seedDeck(db);
});

/** A learner with grades (one undone), a quiz with a missed and an open question, and a failed sign-in on record. */
async function busyLearner(): Promise<Learner & { email: string }> {
  const email = `learner-${randomUUID().slice(0, 8)}@example.com`;
  const u = await makeUser(db, { email, password: PASSWORD, timeZone: "Asia/Shanghai" });
  const me = { id: u.id, email, timeZone: "Asia/Shanghai", rolloverHour: 4, newPerDay: 20, maxReviewsPerDay: 200 };
  for (const [i, q] of ([5, 2, 4, 3, 1] as Quality[]).entries()) {
    const at = new Date(NOW.getTime() + i * 60_000);
    const view = await sessionView(db, me, at);
    const out = await answerCard(db, me, view.card!.id, q, at, { durationMs: 3000 });
    if (out.status !== "applied") throw new Error(`grade failed: ${JSON.stringify(out)}`);
  }
  const view = await sessionView(db, me, new Date(NOW.getTime() + 4 * 60_000));
  const undo = await undoGrade(db, me, view.undoLogId!, new Date(NOW.getTime() + 10 * 60_000));
  if (!undo.ok) throw new Error("undo failed");

  const quiz = await startQuiz(db, me.id, { topic: "mixed", length: 5, requestId: randomUUID() }, 11);
  if (!quiz.ok) throw new Error("quiz failed");
  const q0 = await db.quizQuestion.findUniqueOrThrow({ where: { attemptId_position: { attemptId: quiz.attemptId, position: 0 } } });
  const type = JSON.parse(q0.prompt).type as string;
  const answer = JSON.parse(q0.answer);
  const wrong =
    type === "choice"
      ? { type, optionId: (JSON.parse(q0.prompt).options as { id: string }[]).find((o) => o.id !== answer)!.id }
      : type === "ordering"
        ? { type, order: [...answer].reverse() }
        : type === "typed"
          ? { type, text: "no idea" }
          : type === "multi"
            ? { type, optionIds: [] }
            : { type, value: !answer };
  const answered = await answerQuestion(db, me, { attemptId: quiz.attemptId, position: 0, response: wrong as never, requestId: randomUUID() }, new Date(NOW.getTime() + 20 * 60_000));
  if (!answered.ok) throw new Error("answer failed");

  const round = await startMatch(db, me.id, { topic: "components", requestId: randomUUID() }, NOW, 3);
  if (!round.ok) throw new Error("match failed");
  const pairs = JSON.parse((await db.matchRound.findUniqueOrThrow({ where: { id: round.roundId } })).answer);
  await checkMatch(db, me.id, { roundId: round.roundId, pairs, requestId: randomUUID() }, new Date(NOW.getTime() + 30_000));

  await countFailure(createLimiters(db).signInByEmail, email);
  return me;
}

/** A hash of every row that belongs to the learner (and of the shared deck), to show it did not change. */
async function rowsOf(userId: string): Promise<{ hash: string; counts: Record<string, number> }> {
  // Plain SQL that both SQLite and PostgreSQL read (quoted identifiers), outside the code under test.
  const queries: Record<string, Prisma.Sql> = {
    User: Prisma.sql`select * from "User" where "id" = ${userId}`,
    ReviewState: Prisma.sql`select * from "ReviewState" where "userId" = ${userId} order by "id"`,
    ReviewLog: Prisma.sql`select * from "ReviewLog" where "userId" = ${userId} order by "id"`,
    QuizAttempt: Prisma.sql`select * from "QuizAttempt" where "userId" = ${userId} order by "id"`,
    QuizQuestion: Prisma.sql`select q.* from "QuizQuestion" q join "QuizAttempt" a on a."id" = q."attemptId" where a."userId" = ${userId} order by q."id"`,
    MatchRound: Prisma.sql`select * from "MatchRound" where "userId" = ${userId} order by "id"`,
    RateLimit: Prisma.sql`select r.* from "RateLimiterFlexible" r join "User" u on r."key" = 'signin-email:' || u."email" where u."id" = ${userId} order by r."key"`,
    Card: Prisma.sql`select * from "Card" order by "id"`,
    Deck: Prisma.sql`select * from "Deck" order by "id"`,
  };
  const h = createHash("sha256");
  const counts: Record<string, number> = {};
  for (const [name, sql] of Object.entries(queries)) {
    const rows = await db.$queryRaw<unknown[]>(sql);
    counts[name] = rows.length;
    h.update(name + JSON.stringify(rows, (_k, v) => (typeof v === "bigint" ? v.toString() : v)));
  }
  return { hash: h.digest("hex"), counts };
}

describe("a learner's own data", () => {
  it("exports everything of the learner's and nothing of anyone else's, without the password hash", async () => {
    const me = await busyLearner();
    const other = await busyLearner();
    const data = await exportLearnerData(db, me.id);
    expect(data).not.toBeNull();
    const json = JSON.stringify(data);

    const mine = (await rowsOf(me.id)).counts;
    expect(data!.profile).toMatchObject({ id: me.id, email: me.email, name: "Learner" });
    expect(data!.settings).toEqual({ locale: "en", timeZone: "Asia/Shanghai", rolloverHour: 4, newPerDay: 20, maxReviewsPerDay: 200, algorithm: "sm2", desiredRetention: 0.9 });
    expect(data!.reviewStates).toHaveLength(mine.ReviewState);
    expect(data!.reviewLog).toHaveLength(mine.ReviewLog);
    expect(data!.quizAttempts).toHaveLength(mine.QuizAttempt);
    expect(data!.quizAttempts.flatMap((a) => a.questions)).toHaveLength(mine.QuizQuestion);
    expect(mine.MatchRound).toBe(1);
    expect(data!.matchRounds).toEqual([expect.objectContaining({ topic: "components", durationMs: 30_000, mistakes: 0 })]);
    expect(mine.ReviewLog).toBeGreaterThanOrEqual(5); // five grades (one undone), and any reschedules by the missed question

    // Every card is named by its stable key; the undone grade is there, marked as undone.
    const keys = new Set((await db.card.findMany({ select: { key: true } })).map((c) => c.key));
    for (const s of data!.reviewStates) expect(keys.has(s.cardKey)).toBe(true);
    for (const l of data!.reviewLog) expect(keys.has(l.cardKey)).toBe(true);
    expect(data!.reviewLog.filter((l) => l.undoneAt !== null)).toHaveLength(1);
    expect(data!.reviewLog.filter((l) => l.origin === "quiz")).toHaveLength(mine.ReviewLog - 5);

    // The missed question shows the learner's answer and the right one; an open one keeps its answer secret.
    const [answered, open] = data!.quizAttempts[0].questions;
    expect(answered).toMatchObject({ position: 0, correct: false });
    expect(answered.yourAnswer).not.toBeNull();
    expect(answered.correctAnswer).not.toBeNull();
    expect(open).toMatchObject({ position: 1, yourAnswer: null, correctAnswer: null, explanation: null });
    // Nor does its seed, which the public generator turns back into every answer of the attempt.
    const attempt = await db.quizAttempt.findFirstOrThrow({ where: { userId: me.id }, select: { seed: true } });
    expect(data!.quizAttempts[0]).toMatchObject({ finishedAt: null, seed: null });
    expect(JSON.stringify(data!.quizAttempts[0])).not.toContain(`"seed":${attempt.seed}`);

    const secrets = await db.user.findUniqueOrThrow({ where: { id: me.id }, select: { passwordHash: true } });
    expect(json).not.toContain("passwordHash");
    expect(json).not.toContain("sessionVersion");
    expect(json).not.toContain(secrets.passwordHash);
    expect(json).not.toContain("$argon2");

    // Nothing of the other learner's: not their id, email, log rows or quiz attempts.
    expect(json).not.toContain(other.id);
    expect(json).not.toContain(other.email);
    for (const l of await db.reviewLog.findMany({ where: { userId: other.id }, select: { id: true } })) expect(json).not.toContain(l.id);
    for (const a of await db.quizAttempt.findMany({ where: { userId: other.id }, select: { id: true } })) expect(json).not.toContain(a.id);
  });

  it("a wrong, missing or malformed password deletes nothing and writes nothing", async () => {
    const me = await busyLearner();
    const before = checksum();
    expect(await deleteAccount(db, me.id, { password: "wrong password!" })).toEqual({ ok: false, errors: { password: "password.wrong" } });
    expect(await deleteAccount(db, me.id, { password: "" })).toEqual({ ok: false, errors: { password: "password.required" } });
    expect(await deleteAccount(db, me.id, {})).toEqual({ ok: false, errors: { password: "password.required" } });
    expect(await deleteAccount(db, me.id, { password: 12345678 })).toMatchObject({ ok: false });
    expect(await deleteAccount(db, me.id, { password: "x".repeat(129) })).toMatchObject({ ok: false });
    expect(await deleteAccount(db, me.id, { password: PASSWORD, userId: "someone-else" })).toMatchObject({ ok: false });
    expect(checksum()).toBe(before);
    // Someone else's id with one's own password: the password is checked against that account.
    const other = await busyLearner();
    const beforeOther = checksum();
    expect(await deleteAccount(db, other.id, { password: "not their password" })).toEqual({ ok: false, errors: { password: "password.wrong" } });
    expect(checksum()).toBe(beforeOther);
    expect(await db.user.count({ where: { id: { in: [me.id, other.id] } } })).toBe(2);
  });

  it("the right password deletes the learner and everything of theirs, and nothing of anyone else's", async () => {
    const me = await busyLearner();
    const other = await busyLearner();
    const otherBefore = await rowsOf(other.id);
    const mineBefore = (await rowsOf(me.id)).counts;
    const cards = await db.card.count();
    expect(mineBefore.RateLimit).toBe(1);

    const out = await deleteAccount(db, me.id, { password: PASSWORD });
    expect(out).toEqual({ ok: true, deleted: { reviewStates: mineBefore.ReviewState, reviewLogs: mineBefore.ReviewLog, quizAttempts: mineBefore.QuizAttempt } });

    const left = async (sql: Prisma.Sql) => Number((await db.$queryRaw<{ n: unknown }[]>(sql))[0].n);
    expect(await left(Prisma.sql`select count(*) n from "User" where "id" = ${me.id}`)).toBe(0);
    expect(await left(Prisma.sql`select count(*) n from "ReviewState" where "userId" = ${me.id}`)).toBe(0);
    expect(await left(Prisma.sql`select count(*) n from "ReviewLog" where "userId" = ${me.id}`)).toBe(0);
    expect(await left(Prisma.sql`select count(*) n from "QuizAttempt" where "userId" = ${me.id}`)).toBe(0);
    expect(await left(Prisma.sql`select count(*) n from "QuizQuestion" where "attemptId" not in (select "id" from "QuizAttempt")`)).toBe(0);
    expect(await left(Prisma.sql`select count(*) n from "RateLimiterFlexible" where "key" = ${`signin-email:${me.email}`}`)).toBe(0);

    expect(await rowsOf(other.id)).toEqual(otherBefore);
    expect(otherBefore.counts.ReviewLog).toBeGreaterThan(0);
    expect(await db.card.count()).toBe(cards);
    expect(await exportLearnerData(db, me.id)).toBeNull();
    // Deleting again, or deleting someone who is gone: nothing to do, nothing written.
    const after = checksum();
    expect(await deleteAccount(db, me.id, { password: PASSWORD })).toEqual({ ok: false, errors: { form: "gone" } });
    expect(checksum()).toBe(after);
  });
});
