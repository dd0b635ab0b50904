import { describe, expect, it } from "vitest";
import { CONTENT_VERSION, contentFromRecord, type ContentRecord } from "@/app/(app)/review/content-record";
import { needsContents } from "@/app/(app)/review/typed-contents";
import type { TypedAnswer } from "@/lib/core/quiz/types";

const text = {
  id: "c1",
  topic: "components",
  front: { zh: [{ type: "p" as const, runs: [{ text: "哪个组件…" }] }], en: [{ type: "p" as const, runs: [{ text: "Which component…" }] }] },
  back: { zh: [{ type: "p" as const, runs: [{ text: "kubelet" }] }], en: [{ type: "p" as const, runs: [{ text: "kubelet" }] }] },
  note: null,
  source: { headings: ["组件"], line: 12 },
} as unknown as Omit<ContentRecord, "v">;
const answer: TypedAnswer = { expected: { zh: "kubelet", en: "kubelet" }, accepted: ["kubelet"], rivals: [{ id: "etcd", names: ["etcd"] }] };

describe("review cards kept in IndexedDB by this build and the one before", () => {
  it("reads this build's records as written", () => {
    const held = contentFromRecord({ ...text, typed: answer, v: CONTENT_VERSION } as ContentRecord);
    expect(held).toEqual({ ...text, typed: answer });
    expect(needsContents(held)).toBe(false);
  });

  it("reads the earlier build's records (typeIn: boolean): a typed one lacks its answer and is fetched again", () => {
    // Exactly as format 1 stored a card: no version, the typing flag only.
    const typed = contentFromRecord({ ...text, typeIn: true } as ContentRecord);
    expect(typed).toEqual({ ...text, typed: null, typedUnknown: true });
    expect(needsContents(typed)).toBe(true);
    const plain = contentFromRecord({ ...text, typeIn: false } as ContentRecord);
    expect(plain).toEqual({ ...text, typed: null });
    expect(needsContents(plain)).toBe(false);
  });

  it("fetches a card it does not hold", () => {
    expect(needsContents(undefined)).toBe(true);
  });
});
