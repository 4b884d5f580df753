import type { Conversation } from "@/db/queries/conversations";
import { env } from "@/lib/env";

type Line = { author: string | null; text: string | null; at: Date };

const who: Record<string, string> = { shopper: "Shopper", assistant: "Customer Agent", human: "Support team", system: "Baton" };

export const conversationLink = (conversationId: string) => `${env().NEXTAUTH_URL ?? "http://localhost:3000"}/inbox/${conversationId}`;

/**
 * The ticket's first comment: who the shopper is, why the agent handed off, the full transcript
 * with UTC timestamps, and a link back to the conversation in Baton.
 */
export function ticketBody(conversation: Conversation, transcript: Line[]): string {
  const shopper = [
    conversation.shopperName && `Name: ${conversation.shopperName}`,
    conversation.shopperEmail && `Email: ${conversation.shopperEmail}`,
    conversation.shopperPhone && `Phone: ${conversation.shopperPhone}`,
    conversation.shopperProfileId && `Profile ID: ${conversation.shopperProfileId}`,
    conversation.shopperVerified ? "Identity: verified (signed in on the store)" : "Identity: unverified (as typed in the chat)",
  ].filter(Boolean);
  return [
    `Handed off by Baton's Customer Agent (${conversation.channel === "sms" ? "SMS" : "web chat"}).`,
    ...shopper,
    conversation.reason ? `Reason: ${conversation.reason}` : null,
    "",
    "Transcript:",
    ...transcript.map((l) => `[${l.at.toISOString().replace("T", " ").replace(/\.\d+Z$/, " UTC")}] ${who[l.author ?? "system"]}: ${l.text ?? ""}`),
    "",
    `Conversation in Baton: ${conversationLink(conversation.id)}`,
  ]
    .filter((l) => l !== null)
    .join("\n");
}

export const ticketSubject = (conversation: Conversation) =>
  `${conversation.channel === "sms" ? "SMS" : "Chat"}: ${(conversation.reason ?? "Question for the team").slice(0, 120)}`;
