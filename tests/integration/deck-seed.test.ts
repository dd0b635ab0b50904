import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { readyDb, type Db } from "@/lib/db/client";
import { compileDeck } from "@/lib/core/deck/compile";
import { syncDeck } from "@/lib/decks/sync";
import { readSource } from "@/seed/source";
import { answerCard } from "../helpers/answer";
import { makeUser } from "../helpers/users";
import { databaseChecksum } from "../helpers/checksum";

let db: Db;
const NOW = new Date("2026-03-01T10:00:00Z");
beforeAll(async () => {
  db = await readyDb();
});

const tableDump = () => databaseChecksum(process.env.DATABASE_URL!);

const seedScript = (file: string) =>
  spawnSync(path.resolve("node_modules/.bin/tsx"), ["seed/load.ts", file], { env: process.env, encoding: "utf8" });

describe("loading the deck", () => {
  it("adds every card once, and a second run changes nothing", async () => {
    const { markdown, meta } = readSource();
    const deck = compileDeck(markdown);
    const first = await syncDeck(db, deck, meta, NOW);
    expect(first.added).toHaveLength(deck.cards.length);
    const second = await syncDeck(db, deck, meta, NOW);
    expect(second).toEqual({ renamed: [], added: [], changed: [], retired: [], revived: [], unchanged: deck.cards.length });
    expect(await db.card.count()).toBe(deck.cards.length);
  });

  it("keeps a learner's progress when a card's wording changes, and retires a removed card with its history", async () => {
    const { markdown, meta } = readSource();
    const user = await makeUser(db);
    const learner = { ...user };
    // Study the kube-proxy role card so it has state and history.
    const proxy = await db.card.findUniqueOrThrow({ where: { key: "component:kube-proxy:role" } });
    await db.reviewState.create({ data: { userId: user.id, cardId: proxy.id, repetitions: 2, easiness: 2.6, intervalDays: 6, dueAt: NOW, version: 3 } });
    const dns = await db.card.findUniqueOrThrow({ where: { key: "component:dns:role" } });
    const graded = await answerCard(db, learner, dns.id, 5, NOW);
    expect(graded.status).toBe("applied");

    const edited = markdown
      .replace("通过在主机上维护网络规则", "通过在每台主机上维护网络规则")
      .replace(/\| DNS {2,}\|[^\n]*\n/, "");
    const report = await syncDeck(db, compileDeck(edited), { ...meta, sourceHash: "edited" }, NOW);
    expect(report.changed).toContain("component:kube-proxy:role");
    expect(report.retired).toContain("component:dns:role");
    // The reworded duty is a new point with a new card; its old card is retired with its history.
    expect(report.added).toEqual([expect.stringMatching(/^component:kube-proxy:duty:/)]);
    expect(report.retired).toContain("component:kube-proxy:duty:service-abstraction");

    const state = await db.reviewState.findUniqueOrThrow({ where: { userId_cardId: { userId: user.id, cardId: proxy.id } } });
    expect(state).toMatchObject({ repetitions: 2, easiness: 2.6, intervalDays: 6, version: 3 });
    const proxyNow = await db.card.findUniqueOrThrow({ where: { id: proxy.id } });
    expect(proxyNow.backZh).toContain("每台主机");
    const dnsNow = await db.card.findUniqueOrThrow({ where: { id: dns.id } });
    expect(dnsNow.retiredAt).not.toBeNull();
    expect(await db.reviewLog.count({ where: { cardId: dns.id } })).toBe(1);

    // Putting the row back revives the same card (same id, same history).
    const back = await syncDeck(db, compileDeck(markdown), meta, NOW);
    expect(back.revived).toContain("component:dns:role");
    expect((await db.card.findUniqueOrThrow({ where: { key: "component:dns:role" } })).id).toBe(dns.id);
  });

  it("a malformed source fails naming the line and leaves the database as it was", () => {
    const { markdown } = readSource();
    const dir = mkdtempSync(path.join(os.tmpdir(), "kubecards-bad-"));
    const lines = markdown.split("\n");
    const row = lines.findIndex((l) => l.startsWith("| scheduler"));
    lines[row] = "| scheduler | 为Pod选择一个Node。 |";
    const bad = path.join(dir, "bad.md");
    writeFileSync(bad, lines.join("\n"));
    const before = tableDump();
    const r = seedScript(bad);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`line ${row + 1}`);
    expect(tableDump()).toBe(before);
  });

  it("the seed script reports what it did", () => {
    const r = seedScript(path.resolve("seed/k8s-basics.md"));
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/added 0/);
    expect(r.stdout).toMatch(/retired 0/);
    expect(readFileSync("seed/k8s-basics.md", "utf8")).toContain("kube-proxy");
  });
});
