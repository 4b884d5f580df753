import "server-only";
import type { Database } from "@/db/client";
import { findResolutionWindowHours, updateResolutionWindowHours } from "@/db/queries/accounts/resolution-window";
import { AppError } from "@/lib/errors";

/** Durable resolution's window in hours (Knowledge tab). */
export async function resolutionWindowHours(db: Database, accountId: string): Promise<number> {
  const hours = await findResolutionWindowHours(db, accountId);
  if (hours === null) throw new AppError("not_found", "No such account.");
  return hours;
}

/** Sets the window; the overview's resolved and "answered then handed off" figures follow at once. */
export async function setResolutionWindowHours(db: Database, params: { accountId: string; hours: number }) {
  await db.transaction((tx) => updateResolutionWindowHours(tx, params));
}
