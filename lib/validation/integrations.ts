import { z } from "zod";

export type { HelpdeskAuth, HelpdeskProvider } from "@/db/schema/helpdesk-connections";
import { emailSchema } from "@/lib/validation/auth";

// Error messages are message keys (messages/en.json → integrations.errors.*).

/**
 * A helpdesk site as merchants paste it: `acme`, `acme.zendesk.com` or `https://acme.gorgias.com/app`
 * all mean `acme`.
 */
function siteSchema(suffix: string) {
  return z
    .string()
    .trim()
    .toLowerCase()
    .transform((raw) =>
      raw
        .replace(/^https?:\/\//, "")
        .split("/")[0]!
        .replace(suffix, ""),
    )
    .pipe(z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/, { error: "site_invalid" }));
}

export const zendeskSubdomainSchema = siteSchema(".zendesk.com");
export const gorgiasDomainSchema = siteSchema(".gorgias.com");

const secret = (code: string) => z.string().trim().min(1, { error: code }).max(500, { error: code });

export const zendeskTokenSchema = z.object({
  subdomain: zendeskSubdomainSchema,
  email: emailSchema,
  token: secret("token_required"),
});

export const zendeskOAuthStartSchema = z.object({ subdomain: zendeskSubdomainSchema, returnTo: z.string().optional() });

export const gorgiasSchema = z.object({
  domain: gorgiasDomainSchema,
  email: emailSchema,
  apiKey: secret("api_key_required"),
  // The store's support address and SMS number in Gorgias (source.to of forwarded messages):
  // optional, empty means unknown.
  storeEmail: z.union([z.literal("").transform(() => null), emailSchema]).optional(),
  storePhone: z
    .string()
    .trim()
    .transform((v) => v.replace(/[\s().-]/g, ""))
    .pipe(z.union([z.literal("").transform(() => null), z.string().regex(/^\+[1-9]\d{6,14}$/, { error: "invalid_phone" })]))
    .optional(),
});

export const emailAddressSchema = z.object({ address: emailSchema });
export const emailCodeSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, { error: "code_invalid" }),
});

export const providerSchema = z.object({ provider: z.enum(["zendesk", "gorgias", "email"]) });

export const escalationIdSchema = z.object({ id: z.uuid() });

/** How the dashboard offers one destination's onboarding (from its adapter, lib/helpdesks/registry.ts). */
export type OnboardingView = {
  steps: number;
  /** What this server lacks before it can be connected (integrations.providers.<id>.setup.<code>). */
  setupRequired: string | null;
  /** Whether sign-in with the destination (OAuth) is set up on this server. */
  oauthAvailable: boolean;
};

/** The Deliveries list's URL: `?status=` one of the filters (else all), `?page=` from 1. */
export const deliveriesSearchSchema = z.object({
  status: z.enum(["failed", "retrying", "queued", "delivered"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});
