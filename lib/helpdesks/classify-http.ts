import type { DeliveryFailure } from "@/lib/helpdesks/adapter";
import type { HelpdeskErrorKind } from "@/lib/helpdesks/error-kinds";
import { isHelpdeskError } from "@/lib/helpdesks/request";

/** Failures that waiting will not fix. */
const permanent = new Set<HelpdeskErrorKind>(["insufficient_role", "not_found_account", "invalid_request"]);

/** The delivery meaning of a HelpdeskError, shared by the destinations reached over HTTP. */
export function classifyHelpdeskError(error: unknown): DeliveryFailure | null {
  if (!isHelpdeskError(error)) return null;
  const base = { reason: error.kind, message: error.message };
  if (error.kind === "invalid_credentials") return { ...base, kind: "credentials_refused" };
  if (permanent.has(error.kind)) return { ...base, kind: "permanent" };
  const waitMs = (error.retryAfterSeconds ?? 0) * 1000;
  return error.kind === "rate_limited" ? { ...base, kind: "rate_limited", waitMs } : { ...base, kind: "retry", waitMs };
}
