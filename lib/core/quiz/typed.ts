import { distance } from "fastest-levenshtein";
import { pinyin } from "pinyin-pro";
import { diffTyped, type DiffPart } from "./diff";
import type { TypedAnswer } from "./types";

const HAN = /\p{Script=Han}/u;

/** Case, spaces, hyphens and punctuation never decide whether a typed name is right. */
export function normalizeTyped(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, "");
}

interface Spelling {
  text: string;
  /** Pinyin derived from characters: it matches homophones (an IME's other pick), not typos. */
  derived: boolean;
}

/** How a name can be written: as normalized, and for Chinese also as toneless pinyin. */
function spellings(name: string): Spelling[] {
  const n = normalizeTyped(name);
  if (!n) return [];
  if (!HAN.test(n)) return [{ text: n, derived: false }];
  const py = normalizeTyped(pinyin(n, { toneType: "none", type: "array", nonZh: "consecutive" }).join(""));
  return [{ text: n, derived: false }, { text: py, derived: true }];
}

/** Typos forgiven between a typed spelling and a name's: none when the typed pinyin came from characters. */
function allowance(typed: Spelling, name: Spelling): number {
  return typed.derived ? 0 : typoAllowance(name.text.length);
}

/**
 * Typos forgiven for an answer of this length: none up to 3 letters ("dns" vs "dms" are different
 * words), then one per four or five letters, so "kube-schedular" passes but "proxy" → "prexo" not.
 */
export function typoAllowance(length: number): number {
  if (length <= 3) return 0;
  if (length <= 6) return 1;
  if (length <= 11) return 2;
  return 3;
}

export interface TypedVerdict {
  correct: boolean;
  /** The accepted spelling closest to what was typed (for the comparison shown afterwards). */
  nearest: string;
  /** When the text names (or is closest to) another fact's name: that fact's id. */
  rival?: string;
}

/**
 * Accepted: an accepted name exactly (after normalizing), or within the typo allowance of one and
 * strictly closer to it than to any other fact's name. A rival typed exactly is always refused,
 * even when it is one edit from the answer.
 */
export function judgeTyped(answer: TypedAnswer, text: string): TypedVerdict {
  const typed = spellings(text);
  let nearest = answer.accepted[0] ?? "";
  let best = Infinity;
  let accepted = false;
  for (const name of answer.accepted) {
    for (const a of typed) {
      for (const b of spellings(name)) {
        const d = distance(a.text, b.text);
        if (d < best) {
          best = d;
          nearest = name;
        }
        if (d <= allowance(a, b)) accepted = true;
      }
    }
  }
  let rival: string | undefined;
  let rivalBest = Infinity;
  for (const r of answer.rivals) {
    for (const name of r.names) {
      for (const a of typed) {
        for (const b of spellings(name)) {
          const d = distance(a.text, b.text);
          if (d < rivalBest && d <= allowance(a, b)) {
            rivalBest = d;
            rival = r.id;
          }
        }
      }
    }
  }
  // Show the answer as the question spells it when the nearest name is that one in another case.
  const display = [answer.expected.en, answer.expected.zh].find((e) => normalizeTyped(e) === normalizeTyped(nearest));
  if (display) nearest = display;
  if (typed.length === 0) return { correct: false, nearest };
  if (rival !== undefined && (rivalBest === 0 ? best !== 0 : rivalBest <= best)) return { correct: false, nearest, rival };
  return { correct: accepted, nearest };
}

/** What the learner typed against the accepted spelling nearest to it, for the feedback. */
export function typedComparison(answer: TypedAnswer, text: string): { target: string; parts: DiffPart[] } {
  const { nearest } = judgeTyped(answer, text);
  return { target: nearest, parts: diffTyped(text.trim(), nearest) };
}
