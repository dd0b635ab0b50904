import { describe, expect, it } from "vitest";
import { Lru } from "@/lib/progress/history-cache";

describe("Lru (the Progress page's per-learner memory)", () => {
  it("keeps at most `max` entries, dropping the least recently used first", () => {
    const lru = new Lru<number>(2);
    lru.set("a", 1);
    lru.set("b", 2);
    expect(lru.get("a")).toBe(1); // "a" is now the most recent
    lru.set("c", 3);
    expect(lru.get("b")).toBeUndefined();
    expect(lru.get("a")).toBe(1);
    expect(lru.get("c")).toBe(3);
    expect(lru.size).toBe(2);
  });

  it("replaces a key's value without growing", () => {
    const lru = new Lru<string>(2);
    lru.set("a", "old");
    lru.set("a", "new");
    lru.set("b", "x");
    expect(lru.size).toBe(2);
    expect(lru.get("a")).toBe("new");
  });
});
