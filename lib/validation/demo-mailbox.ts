import { z } from "zod";
import { DEMO_ANSWER_MAX } from "@/lib/validation/demo-mailbox-fields";

/** A demo mailbox file's id: its name without `.eml`, e.g. 1764585600000-a1b2c3.received (lib/email/demo-mailbox-files.ts). */
export const MAIL_ID = /^\d{13}-[0-9a-f]{6}\.(received|sent)$/;

/** POST /api/demo/mailbox/answer: which mail of the demo mailbox the shopper answers, and what they write. */
export const demoAnswerSchema = z.object({
  mailId: z.string().regex(MAIL_ID, { error: "unknown_mail" }),
  text: z
    .string()
    .trim()
    .min(1, { error: "answer_required" })
    .max(DEMO_ANSWER_MAX, { error: "answer_too_long" })
    .refine((v) => !v.includes("\u0000"), { error: "nul_character" }),
});
