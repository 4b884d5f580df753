import { isEmailError, sendEmail, smtpConfigured } from "@/lib/email/smtp";
import type { DeliveryFailure, DestinationAdapter } from "@/lib/helpdesks/adapter";
import { confirmedAddressFor } from "@/lib/helpdesks/email/credentials";
import { handoffEmail } from "@/lib/helpdesks/email/message";
import { limiterOn } from "@/lib/limits/limiter";
import type texts from "./messages/en.json";
import { emailDestinationEnv } from "@/lib/helpdesks/email/env";

/** Baton's own sending budget for one support address is spent (shared by every process). */
class OverBudget extends Error {
  constructor(readonly waitMs: number) {
    super("Baton's own sending budget for this address is spent");
  }
}

const budget = () => ({ requests: emailDestinationEnv().EMAIL_DESTINATION_PER_MINUTE, windowMs: 60_000 });

/** SMTP's meaning for delivery: 4xx and lost connections are tried again, 5xx is a refusal. */
function classify(error: unknown): DeliveryFailure | null {
  if (error instanceof OverBudget) return { kind: "rate_limited", waitMs: error.waitMs, reason: "rate_limited", message: error.message };
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
export const emailAdapter: DestinationAdapter<typeof texts> = {
  id: "email",
  needsConnection: true,
  // A mailbox cannot text: whatever the shopper's channel, the team answers by email.
  followUp: { web_chat: "email", sms: "email" },
  display: { onboardingSteps: 2, badgeClass: "bg-sky-700" },
  texts: { en: () => import("./messages/en.json"), "pt-BR": () => import("./messages/pt-BR.json") },
  setupRequired: () => (smtpConfigured() ? null : "smtp_url"),
  outbound: {
    budget,
    classify,
    findTicket: async () => null,
    async createTicket(db, request, { signal }) {
      const to = await confirmedAddressFor(db, request.accountId);
      const { requests } = budget();
      const waitMs = await (await limiterOn(db, { name: "outbound_email", points: requests, durationSeconds: 60 })).consumeMs(`email:${to}`);
      if (waitMs !== null) throw new OverBudget(waitMs);
      const message = handoffEmail(request, to);
      await sendEmail(message, { signal });
      return { id: message.messageId, url: `mailto:${to}` };
    },
  },
};
