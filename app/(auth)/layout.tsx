import { ClientMessages } from "@/app/_i18n/client-messages";

// Used by the sign-in and sign-up forms (sign-up shows field errors from errors).
const CLIENT_MESSAGES = ["auth", "errors", "common.nameLength"];

export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages paths={CLIENT_MESSAGES}>{children}</ClientMessages>;
}
