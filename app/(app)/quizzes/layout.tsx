import { ClientMessages } from "@/app/_i18n/client-messages";

// Used by the start form and the quiz runner's components.
const CLIENT_MESSAGES = ["quiz", "quizFormats"];

export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages paths={CLIENT_MESSAGES}>{children}</ClientMessages>;
}
