"use client";

import { useEffect } from "react";
import { clearPageCache } from "./clear-page-cache";

/**
 * Rendered by the header whenever a page is shown to nobody (after sign-out, account deletion, an
 * ended session): the pages the service worker kept for the last learner are dropped, so the
 * next person on this browser can't open them offline.
 */
export function ForgetKeptPages() {
  useEffect(() => {
    void clearPageCache();
  }, []);
  return null;
}
