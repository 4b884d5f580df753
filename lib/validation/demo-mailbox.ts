import { z } from "zod";
import { MAIL_ID } from "@/lib/email/demo-mailbox-files";

export const DEMO_ANSWER_MAX = 4000;

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
