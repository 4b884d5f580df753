import { z } from "zod";

/** Searches start at this many characters: shorter ones cannot use the trigram indexes. */
export const inboxSearchMinLength = 3;

export const inboxFilterSchema = z.object({
  assignee: z.enum(["unassigned", "mine", "all"]).catch("all"),
  state: z.enum(["open", "closed"]).catch("open"),
  channel: z.enum(["web_chat", "sms"]).optional().catch(undefined),
  // A search too short (or too long) to run is no search: the whole view, and the form says why.
  q: z
    .string()
    .trim()
    .min(inboxSearchMinLength)
    .max(200)
    .refine((q) => !q.includes("\u0000"))
    .optional()
    .catch(undefined),
});

/** The next page's cursor, as the previous page handed it out: "<sort time, microseconds>_<id>". */
export const inboxCursorSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)
  // A real instant only (no 30 February), so the database never gets a time it refuses.
  .refine((value) => {
    const date = new Date(value.slice(0, 23) + "Z");
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 23) === value.slice(0, 23);
  })
  .transform((value) => {
    const [at, id] = value.split("_") as [string, string];
    return { at, id };
  })
  .optional()
  .catch(undefined);

export const conversationRefSchema = z.object({ conversationId: z.uuid() });
export const agentReplySchema = conversationRefSchema.extend({
  text: z.string().trim().min(1, { error: "reply_required" }).max(4000, { error: "reply_too_long" }),
});
export const emailRefSchema = conversationRefSchema.extend({ emailId: z.uuid() });
