import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { createAccountWithMembers, openTestDatabase } from "@/db/testing/test-database";
import { startGorgiasSimulator, type GorgiasSimulator } from "@/e2e/simulators/gorgias";
import { resetEnvForTests } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { connectGorgias } from "@/lib/helpdesks/gorgias/connect";
import { shopperTexts } from "@/lib/i18n/shopper-texts";
import { deliverNow } from "@/lib/services/escalation-delivery";
import { createEscalation } from "@/lib/services/escalations";
import { saveHandoffSettings } from "@/lib/services/handoff-settings";

// Gorgias tickets as Gorgias expects them, through the real outbox path against the strict
// simulator: who said what, texters known only by phone, the store's addresses, and the role check.

let handle: DatabaseHandle;
let gorgias: GorgiasSimulator;
const saved = { ...process.env };

beforeAll(async () => {
  handle = await openTestDatabase();
  gorgias = await startGorgiasSimulator();
  Object.assign(process.env, { BATON_ENCRYPTION_KEY: randomBytes(32).toString("base64"), GORGIAS_URL_TEMPLATE: gorgias.urlTemplate });
  resetEnvForTests();
});
afterAll(async () => {
  process.env = { ...saved };
  resetEnvForTests();
  await Promise.all([handle.close(), gorgias.close()]);
});

async function gorgiasShop(domain: string, store: { storeEmail?: string; storePhone?: string } = {}) {
  const { account, members } = await createAccountWithMembers(handle);
  gorgias.addAccount({
    domain,
    users: [
      { email: `agent@${domain}.test`, role: "agent", apiKey: "key" },
      { email: `observer@${domain}.test`, role: "observer-agent", apiKey: "okey" },
    ],
  });
  const actor = { accountId: account.id, userId: members[0]!.id };
  await connectGorgias(handle.db, actor, { domain, email: `agent@${domain}.test`, apiKey: "key", ...store });
  await saveHandoffSettings(handle.db, { ...actor, input: { method: "helpdesk", destination: "gorgias", version: 0 } });
  return actor;
}

const at = (s: number) => new Date(Date.UTC(2026, 10, 24, 10, 0, s)).toISOString();

async function escalate(accountId: string, input: { channel: "sms" | "web_chat"; shopper: { phone?: string; email?: string } }) {
  const result = await createEscalation(handle.db, {
    accountId,
    idempotencyKey: randomBytes(8).toString("hex"),
    texts: shopperTexts("en"),
    input: {
      ...input,
      consent: true,
      transcript: [
        { role: "shopper", text: "Where is my parcel?", at: at(1) },
        { role: "assistant", text: "It left the warehouse on Monday.", at: at(2) },
        { role: "shopper", text: "It still has not arrived.", at: at(3) },
      ],
    },
  });
  return result.body.escalationId!;
}

describe("forwarding to Gorgias", () => {
  it("an SMS shopper known only by phone reaches Gorgias as a customer with that phone: their words as the message, the context as a note, nothing sent", async () => {
    const actor = await gorgiasShop("texts", { storePhone: "+14155550100" });
    const id = await escalate(actor.accountId, { channel: "sms", shopper: { phone: "+14155550142" } });
    expect(await deliverNow(handle.db, id)).toBe("delivered");

    const [customer] = gorgias.customers("texts");
    expect(customer).toMatchObject({ email: null, channels: [{ type: "phone", address: "+14155550142" }] });
    const [ticket] = gorgias.tickets("texts");
    expect(ticket).toMatchObject({ channel: "sms", via: "api", customer: { id: customer!.id } });
    const [said, note] = ticket!.messages ?? [];
    expect(said).toMatchObject({ channel: "sms", from_agent: false, public: true, sender: { id: customer!.id } });
    expect(said!.body_text).toBe("Where is my parcel?\n\nIt still has not arrived.");
    expect(said!.source).toEqual({ type: "sms", from: { address: "+14155550142", name: "+14155550142" }, to: [{ address: "+14155550100" }] });
    expect(note).toMatchObject({ channel: "internal-note", from_agent: true, public: false });
    expect(note!.body_text).toContain("It left the warehouse on Monday.");
    expect(note!.body_text).toContain("/inbox/");
    // No auto-reply or re-send: every message is marked as sent or is a note.
    expect(gorgias.outbox("texts")).toEqual([]);
    // Never an empty email in anything Baton sent.
    expect(JSON.stringify(gorgias.requests.filter((r) => r.path.startsWith("/texts/")).map((r) => r.body))).not.toContain('"email":""');

    // The same texter again: found by phone, not created twice.
    const second = await escalate(actor.accountId, { channel: "sms", shopper: { phone: "+14155550142" } });
    expect(await deliverNow(handle.db, second)).toBe("delivered");
    expect(gorgias.customers("texts")).toHaveLength(1);
  });

  it("a web chat continues by email from the store's support address", async () => {
    const actor = await gorgiasShop("chats", { storeEmail: "support@chats.example" });
    const id = await escalate(actor.accountId, { channel: "web_chat", shopper: { email: "sam@example.com" } });
    expect(await deliverNow(handle.db, id)).toBe("delivered");
    const [ticket] = gorgias.tickets("chats");
    expect(ticket!.messages?.[0]?.source).toEqual({
      type: "email",
      from: { address: "sam@example.com", name: "sam@example.com" },
      to: [{ address: "support@chats.example" }],
    });
  });

  it("a read-only (observer) user's key is refused at connection with its reason", async () => {
    const { account, members } = await createAccountWithMembers(handle);
    gorgias.addAccount({ domain: "readonly", users: [{ email: "olly@readonly.test", role: "observer-agent", apiKey: "okey" }] });
    const error = await connectGorgias(
      handle.db,
      { accountId: account.id, userId: members[0]!.id },
      { domain: "readonly", email: "olly@readonly.test", apiKey: "okey" },
    ).catch((e: unknown) => e);
    expect(isAppError(error) && error.message).toBe("insufficient_role");
  });
});
