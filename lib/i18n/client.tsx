"use client";

import type { Messages, MessageKeys, NamespaceKeys, NestedKeyOf, NestedValueOf } from "next-intl";
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { isCatalog, translator, type CompiledCatalog, type Values } from "@/lib/i18n/icu";
import { plainSpaces } from "@/lib/i18n/plain-spaces";

/**
 * What client components need to write texts, dates and numbers: the viewer's language, the
 * account's time zone and the catalog namespaces their page sent (components/providers/client-messages.tsx).
 * It replaces next-intl's client provider and hooks, whose ICU formatter weighed about 12 KB
 * gzipped on every dashboard page; the hooks keep next-intl's names and calls.
 */
type Texts = { locale: string; timeZone: string; messages: CompiledCatalog };
const TextsContext = createContext<Texts>({ locale: "en", timeZone: "UTC", messages: {} });

const merge = (a: CompiledCatalog, b: CompiledCatalog): CompiledCatalog => {
  const out: CompiledCatalog = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const mine = out[key];
    out[key] = isCatalog(value) && isCatalog(mine) ? merge(mine, value) : value;
  }
  return out;
};

/** Adds its namespaces to those of the providers above it (the root's error texts, the shell's, the page's). */
export function TextsProvider({ locale, timeZone, messages, children }: Texts & { children: ReactNode }) {
  const parent = useContext(TextsContext);
  const value = useMemo(() => ({ locale, timeZone, messages: merge(parent.messages, messages) }), [parent.messages, locale, timeZone, messages]);
  return <TextsContext.Provider value={value}>{children}</TextsContext.Provider>;
}

type Namespace = NamespaceKeys<Messages, NestedKeyOf<Messages>>;
type Scope<NS extends Namespace> = [NS] extends [never] ? Messages : NestedValueOf<Messages, NS>;
/** `t(key, values)` over one namespace (or the whole catalog); keys are checked against the English catalog. */
type Key<NS extends Namespace> = MessageKeys<Scope<NS>, NestedKeyOf<Scope<NS>>>;
export type Translate<NS extends Namespace = never> = ((key: Key<NS>, values?: Values) => string) & { has: (key: Key<NS>) => boolean };

export function useTranslations<NS extends Namespace = never>(namespace?: NS): Translate<NS> {
  const { locale, messages } = useContext(TextsContext);
  return useMemo(() => translator(locale, messages, namespace), [locale, messages, namespace]) as Translate<NS>;
}

export function useLocale(): string {
  return useContext(TextsContext).locale;
}

// next-intl's units for a relative time: the largest that is at most the distance.
const units: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ["year", 365 * 86_400],
  ["month", (365 / 12) * 86_400],
  ["week", 7 * 86_400],
  ["day", 86_400],
  ["hour", 3600],
  ["minute", 60],
];

/** Dates, numbers, lists and relative times in the viewer's language and the account's time zone, as next-intl's `createFormatter`. */
export function createFormatter({ locale, timeZone }: { locale: string; timeZone: string }) {
  const zoned = (options?: Intl.DateTimeFormatOptions) => ({ ...options, timeZone: options?.timeZone ?? timeZone });
  return {
    dateTime: (value: Date | number, options?: Intl.DateTimeFormatOptions) => plainSpaces(new Intl.DateTimeFormat(locale, zoned(options)).format(value)),
    dateTimeRange: (start: Date | number, end: Date | number, options?: Intl.DateTimeFormatOptions) =>
      plainSpaces(new Intl.DateTimeFormat(locale, zoned(options)).formatRange(start, end)),
    number: (value: number, options?: Intl.NumberFormatOptions) => plainSpaces(new Intl.NumberFormat(locale, options).format(value)),
    list: (values: Iterable<string>, options?: Intl.ListFormatOptions) => new Intl.ListFormat(locale, options).format(values),
    /** "5 minutes ago", "in 2 hours"; "now" under a second, as next-intl writes it. */
    relativeTime: (date: Date | number, now: Date | number) => {
      const seconds = (new Date(date).getTime() - new Date(now).getTime()) / 1000;
      const [unit, size] = units.find(([, s]) => Math.abs(seconds) >= s) ?? ["second", 1];
      return new Intl.RelativeTimeFormat(locale, { numeric: unit === "second" ? "auto" : "always" }).format(Math.round(seconds / size), unit);
    },
  };
}
export type Formatter = ReturnType<typeof createFormatter>;

export function useFormatter(): Formatter {
  const { locale, timeZone } = useContext(TextsContext);
  return useMemo(() => createFormatter({ locale, timeZone }), [locale, timeZone]);
}

/** The current time, renewed every `updateInterval` ms. */
export function useNow({ updateInterval }: { updateInterval?: number } = {}): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    if (!updateInterval) return;
    const id = setInterval(() => setNow(new Date()), updateInterval);
    return () => clearInterval(id);
  }, [updateInterval]);
  return now;
}
