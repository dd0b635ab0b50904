"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { DayPack, LocalSession, PackOp } from "@/lib/core/srs/day-pack";
import { packCardIds } from "@/lib/core/srs/pack-cards";
import type { Quality } from "@/lib/core/srs/sm2";
import { FSRS_BUTTON_GRADES } from "@/lib/core/srs/fsrs-buttons";
import { cardContentsAction } from "./actions";
import type { ClientContent, ClientSession, ContentsPayload } from "./client-session";
import type { Delivery } from "./outbox-sync";
import { needsContents, unpackContents } from "./typed-contents";
import { markAnswerKey, markNextCardCommitted } from "./paint-marks";

export type Notice = { kind: "info" | "error"; text: string } | null;

const RETRY_MS = 15_000;
/** Time on a card as recorded: a card left on screen for hours counts as ten minutes (the server caps it too). */
const MAX_DURATION_MS = 10 * 60 * 1000;

function afterPaint(fn: () => void): void {
  requestAnimationFrame(() => setTimeout(fn, 0));
}
const TICK_MS = 30_000;


/**
 * The review screen's state. The browser runs the learner's day itself (lib/core/srs/day-pack):
 * the server's latest pack with the answers not yet acknowledged on top, so the next card shows in
 * the frame of the key press, online or not. Answers go to an IndexedDB outbox and are sent in
 * order; each reply brings the server's pack, and what it said about each answer is shown.
 */
type Engine = typeof import("./day-engine");
const io = () => import("./review-io");

export function useReviewSession({ userId, initialPack, initialSession, initialContents }: { userId: string; initialPack: DayPack; initialSession: LocalSession; initialContents: ContentsPayload }) {
  const t = useTranslations("review");
  const router = useRouter();
  const [pack, setPack] = useState(initialPack);
  const [ops, setOps] = useState<PackOp[]>([]);
  const [initialCards] = useState(() => unpackContents(initialContents));
  const [contents, setContents] = useState(() => new Map(initialCards.map((c) => [c.id, c])));
  const [now, setNow] = useState(() => initialPack.builtAt);
  // The answer shows for one showing of a card: the next card (or this one again) starts hidden.
  const [revealedFor, setRevealedFor] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [offline, setOffline] = useState(false);
  const [stalled, setStalled] = useState(false);
  // This browser's stored pack and outbox have been read (until then, "nothing waits" is unknown).
  const [loaded, setLoaded] = useState(false);
  const shownAt = useRef(0);
  const sending = useRef(false);
  const again = useRef(false);
  const contentsRef = useRef(contents);
  const waitingRef = useRef(0);
  useEffect(() => {
    contentsRef.current = contents;
    waitingRef.current = ops.length;
  });

  const [engine, setEngine] = useState<Engine | null>(null);
  useEffect(() => {
    void import("./day-engine").then(setEngine);
  }, []);
  const algorithm = useMemo(
    () => engine?.algorithmFor({ algorithm: pack.learner.algorithm, desiredRetention: pack.learner.desiredRetention, weights: pack.learner.fsrsWeights }) ?? null,
    [engine, pack.learner.algorithm, pack.learner.desiredRetention, pack.learner.fsrsWeights],
  );
  // Before the engine arrives (a moment after the page is interactive), the server's own session.
  const local = useMemo(
    () => (engine && algorithm ? engine.localSession(engine.applyOps(pack, ops, now, algorithm), now, algorithm) : initialSession),
    [engine, algorithm, pack, ops, now, initialSession],
  );
  // Without the engine the screen is the server's session, which knows none of the answers given
  // here since: until it arrives, a second press would answer the same card again.
  const settled = engine !== null || ops.length === 0;
  const content = local.card ? contents.get(local.card.id) : undefined;
  const session: ClientSession = {
    card: local.card && content ? { ...content, kind: local.card.kind, labels: local.card.labels, algorithm: pack.learner.algorithm, expected: local.card.expected } : null,
    left: local.left,
    today: local.today,
    nextDueAt: local.nextDueAt?.toISOString() ?? null,
    undoTarget: local.undoTarget,
  };
  const card = session.card;
  const showing = card ? `${card.id}:${local.undoTarget ?? ""}:${local.today.reviewed}` : "";
  const revealed = revealedFor === showing && showing !== "";

  const adoptPack = useCallback((next: DayPack) => {
    setPack((p) => (next.builtAt.getTime() >= p.builtAt.getTime() ? next : p));
    void io().then((m) => m.writePack(next)).catch(() => {});
  }, []);

  const fetchContents = useCallback(async (p: DayPack, have: ReadonlyMap<string, ClientContent>) => {
    const ids = packCardIds(p).filter((id) => needsContents(have.get(id)));
    if (!ids.length) return;
    const res = await cardContentsAction({ ids });
    if (!res.ok) return;
    const cards = unpackContents(res);
    setContents((m) => new Map([...m, ...cards.map((c) => [c.id, c] as const)]));
    void io().then((m) => m.writeContents(cards)).catch(() => {});
  }, []);

  const report = useCallback(
    (d: Delivery) => {
      const texts: string[] = [];
      for (const { op, result } of d.settled) {
        if (result.status === "refused") {
          texts.push(result.error === "not-found" ? t("sync.leftDeck") : result.error === "not-due" ? t("sync.answeredElsewhere") : result.error === "not-last" ? t("sync.undoRefused") : t("sync.dropped"));
        } else if (result.status === "applied" && op.type === "grade" && op.expected === "first" && result.kind === "drill") {
          texts.push(t("sync.countedAsRepeat"));
        }
      }
      if (texts.length) setNotice({ kind: "info", text: [...new Set(texts)].join(" ") });
    },
    [t],
  );

  /** Delivers the outbox; one delivery at a time, and one more if answers came in meanwhile. */
  const sync = useCallback(async () => {
    if (sending.current) {
      again.current = true;
      return;
    }
    sending.current = true;
    try {
      do {
        again.current = false;
        const d = await (await io()).sendOutbox(userId);
        const done = new Set(d.settled.map((s) => s.op.requestId));
        setOps((list) => list.filter((op) => !done.has(op.requestId)));
        if (d.pack) {
          adoptPack(d.pack);
          setNow(new Date());
          void fetchContents(d.pack, contentsRef.current).catch(() => {});
        }
        report(d);
        if (d.stopped === "unauthorized") {
          router.push(`/signin?callbackUrl=${encodeURIComponent("/review")}`);
          return;
        }
        setOffline(false);
        setStalled(d.stopped !== null);
      } while (again.current);
    } catch {
      // The network is down (or the server): the outbox waits and goes later.
      setOffline(true);
    } finally {
      sending.current = false;
    }
  }, [userId, adoptPack, fetchContents, report, router]);

  // What this browser already holds: a newer pack (the page may come from the offline cache), the
  // cards' text, and answers an earlier visit (or an earlier build) left in the outbox.
  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const { readPack, readOutbox, readContents, writePack, writeContents } = await io();
        const [stored, waiting, texts] = await Promise.all([readPack(userId), readOutbox(userId), readContents()]);
        if (!live) return;
        if (stored && stored.format === initialPack.format) setPack((p) => (stored.builtAt.getTime() > p.builtAt.getTime() ? stored : p));
        else void writePack(initialPack).catch(() => {});
        setContents((m) => new Map([...texts.map((c) => [c.id, c] as const), ...m]));
        void writeContents(initialCards).catch(() => {});
        const ids = new Set(waiting.map((r) => r.op.requestId));
        setOps((list) => [...waiting.map((r) => r.op), ...list.filter((op) => !ids.has(op.requestId))]);
        setNow(new Date());
      } catch {
        // No IndexedDB (a private window): the session still runs, answers are sent at once.
      }
      if (!live) return;
      setLoaded(true);
      void sync();
    })();
    return () => {
      live = false;
    };
    // Once per page: later packs arrive through sync.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const tick = () => setNow(new Date());
    const onOnline = () => void sync();
    const onOffline = () => setOffline(true);
    const onVisible = () => document.visibilityState === "visible" && void sync();
    const tickTimer = window.setInterval(tick, TICK_MS);
    const retryTimer = window.setInterval(() => waitingRef.current > 0 && void sync(), RETRY_MS);
    window.addEventListener("online", onOnline);
    window.addEventListener("offline", onOffline);
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      window.clearInterval(tickTimer);
      window.clearInterval(retryTimer);
      window.removeEventListener("online", onOnline);
      window.removeEventListener("offline", onOffline);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [sync]);

  useLayoutEffect(() => {
    shownAt.current = performance.now();
    markNextCardCommitted();
  }, [showing]);

  // Outbox writes happen in the order the learner acted (an undo never overtakes its answer).
  const persisting = useRef<Promise<unknown>>(Promise.resolve());
  const persist = useCallback((fn: (m: Awaited<ReturnType<typeof io>>) => Promise<unknown>) => {
    persisting.current = persisting.current.then(() => io().then(fn)).catch(() => setStalled(true));
  }, []);

  const enqueue = useCallback(
    (op: PackOp) => {
      setOps((list) => [...list, op]);
      setNow(op.type === "grade" ? op.answeredAt : op.at);
      // Stored at once; sent after the frame that shows the next card.
      persist((m) => m.addToOutbox(userId, op).then(() => afterPaint(() => void sync())));
    },
    [userId, sync, persist],
  );

  const grade = useCallback(
    (quality: Quality) => {
      if (!card || !revealed || !local.card || !settled) return;
      markAnswerKey();
      setNotice(null);
      enqueue({
        type: "grade",
        requestId: crypto.randomUUID(),
        cardId: card.id,
        grade: quality,
        answeredAt: new Date(),
        durationMs: Math.min(MAX_DURATION_MS, Math.max(0, Math.round(performance.now() - shownAt.current))),
        expected: local.card.expected,
      });
    },
    [card, revealed, local.card, settled, enqueue],
  );

  const undo = useCallback(() => {
    const target = local.undoTarget;
    if (!target || !settled) return;
    // Shown at once; then an answer still waiting is simply dropped, one already sent is undone by the server.
    const op: PackOp = { type: "undo", requestId: crypto.randomUUID(), target, at: new Date() };
    setOps((list) => [...list, op]);
    setNow(op.at);
    setNotice({ kind: "info", text: t("undone") });
    persist(async (m) => {
      if (await m.dropUnsent(userId, target)) {
        setOps((list) => list.filter((o) => o.requestId !== target && o.requestId !== op.requestId));
        return;
      }
      await m.addToOutbox(userId, op);
      void sync();
    });
  }, [local.undoTarget, settled, userId, persist, sync, t]);

  const reveal = useCallback(() => setRevealedFor(showing), [showing]);

  // Layout effect: the listener sees the new state before the screen shows it, so a key pressed
  // right after the answer appears is never handled with the old state.
  useLayoutEffect(() => {
    function onKey(e: KeyboardEvent) {
      const target = e.target as HTMLElement | null;
      if (target && ["INPUT", "SELECT", "TEXTAREA"].includes(target.tagName)) return;
      if (e.altKey || e.metaKey) return;
      if ((e.key === "z" || e.key === "Z") && e.ctrlKey) {
        e.preventDefault();
        undo();
        return;
      }
      if (e.ctrlKey) return;
      if ((e.key === " " || e.key === "Enter") && card && !revealed) {
        // Enter on a focused button already clicks it.
        if (e.key === "Enter" && target?.tagName === "BUTTON") return;
        e.preventDefault();
        reveal();
      } else if (card?.algorithm === "fsrs" ? /^[1-4]$/.test(e.key) : /^[0-5]$/.test(e.key)) {
        if (!revealed) return;
        e.preventDefault();
        // FSRS keys 1–4 are its four buttons (Again, Hard, Good, Easy), not SM-2 grades.
        grade(card?.algorithm === "fsrs" ? FSRS_BUTTON_GRADES[Number(e.key) - 1] : (Number(e.key) as Quality));
      } else if (e.key === "u" || e.key === "U") {
        e.preventDefault();
        undo();
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [card, revealed, grade, undo, reveal]);

  return { session, card, revealed, notice, reveal, grade, undo, waiting: ops.length, loaded, offline, stalled, showing, settled, missingText: !!local.card && !content };
}
