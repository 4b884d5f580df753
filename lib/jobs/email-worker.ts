import type { Database } from "@/db/client";
import { claimDueEmails } from "@/db/queries/email-outbox";
import { emailPolicy, processEmail, type EmailOutcome, type EmailPolicy } from "@/lib/services/email-outbox";
import { startOutboxWorker, type OutboxWorker } from "./outbox-worker";

/** Sends queued reply emails through SMTP (start it only when SMTP_URL is set). */
export function startEmailWorker(
  db: Database,
  options: { concurrency?: number; pollMs?: number; policy?: EmailPolicy; onOutcome?: (outcome: EmailOutcome) => void } = {},
): OutboxWorker {
  const policy = options.policy ?? emailPolicy();
  return startOutboxWorker({
    name: "email worker",
    claim: (limit) => claimDueEmails(db, { limit, leaseMs: policy.leaseMs }),
    process: (job, abandoned) => processEmail(db, job, { policy, abandoned }),
    onOutcome: options.onOutcome,
    concurrency: options.concurrency,
    pollMs: options.pollMs,
  });
}
