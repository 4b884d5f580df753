import type { Database } from "@/db/client";
import { findHelpdeskConnection } from "@/db/queries/helpdesk-connections";
import { openJson } from "@/lib/crypto";
import { AppError } from "@/lib/errors";

/** What is sealed in helpdesk_connections for the email destination: the confirmed address. */
export type EmailDestinationSecret = { kind: "confirmed_address"; address: string };

/** The support address the account confirmed with its code. */
export async function confirmedAddressFor(db: Database, accountId: string): Promise<string> {
  const row = await findHelpdeskConnection(db, { accountId, provider: "email" });
  if (!row) throw new AppError("not_found", "not_connected");
  return openJson<EmailDestinationSecret>({ ciphertext: row.credentialsCiphertext, keyId: row.credentialsKeyId }).address;
}
