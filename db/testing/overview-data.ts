import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { accounts } from "@/db/schema/accounts";
import { conversationEvents, conversations } from "@/db/schema/conversations";
import { escalations } from "@/db/schema/escalations";
import type { Channel, Destination } from "@/lib/overview/contract";
import { addDays } from "@/lib/overview/days";
import { seededRandom } from "@/lib/seeded-random";

type Status = (typeof conversations.$inferSelect)["status"];
type EscalationStatus = (typeof escalations.$inferSelect)["status"];

/** One conversation to write, at a local wall-clock time of the account's time zone. */
export type ConversationSpec = {
  /** "YYYY-MM-DD HH:MM" in the account's time zone. */
  local: string;
  channel: Channel;
  status: Status;
  /** Records a handoff_offered event (the consent step). */
  offered?: boolean;
  reason?: string | null;
  escalation?: { destination: Destination; status: EscalationStatus; replyAfterSeconds?: number };
};

/** Writes conversations (with events and escalations) exactly as specified; returns their ids in order. */
export async function writeConversations(db: Database, accountId: string, timeZone: string, specs: ConversationSpec[]) {
  const ids: string[] = [];
  for (let i = 0; i < specs.length; i += 200) {
    const chunk = specs.slice(i, i + 200);
    const rows = await db
      .insert(conversations)
      .values(
        chunk.map((s) => ({
          accountId,
          channel: s.channel,
          status: s.status,
          reason: s.reason ?? null,
          createdAt: sql`(${s.local}::timestamp at time zone ${timeZone})`,
        })),
      )
      .returning({ id: conversations.id, createdAt: conversations.createdAt });
    const offered = chunk.flatMap((s, j) =>
      s.offered ? [{ accountId, conversationId: rows[j]!.id, type: "handoff_offered" as const, at: rows[j]!.createdAt }] : [],
    );
    if (offered.length > 0) await db.insert(conversationEvents).values(offered);
    const handoffs = chunk.flatMap((s, j) => {
      if (!s.escalation) return [];
      const createdAt = new Date(rows[j]!.createdAt.getTime() + 60_000);
      const reply = s.escalation.replyAfterSeconds;
      return [
        {
          accountId,
          conversationId: rows[j]!.id,
          destination: s.escalation.destination,
          status: s.escalation.status,
          createdAt,
          firstHumanReplyAt: reply === undefined ? null : new Date(createdAt.getTime() + reply * 1000),
        },
      ];
    });
    if (handoffs.length > 0) await db.insert(escalations).values(handoffs);
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}

const questions = [
  "Can I change my shipping address?",
  "How do I change the shipping address on my order?",
  "change shipping address after ordering",
  "Can I pay with gold coins?",
  "Do you accept gold coins?",
  "Is the engraving done by hand?",
  "Do you have a store in Lisbon?",
];

/** Varied conversations on every day from `first` to `last`, at random local times. */
export function generateConversations(first: string, last: string, seed: number): ConversationSpec[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const specs: ConversationSpec[] = [];
  for (let day = first; day <= last; day = addDays(day, 1)) {
    const count = Math.floor(random() * 7);
    for (let i = 0; i < count; i++) {
      const time = `${String(Math.floor(random() * 24)).padStart(2, "0")}:${String(Math.floor(random() * 60)).padStart(2, "0")}`;
      const channel: Channel = random() < 0.7 ? "web_chat" : "sms";
      const status = pick(["resolved", "resolved", "resolved", "routed", "routed", "message_shown", "declined", "open"] as const);
      const spec: ConversationSpec = { local: `${day} ${time}`, channel, status };
      if (status !== "resolved") spec.reason = pick(questions);
      if (status === "declined") spec.offered = true;
      if (status === "open" && channel === "web_chat") spec.offered = random() < 0.5;
      if (status === "routed") {
        spec.offered = channel === "web_chat";
        const destination = pick(["baton_inbox", "baton_inbox", "zendesk", "gorgias"] as const);
        const forward = pick(["delivered", "delivered", "queued", "failed"] as const);
        spec.escalation = {
          destination,
          status: destination === "baton_inbox" ? "in_inbox" : forward,
          replyAfterSeconds:
            destination === "baton_inbox" || forward === "failed" ? (random() < 0.8 ? Math.round(5 + random() ** 2 * 7200) : undefined) : undefined,
        };
      }
      specs.push(spec);
    }
  }
  return specs;
}

export async function setTimeZone(db: Database, accountId: string, timeZone: string) {
  await db
    .update(accounts)
    .set({ timeZone })
    .where(sql`${accounts.id} = ${accountId}`);
}
