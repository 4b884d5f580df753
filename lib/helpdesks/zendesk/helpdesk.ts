import type { Helpdesk } from "@/lib/helpdesks/request";

const headerNumber = (headers: Headers, ...names: string[]) => {
  for (const name of names) {
    const value = Number.parseInt(headers.get(name) ?? "", 10);
    if (Number.isFinite(value)) return value;
  }
  return undefined;
};

/**
 * Zendesk over HTTP. Its answers state the account's limit as `X-Rate-Limit` per minute with
 * `X-Rate-Limit-Remaining`, and on ticketing APIs `ratelimit-*` (`rate-limit-*` in older traffic)
 * whose reset is in seconds.
 */
export const zendeskHelpdesk: Helpdesk = {
  id: "zendesk",
  name: "Zendesk",
  rateHeaders(headers) {
    const limit = headerNumber(headers, "x-rate-limit", "ratelimit-limit", "rate-limit");
    if (!limit) return null;
    const remaining = headerNumber(headers, "x-rate-limit-remaining", "ratelimit-remaining", "rate-limit-remaining");
    const reset = headerNumber(headers, "ratelimit-reset", "rate-limit-reset");
    return { limit, windowMs: 60_000, remaining, resetMs: reset === undefined ? undefined : reset * 1000 };
  },
};
