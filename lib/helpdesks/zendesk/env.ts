import { z } from "zod";
import { envFor } from "@/lib/env";

const schema = z.object({
  /** Where a Zendesk subdomain lives; `{subdomain}` is replaced. Tests and the demo point it at a simulator. */
  ZENDESK_URL_TEMPLATE: z.string().includes("{subdomain}").default("https://{subdomain}.zendesk.com"),
  /** Baton's global Zendesk OAuth client. Without it, only the API-token path is offered. */
  ZENDESK_OAUTH_CLIENT_ID: z.string().min(1).optional(),
  ZENDESK_OAUTH_CLIENT_SECRET: z.string().min(1).optional(),
  /**
   * Requests per Zendesk account and minute, shared by every process (Zendesk's smallest plan
   * allows 200); lowered further by what its rate-limit headers report.
   */
  ZENDESK_REQUESTS_PER_MINUTE: z.coerce.number().int().positive().default(200),
});

/** Zendesk's own settings (lib/env.ts reads them). */
export const zendeskEnv = () => envFor(schema);
