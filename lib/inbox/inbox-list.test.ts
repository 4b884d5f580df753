import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { markDelivered, requeueNow } from "@/db/queries/escalations";
import { conversationEvents, conversations } from "@/db/schema/conversations";
import { escalations } from "@/db/schema/escalations";
import { createAccountWithMembers } from "@/db/testing/test-database";
import { openTestDatabase } from "@/db/testing/test-database";
import { inboxRows } from "@/lib/inbox/views";
import type { InboxFilter, InboxRowView } from "@/lib/inbox/types";
import { closeConversation } from "@/lib/services/inbox";
import { inboxCursorSchema, inboxFilterSchema } from "@/lib/validation/inbox";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(() => handle.close());

type Handoff = { email?: string; text?: string; destination?: "baton_inbox" | "zendesk"; status?: "in_inbox" | "failed" };

/** Handoffs written straight into the tables (hundreds of them), with their first message. */
async function seedHandoffs(accountId: string, handoffs: Handoff[]) {
  const convs = await handle.db
    .insert(conversations)
    .values(
      handoffs.map((h) => ({ accountId, channel: "web_chat" as const, status: "routed" as const, shopperEmail: h.email ?? null, reason: h.text ?? "Help" })),
    )
    .returning({ id: conversations.id });
  await handle.db
    .insert(conversationEvents)
    .values(
      convs.map((c, i) => ({ accountId, conversationId: c.id, type: "message" as const, author: "shopper" as const, text: handoffs[i]!.text ?? "Help" })),
    );
  const rows = await handle.db
    .insert(escalations)
    .values(
      convs.map((c, i) => ({
        accountId,
        conversationId: c.id,
        destination: handoffs[i]!.destination ?? ("baton_inbox" as const),
        status: handoffs[i]!.status ?? ("in_inbox" as const),
      })),
    )
    .returning({ id: escalations.id, conversationId: escalations.conversationId });
  return rows;
}

/** Every page of a view, following each page's cursor as the browser does (through the URL's schema). */
async function allPages(viewer: { accountId: string; userId: string }, filter: InboxFilter) {
  const pages: InboxRowView[][] = [];
  let after: string | null = null;
  do {
    const page = await inboxRows(handle.db, viewer, filter, after ? inboxCursorSchema.parse(after) : undefined);
    pages.push(page.rows);
    after = page.nextCursor;
  } while (after && pages.length < 20);
  return pages;
}

const open: InboxFilter = { assignee: "all", state: "open" };

describe("inbox lists", () => {
  it("page past 100 rows by cursor, with many rows on the same microsecond and others one microsecond apart", async () => {
    const { account, members } = await createAccountWithMembers(handle, ["agent"]);
    const viewer = { accountId: account.id, userId: members[0]!.id };
    const rows = await seedHandoffs(
      account.id,
      Array.from({ length: 250 }, () => ({})),
    );
    // Groups of 7 share one timestamp; neighbouring groups are 1 µs apart (a millisecond cursor would lose them).
    await handle.db.execute(sql`
      update ${escalations} e set created_at = timestamptz '2026-11-30 12:00:00.000000+00' + (n.k / 7) * interval '1 microsecond'
      from (select id, row_number() over (order by id) - 1 as k from ${escalations} where account_id = ${account.id}) n
      where e.id = n.id`);
    const pages = await allPages(viewer, open);
    expect(pages.map((p) => p.length)).toEqual([100, 100, 50]);
    const seen = pages.flat().map((r) => r.escalationId);
    expect(new Set(seen).size).toBe(250);
    expect(new Set(seen)).toEqual(new Set(rows.map((r) => r.id)));
    // Newest first, ties by id descending: the order the cursor walks.
    const stored = await handle.db
      .select({ id: escalations.id })
      .from(escalations)
      .where(eq(escalations.accountId, account.id))
      .orderBy(sql`created_at desc, id desc`);
    expect(seen).toEqual(stored.map((r) => r.id));
  });

  it("the Closed view pages by when each was closed, and says how it ended and who closed it", async () => {
    const { account, members } = await createAccountWithMembers(handle, ["agent"]);
    const agent = { accountId: account.id, userId: members[0]!.id, name: members[0]!.name };
    const rows = await seedHandoffs(account.id, [
      ...Array.from({ length: 104 }, () => ({})),
      { destination: "zendesk", status: "failed" },
      { destination: "zendesk", status: "failed" },
    ]);
    const [failedThenForwarded, failedThenClosed] = rows.slice(104) as [(typeof rows)[0], (typeof rows)[0]];
    for (const r of rows.slice(0, 104)) await closeConversation(handle.db, agent, r.conversationId);
    await closeConversation(handle.db, agent, failedThenClosed.conversationId);
    await handle.db
      .update(escalations)
      .set({ closedAt: sql`timestamptz '2026-11-30 09:00:00+00'` })
      .where(
        inArray(
          escalations.id,
          rows.slice(0, 104).map((r) => r.id),
        ),
      );
    // A failed forward retried: closed once the helpdesk takes it, as "forwarded", by nobody.
    expect(await requeueNow(handle.db, { accountId: account.id, id: failedThenForwarded.id })).toBe("requeued");
    expect(await inboxRows(handle.db, agent, open)).toMatchObject({ rows: [] });
    expect(await markDelivered(handle.db, failedThenForwarded.id, { id: "77", url: "https://example.zendesk.com/tickets/77" })).toBe(true);

    const pages = await allPages(agent, { assignee: "all", state: "closed" });
    expect(pages.map((p) => p.length)).toEqual([100, 6]);
    const all = pages.flat();
    expect(new Set(all.map((r) => r.escalationId)).size).toBe(106);
    // The two closed today come before the 104 closed "this morning".
    expect(all.slice(0, 2).map((r) => r.escalationId)).toEqual([failedThenForwarded.id, failedThenClosed.id]);
    expect(all[0]).toMatchObject({ closedAs: "forwarded", closedByName: null, status: "delivered", destination: "zendesk" });
    expect(all[1]).toMatchObject({ closedAs: "agent", closedByName: agent.name, status: "failed" });
    expect(all[2]).toMatchObject({ closedAs: "agent", closedByName: agent.name, status: "in_inbox", firstHumanReplyAt: null });
  });

  it("search finds a shopper's email or a message's text, in this account only, with LIKE's wildcards taken literally", async () => {
    const [{ account, members }, other] = await Promise.all([createAccountWithMembers(handle, ["agent"]), createAccountWithMembers(handle, ["agent"])]);
    const viewer = { accountId: account.id, userId: members[0]!.id };
    const otherViewer = { accountId: other.account.id, userId: other.members[0]!.id };
    const [byEmail, byText, percent] = await seedHandoffs(account.id, [
      { email: "Ana.Souza@Example.com", text: "Where is my parcel?" },
      { email: "bo@example.com", text: "My ORDER 4711 never arrived" },
      { email: "cy@example.com", text: "Is 100% cotton ok?" },
    ]);
    await seedHandoffs(other.account.id, [{ email: "ana.souza@example.com", text: "order 4711 in the other store" }]);
    const search = async (q: string, who = viewer) =>
      (await inboxRows(handle.db, who, inboxFilterSchema.parse({ state: "open", q }))).rows.map((r) => r.escalationId);

    expect(await search("ana.souza")).toEqual([byEmail!.id]);
    expect(await search("order 4711")).toEqual([byText!.id]);
    expect(await search("0% c")).toEqual([percent!.id]);
    expect(await search("%%%")).toEqual([]);
    expect(await search("a_a")).toEqual([]);
    expect(await search("nobody-here")).toEqual([]);
    // The other store sees its own shopper only.
    expect((await search("ana.souza", otherViewer)).length).toBe(1);
    expect(await search("ana.souza", otherViewer)).not.toContain(byEmail!.id);
    // Too short to search: the whole view.
    expect(inboxFilterSchema.parse({ q: "an" }).q).toBeUndefined();
    expect((await search("an")).length).toBe(3);
  });

  it("refuses cursors that are not a real time and id", () => {
    for (const bad of [
      "2026-02-30T12:00:00.000000Z_00000000-0000-4000-8000-000000000000",
      "x",
      "2026-11-30T12:00:00.000000Z_------------------------------------",
    ]) {
      expect(inboxCursorSchema.parse(bad)).toBeUndefined();
    }
    expect(inboxCursorSchema.parse("2026-11-30T12:00:00.123456Z_00000000-0000-4000-8000-000000000000")).toEqual({
      at: "2026-11-30T12:00:00.123456Z",
      id: "00000000-0000-4000-8000-000000000000",
    });
  });
});
