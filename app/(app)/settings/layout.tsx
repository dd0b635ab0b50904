import { ClientMessages } from "@/app/_i18n/client-messages";

// Used by settings-form.tsx (field errors come from errors) and account/delete-account-form.tsx.
const CLIENT_MESSAGES = ["settings", "common.language", "common.save", "common.saving", "common.nameLength", "errors", "account.delete"];

export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages paths={CLIENT_MESSAGES}>{children}</ClientMessages>;
}
