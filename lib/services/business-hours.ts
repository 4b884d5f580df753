import "server-only";
import type { Database } from "@/db/client";
import { findBusinessHours, writeBusinessHours } from "@/db/queries/availability";
import type { ReplyTranslations } from "@/db/schema/availability";
import { alwaysOpen, type HoursRules } from "@/lib/availability/rules";
import { AppError } from "@/lib/errors";
import type { SaveBusinessHoursInput } from "@/lib/validation/business-hours";

export type BusinessHoursState = {
  /** False until an admin saves: the team counts as open around the clock. */
  configured: boolean;
  timeZone: string;
  rules: HoursRules;
  /** The merchant's auto-reply; null means Baton's default, in the shopper's language. */
  autoReply: string | null;
  inHoursMessage: string | null;
  /** Both texts in other shopper languages than the account's; missing ones fall back to the main texts. */
  translations: ReplyTranslations;
  /** The account's language: the main texts are written in it. */
  locale: string;
  version: number;
  updatedAt: Date | null;
};

/**
 * The auto-reply template and in-hours message shoppers in `locale` read: their language's when
 * written, else the main ones. `autoReplyLocale`: the language the auto-reply is in, so "when the
 * team is back" is worded in it too (a main text is the account's language; Baton's default, the shopper's).
 */
export function repliesFor(hours: Pick<BusinessHoursState, "autoReply" | "inHoursMessage" | "translations" | "locale">, locale: string) {
  const own = hours.translations[locale];
  const autoReply = own?.autoReply ?? hours.autoReply;
  const autoReplyLocale = own?.autoReply != null || hours.autoReply === null ? locale : hours.locale;
  return { autoReply, autoReplyLocale, inHoursMessage: own?.inHoursMessage ?? hours.inHoursMessage };
}

export async function getBusinessHours(db: Database, accountId: string): Promise<BusinessHoursState> {
  const row = await findBusinessHours(db, accountId);
  if (!row) throw new AppError("not_found", "not_found");
  const { hours, timeZone, locale } = row;
  return {
    configured: hours !== null,
    timeZone,
    rules: hours ? { weekly: hours.weekly, exceptions: hours.exceptions } : { weekly: alwaysOpen, exceptions: [] },
    autoReply: hours?.autoReply ?? null,
    inHoursMessage: hours?.inHoursMessage ?? null,
    translations: hours?.translations ?? {},
    locale,
    version: hours?.version ?? 0,
    updatedAt: hours?.updatedAt ?? null,
  };
}

/** Saves the Business hours tab (and the account's time zone). A save from a stale page is refused, never merged. */
export async function saveBusinessHours(
  db: Database,
  params: { accountId: string; userId: string; input: SaveBusinessHoursInput },
): Promise<BusinessHoursState> {
  const { input } = params;
  const current = await getBusinessHours(db, params.accountId);
  if (input.version !== current.version) throw new AppError("conflict", "stale_version");
  const written = await writeBusinessHours(db, {
    accountId: params.accountId,
    userId: params.userId,
    expectedVersion: input.version,
    timeZone: input.timeZone,
    values: {
      weekly: input.weekly,
      exceptions: input.exceptions,
      autoReply: input.autoReply,
      inHoursMessage: input.inHoursMessage,
      translations: input.translations ?? {},
    },
  });
  if (!written) throw new AppError("conflict", "stale_version");
  return {
    configured: true,
    timeZone: input.timeZone,
    rules: { weekly: written.weekly, exceptions: written.exceptions },
    autoReply: written.autoReply,
    inHoursMessage: written.inHoursMessage,
    translations: written.translations,
    locale: current.locale,
    version: written.version,
    updatedAt: written.updatedAt,
  };
}
