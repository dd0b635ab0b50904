"use client";

/** Performance marks for the answer-to-paint benchmark (tests/bench/review-paint.ts). */
export function markAnswerKey(): void {
  try {
    performance.clearMarks("review:answer-key");
    performance.mark("review:answer-key");
  } catch {}
}

export function markNextCardCommitted(): void {
  try {
    if (!performance.getEntriesByName("review:answer-key", "mark").length) return;
    requestAnimationFrame(() =>
      setTimeout(() => {
        try {
          performance.measure("review:answer-to-paint", "review:answer-key");
          performance.clearMarks("review:answer-key");
        } catch {}
      }, 0),
    );
  } catch {}
}
