import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { useDatabaseForTests, type DatabaseHandle } from "@/db/client";
import { createAccountWithMembers, openTestDatabase } from "@/db/testing/test-database";
import { call, ORIGIN, widgetAccount } from "@/db/testing/widget-api";
import { memberships } from "@/db/schema/accounts";
import * as start from "@/app/api/widget/v1/conversations/route";
import * as messages from "@/app/api/widget/v1/conversations/[id]/messages/route";
import * as events from "@/app/api/widget/v1/conversations/[id]/events/route";
import * as handoff from "@/app/api/widget/v1/conversations/[id]/handoff/route";

const execFileAsync = promisify(execFile);

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
  useDatabaseForTests(handle);
});
afterAll(() => handle.close());

// The stream's safety re-read comes every 10 s; anything sooner was woken by LISTEN/NOTIFY.
const NOTIFIED_WITHIN_MS = 4_000;

async function openStream(params: { key: string; id: string; token: string }) {
  const abort = new AbortController();
  const request = new NextRequest(`http://localhost/api/widget/v1/conversations/${params.id}/events`, {
    headers: { authorization: `Bearer ${params.key}`, origin: ORIGIN, "x-conversation-token": params.token, accept: "text/event-stream" },
    signal: abort.signal,
  });
  const response = await events.GET(request, { params: Promise.resolve({ id: params.id }) });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = "";
  const readUntil = async (needle: string, withinMs = 30_000) => {
    const deadline = setTimeout(() => void reader.cancel(), withinMs);
    try {
      while (!text.includes(needle)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended before ${needle} (waited at most ${withinMs} ms)`);
        text += decoder.decode(value);
      }
    } finally {
      clearTimeout(deadline);
    }
  };
  const close = async () => {
    abort.abort();
    await reader.cancel().catch(() => undefined);
  };
  return { response, readUntil, text: () => text, close };
}

describe("events as a server-sent event stream", () => {
  it("sends what happened, then what happens next at once, with ids to resume from", async () => {
    const { pk } = await widgetAccount(handle);
    const c = (await call(start.POST, { key: pk, body: { channel: "web_chat", shopper: { email: "s@example.com" } } })).json as unknown as {
      id: string;
      token: string;
    };
    await call(messages.POST, { key: pk, params: { id: c.id }, token: c.token, body: { text: "First question nobody knows?" } });

    const stream = await openStream({ key: pk, id: c.id, token: c.token });
    expect(stream.response.headers.get("content-type")).toBe("text/event-stream");
    expect(stream.response.headers.get("access-control-allow-origin")).toBe(ORIGIN);
    await stream.readUntil("event: handoff_offered");
    expect(stream.text()).toMatch(/^retry: 2000/);
    expect(stream.text()).toMatch(/id: \d+\nevent: message\ndata: \{.*"author":"shopper"/);

    // Something new happens while the stream is open: the notification wakes it.
    await call(messages.POST, { key: pk, params: { id: c.id }, token: c.token, body: { text: "A second question?" } });
    await stream.readUntil("A second question?", NOTIFIED_WITHIN_MS);
    await stream.close();
  });

  it.skipIf(!inject("databaseUrl"))("a reply made in another server process reaches the shopper's open stream (PostgreSQL)", async () => {
    const { pk, account } = await widgetAccount(handle);
    const agentUser = (await createAccountWithMembers(handle, ["agent"])).members[0]!;
    await handle.db.insert(memberships).values({ accountId: account.id, userId: agentUser.id, role: "agent" });
    const c = (await call(start.POST, { key: pk, body: { channel: "web_chat", shopper: { email: "sam@example.com" } } })).json as unknown as {
      id: string;
      token: string;
    };
    await call(messages.POST, { key: pk, params: { id: c.id }, token: c.token, body: { text: "Can I change the engraving?" } });
    await call(handoff.POST, { key: pk, params: { id: c.id }, token: c.token, body: { consent: true } });

    const stream = await openStream({ key: pk, id: c.id, token: c.token });
    await stream.readUntil("Can I change the engraving?");
    const agent = { accountId: account.id, userId: agentUser.id, name: agentUser.name };
    await execFileAsync("npx", [
      "tsx",
      "--import",
      "./scripts/hooks/server-only.mjs",
      "db/testing/reply-in-another-process.ts",
      JSON.stringify({ url: inject("databaseUrl"), agent, conversationId: c.id, text: "Yes, from the other process!" }),
    ]);
    await stream.readUntil("Yes, from the other process!", NOTIFIED_WITHIN_MS);
    await stream.close();
  });
});
