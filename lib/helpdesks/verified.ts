import { isEmailError } from "@/lib/email/smtp";
import { AppError } from "@/lib/errors";
import { isHelpdeskError } from "@/lib/helpdesks/request";

/** The admin connecting a destination. */
export type ConnectingActor = { accountId: string; userId: string };

/**
 * The one place where an outside system's transport error (HelpdeskError from the HTTP wrapper,
 * EmailError from SMTP) becomes the AppError callers see: its kind is the message, which the
 * dashboard shows as its own text. Deliveries read the same errors through each adapter's
 * `classify` instead, since they need retry/permanent rather than a message.
 */
export function asAppError(error: unknown): unknown {
  if (isHelpdeskError(error)) return new AppError("helpdesk_failed", error.kind);
  if (isEmailError(error)) return new AppError("email_failed", error.permanent ? "email_refused" : "email_unavailable");
  return error;
}

/** Runs an onboarding call against the destination, its transport failures as AppErrors. */
export async function verified<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw asAppError(error);
  }
}
