import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { readyDb, type Db } from "@/lib/db/client";
import { compileDeck } from "@/lib/core/deck/compile";
import type { CompiledCard } from "@/lib/core/deck/types";
import { syncDeck } from "@/lib/decks/sync";
import { readSource } from "@/seed/source";
import { makeUser } from "../helpers/users";
import { authorEdits } from "../unit/deck/author-edits";

/**
 * A database seeded by today's main (positional duty and step keys, tests/fixtures/deck-v1-cards.json
 * is what its compiler printed) moves to content keys on the next seed, and learners' review states,
 * logs and quiz questions stay with the fact they were about. Then an author edits the note and
 * progress still follows the facts.
 */
let db: Db;
const NOW = new Date("2026-03-01T10:00:00Z");
const v1 = (JSON.parse(readFileSync(path.resolve("tests/fixtures/deck-v1-cards.json"), "utf8")) as { cards: CompiledCard[] }).cards;
const { markdown, meta } = readSource();
const sides = (c: { frontZh: string; frontEn: string; backZh: string; backEn: string; noteZh: string | null; noteEn: string | null }) =>
  [c.frontZh, c.frontEn, c.backZh, c.backEn, c.noteZh, c.noteEn];

/** What each learner has on each card, by the card's Chinese front and back: the fact it teaches. */
async function progressByFact() {
  const states = await db.reviewState.findMany({ include: { card: true }, orderBy: { id: "asc" } });
  const logs = await db.reviewLog.findMany({ include: { card: true }, orderBy: { id: "asc" } });
  const fact = (c: { frontZh: string; backZh: string }) => `${c.frontZh}\u0000${c.backZh}`;
  return {
    states: states.map((s) => ({ id: s.id, user: s.userId, fact: fact(s.card), repetitions: s.repetitions, intervalDays: s.intervalDays, easiness: s.easiness })),
    logs: logs.map((l) => ({ id: l.id, user: l.userId, fact: fact(l.card), grade: l.grade, requestId: l.requestId })),
  };
}

async function study(userId: string, cardIds: string[], salt: number) {
  const n = cardIds.length;
  await db.reviewState.createMany({
    data: cardIds.map((cardId, i) => ({
      userId, cardId, repetitions: (i + salt) % 7, easiness: 1.3 + ((i * salt) % 12) / 10, intervalDays: i + salt, dueAt: NOW, lapses: i % 3, version: i,
    })),
  });
  await db.reviewLog.createMany({
    data: [...cardIds, ...cardIds].map((cardId, k) => ({
      userId, cardId, grade: (k + salt) % 6, origin: "review", kind: k < n ? "new" : "review",
      repsBefore: 0, easeBefore: 2.5, intervalBefore: 0, lapsesBefore: 0, repsAfter: 1, easeAfter: 2.5, intervalAfter: 1,
      dueAfter: NOW, lapsesAfter: 0, reviewedAt: NOW, durationMs: 1000, requestId: `r-${salt}-${k}`,
    })),
  });
}

beforeAll(async () => {
  db = await readyDb();
});

describe("moving a positionally keyed deck to content keys", () => {
  // Generous: the seed runs as a child process, which on PostgreSQL takes a while to start.
  it("renames every positional card in place on the next seed, carrying states, logs and quiz questions", { timeout: 120_000 }, async () => {
    const seeded = await syncDeck(db, { facts: compileDeck(markdown).facts, cards: v1 }, meta, NOW);
    expect(seeded.added).toHaveLength(v1.length);
    const stored = await db.card.findMany({ orderBy: { position: "asc" } });
    const ann = await makeUser(db, { name: "Ann" });
    const bob = await makeUser(db, { name: "Bob" });
    await study(ann.id, stored.map((c) => c.id), 1);
    await study(bob.id, stored.filter((_, i) => i % 3 === 0).map((c) => c.id), 2);
    const attempt = await db.quizAttempt.create({ data: { userId: ann.id, topic: "components", length: 1, seed: 1 } });
    const question = await db.quizQuestion.create({
      data: {
        attemptId: attempt.id, position: 0, kind: "duty-to-component", topic: "components", prompt: "{}", answer: "{}", explanation: "{}",
        cardKeys: JSON.stringify(["component:etcd:role", "component:etcd:duty:3", "component:etcd:duty:1"]),
      },
    });
    const before = await progressByFact();
    const sidesBefore = new Map(stored.map((c) => [c.id, sides(c)]));

    // One transaction: a failure after the renames began (here a damaged quiz row that names a
    // renamed card) leaves every key, state and log as it was.
    const damaged = await db.quizQuestion.create({
      data: {
        attemptId: attempt.id, position: 1, kind: "duty-to-component", topic: "components", prompt: "{}", answer: "{}", explanation: "{}",
        cardKeys: '["component:kubelet:duty:2"',
      },
    });
    await expect(syncDeck(db, compileDeck(markdown), meta, NOW)).rejects.toThrow();
    expect((await db.card.findMany({ orderBy: { position: "asc" } })).map((c) => c.key)).toEqual(stored.map((c) => c.key));
    expect(await progressByFact()).toEqual(before);
    await db.quizQuestion.delete({ where: { id: damaged.id } });

    // The next `npm run db:seed`, as an operator runs it.
    const run = spawnSync(path.resolve("node_modules/.bin/tsx"), ["seed/load.ts"], { env: process.env, encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    const legacy = v1.map((c) => c.key).filter((k) => /:duty:\d+$|^pod-network:step-|^overview:feature:[^:]+:gap$/.test(k));
    expect(legacy.length).toBeGreaterThan(25);
    expect(run.stdout).toContain(`renamed ${legacy.length} (progress kept)`);
    expect(run.stdout).toContain("component:kubelet:duty:3 → component:kubelet:duty:volumes-and-secrets");
    expect(run.stdout).toContain("pod-network:step-2:next → pod-network:step:create-netns:next:invoke-cni");
    expect(run.stdout).toMatch(/\badded 0\b/);
    expect(run.stdout).toMatch(/\bretired 0\b/);
    expect(run.stderr).not.toMatch(/no English yet/);
    const deck = compileDeck(markdown);

    // Same cards (ids), new keys, word for word the same text: nothing to relearn, nothing lost.
    const after = await db.card.findMany();
    expect(after.map((c) => c.key).sort()).toEqual(deck.cards.map((c) => c.key).sort());
    expect(after.every((c) => c.retiredAt === null)).toBe(true);
    const compiled = new Map(deck.cards.map((c) => [c.key, c]));
    for (const c of after) {
      expect(sides(c), c.key).toEqual(sidesBefore.get(c.id));
      // …and the key it now has is the one the compiler gives that very fact.
      const fresh = compiled.get(c.key)!;
      expect(sides(c), c.key).toEqual([fresh.front.zh, fresh.front.en, fresh.back.zh, fresh.back.en, fresh.note?.zh ?? null, fresh.note?.en ?? null]);
    }
    expect(await progressByFact()).toEqual(before);
    expect((await db.card.findUniqueOrThrow({ where: { key: "component:etcd:duty:backup-plan" } })).id).toBe(
      stored.find((c) => c.key === "component:etcd:duty:3")!.id,
    );
    expect(JSON.parse((await db.quizQuestion.findUniqueOrThrow({ where: { id: question.id } })).cardKeys)).toEqual([
      "component:etcd:role",
      "component:etcd:duty:backup-plan",
      "component:etcd:duty:default-store",
    ]);

    // The next seed has nothing left to do.
    const again = await syncDeck(db, deck, meta, NOW);
    expect(again).toEqual({ renamed: [], added: [], changed: [], retired: [], revived: [], unchanged: deck.cards.length });
  });

  it("after author edits, every state and log stays on the card of its fact; removed facts keep theirs on retired cards", async () => {
    const before = await progressByFact();
    const beforeCards = new Map((await db.card.findMany()).map((c) => [c.key, c]));
    const edited = Object.values(authorEdits).reduce((md, edit) => edit(md), markdown);
    const deck = compileDeck(edited);
    const report = await syncDeck(db, deck, { ...meta, sourceHash: "edited" }, NOW);
    expect(report.renamed).toEqual([]);
    expect(report.retired.sort()).toEqual(
      [
        "component:kubelet:duty:run-containers",
        "component:kubelet:duty:health-checks",
        "pod-network:step:create-netns:next:invoke-cni",
        ...[...beforeCards.keys()].filter((k) => k.startsWith("component:dashboard:")),
      ].sort(),
    );
    // Progress rows are never moved by an edit: each stays on its card (id), and a kept card kept its key.
    const after = await progressByFact();
    expect(after.states.map((s) => s.id)).toEqual(before.states.map((s) => s.id));
    expect(after.logs.map((l) => l.id)).toEqual(before.logs.map((l) => l.id));
    const compiled = new Map(deck.cards.map((c) => [c.key, c]));
    for (const [key, card] of beforeCards) {
      const now = await db.card.findUniqueOrThrow({ where: { id: card.id } });
      expect(now.key).toBe(key);
      const fresh = compiled.get(key);
      if (!fresh) {
        expect(now.retiredAt, key).not.toBeNull();
        expect(await db.reviewState.count({ where: { cardId: card.id } }), key).toBeGreaterThan(0);
        continue;
      }
      // Lists that gained or lost an entry change their answer; step cards renumber their question.
      // Every other kept card still says, in both languages, exactly what its learners studied.
      if (["component:kubelet:role", "component:etcd:role", "cni:plugins"].includes(key)) continue;
      expect(now.backZh, key).toBe(card.backZh);
      expect(now.backEn, key).toBe(card.backEn);
      if (!/^pod-network:step:[^:]+$/.test(key)) expect(sides(now), key).toEqual(sides(card));
    }
    const swapped = await db.card.findUniqueOrThrow({ where: { key: "component:etcd:duty:backup-plan" }, include: { reviewStates: true } });
    expect(swapped.frontZh).toContain("备份计划");
    expect(swapped.frontEn).toContain("backup plan");
    expect(swapped.reviewStates.length).toBeGreaterThan(0);
    // New facts start without progress.
    for (const key of report.added) {
      const card = await db.card.findUniqueOrThrow({ where: { key }, include: { reviewStates: true, reviewLogs: true } });
      expect(card.reviewStates, key).toEqual([]);
      expect(card.reviewLogs, key).toEqual([]);
    }
  });
});
