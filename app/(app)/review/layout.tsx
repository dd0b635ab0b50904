import { ClientMessages } from "@/app/_i18n/client-messages";

// Used by review-session.tsx, review-card.tsx (and its CardText) and session-summary.tsx.
const CLIENT_MESSAGES = ["review", "common.cardText"];

export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages paths={CLIENT_MESSAGES}>{children}</ClientMessages>;
}
