import { z } from "zod";
import { escalationSchema, handoffAnswerSchema, answerFeedbackSchema, shopperMessageSchema, startConversationSchema } from "@/lib/validation/widget";
import { widgetErrorCodes } from "@/lib/widget/contract";

const json = (schema: z.ZodType) => ({ "application/json": { schema: z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) } });
const error = {
  description: "Error",
  content: {
    "application/json": {
      schema: {
        type: "object",
        required: ["error"],
        properties: {
          error: {
            type: "object",
            required: ["code", "message"],
            properties: {
              code: { type: "string", enum: Object.keys(widgetErrorCodes) },
              message: { type: "string" },
              fields: { type: "object", additionalProperties: { type: "array", items: { type: "string" } } },
            },
          },
        },
      },
    },
  },
};
const errors = Object.fromEntries([...new Set(Object.values(widgetErrorCodes))].map((status) => [String(status), error]));
const ok = (description: string) => ({ description, content: { "application/json": { schema: { type: "object" } } } });
const conversationId = { name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } };
const token = { name: "X-Conversation-Token", in: "header", required: false, schema: { type: "string" }, description: "Required with publishable keys." };

/** The OpenAPI 3.1 document of /api/widget/v1 (served at /api/widget/v1/openapi.json). */
export function widgetOpenApi(serverUrl: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "Baton widget API",
      version: "1",
      description:
        "For chat widgets (publishable key, from allowed origins) and servers such as SMS gateways (secret key). Errors are JSON with a stable code.",
    },
    servers: [{ url: `${serverUrl}/api/widget/v1` }],
    security: [{ bearer: [] }],
    components: { securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "pk_… (browsers) or sk_… (servers)" } } },
    paths: {
      "/config": {
        get: {
          summary:
            "Whether the Customer Agent is on (`enabled`; off: show nothing), what the widget must do when the agent cannot answer, and whether a human is available now (business hours and agent presence), in the shopper's language",
          parameters: [
            {
              name: "locale",
              in: "query",
              description: "The page's language (data-locale); else Accept-Language, else the account's default shopper language",
              schema: { type: "string", maxLength: 35 },
            },
          ],
          responses: { "200": ok("WidgetConfig"), ...errors },
        },
      },
      "/conversations": {
        post: {
          summary: "Start a conversation (409 agent_disabled while the Customer Agent is off)",
          requestBody: { required: true, content: json(startConversationSchema) },
          responses: { "201": ok("{id, token, channel, locale, createdAt}"), ...errors },
        },
      },
      "/conversations/{id}": {
        get: {
          summary: "The conversation's status, shopper and escalation",
          parameters: [conversationId, token],
          responses: { "200": ok("ConversationSummary"), ...errors },
        },
      },
      "/conversations/{id}/messages": {
        post: {
          summary:
            "A shopper message; the response carries the Customer Agent's reply (409 agent_disabled while it is off, unless the conversation is already with the team)",
          parameters: [conversationId, token],
          requestBody: { required: true, content: json(shopperMessageSchema) },
          responses: { "200": ok("{reply: AgentReply}"), ...errors },
        },
      },
      "/conversations/{id}/handoff": {
        post: {
          summary: "The shopper's answer to the offer of a human (409 agent_disabled while the Customer Agent is off)",
          parameters: [conversationId, token],
          requestBody: { required: true, content: json(handoffAnswerSchema) },
          responses: { "200": ok("{reply: AgentReply}"), ...errors },
        },
      },
      "/conversations/{id}/resolve": {
        post: { summary: "The shopper's question was answered", parameters: [conversationId, token], responses: { "200": ok("{status}"), ...errors } },
      },
      "/conversations/{id}/feedback": {
        post: {
          summary:
            "The shopper's answer to 'Did that answer your question?' after the latest answer: helpful resolves the conversation, not helpful applies the handoff rules at once (409 no_answer when nothing was answered or the answer already has the other verdict)",
          parameters: [conversationId, token],
          requestBody: { required: true, content: json(answerFeedbackSchema) },
          responses: { "200": ok("{status, reply: AgentReply | null}"), ...errors },
        },
      },
      "/conversations/{id}/events": {
        get: {
          summary: "Messages and status changes after a cursor; Accept: text/event-stream streams them",
          parameters: [conversationId, token, { name: "after", in: "query", schema: { type: "integer", minimum: 0 } }],
          responses: {
            "200": {
              description: "{events, cursor}, or an event stream",
              content: { "application/json": { schema: { type: "object" } }, "text/event-stream": { schema: { type: "string" } } },
            },
            ...errors,
          },
        },
      },
      "/escalations": {
        post: {
          summary: "Escalate a whole conversation held by the caller",
          parameters: [{ name: "Idempotency-Key", in: "header", required: true, schema: { type: "string", maxLength: 255 } }],
          requestBody: { required: true, content: json(escalationSchema) },
          responses: { "201": ok("EscalationResult"), "200": ok("EscalationResult without a ticket (message shown or declined)"), ...errors },
        },
      },
    },
  };
}
