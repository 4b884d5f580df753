import { createHash, randomInt, timingSafeEqual } from "node:crypto";
import type { Database } from "@/db/client";
import { countFailedCode, deleteDestinationCode, findDestinationCode, replaceDestinationCode } from "@/db/queries/helpdesk-connections/destination-codes";
import { upsertHelpdeskConnection } from "@/db/queries/helpdesk-connections";
import { sealJson } from "@/lib/crypto";
import { sendEmail, smtpConfigured, smtpFromAddress } from "@/lib/email/smtp";
import { AppError } from "@/lib/errors";
import type { EmailDestinationSecret } from "@/lib/helpdesks/email/credentials";
import { verified, type ConnectingActor } from "@/lib/helpdesks/verified";
import { ticketTexts } from "@/lib/i18n/shopper-texts";
import { accountLanguages } from "@/lib/services/shopper-language";

// The email destination's onboarding: the support address, then the 6-digit code Baton mailed
// there. Only a typed-back code connects it, so Baton never mails handoffs to an unconfirmed address.

const CODE_TTL_MS = 15 * 60_000;
const MAX_WRONG_CODES = 5;
const key = (accountId: string) => ({ accountId, provider: "email" as const });
const hashOf = (accountId: string, address: string, code: string) => createHash("sha256").update(`${accountId}\n${address}\n${code}`).digest("hex");

/** Mails a new code to `address` (replacing any earlier one), in the account's language. Needs SMTP_URL. */
export async function requestEmailCode(db: Database, actor: ConnectingActor, input: { address: string }) {
  if (!smtpConfigured()) throw new AppError("validation_failed", "smtp_not_configured");
  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  await replaceDestinationCode(db, {
    ...key(actor.accountId),
    address: input.address,
    codeHash: hashOf(actor.accountId, input.address, code),
    expiresAt: new Date(Date.now() + CODE_TTL_MS),
    requestedBy: actor.userId,
  });
  const t = ticketTexts((await accountLanguages(db, actor.accountId)).locale);
  try {
    await verified(() =>
      sendEmail({
        to: input.address,
        subject: t("codeSubject", { code }),
        text: t("codeBody", { code, minutes: CODE_TTL_MS / 60_000 }),
        messageId: `<code.${randomInt(0, 2 ** 47)}.${Date.now()}@${smtpFromAddress().split("@")[1] || "baton.invalid"}>`,
      }),
    );
  } catch (error) {
    // Nobody can type back a code that never arrived.
    await deleteDestinationCode(db, key(actor.accountId));
    throw error;
  }
  return { address: input.address };
}

/** Checks the typed code; the right one connects the address. Wrong ones are counted, and the fifth ends the code. */
export async function confirmEmailCode(db: Database, actor: ConnectingActor, input: { code: string }) {
  const pending = await findDestinationCode(db, key(actor.accountId));
  if (!pending || pending.expiresAt.getTime() <= Date.now()) throw new AppError("validation_failed", "code_expired", { code: ["code_expired"] });
  const expected = Buffer.from(pending.codeHash, "hex");
  const given = Buffer.from(hashOf(actor.accountId, pending.address, input.code), "hex");
  if (!timingSafeEqual(expected, given)) {
    const wrong = await countFailedCode(db, key(actor.accountId));
    if (wrong >= MAX_WRONG_CODES) {
      await deleteDestinationCode(db, key(actor.accountId));
      throw new AppError("validation_failed", "code_expired", { code: ["code_expired"] });
    }
    throw new AppError("validation_failed", "code_invalid", { code: ["code_invalid"] });
  }
  const sealed = sealJson({ kind: "confirmed_address", address: pending.address } satisfies EmailDestinationSecret);
  await upsertHelpdeskConnection(db, {
    ...key(actor.accountId),
    authType: "email_code",
    site: pending.address,
    agentEmail: pending.address,
    agentName: null,
    credentialsCiphertext: sealed.ciphertext,
    credentialsKeyId: sealed.keyId,
    accessTokenExpiresAt: null,
    verifiedAt: new Date(),
    connectedBy: actor.userId,
  });
  await deleteDestinationCode(db, key(actor.accountId));
  return { site: pending.address, agentEmail: pending.address };
}
