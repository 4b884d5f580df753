import { z } from "zod";
import { emailSchema } from "@/lib/validation/auth";
import { secretSchema, siteSchema } from "@/lib/validation/helpdesk-site";

export const zendeskSubdomainSchema = siteSchema(".zendesk.com");

export const zendeskTokenSchema = z.object({
  subdomain: zendeskSubdomainSchema,
  email: emailSchema,
  token: secretSchema("token_required"),
});

export const zendeskOAuthStartSchema = z.object({ subdomain: zendeskSubdomainSchema, returnTo: z.string().optional() });
