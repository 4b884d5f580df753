import { z } from "zod";
import type { Helpdesk } from "@/lib/helpdesks/request";

const headerNumber = (headers: Headers, ...names: string[]) => {
  for (const name of names) {
    const value = Number.parseInt(headers.get(name) ?? "", 10);
    if (Number.isFinite(value)) return value;
  }
  return undefined;
};

// Zendesk's error body `{error, description, details}`, and its OAuth endpoints' `{error, error_description}`.
const errorBody = z.object({
  error: z.union([z.string(), z.object({})]).optional(),
  description: z.string().optional(),
  error_description: z.string().optional(),
  details: z.record(z.string(), z.unknown()).optional(),
});

/**
 * Zendesk over HTTP. Its answers state the account's limit as `X-Rate-Limit` per minute with
 * `X-Rate-Limit-Remaining`, and on ticketing APIs `ratelimit-*` (`rate-limit-*` in older traffic)
 * whose reset is in seconds.
 */
export const zendeskHelpdesk: Helpdesk = {
  id: "zendesk",
  name: "Zendesk",
  errorWords(body) {
    const parsed = errorBody.safeParse(body);
    if (!parsed.success) return null;
    const { error, details } = parsed.data;
    // An identifier in `error` (RecordInvalid, OAuth's invalid_grant), or a sentence.
    const code = typeof error === "string" && /^\w+$/.test(error) ? error : undefined;
    const detailText = Object.values(details ?? {})
      .flatMap((entries) => (Array.isArray(entries) ? entries : []))
      .map((entry: unknown) => (entry && typeof entry === "object" ? (entry as { description?: unknown }).description : undefined))
      .filter((d): d is string => typeof d === "string");
    const said = [typeof error === "string" && !code ? error : undefined, parsed.data.error_description, parsed.data.description, ...detailText];
    return { code, said: said.filter((part): part is string => Boolean(part)) };
  },
  rateHeaders(headers) {
    const limit = headerNumber(headers, "x-rate-limit", "ratelimit-limit", "rate-limit");
    if (!limit) return null;
    const remaining = headerNumber(headers, "x-rate-limit-remaining", "ratelimit-remaining", "rate-limit-remaining");
    const reset = headerNumber(headers, "ratelimit-reset", "rate-limit-reset");
    return { limit, windowMs: 60_000, remaining, resetMs: reset === undefined ? undefined : reset * 1000 };
  },
};
