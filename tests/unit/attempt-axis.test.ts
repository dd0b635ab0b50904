import { describe, expect, it } from "vitest";
import { attemptTicks } from "@/app/(app)/progress/_charts/attempt-axis";

describe("attemptTicks", () => {
  it("labels a day once, at its first attempt", () => {
    expect(attemptTicks(["May 1", "May 1", "May 1", "May 3", "May 3", "May 4"], 6)).toEqual([0, 3, 5]);
    expect(attemptTicks(["May 1", "May 1", "May 1"], 3)).toEqual([0]);
  });

  it("keeps every k-th day when there are more days than labels fit", () => {
    const days = Array.from({ length: 10 }, (_, i) => `day ${i}`);
    expect(attemptTicks(days, 3)).toEqual([0, 4, 8]);
    expect(attemptTicks([], 3)).toEqual([]);
  });
});
