import { env } from "@/lib/env";
import { isEmailError, sendEmail, smtpConfigured } from "@/lib/email/smtp";
import type { DeliveryFailure, DestinationAdapter } from "@/lib/helpdesks/adapter";
import { confirmedAddressFor } from "@/lib/helpdesks/email/credentials";
import { handoffEmail } from "@/lib/helpdesks/email/message";

/** SMTP's meaning for delivery: 4xx and lost connections are tried again, 5xx is a refusal. */
function classify(error: unknown): DeliveryFailure | null {
  if (!isEmailError(error)) return null;
  if (error.permanent) return { kind: "permanent", reason: "email_refused", message: error.message };
  return { kind: "retry", waitMs: 0, reason: "email_unavailable", message: error.message };
}

/**
 * "Email (any helpdesk)": each handoff becomes one email to a support address the merchant
 * confirmed with a code, which Freshdesk, Help Scout, Front or a shared mailbox turn into a ticket.
 * An email cannot be looked up once sent, so after an unknown outcome it is sent again with the
 * same Message-ID (lib/helpdesks/email/message.ts), which helpdesks that deduplicate drop.
 */
export const emailAdapter: DestinationAdapter = {
  id: "email",
  needsConnection: true,
  // A mailbox cannot text: whatever the shopper's channel, the team answers by email.
  followUp: { web_chat: "email", sms: "email" },
  display: { onboardingSteps: 2, badgeClass: "bg-sky-700" },
  setupRequired: () => (smtpConfigured() ? null : "smtp_url"),
  outbound: {
    budget: () => ({ requests: env().EMAIL_DESTINATION_PER_MINUTE, windowMs: 60_000 }),
    classify,
    findTicket: async () => null,
    async createTicket(db, request) {
      const to = await confirmedAddressFor(db, request.accountId);
      const message = handoffEmail(request, to);
      await sendEmail(message);
      return { id: message.messageId, url: `mailto:${to}` };
    },
  },
};
