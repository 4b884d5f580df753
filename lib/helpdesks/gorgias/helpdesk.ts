import type { Helpdesk } from "@/lib/helpdesks/request";

/** Gorgias over HTTP. Its answers state the account's limit as `X-Gorgias-Account-Api-Call-Limit: used/limit` over a 20-second bucket. */
export const gorgiasHelpdesk: Helpdesk = {
  id: "gorgias",
  name: "Gorgias",
  rateHeaders(headers) {
    const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(headers.get("x-gorgias-account-api-call-limit") ?? "");
    if (!match) return null;
    const [used, limit] = [Number(match[1]), Number(match[2])];
    return { limit, windowMs: 20_000, remaining: Math.max(0, limit - used) };
  },
};
