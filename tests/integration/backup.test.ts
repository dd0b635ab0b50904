import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configureSqlite, createDb, readyDb, type Db } from "@/lib/db/client";
import { backupDatabase, inspectSnapshot, restoreDatabase, RestoreRefused } from "@/lib/ops/backup";
import { checkReviewStates, integrityCheck } from "@/lib/ops/replay";
import { sessionView } from "../helpers/server-session";
import { answerCard } from "../helpers/answer";
import { seedDeck } from "../helpers/deck";
import { makeUser } from "../helpers/users";
import { databaseChecksum } from "../helpers/checksum";
import { freshDatabaseFile } from "../helpers/test-db";

const ROOT = path.resolve(import.meta.dirname, "../..");
const TSX = path.join(ROOT, "node_modules/.bin/tsx");
const live = () => process.env.DATABASE_URL!.slice("file:".length);
const work = path.join(os.tmpdir(), "kubecards-tests", `backup-${randomUUID()}`);

/**
 * Another process answering as fast as it can through the app's path for answers (syncOps, as the
 * review screen's outbox reaches it; now and then an undo), the way the server would; a learner who
 * runs out of cards is replaced by a new one.
 */
const WRITER = `
import { configureSqlite, createDb } from ${JSON.stringify(path.join(ROOT, "lib/db/client.ts"))};
import { syncOps } from ${JSON.stringify(path.join(ROOT, "lib/reviews/sync.ts"))};
import { sessionView } from ${JSON.stringify(path.join(ROOT, "tests/helpers/server-session.ts"))};
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";

const db = createDb(process.env.DATABASE_URL);
await configureSqlite(db);
// Told to stop by a file rather than a signal: the first SIGTERM must not cut a grade short.
const stopFile = process.argv[2];
const learner = async () => {
  const u = await db.user.create({ data: { email: randomUUID() + "@writer.test", name: "W", passwordHash: "x", newPerDay: 500, maxReviewsPerDay: 9999 } });
  return { id: u.id, timeZone: u.timeZone, rolloverHour: u.rolloverHour, newPerDay: u.newPerDay, maxReviewsPerDay: u.maxReviewsPerDay };
};
const learners = [await learner(), await learner(), await learner()];
let grades = 0;
while (!existsSync(stopFile)) {
  for (let i = 0; i < learners.length; i++) {
    const me = learners[i];
    const view = await sessionView(db, me, new Date());
    if (!view.card) {
      learners[i] = await learner();
      continue;
    }
    const quality = [0, 2, 3, 4, 4, 5, 5, 5][Math.floor(Math.random() * 8)];
    const requestId = randomUUID();
    const [out] = await syncOps(db, me, [{ type: "grade", requestId, cardId: view.card.id, grade: quality, answeredAt: new Date(), durationMs: 1000 }], new Date());
    if (out.status !== "applied") throw new Error("grade refused: " + JSON.stringify(out));
    grades++;
    if (Math.random() < 0.05) await syncOps(db, me, [{ type: "undo", requestId: randomUUID(), target: requestId, at: new Date() }], new Date());
    if (grades % 10 === 0) process.stdout.write(grades + "\\n");
  }
}
await db.$disconnect();
process.stdout.write("stopped " + grades + "\\n");
`;

let db: Db;
let writer: ChildProcess | undefined;
let writerGrades = 0;
let writerOutput = "";

function startWriter(): void {
  const file = path.join(work, "writer.mts"); // an ES module wherever it lives
  writeFileSync(file, WRITER);
  writer = spawn(TSX, [file, path.join(work, "writer.stop")], { cwd: ROOT, env: { ...process.env }, stdio: ["ignore", "pipe", "pipe"] });
  writer.stdout!.on("data", (d: Buffer) => {
    writerOutput += d;
    const last = String(d).trim().split("\n").pop()!;
    if (/^\d+$/.test(last)) writerGrades = Number(last);
  });
  writer.stderr!.on("data", (d: Buffer) => (writerOutput += d));
}

async function waitForGrades(n: number): Promise<void> {
  const deadline = Date.now() + 60_000; // generous: CI machines and a busy host are slow
  while (writerGrades < n) {
    if (writer?.exitCode !== null) throw new Error(`writer exited:\n${writerOutput}`);
    if (Date.now() > deadline) throw new Error(`writer too slow (${writerGrades} grades):\n${writerOutput}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function stopWriter(): Promise<void> {
  if (!writer || writer.exitCode !== null) return;
  const exited = new Promise((r) => writer!.once("close", r)); // after its output is read
  writeFileSync(path.join(work, "writer.stop"), "");
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  if (writer.exitCode === null) writer.kill("SIGKILL");
}

/** A copy of a migrated, seeded database with one learner and one grade: a stand-in "current" database. */
async function otherDatabase(): Promise<string> {
  const file = freshDatabaseFile("restore-target");
  const other = createDb(`file:${file}`);
  await configureSqlite(other);
  await seedDeck(other);
  await makeUser(other, { email: "old@example.com" });
  await other.$disconnect();
  return file;
}

beforeAll(async () => {
  mkdirSync(work, { recursive: true });
  db = await readyDb();
  await seedDeck(db);
});

afterAll(async () => {
  await stopWriter();
});

describe("online backup while grades are being written", () => {
  const snapshot = path.join(work, "snapshot.db");

  it("takes a consistent snapshot: integrity ok, every state equals the replay of its log", async () => {
    startWriter();
    await waitForGrades(60);
    const atStart = writerGrades;
    const result = await backupDatabase(live(), snapshot);
    const atEnd = writerGrades;
    await waitForGrades(atEnd + 30); // still writing after the backup
    await stopWriter();
    expect(writerOutput).toMatch(/stopped \d+/);

    expect(result).toMatchObject({ file: snapshot, integrity: ["ok"], missingTables: [] });
    expect(result.bytes).toBeGreaterThan(0);
    expect(existsSync(`${snapshot}-wal`)).toBe(false);
    expect(existsSync(`${snapshot}.partial`)).toBe(false);

    const snap = new Database(snapshot, { readonly: true });
    const cur = new Database(live(), { readonly: true });
    try {
      expect(snap.pragma("journal_mode", { simple: true })).toBe("delete");
      expect(integrityCheck(snap)).toEqual(["ok"]);
      const report = checkReviewStates(snap);
      expect(report.mismatches).toEqual([]);
      expect(report.logs).toBeGreaterThanOrEqual(atStart);
      expect(report.states).toBeGreaterThan(0);

      // A point in time: strictly between the writer's start and its end, and every row in the
      // snapshot is in the live database exactly as it was (the log is append-only; undo only
      // marks rows, so compare the columns an undo does not touch).
      const liveLogs = cur.prepare(`select count(*) n from "ReviewLog"`).get() as { n: number };
      expect(report.logs).toBeLessThan(liveLogs.n);
      const cols = `id, userId, cardId, grade, kind, repsAfter, easeAfter, intervalAfter, dueAfter, reviewedAt, requestId`;
      const liveRow = cur.prepare(`select ${cols} from "ReviewLog" where id = ?`);
      for (const row of snap.prepare(`select ${cols} from "ReviewLog"`).iterate() as Iterable<{ id: string }>) {
        expect(liveRow.get(row.id)).toEqual(row);
      }
      // The live database after all that writing is consistent too.
      expect(checkReviewStates(cur).mismatches).toEqual([]);
    } finally {
      snap.close();
      cur.close();
    }
  }, 180_000);

  it("the replay check notices a lost grade, a torn state and a state without a log", () => {
    const copy = path.join(work, "tampered.db");
    copyFileSync(snapshot, copy);
    const t = new Database(copy);
    try {
      expect(checkReviewStates(t).mismatches).toEqual([]);
      // A grade in the middle of a card's history goes missing.
      const card = t
        .prepare(`select userId, cardId from "ReviewLog" where undoneAt is null and kind != 'drill' group by userId, cardId having count(*) >= 2 limit 1`)
        .get() as { userId: string; cardId: string } | undefined;
      const state = t.prepare(`select id, userId, cardId from "ReviewState" limit 1 offset 1`).get() as { id: string; userId: string; cardId: string };
      if (card) {
        t.prepare(`delete from "ReviewLog" where id = (select id from "ReviewLog" where userId = ? and cardId = ? and undoneAt is null and kind != 'drill' order by reviewedAt, rowid limit 1)`).run(card.userId, card.cardId);
      }
      // A state written without its log row, and one whose log rows are all gone.
      t.prepare(`update "ReviewState" set intervalDays = intervalDays + 1 where id = ?`).run(state.id);
      const orphan = t.prepare(`select userId, cardId from "ReviewState" where id != ? limit 1`).get(state.id) as { userId: string; cardId: string };
      t.prepare(`delete from "ReviewLog" where userId = ? and cardId = ?`).run(orphan.userId, orphan.cardId);

      const problems = checkReviewStates(t).mismatches;
      const about = (u: string, c: string) => problems.filter((m) => m.userId === u && m.cardId === c);
      if (card) expect(about(card.userId, card.cardId).some((m) => /before the row differs/.test(m.problem))).toBe(true);
      expect(about(state.userId, state.cardId)).toContainEqual(expect.objectContaining({ problem: "stored intervalDays differs from the replay" }));
      expect(about(orphan.userId, orphan.cardId)).toContainEqual(expect.objectContaining({ problem: "a review state with no applied grade in its log" }));
    } finally {
      t.close();
    }
  });

  it("refuses to overwrite an existing file", async () => {
    const existing = path.join(work, "existing.db");
    writeFileSync(existing, "keep me");
    await expect(backupDatabase(live(), existing)).rejects.toThrow(/already exists/);
    expect(readFileSync(existing, "utf8")).toBe("keep me");
  });

  it("restores into a stopped database, keeps the one it replaced, and the app reads and writes it", async () => {
    const target = await otherDatabase();
    const targetSum = databaseChecksum(target);

    // A running server keeps a connection open, even when idle: refused, nothing changed.
    const server = new Database(target);
    server.pragma("journal_mode = WAL");
    server.prepare(`select count(*) from "User"`).get();
    expect(() => restoreDatabase(snapshot, target)).toThrow(RestoreRefused);
    expect(() => restoreDatabase(snapshot, target)).toThrow(/in use/);
    server.close();
    expect(databaseChecksum(target)).toBe(targetSum);

    const now = new Date("2026-11-25T12:00:00Z");
    const r = restoreDatabase(snapshot, target, now);
    expect(r.previous).toBe(`${target}.before-restore-2026-11-25T12-00-00-000Z`);
    expect(databaseChecksum(r.previous!)).toBe(targetSum);
    expect(existsSync(`${target}-wal`)).toBe(false);
    expect(existsSync(`${target}-shm`)).toBe(false);
    expect(databaseChecksum(target)).toBe(databaseChecksum(snapshot));
    expect(r.reviewLogs).toBe(inspectSnapshot(snapshot).reviewLogs);

    // The app opens it the way the server does, and can grade on it.
    const app = createDb(`file:${target}`);
    try {
      await configureSqlite(app);
      expect(await app.reviewLog.count()).toBe(r.reviewLogs);
      const u = await makeUser(app);
      const me = { id: u.id, timeZone: u.timeZone, rolloverHour: u.rolloverHour, newPerDay: u.newPerDay, maxReviewsPerDay: u.maxReviewsPerDay };
      const view = await sessionView(app, me, new Date());
      const out = await answerCard(app, me, view.card!.id, 4, new Date());
      expect(out.status).toBe("applied");
    } finally {
      await app.$disconnect();
    }
    const check = new Database(target, { readonly: true });
    expect(checkReviewStates(check).mismatches).toEqual([]);
    check.close();
  });

  it("refuses a damaged file, a file that is not a KubeCards database, and a live database, changing nothing", async () => {
    const target = await otherDatabase();
    const sum = databaseChecksum(target);

    const garbage = path.join(work, "garbage.db");
    writeFileSync(garbage, randomBytes(64 * 1024));
    expect(() => restoreDatabase(garbage, target)).toThrow(/not a readable SQLite database|integrity/);

    // The first pages of a real backup, the rest cut off.
    const truncated = path.join(work, "truncated.db");
    const bytes = readFileSync(snapshot);
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect(() => restoreDatabase(truncated, target)).toThrow(/integrity|not a readable/);

    // A sound SQLite file of something else.
    const foreign = path.join(work, "foreign.db");
    const f = new Database(foreign);
    f.exec("create table notes (id integer primary key, body text); insert into notes (body) values ('hi');");
    f.close();
    expect(() => restoreDatabase(foreign, target)).toThrow(/not a KubeCards database/);

    // The live database of a running server (its -wal beside it) is not a backup.
    const running = path.join(work, "running.db");
    copyFileSync(snapshot, running);
    const holder = new Database(running);
    holder.pragma("journal_mode = WAL");
    holder.prepare(`select count(*) from "User"`).get();
    expect(() => restoreDatabase(running, target)).toThrow(/live database/);
    holder.close();

    expect(() => restoreDatabase(path.join(work, "missing.db"), target)).toThrow(/No backup/);
    expect(databaseChecksum(target)).toBe(sum);
    expect(existsSync(`${target}.before-restore`)).toBe(false);
  });

  it("npm run db:backup and db:restore: default path, path and size printed, restore refused while the database is open", async () => {
    const dataDir = path.join(work, "cli-data");
    const env = { ...process.env, DATA_DIR: dataDir };
    const backup = spawnSync(TSX, ["lib/cli/backup.ts"], { cwd: ROOT, env, encoding: "utf8" });
    expect(backup.stderr).toBe("");
    expect(backup.status).toBe(0);
    const written = /Backup written: (\S+)/.exec(backup.stdout)?.[1];
    expect(written).toMatch(new RegExp(`^${dataDir.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/backups/kubecards-\\d{4}-\\d\\d-\\d\\dT[\\d-]+Z\\.db$`));
    expect(backup.stdout).toMatch(/\d+(\.\d)? (B|KiB|MiB) \(\d+ bytes\); integrity_check: ok/);
    expect(inspectSnapshot(written!).integrity).toEqual(["ok"]);

    // This test's own connection holds the live database open, as a running server would.
    const refused = spawnSync(TSX, ["lib/cli/restore.ts", written!], { cwd: ROOT, env, encoding: "utf8" });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/in use \(is the server running\?\)/);

    const target = await otherDatabase();
    const restored = spawnSync(TSX, ["lib/cli/restore.ts", written!], { cwd: ROOT, env: { ...env, DATABASE_URL: `file:${target}` }, encoding: "utf8" });
    expect(restored.stderr).toBe("");
    expect(restored.status).toBe(0);
    expect(restored.stdout).toMatch(/kept as .*before-restore-/);
    expect(databaseChecksum(target)).toBe(databaseChecksum(written!));

    const usage = spawnSync(TSX, ["lib/cli/restore.ts"], { cwd: ROOT, env, encoding: "utf8" });
    expect(usage.status).toBe(2);
  }, 120_000);
});
