import type { AbstractIntlMessages } from "next-intl";
import { getLocale, getMessages, getTimeZone } from "next-intl/server";
import type { ReactNode } from "react";
import { TextsProvider } from "@/lib/i18n/client";
import { compileCatalog } from "@/lib/i18n/compile-catalog";

/** The parts of a catalog at these paths ("inbox", "handoff.destinations"), nested as in the catalog. */
export function pickMessages(messages: AbstractIntlMessages, paths: readonly string[]): AbstractIntlMessages {
  const picked: AbstractIntlMessages = {};
  for (const path of paths) {
    const keys = path.split(".");
    let from: AbstractIntlMessages | string | undefined = messages;
    let to = picked;
    keys.forEach((key, i) => {
      from = typeof from === "object" ? from[key] : undefined;
      if (from === undefined) return;
      if (i === keys.length - 1) to[key] = from;
      else to = (to[key] ??= {}) as AbstractIntlMessages;
    });
  }
  return picked;
}

/**
 * Gives the client components below only the catalog namespaces they read, so a page's payload
 * carries its own texts and not the whole catalog. Server components are not limited by it. They
 * travel compiled, for the browser's small formatter (lib/i18n/client.tsx), not next-intl's.
 */
export async function ClientMessages({ namespaces, children }: { namespaces: readonly string[]; children: ReactNode }) {
  const [locale, timeZone, messages] = await Promise.all([getLocale(), getTimeZone(), getMessages()]);
  return (
    <TextsProvider locale={locale} timeZone={timeZone} messages={compileCatalog(pickMessages(messages, namespaces) as Parameters<typeof compileCatalog>[0])}>
      {children}
    </TextsProvider>
  );
}
