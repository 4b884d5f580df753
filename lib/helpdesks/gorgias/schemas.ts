import { z } from "zod";
import { emailSchema } from "@/lib/validation/auth";
import { secretSchema, siteSchema } from "@/lib/validation/helpdesk-site";

export const gorgiasSchema = z.object({
  domain: siteSchema(".gorgias.com"),
  email: emailSchema,
  apiKey: secretSchema("api_key_required"),
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
