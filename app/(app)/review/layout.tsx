import { ClientMessages } from "@/app/_i18n/client-messages";

// Used by review-session.tsx, review-card.tsx and session-summary.tsx.
const CLIENT_MESSAGES = ["review"];

export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages paths={CLIENT_MESSAGES}>{children}</ClientMessages>;
}
