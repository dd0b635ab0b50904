import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { pickMessages } from "./pick-messages";

/**
 * Gives the client components below only the messages they use: everything passed here is
 * serialised into every page's HTML. Server components keep all messages through
 * next-intl/server. A provider replaces its parent's messages, it does not add to them.
 */
export async function ClientMessages({ paths, children }: { paths: readonly string[]; children: React.ReactNode }) {
  const messages = await getMessages();
  return <NextIntlClientProvider messages={pickMessages(messages, paths)}>{children}</NextIntlClientProvider>;
}
