import type { DestinationAdapter } from "@/lib/helpdesks/adapter";
import type texts from "./messages/en.json";

/**
 * Baton's own inbox: always connected, and the handoff itself puts the conversation there, so
 * nothing leaves Baton. Its follow-up depends on who is available (lib/services/handoff-rules.ts);
 * when nobody is, a web chat continues by email.
 */
export const batonInboxAdapter: DestinationAdapter<typeof texts> = {
  id: "baton_inbox",
  needsConnection: false,
  outbound: null,
  followUp: { web_chat: "email", sms: "sms" },
  display: { onboardingSteps: 0, badgeClass: "bg-indigo-600" },
  texts: { en: () => import("./messages/en.json"), "pt-BR": () => import("./messages/pt-BR.json") },
};
