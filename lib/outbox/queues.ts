import type { Database } from "@/db/client";
import { claimDueEmails, nextDueEmailAt, type OutboxEmail } from "@/db/queries/email-outbox";
import { claimDueEscalations, nextDueEscalationAt, type Escalation } from "@/db/queries/escalations";
import { smtpConfigured } from "@/lib/email/smtp";
import type { OutboxPolicy } from "@/lib/outbox/policy";
import { startOutboxLoop, type OutboxWorker } from "@/lib/outbox/runner";
import { emailPolicy, processEmail } from "@/lib/services/email-outbox";
import { escalationPolicy, processEscalation } from "@/lib/services/escalation-delivery";
import { alertOverdue, claimOverdue, nextOverdueAt } from "@/lib/services/overdue";
import type { OverdueHandoff } from "@/db/queries/notifications/overdue";
import { logFailure } from "@/lib/log-failure";
import { claimDueWebhooks, nextDueWebhookAt, type WebhookDelivery } from "@/db/queries/webhooks";
import { processWebhook, webhookPolicy } from "@/lib/services/webhook-delivery";

export type OutboxKind = "escalation" | "email" | "overdue" | "webhook";

type Queue<Job> = {
  kind: OutboxKind;
  /** Whether this process can do the work at all (emails need SMTP_URL). */
  enabled: () => boolean;
  policy: () => OutboxPolicy;
  /** Attempts at once in one process, unless the caller says otherwise. */
  concurrency?: number;
  claim: (db: Database, limit: number, policy: OutboxPolicy, accountIds?: string[]) => Promise<Job[]>;
  nextDueAt: (db: Database) => Promise<Date | null>;
  process: (db: Database, job: Job, policy: OutboxPolicy, killed: AbortSignal) => Promise<string>;
};

const escalationQueue: Queue<Escalation> = {
  kind: "escalation",
  enabled: () => true,
  policy: escalationPolicy,
  claim: (db, limit, policy, accountIds) => claimDueEscalations(db, { limit, leaseMs: policy.leaseMs, accountIds }),
  nextDueAt: nextDueEscalationAt,
  process: (db, job, policy, killed) => processEscalation(db, job, { policy, killed }),
};

const emailQueue: Queue<OutboxEmail> = {
  kind: "email",
  enabled: smtpConfigured,
  policy: emailPolicy,
  claim: (db, limit, policy, accountIds) => claimDueEmails(db, { limit, leaseMs: policy.leaseMs, accountIds }),
  nextDueAt: nextDueEmailAt,
  process: (db, job, policy, killed) => processEmail(db, job, { policy, killed }),
};

/**
 * The overdue checker: its "jobs" are Baton Inbox handoffs waiting past their deadline, claimed by
 * the statement that marks them overdue (so each is emailed about once, whichever process claims it).
 */
const overdueQueue: Queue<OverdueHandoff> = {
  kind: "overdue",
  enabled: () => true,
  policy: emailPolicy,
  claim: (db, limit, _policy, accountIds) => claimOverdue(db, { limit, accountIds }),
  nextDueAt: (db) => nextOverdueAt(db),
  process: (db, job) => alertOverdue(db, job),
};

/** Webhooks: many receivers, each mostly waiting on the network, so more attempts run at once. */
const webhookQueue: Queue<WebhookDelivery> = {
  kind: "webhook",
  enabled: () => true,
  policy: webhookPolicy,
  concurrency: 16,
  claim: (db, limit, policy, accountIds) => claimDueWebhooks(db, { limit, leaseMs: policy.leaseMs, accountIds }),
  nextDueAt: nextDueWebhookAt,
  process: (db, job, policy, killed) => processWebhook(db, job, { policy, killed }),
};

/** Every kind of outbound work. */
const queues = [escalationQueue, emailQueue, overdueQueue, webhookQueue] as Array<Queue<unknown>>;

/**
 * The outbox runner: one loop per kind of work this process can do (or the `kinds` asked for),
 * sharing one stop. `wakeOn` subscribes to the database's change notifications, so a handoff's
 * commit starts its delivery at once; without it the loops poll every `pollMs`.
 */
export async function startOutbox(
  db: Database,
  options: {
    kinds?: OutboxKind[];
    /** Only these accounts' jobs: test files share one PostgreSQL database and must not take each other's. */
    accountIds?: string[];
    concurrency?: number;
    pollMs?: number;
    policy?: OutboxPolicy;
    onOutcome?: (outcome: string) => void;
    wakeOn?: (wake: () => void) => Promise<() => unknown>;
  } = {},
): Promise<OutboxWorker & { kinds: OutboxKind[] }> {
  const running = queues.filter((q) => (options.kinds ? options.kinds.includes(q.kind) : q.enabled()));
  const loops = running.map((queue) => {
    const policy = options.policy ?? queue.policy();
    return startOutboxLoop({
      name: `outbox ${queue.kind}`,
      claim: (limit) => queue.claim(db, limit, policy, options.accountIds),
      process: (job, killed) => queue.process(db, job, policy, killed),
      nextDueAt: () => queue.nextDueAt(db),
      onOutcome: options.onOutcome,
      concurrency: options.concurrency ?? queue.concurrency,
      pollMs: options.pollMs,
    });
  });
  const unsubscribe = await options
    .wakeOn?.(() => loops.forEach((loop) => loop.wake()))
    .catch((error: unknown) => {
      logFailure("outbox listen (polling only)", error);
      return undefined;
    });
  return {
    kinds: running.map((q) => q.kind),
    async stop(stopOptions) {
      await unsubscribe?.();
      await Promise.all(loops.map((loop) => loop.stop(stopOptions)));
    },
  };
}
