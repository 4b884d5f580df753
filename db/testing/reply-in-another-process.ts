// A second server process for the live-updates test: opens the same PostgreSQL database and makes
// an agent's reply there. Usage: tsx db/testing/reply-in-another-process.ts <json>
import { openPostgres } from "@/db/client";
import { replyToConversation } from "@/lib/services/inbox";

const { url, agent, conversationId, text } = JSON.parse(process.argv[2] ?? "{}") as {
  url: string;
  agent: { accountId: string; userId: string; name: string };
  conversationId: string;
  text: string;
};
const handle = await openPostgres(url, { max: 1 });
try {
  await replyToConversation(handle.db, agent, conversationId, text);
} finally {
  await handle.close();
}
