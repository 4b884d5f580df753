import { z } from "zod";
import type { Helpdesk } from "@/lib/helpdesks/request";

// Gorgias's error body: `{error: {msg, data}}`, `data` naming the fields at fault.
const errorBody = z.object({ error: z.union([z.string(), z.object({ msg: z.string().optional(), data: z.unknown().optional() })]).optional() });

/** Gorgias over HTTP. Its answers state the account's limit as `X-Gorgias-Account-Api-Call-Limit: used/limit` over a 20-second bucket. */
export const gorgiasHelpdesk: Helpdesk = {
  id: "gorgias",
  name: "Gorgias",
  errorWords(body) {
    const parsed = errorBody.safeParse(body);
    if (!parsed.success) return null;
    const { error } = parsed.data;
    if (typeof error === "string") return /^\w+$/.test(error) ? { code: error, said: [] } : { said: [error] };
    const said = [error?.msg, error?.data !== undefined ? JSON.stringify(error.data) : undefined];
    return { said: said.filter((part): part is string => Boolean(part)) };
  },
  rateHeaders(headers) {
    const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(headers.get("x-gorgias-account-api-call-limit") ?? "");
    if (!match) return null;
    const [used, limit] = [Number(match[1]), Number(match[2])];
    return { limit, windowMs: 20_000, remaining: Math.max(0, limit - used) };
  },
};
