import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDatabaseForTests, type DatabaseHandle } from "@/db/client";
import { openTestDatabase } from "@/db/testing/test-database";
import { call, ORIGIN, widgetAccount } from "@/db/testing/widget-api";
import * as start from "@/app/api/widget/v1/conversations/route";
import * as messages from "@/app/api/widget/v1/conversations/[id]/messages/route";
import * as events from "@/app/api/widget/v1/conversations/[id]/events/route";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
  useDatabaseForTests(handle);
});
afterAll(() => handle.close());

describe("events as a server-sent event stream", () => {
  it("sends what happened, then what happens next, with ids to resume from", async () => {
    const { pk } = await widgetAccount(handle);
    const c = (await call(start.POST, { key: pk, body: { channel: "web_chat", shopper: { email: "s@example.com" } } })).json as unknown as { id: string; token: string };
    await call(messages.POST, { key: pk, params: { id: c.id }, token: c.token, body: { text: "First question nobody knows?" } });

    const abort = new AbortController();
    const request = new NextRequest(`http://localhost/api/widget/v1/conversations/${c.id}/events`, {
      headers: { authorization: `Bearer ${pk}`, origin: ORIGIN, "x-conversation-token": c.token, accept: "text/event-stream" },
      signal: abort.signal,
    });
    const response = await events.GET(request, { params: Promise.resolve({ id: c.id }) });
    expect(response.headers.get("content-type")).toBe("text/event-stream");
    expect(response.headers.get("access-control-allow-origin")).toBe(ORIGIN);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = "";
    const readUntil = async (needle: string) => {
      while (!text.includes(needle)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended before ${needle}`);
        text += decoder.decode(value);
      }
    };
    await readUntil("event: handoff_offered");
    expect(text).toMatch(/^retry: 2000/);
    expect(text).toMatch(/id: \d+\nevent: message\ndata: \{.*"author":"shopper"/);

    // Something new happens while the stream is open: it arrives on the next poll.
    await call(messages.POST, { key: pk, params: { id: c.id }, token: c.token, body: { text: "A second question?" } });
    await readUntil("A second question?");
    abort.abort();
    await reader.cancel();
  });
});
