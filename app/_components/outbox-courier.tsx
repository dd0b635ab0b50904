"use client";

import { usePathname, useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * Delivers review answers left in this browser's outbox (given offline) from whatever page the
 * learner opens once the network is back, and refreshes that page so its counts include them. The
 * review page delivers its own; its code loads here only when something waits.
 */
export function OutboxCourier({ userId }: { userId: string }) {
  const pathname = usePathname();
  const router = useRouter();
  useEffect(() => {
    if (pathname === "/review") return;
    let live = true;
    const deliver = async () => {
      try {
        const io = await import("@/app/(app)/review/review-io");
        if (!(await io.readOutbox(userId)).length) return;
        const d = await io.sendOutbox(userId);
        if (live && d.settled.length) router.refresh();
      } catch {
        // Still offline, or no IndexedDB: the review page or the next visit tries again.
      }
    };
    void deliver();
    window.addEventListener("online", deliver);
    return () => {
      live = false;
      window.removeEventListener("online", deliver);
    };
  }, [pathname, router, userId]);
  return null;
}
