// The inbox's JSON shapes, shared by the server (lib/inbox/views.ts) and the browser.
export type InboxRowView = {
  escalationId: string;
  conversationId: string;
  channel: "web_chat" | "sms";
  shopperEmail: string | null;
  shopperPhone: string | null;
  shopperName: string | null;
  shopperProfileId: string | null;
  reason: string | null;
  status: "in_inbox" | "queued" | "delivered" | "failed";
  destination: "baton_inbox" | "zendesk" | "gorgias";
  lastError: string | null;
  createdAt: string;
  closedAt: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
};

export type InboxConversationView = {
  item: InboxRowView & { claimedByMe: boolean };
  transcript: Array<{ author: "shopper" | "assistant" | "human" | "system"; text: string | null; at: string; name: string | null }>;
};
