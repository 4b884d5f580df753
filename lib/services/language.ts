import "server-only";
import type { Database } from "@/db/client";
import { setUserLocale } from "@/db/queries/accounts/users";

/** Saves the user's dashboard language (null: follow the browser). */
export async function setUserLanguage(db: Database, params: { userId: string; locale: string | null }) {
  await setUserLocale(db, params);
}
