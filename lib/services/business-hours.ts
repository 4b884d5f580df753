import type { Database } from "@/db/client";
import { findBusinessHours, writeBusinessHours } from "@/db/queries/availability";
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
  version: number;
  updatedAt: Date | null;
};

export async function getBusinessHours(db: Database, accountId: string): Promise<BusinessHoursState> {
  const row = await findBusinessHours(db, accountId);
  if (!row) throw new AppError("not_found", "not_found");
  const { hours, timeZone } = row;
  return {
    configured: hours !== null,
    timeZone,
    rules: hours ? { weekly: hours.weekly, exceptions: hours.exceptions } : { weekly: alwaysOpen, exceptions: [] },
    autoReply: hours?.autoReply ?? null,
    inHoursMessage: hours?.inHoursMessage ?? null,
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
    values: { weekly: input.weekly, exceptions: input.exceptions, autoReply: input.autoReply, inHoursMessage: input.inHoursMessage },
  });
  if (!written) throw new AppError("conflict", "stale_version");
  return {
    configured: true,
    timeZone: input.timeZone,
    rules: { weekly: written.weekly, exceptions: written.exceptions },
    autoReply: written.autoReply,
    inHoursMessage: written.inHoursMessage,
    version: written.version,
    updatedAt: written.updatedAt,
  };
}
