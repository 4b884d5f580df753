// The published request schemas the simulators hold every request to (the reference's tables for
// Zendesk's Create Ticket, A.5, and Gorgias' Create Ticket and Create Customer, B.4–B.5). Objects
// whose fields the reference lists in full are strict: a field Baton invents is refused, as is a
// missing required one, so a test fails instead of a real helpdesk later.
import { z } from "zod";

const email = z
  .string()
  .regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, { error: "Not a valid email address." })
  .max(320);
const id = z.number().int();

export const zendeskCreateTicketSchema = z.strictObject({
  ticket: z.strictObject({
    // Required by Zendesk; its absence is answered by the simulator's own RecordInvalid check.
    comment: z
      .strictObject({
        body: z.string().optional(),
        html_body: z.string().optional(),
        public: z.boolean().optional(),
        author_id: id.optional(),
        uploads: z.array(z.string()).optional(),
      })
      .optional(),
    subject: z.string().optional(),
    description: z.string().optional(),
    requester: z.strictObject({ name: z.string().optional(), email: email.optional(), locale_id: id.optional() }).optional(),
    requester_id: id.optional(),
    submitter_id: id.optional(),
    tags: z.array(z.string()).optional(),
    custom_fields: z.array(z.object({ id, value: z.unknown() })).optional(),
    external_id: z.string().optional(),
    priority: z.enum(["urgent", "high", "normal", "low"]).optional(),
    type: z.enum(["problem", "incident", "question", "task"]).optional(),
    status: z.enum(["new", "open", "pending", "hold", "solved", "closed"]).optional(),
    via_id: id.optional(),
    group_id: id.optional(),
    assignee_id: id.optional(),
    assignee_email: email.optional(),
    brand_id: id.optional(),
    ticket_form_id: id.optional(),
    organization_id: id.optional(),
    collaborators: z.array(z.unknown()).optional(),
    email_ccs: z.array(z.unknown()).optional(),
    followers: z.array(z.unknown()).optional(),
    metadata: z.record(z.string(), z.unknown()).optional(),
    via_followup_source_id: id.optional(),
  }),
});

const ticketVia = z.enum([
  "aircall",
  "api",
  "chat",
  "contact_form",
  "email",
  "facebook",
  "facebook-mention",
  "facebook-messenger",
  "facebook-recommendations",
  "form",
  "gorgias_chat",
  "help-center",
  "helpdesk",
  "instagram",
  "instagram-ad-comment",
  "instagram-comment",
  "instagram-direct-message",
  "instagram-mention",
  "internal-note",
  "offline_capture",
  "phone",
  "rule",
  "self_service",
  "shopify",
  "sms",
  "twilio",
  "twitter",
  "twitter-direct-message",
  "whatsapp",
  "yotpo",
  "yotpo-review",
  "zendesk",
]);
/** A person referenced by id and/or email (the reference lists more fields for senders, so not strict). */
const gorgiasPerson = z.object({ id: id.optional(), email: email.optional(), name: z.string().optional() });
const address = z.strictObject({ address: z.string().min(1), name: z.string().optional() });
const datetime = z.string().min(1);

export const gorgiasMessageSchema = z.strictObject({
  channel: z.string().min(1),
  from_agent: z.boolean(),
  via: ticketVia.optional(),
  sender: gorgiasPerson.optional(),
  receiver: gorgiasPerson.optional(),
  source: z
    .strictObject({
      type: z.string().optional(),
      from: address.optional(),
      to: z.array(address).optional(),
      cc: z.array(address).optional(),
      bcc: z.array(address).optional(),
      extra: z.record(z.string(), z.unknown()).optional(),
    })
    .optional(),
  body_text: z.string().optional(),
  body_html: z.string().optional(),
  subject: z.string().optional(),
  public: z.boolean().optional(),
  external_id: z.string().max(255).optional(),
  message_id: z.string().optional(),
  integration_id: id.optional(),
  attachments: z.array(z.unknown()).optional(),
  created_datetime: datetime.optional(),
  sent_datetime: datetime.optional(),
  failed_datetime: datetime.optional(),
  headers: z.unknown().optional(),
  meta: z.unknown().optional(),
  mention_ids: z.array(id).optional(),
  macros: z.array(z.unknown()).optional(),
  actions: z.array(z.unknown()).optional(),
});

export const gorgiasCreateTicketSchema = z.strictObject({
  messages: z.array(gorgiasMessageSchema).min(1).max(500),
  channel: z.string().optional(),
  via: ticketVia.optional(),
  from_agent: z.boolean().optional(),
  customer: z.strictObject({ id: id.optional(), email: email.optional(), name: z.string().optional() }).optional(),
  subject: z.string().max(998).optional(),
  external_id: z.string().max(255).nullable().optional(),
  tags: z.array(z.strictObject({ name: z.string().min(1).max(256), decoration: z.object({ color: z.string() }).nullable().optional() })).optional(),
  status: z.enum(["open", "closed"]).optional(),
  priority: z.enum(["critical", "high", "normal", "low"]).optional(),
  assignee_user: z.object({ id: id.nullable() }).nullable().optional(),
  assignee_team: z.object({ id: id.nullable() }).nullable().optional(),
  custom_fields: z.array(z.object({ id, value: z.unknown() })).optional(),
  language: z.string().optional(),
  spam: z.boolean().optional(),
  meta: z.record(z.string(), z.unknown()).optional(),
  created_datetime: datetime.optional(),
  opened_datetime: datetime.optional(),
  closed_datetime: datetime.optional(),
  snooze_datetime: datetime.optional(),
  trashed_datetime: datetime.optional(),
  imported: z.boolean().optional(),
  split_from: z.unknown().optional(),
});

/** `POST /api/customers`: `channels` required; the reference names email, name and external_id among the rest. */
export const gorgiasCreateCustomerSchema = z.object({
  channels: z.array(z.object({ type: z.string().min(1), address: z.string().min(1), preferred: z.boolean().optional() })),
  email: email.optional(),
  name: z.string().optional(),
  external_id: z.string().optional(),
});

/** zod's issues as the marshmallow-style field map Gorgias answers with (`{"customer":{"email":["…"]}}`). */
export function fieldErrors(error: z.ZodError): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const issue of error.issues) {
    const keys = issue.code === "unrecognized_keys" ? issue.keys.map((k) => [...issue.path, k]) : [issue.path];
    for (const path of keys) {
      let node = out;
      path.slice(0, -1).forEach((key) => (node = (node[String(key)] ??= {}) as Record<string, unknown>));
      const last = String(path.at(-1) ?? "_schema");
      const message =
        issue.code === "unrecognized_keys"
          ? "Unknown field."
          : issue.code === "invalid_type" && issue.input === undefined
            ? "Missing data for required field."
            : issue.message;
      node[last] = [...((node[last] as string[] | undefined) ?? []), message];
    }
  }
  return out;
}
