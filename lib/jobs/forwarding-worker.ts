import type { Database } from "@/db/client";
import { claimDueEscalations } from "@/db/queries/forwarding";
import { forwardingPolicy, processEscalation, type ForwardingPolicy, type Outcome } from "@/lib/services/forwarding";
import { startOutboxWorker, type OutboxWorker } from "./outbox-worker";

export type ForwardingWorker = OutboxWorker;

/** Delivers queued escalations to Zendesk and Gorgias. */
export function startForwardingWorker(
  db: Database,
  options: { concurrency?: number; pollMs?: number; policy?: ForwardingPolicy; onOutcome?: (outcome: Outcome) => void } = {},
): ForwardingWorker {
  const policy = options.policy ?? forwardingPolicy();
  return startOutboxWorker({
    name: "forwarding worker",
    claim: (limit) => claimDueEscalations(db, { limit, leaseMs: policy.leaseMs }),
    process: (job, abandoned) => processEscalation(db, job, { policy, abandoned }),
    onOutcome: options.onOutcome,
    concurrency: options.concurrency,
    pollMs: options.pollMs,
  });
}
