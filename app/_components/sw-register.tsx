"use client";

import type { Serwist } from "@serwist/window";
import { useEffect, useRef, useState } from "react";
import { SW_URL } from "@/app/_sw/cache-names";
import { UpdatePrompt } from "./update-prompt";

/**
 * Registers the service worker (app/_sw/sw.ts) for the whole app and, when a new build's worker
 * is waiting, offers to reload. The new worker takes over only when the learner says so: a
 * silent switch could reload a page in the middle of a review.
 */
export function SwRegister() {
  const serwist = useRef<Serwist | null>(null);
  const reloading = useRef(false);
  const [waiting, setWaiting] = useState(false);

  useEffect(() => {
    if (!("serviceWorker" in navigator) || process.env.NODE_ENV !== "production") return;
    // Loaded after the page is interactive: registering can wait, the page's first load cannot.
    void import("@serwist/window").then(({ Serwist }) => {
      const sw = new Serwist(SW_URL, { scope: "/", type: "classic" });
      serwist.current = sw;
      // A worker left waiting by an earlier visit, or found by a later update check, alike.
      sw.addEventListener("waiting", () => setWaiting(true));
      // Reload only after the learner asked: the first install also takes control (clientsClaim).
      sw.addEventListener("controlling", () => {
        if (reloading.current) window.location.reload();
      });
      void sw.register();
    });
  }, []);

  if (!waiting) return null;
  return (
    <UpdatePrompt
      onReload={() => {
        reloading.current = true;
        serwist.current?.messageSkipWaiting();
      }}
      onLater={() => setWaiting(false)}
    />
  );
}
