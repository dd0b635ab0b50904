"use client";

import { useCallback, useState } from "react";

/**
 * Runs one piece of async work (a server action and the state it sets) with a pending flag that
 * turns false in the same render as the state the work set. A transition's isPending does not:
 * state set after an await is not part of the transition, so it can show a commit before
 * isPending clears, and a key pressed in between finds the inputs still disabled and is lost.
 */
export function usePendingWork(): [pending: boolean, run: (work: () => Promise<void>) => void] {
  const [pending, setPending] = useState(false);
  const run = useCallback((work: () => Promise<void>) => {
    setPending(true);
    void work().finally(() => setPending(false));
  }, []);
  return [pending, run];
}
