"use client";

import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import type { DayPack, PackOp } from "@/lib/core/srs/day-pack";
import type { ClientContent } from "./client-session";
import { CONTENT_VERSION, contentFromRecord, type ContentRecord } from "./content-record";

/**
 * What the review screen keeps in IndexedDB (through `idb`, a small maintained wrapper that turns
 * its requests into promises): the learner's latest day pack, the text of its cards, and the
 * outbox of answers not yet acknowledged. Keyed by learner, so a second account on the same
 * browser never sees or sends the first one's. The outbox's and the cards' record shapes are
 * versioned (`v`): a newer build must still read and deliver what an older one wrote.
 */

export const OUTBOX_VERSION = 1;

export interface OutboxRecord {
  key?: number;
  v: typeof OUTBOX_VERSION;
  userId: string;
  op: PackOp;
}

interface Schema extends DBSchema {
  packs: { key: string; value: { userId: string; pack: DayPack } };
  cards: { key: string; value: ContentRecord };
  outbox: { key: number; value: OutboxRecord; indexes: { byUser: string } };
}

let opened: Promise<IDBPDatabase<Schema>> | null = null;

function db(): Promise<IDBPDatabase<Schema>> {
  opened ??= openDB<Schema>("kubecards", 1, {
    upgrade(d) {
      d.createObjectStore("packs", { keyPath: "userId" });
      d.createObjectStore("cards", { keyPath: "id" });
      d.createObjectStore("outbox", { keyPath: "key", autoIncrement: true }).createIndex("byUser", "userId");
    },
  }).catch((e: unknown) => {
    opened = null; // private windows may refuse; try again next time rather than never
    throw e;
  });
  return opened;
}

export async function readPack(userId: string): Promise<DayPack | null> {
  return (await (await db()).get("packs", userId))?.pack ?? null;
}

export async function writePack(pack: DayPack): Promise<void> {
  await (await db()).put("packs", { userId: pack.userId, pack });
}

export async function readContents(): Promise<ClientContent[]> {
  return (await (await db()).getAll("cards")).map(contentFromRecord);
}

export async function writeContents(cards: readonly ClientContent[]): Promise<void> {
  const tx = (await db()).transaction("cards", "readwrite");
  await Promise.all([...cards.map((c) => tx.store.put({ ...c, v: CONTENT_VERSION })), tx.done]);
}

/** The learner's outbox in the order the answers were given. */
export async function readOutbox(userId: string): Promise<OutboxRecord[]> {
  const all = await (await db()).getAllFromIndex("outbox", "byUser", userId);
  return all.filter((r) => r.v === OUTBOX_VERSION).sort((a, b) => a.key! - b.key!);
}

export async function addToOutbox(userId: string, op: PackOp): Promise<void> {
  await (await db()).add("outbox", { v: OUTBOX_VERSION, userId, op });
}

/** Drops acknowledged ops (and an answer taken back before it was ever sent, with its undo). */
export async function removeFromOutbox(userId: string, requestIds: ReadonlySet<string>): Promise<void> {
  const tx = (await db()).transaction("outbox", "readwrite");
  for await (const cursor of tx.store.index("byUser").iterate(userId)) {
    if (requestIds.has(cursor.value.op.requestId)) await cursor.delete();
  }
  await tx.done;
}

/**
 * Runs `fn` while no other code of this origin delivers or changes this learner's outbox (a Web
 * Lock, across tabs): delivery and taking back an unsent answer never interleave.
 */
export function withOutboxLock<T>(userId: string, fn: () => Promise<T>): Promise<T> {
  if (typeof navigator !== "undefined" && navigator.locks) return navigator.locks.request(`kubecards-outbox:${userId}`, fn) as Promise<unknown> as Promise<T>;
  return fn();
}

/** Takes an answer back before it was sent: true when it was still waiting (and is now gone). */
export function dropUnsent(userId: string, requestId: string): Promise<boolean> {
  return withOutboxLock(userId, async () => {
    const waiting = (await readOutbox(userId)).some((r) => r.op.requestId === requestId);
    if (waiting) await removeFromOutbox(userId, new Set([requestId]));
    return waiting;
  });
}
