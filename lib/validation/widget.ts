import { z } from "zod";
import { languageTagSchema } from "@/lib/validation/account-languages";
import { emailSchema } from "@/lib/validation/auth";
import { isPlausibleInstant } from "@/lib/validation/safe-input";
import { identityTokenSchema } from "@/lib/validation/shopper-identity";

// The public widget API's inputs (/api/widget/v1). Unknown fields are ignored (forward
// compatible); every field that is read is validated. Errors come back as
// {"error":{"code":"validation_failed","message","fields":{path:[code]}}}.

export const channelSchema = z.enum(["web_chat", "sms"]);

export const shopperSchema = z.object({
  email: emailSchema.optional(),
  /** E.164, e.g. +14155550123. */
  phone: z
    .string()
    .trim()
    .regex(/^\+[1-9]\d{6,14}$/, { error: "invalid_phone" })
    .optional(),
  /** The store's own customer id, e.g. a Klaviyo profile id. */
  profileId: z.string().trim().min(1).max(128).optional(),
  name: z.string().trim().min(1).max(120).optional(),
});

export const startConversationSchema = z.object({
  channel: channelSchema,
  shopper: shopperSchema.default({}),
  /** The merchant's signed shopper (HS256 JWT); when valid, its email, profileId and name replace `shopper`. */
  identity: identityTokenSchema.optional(),
  /** The host page's language (the script tag's data-locale); else the browser's, else the account's default. */
  locale: languageTagSchema.optional(),
});

export const configQuerySchema = z.object({ locale: languageTagSchema.optional() });

export const shopperMessageSchema = z.object({ text: z.string().trim().min(1).max(4000) });

export const handoffAnswerSchema = z.object({ consent: z.boolean(), email: emailSchema.optional() });

/** "Did that answer your question?" */
export const answerFeedbackSchema = z.object({ helpful: z.boolean() });

export const eventsQuerySchema = z.object({ after: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0) });

export const transcriptEntrySchema = z.object({
  role: z.enum(["shopper", "assistant"]),
  text: z.string().trim().min(1).max(4000),
  at: z.iso.datetime({ offset: true }).refine(isPlausibleInstant, { error: "out_of_range" }),
});

export const escalationSchema = z.object({
  channel: channelSchema,
  shopper: shopperSchema.default({}),
  consent: z.boolean().optional(),
  reason: z.string().trim().min(1).max(2000).optional(),
  transcript: z.array(transcriptEntrySchema).min(1).max(500),
  /** The shopper's language, when the caller knows it; else Accept-Language, else the account's default. */
  locale: languageTagSchema.optional(),
});

export const idempotencyKeySchema = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[\x21-\x7e]+$/);
export const conversationIdSchema = z.uuid();

export type StartConversationInput = z.infer<typeof startConversationSchema>;
export type EscalationInput = z.infer<typeof escalationSchema>;

/** An allowed origin as merchants type it: `https://shop.example.com` (a path is ignored). */
export const originSchema = z
  .string()
  .trim()
  .transform((raw) => {
    try {
      const url = new URL(raw);
      return /^https?:$/.test(url.protocol) && url.hostname ? url.origin : "";
    } catch {
      return "";
    }
  })
  .pipe(z.string().min(1, { error: "origin_invalid" }));

export const originFormSchema = z.object({ origin: originSchema });
export const rotateKeySchema = z.object({ kind: z.enum(["publishable", "secret"]) });
