"use client";

import { useFormStatus } from "react-dom";
import { clearPageCache } from "./clear-page-cache";

/**
 * The submit button of the sign-out form: disabled while the post is under way. It drops the
 * pages kept for offline use first; a scripted action post never passes the service worker as a
 * navigation to sign-in, where the worker would drop them itself.
 */
export function SignOutButton({ label }: { label: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className="btn-secondary px-3 py-1.5 sm:min-h-9" disabled={pending} onClick={() => void clearPageCache()}>
      {label}
    </button>
  );
}
