import { z } from "zod";
import { providerOf, type DbTx } from "@/lib/db/client";
import type { Localized, SourceRef, Topic } from "@/lib/core/deck/types";

/**
 * Read side of the Decks pages: the deck with counts per topic, cards filtered by topic and a
 * search string, and one card with the learner's own review state. Prisma reads only, portable
 * queries (no raw SQL); the learner is always an argument, never taken from the input.
 */

/** The deck's topics, in the order the Decks pages list them. */
export const TOPICS = ["components", "networking", "cni", "pod-network", "overview"] as const satisfies readonly Topic[];

export const SEARCH_MAX = 100;
/** At most this many cards are listed at once (the count above the list is always exact). */
export const LIST_LIMIT = 200;

type RawParam = string | string[] | undefined;

const topicSchema = z.enum(TOPICS);
const searchSchema = z.string().trim().max(SEARCH_MAX);
const cardIdSchema = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);

export interface BrowseFilter {
  topic: Topic | null;
  /** Trimmed; "" means no search. */
  q: string;
}

/** What was wrong with the query string; the bad part is dropped and the page says so. */
export type BrowseProblem = { kind: "topic"; value: string } | { kind: "search"; max: number };

const first = (v: RawParam): string | undefined => (Array.isArray(v) ? v[0] : v);

/** Reads `?topic=…&q=…`: an unknown topic or an over-long search is reported and ignored, never thrown. */
export function parseBrowseParams(raw: { topic?: RawParam; q?: RawParam }): { filter: BrowseFilter; problems: BrowseProblem[] } {
  const problems: BrowseProblem[] = [];
  let topic: Topic | null = null;
  const rawTopic = first(raw.topic)?.trim();
  if (rawTopic) {
    const parsed = topicSchema.safeParse(rawTopic);
    if (parsed.success) topic = parsed.data;
    else problems.push({ kind: "topic", value: rawTopic.slice(0, 40) });
  }
  let q = "";
  const rawQ = first(raw.q);
  if (rawQ !== undefined) {
    const parsed = searchSchema.safeParse(rawQ);
    if (parsed.success) q = parsed.data;
    else problems.push({ kind: "search", max: SEARCH_MAX });
  }
  return { filter: { topic, q }, problems };
}

/** A card id from the URL, or null when it cannot be one. */
export function parseCardId(raw: unknown): string | null {
  const parsed = cardIdSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

export interface TopicCounts {
  topic: Topic;
  /** Active (not retired) cards. */
  total: number;
  /** Cards this learner has graded at least once. */
  started: number;
  /** Started cards due today (lib/reviews/due-today). */
  due: number;
}

export interface DeckOverview {
  decks: { id: string; key: string; title: Localized; total: number }[];
  total: number;
  started: number;
  due: number;
  topics: TopicCounts[];
}

function countsByTopic(rows: { topic: string; _count: { _all: number } }[]): Map<string, number> {
  return new Map(rows.map((r) => [r.topic, r._count._all]));
}

export async function deckOverview(db: DbTx, userId: string, dueIds: ReadonlySet<string>): Promise<DeckOverview> {
  const active = { retiredAt: null };
  const [decks, perDeck, totals, started, due] = await Promise.all([
    db.deck.findMany({ orderBy: { createdAt: "asc" }, select: { id: true, key: true, titleZh: true, titleEn: true } }),
    db.card.groupBy({ by: ["deckId"], where: active, _count: { _all: true } }),
    db.card.groupBy({ by: ["topic"], where: active, _count: { _all: true } }),
    db.card.groupBy({ by: ["topic"], where: { ...active, reviewStates: { some: { userId } } }, _count: { _all: true } }),
    db.card.groupBy({ by: ["topic"], where: { ...active, id: { in: [...dueIds] } }, _count: { _all: true } }),
  ]);
  const deckTotals = new Map(perDeck.map((r) => [r.deckId, r._count._all]));
  const [t, s, d] = [countsByTopic(totals), countsByTopic(started), countsByTopic(due)];
  const topics = TOPICS.map((topic) => ({ topic, total: t.get(topic) ?? 0, started: s.get(topic) ?? 0, due: d.get(topic) ?? 0 }));
  const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  return {
    decks: decks.map((x) => ({ id: x.id, key: x.key, title: { zh: x.titleZh, en: x.titleEn }, total: deckTotals.get(x.id) ?? 0 })),
    total: sum(t),
    started: sum(s),
    due: sum(d),
    topics,
  };
}

/** Where the learner stands with a card in a list: never studied, due today, or scheduled later. */
export type CardStatus = "new" | "due" | "scheduled";

export interface CardRow {
  id: string;
  key: string;
  topic: Topic;
  position: number;
  front: Localized;
  back: Localized;
  status: CardStatus;
}

export interface CardList {
  cards: CardRow[];
  /** Every active card matching the filter (may exceed `cards.length` when capped). */
  total: number;
  limit: number;
}

function cardWhere(filter: BrowseFilter, provider: "sqlite" | "postgresql") {
  // `contains` is LIKE on SQLite: case-insensitive for ASCII, which covers the English side
  // (Chinese has no case). On PostgreSQL LIKE is case-sensitive, so `mode: "insensitive"` (ILIKE)
  // there; and `\` is LIKE's escape character there (not on SQLite), so it is doubled to stay text.
  const pg = provider === "postgresql";
  const q = filter.q && pg ? filter.q.replace(/\\/g, "\\\\") : filter.q;
  const text = (pg ? { contains: q, mode: "insensitive" } : { contains: q }) as { contains: string };
  return {
    retiredAt: null,
    ...(filter.topic ? { topic: filter.topic } : {}),
    ...(q ? { OR: [{ frontEn: text }, { backEn: text }, { frontZh: text }, { backZh: text }] } : {}),
  };
}

/** LIKE's own case folding (ASCII only), so the exact check below agrees with the database. */
const foldAscii = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

/**
 * Prisma passes `%` and `_` in a `contains` through to LIKE as wildcards. A search holding one
 * gets a superset from the database, so those rows are checked again here as plain text.
 */
const HAS_WILDCARD = /[%_\\]/;
/** Upper bound on the superset read for a wildcard search (the whole deck is far smaller). */
const WILDCARD_SCAN_LIMIT = 5000;

const listSelect = (userId: string) =>
  ({
    id: true, key: true, topic: true, position: true, frontZh: true, frontEn: true, backZh: true, backEn: true,
    reviewStates: { where: { userId }, take: 1, select: { id: true } },
  }) as const;

/**
 * No card holds a control character, and a NUL cuts SQLite's LIKE pattern short (`%\0%` matched
 * every card): such a search matches nothing, without asking the database.
 */
const CONTROL = /\p{Cc}/u;

export async function listCards(db: DbTx, userId: string, filter: BrowseFilter, dueIds: ReadonlySet<string>, limit = LIST_LIMIT): Promise<CardList> {
  if (CONTROL.test(filter.q)) return { cards: [], total: 0, limit };
  const where = cardWhere(filter, providerOf(db));
  let rows;
  let total: number;
  if (filter.q && HAS_WILDCARD.test(filter.q)) {
    const needle = foldAscii(filter.q);
    const candidates = await db.card.findMany({ where, orderBy: { position: "asc" }, take: WILDCARD_SCAN_LIMIT, select: listSelect(userId) });
    const matches = candidates.filter((r) => [r.frontEn, r.backEn, r.frontZh, r.backZh].some((text) => foldAscii(text).includes(needle)));
    rows = matches.slice(0, limit);
    total = matches.length;
  } else {
    [rows, total] = await Promise.all([
      db.card.findMany({ where, orderBy: { position: "asc" }, take: limit, select: listSelect(userId) }),
      db.card.count({ where }),
    ]);
  }
  return {
    cards: rows.map((r) => {
      const state = r.reviewStates[0];
      return {
        id: r.id,
        key: r.key,
        topic: r.topic as Topic,
        position: r.position,
        front: { zh: r.frontZh, en: r.frontEn },
        back: { zh: r.backZh, en: r.backEn },
        status: !state ? "new" : dueIds.has(r.id) ? "due" : "scheduled",
      };
    }),
    total,
    limit,
  };
}

export interface LearnerCardState {
  repetitions: number;
  easiness: number;
  intervalDays: number;
  dueAt: Date;
  lapses: number;
  lastReviewedAt: Date | null;
}

export interface CardDetail {
  id: string;
  key: string;
  topic: Topic;
  position: number;
  deck: { title: Localized; sourcePath: string };
  front: Localized;
  back: Localized;
  note: Localized | null;
  source: SourceRef | null;
  /** This learner's state for the card; null when they have not studied it. */
  state: LearnerCardState | null;
  /** Neighbours in deck order within the same topic, for paging through a topic. */
  prevId: string | null;
  nextId: string | null;
}

const sourceSchema = z.object({
  headings: z.array(z.string()),
  row: z.string().optional(),
  line: z.number().int().nonnegative(),
});

export function parseSource(json: string): SourceRef | null {
  try {
    const parsed = sourceSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** One active card with the given learner's state; null for an unknown, malformed or retired id. */
export async function cardDetail(db: DbTx, userId: string, rawId: unknown): Promise<CardDetail | null> {
  const id = parseCardId(rawId);
  if (!id) return null;
  const card = await db.card.findFirst({
    where: { id, retiredAt: null },
    select: {
      id: true, key: true, topic: true, position: true, frontZh: true, frontEn: true, backZh: true, backEn: true,
      source: true, noteZh: true, noteEn: true,
      deck: { select: { titleZh: true, titleEn: true, sourcePath: true } },
      reviewStates: {
        where: { userId },
        take: 1,
        select: { repetitions: true, easiness: true, intervalDays: true, dueAt: true, lapses: true, lastReviewedAt: true },
      },
    },
  });
  if (!card) return null;
  const sameTopic = { retiredAt: null, topic: card.topic };
  const [prev, next] = await Promise.all([
    db.card.findFirst({ where: { ...sameTopic, position: { lt: card.position } }, orderBy: { position: "desc" }, select: { id: true } }),
    db.card.findFirst({ where: { ...sameTopic, position: { gt: card.position } }, orderBy: { position: "asc" }, select: { id: true } }),
  ]);
  const noteZh = card.noteZh?.trim() || null;
  const noteEn = card.noteEn?.trim() || null;
  return {
    id: card.id,
    key: card.key,
    topic: card.topic as Topic,
    position: card.position,
    deck: { title: { zh: card.deck.titleZh, en: card.deck.titleEn }, sourcePath: card.deck.sourcePath },
    front: { zh: card.frontZh, en: card.frontEn },
    back: { zh: card.backZh, en: card.backEn },
    // A note written in one language only is still shown, in that language, on both sides.
    note: noteZh || noteEn ? { zh: noteZh ?? noteEn!, en: noteEn ?? noteZh! } : null,
    source: parseSource(card.source),
    state: card.reviewStates[0] ?? null,
    prevId: prev?.id ?? null,
    nextId: next?.id ?? null,
  };
}
