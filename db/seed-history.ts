import { and, eq, inArray, like, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { findAccountTimeZone } from "@/db/queries/overview/account-time-zone";
import { users } from "@/db/schema/accounts";
import { conversationEvents, conversations } from "@/db/schema/conversations";
import { escalations } from "@/db/schema/escalations";
import { planHistory, type PlannedConversation } from "@/db/seed-history-plan";
import { demoStoreStory, type DemoStory } from "@/db/seed-stories";
import { shopperTexts } from "@/lib/i18n/shopper-texts";
import { todayIn } from "@/lib/overview/days";

type NewEvent = typeof conversationEvents.$inferInsert;

const PROFILE_PREFIX = "demo-history-";
const CHUNK = 500;
/** A made-up shopper of the story, the n-th of the history (their profile id marks the history as written). */
function shopper(story: DemoStory, n: number, channel: PlannedConversation["channel"]) {
  const name = `${story.firstNames[n % story.firstNames.length]} ${story.lastNames[(n * 7) % story.lastNames.length]}`;
  const local = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(" ", ".");
  return {
    shopperName: name,
    shopperEmail: channel === "web_chat" ? `${local}${n}@${story.emailDomain}` : null,
    shopperPhone: channel === "sms" ? `${story.phonePrefix}${String(1_000_000 + n * 37).slice(-7)}` : null,
    shopperProfileId: `${PROFILE_PREFIX}${String(n).padStart(5, "0")}`,
  };
}

/** The assistant's side of the transcripts, in the story's language: the same texts the widget flow says. */
function linesOf(story: DemoStory) {
  const t = shopperTexts(story.locale);
  return {
    offer: `${t("cannotAnswer")} ${t("offerHuman")}`,
    declined: t("declined"),
    sentToInbox: t("sentToInbox"),
    smsSentToInbox: t("smsSentToInbox"),
    sentToHelpdesk: (email: string) => t("sentToHelpdeskWebChat", { email }),
    smsSentToHelpdesk: t("smsSentToHelpdesk"),
  };
}

/**
 * A demo store's last 90 days of conversations (Demo Store's story unless another is given) (see db/seed-history-plan.ts), written once: a
 * second run finds the history's shoppers and adds nothing. Bulk inserts; the overview's
 * aggregates follow through their triggers. Nothing is left for the outbox runner (no queued
 * escalation) or for the team (every Baton Inbox handoff, and every failed forward, was answered
 * and closed by the demo agent or lead).
 */
export async function seedDemoHistory(db: Database, params: { accountId: string; now?: Date; story?: DemoStory }): Promise<number> {
  const story = params.story ?? demoStoreStory;
  const lines = linesOf(story);
  const already = await db
    .select({ id: conversations.id })
    .from(conversations)
    .where(and(eq(conversations.accountId, params.accountId), like(conversations.shopperProfileId, `${PROFILE_PREFIX}%`)))
    .limit(1);
  if (already.length > 0) return 0;
  const timeZone = (await findAccountTimeZone(db, params.accountId)) ?? "UTC";
  const now = params.now ?? new Date();
  const hour = Number(new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", hourCycle: "h23" }).format(now));
  const plan = planHistory(todayIn(timeZone, now), hour, undefined, story.topics);
  const team = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(inArray(users.email, [...story.team]));

  for (let start = 0; start < plan.length; start += CHUNK) {
    const chunk = plan.slice(start, start + CHUNK);
    const at = (c: PlannedConversation, seconds = 0) => sql`(${c.local}::timestamp at time zone ${timeZone}) + ${`${seconds} seconds`}::interval`;
    const rows = await db
      .insert(conversations)
      .values(
        chunk.map((c, i) => ({
          ...shopper(story, start + i, c.channel),
          accountId: params.accountId,
          locale: story.locale,
          channel: c.channel,
          status: c.status,
          reason: c.answered ? null : c.question,
          handoffOfferedAt: c.offered ? at(c, 20) : null,
          sessionEnded: c.destination === "zendesk" || c.destination === "gorgias",
          createdAt: at(c),
          updatedAt: at(c, 60),
        })),
      )
      .returning({ id: conversations.id, createdAt: conversations.createdAt });

    const handoffs: Array<typeof escalations.$inferInsert> = [];
    const events: NewEvent[] = [];
    chunk.forEach((c, i) => {
      const id = rows[i]!.id;
      const t0 = rows[i]!.createdAt.getTime();
      const event = (seconds: number, e: Omit<NewEvent, "accountId" | "conversationId" | "at">) =>
        events.push({ ...e, accountId: params.accountId, conversationId: id, at: new Date(t0 + seconds * 1000) });
      const say = (seconds: number, text: string) => event(seconds, { type: "message", author: "assistant", text });
      event(0, { type: "message", author: "shopper", text: c.question });
      if (c.status === "resolved") {
        say(4, story.knowledge.find((k) => k.question === c.question)?.answer ?? lines.declined);
        event(90, { type: "resolved" });
        return;
      }
      if (c.status === "message_shown") {
        say(4, story.customMessage);
        event(4, { type: "message_shown" });
        return;
      }
      if (c.offered) {
        say(20, lines.offer);
        event(20, { type: "handoff_offered" });
      }
      if (c.status === "declined") {
        event(45, { type: "handoff_declined" });
        say(45, lines.declined);
      }
      if (c.status !== "routed" || !c.destination) return;
      const created = new Date(t0 + 90_000);
      const member = team.length > 0 ? team[(start + i) % team.length]! : null;
      const replied = c.replyAfter === null ? null : new Date(created.getTime() + c.replyAfter * 1000);
      const closed = replied ? new Date(replied.getTime() + (10 + ((start + i) % 30)) * 60_000) : null;
      const forwarded = c.destination !== "baton_inbox";
      handoffs.push({
        accountId: params.accountId,
        conversationId: id,
        destination: c.destination,
        status: !forwarded ? "in_inbox" : c.forwardFailed ? "failed" : "delivered",
        reason: c.question,
        attempts: forwarded ? (c.forwardFailed ? 8 : 1) : 0,
        lastError: c.forwardFailed ? "The helpdesk answered 503 Service Unavailable." : null,
        externalTicketId: forwarded && !c.forwardFailed ? String(40_000 + start + i) : null,
        deliveredAt: forwarded && !c.forwardFailed ? new Date(created.getTime() + 2_000) : null,
        nextAttemptAt: created,
        assigneeId: replied ? (member?.id ?? null) : null,
        firstHumanReplyAt: replied,
        closedAt: closed,
        closedBy: closed ? (member?.id ?? null) : null,
        closedAs: closed ? "agent" : null,
        createdAt: created,
        updatedAt: closed ?? created,
      });
      if (forwarded) {
        say(90, c.channel === "sms" ? lines.smsSentToHelpdesk : lines.sentToHelpdesk(shopper(story, start + i, c.channel).shopperEmail ?? ""));
        event(90, { type: "session_ended", data: { followUp: c.channel === "sms" ? "sms" : "email" } });
        if (!c.forwardFailed) event(92, { type: "ticket_created", data: { destination: c.destination } });
      } else {
        event(90, { type: "handed_to_inbox" });
        say(90, c.channel === "sms" ? lines.smsSentToInbox : lines.sentToInbox);
      }
      if (replied && member) {
        event(90 + (c.replyAfter ?? 0), { type: "message", author: "human", text: story.humanReply, data: { name: member.name } });
        event((closed!.getTime() - t0) / 1000, { type: "session_ended", data: { closedBy: member.name } });
      }
    });
    if (handoffs.length > 0) await db.insert(escalations).values(handoffs);
    for (let e = 0; e < events.length; e += 2000) await db.insert(conversationEvents).values(events.slice(e, e + 2000));
  }
  return plan.length;
}
