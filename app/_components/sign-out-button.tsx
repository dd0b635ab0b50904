"use client";

import { useFormStatus } from "react-dom";

/** The submit button of the sign-out form: disabled while the post is under way. */
export function SignOutButton({ label }: { label: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className="btn-secondary px-3 py-1.5 sm:min-h-9" disabled={pending}>
      {label}
    </button>
  );
}
