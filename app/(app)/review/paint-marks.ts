/**
 * User Timing marks for "from a grade's key press to the next card painted", read by
 * tests/bench/review-paint.ts (a PerformanceObserver in the page) and visible in DevTools'
 * Performance panel under Timings. Client-only, no imports.
 *
 * Cheap enough to stay on in production: per answer one mark, one lookup, one animation frame
 * callback and one message; nothing is kept (each press clears the previous mark and measure)
 * and nothing here may throw into a grade.
 */

const KEY = "review:answer-key";
const MEASURE = "review:answer-to-paint";

/** The latest mark of the answer key, if any (no Array.prototype.at: older Safari on phones). */
function lastKeyMark(perf: Performance): PerformanceEntry | undefined {
  const marks = perf.getEntriesByName(KEY, "mark");
  return marks[marks.length - 1];
}

function timing(): Performance | null {
  return typeof performance !== "undefined" && typeof performance.mark === "function" && typeof performance.measure === "function" ? performance : null;
}

/**
 * When the key or click that is being handled happened: the event's own time stamp, so the
 * figure includes the input delay (a busy main thread handling the key late) and not only what
 * follows the handler. window.event (legacy, but in every current engine) is the event being
 * dispatched, so the callers need not pass it; outside an event the mark is simply "now".
 */
function pressedAt(perf: Performance): number | undefined {
  const ev = typeof window !== "undefined" ? window.event : undefined;
  const t = ev?.timeStamp;
  return typeof t === "number" && t > 0 && t <= perf.now() ? t : undefined;
}

/** Call synchronously in the keydown or click handler that grades the card on screen. */
export function markAnswerKey(): void {
  try {
    const perf = timing();
    if (!perf) return;
    perf.clearMarks(KEY);
    perf.clearMeasures(MEASURE);
    const startTime = pressedAt(perf);
    perf.mark(KEY, startTime === undefined ? undefined : { startTime });
  } catch {
    // timing is never worth a failed grade
  }
}

/**
 * Runs `fn` once the frame that is being produced now has been painted, i.e. the main thread
 * has handed it to the compositor: requestAnimationFrame runs just before that frame's style,
 * layout and paint, and a message posted from it is a task that runs right after them. A second
 * requestAnimationFrame instead would fire at the start of the NEXT frame, adding up to a whole
 * frame (~16.7 ms at 60 Hz) of idle waiting to every figure, so a 16 ms goal could never be
 * met even by an instant UI. MessageChannel rather than setTimeout(0): timers may be clamped
 * (4 ms when nested) and are queued behind other work; a posted message is not clamped.
 */
function afterNextPaint(fn: () => void): void {
  requestAnimationFrame(() => {
    if (typeof MessageChannel === "function") {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        fn();
      };
      channel.port2.postMessage(undefined);
    } else {
      setTimeout(fn, 0);
    }
  });
}

/**
 * Call from a layout effect when a different showing of a card (the same card again as a
 * repeat counts) or the empty/summary state has been committed after an answer. Records
 * "review:answer-to-paint" from the last answer key to the paint of this commit, once.
 */
export function markNextCardCommitted(): void {
  try {
    const perf = timing();
    if (!perf || typeof requestAnimationFrame !== "function") return;
    const start = lastKeyMark(perf);
    if (!start) return;
    // A hidden tab gets no animation frames until it is shown again: no figure rather than a wrong one.
    if (typeof document !== "undefined" && document.visibilityState === "hidden") {
      perf.clearMarks(KEY);
      return;
    }
    const startTime = start.startTime;
    afterNextPaint(() => {
      try {
        // Only if no newer key press replaced the mark meanwhile (that press has a paint of its own to wait for).
        if (lastKeyMark(perf)?.startTime !== startTime) return;
        perf.measure(MEASURE, KEY);
        perf.clearMarks(KEY);
      } catch {
        // see markAnswerKey
      }
    });
  } catch {
    // see markAnswerKey
  }
}
