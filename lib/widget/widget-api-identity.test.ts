import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { SignJWT, UnsecuredJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDatabaseForTests, type DatabaseHandle } from "@/db/client";
import { conversations } from "@/db/schema/conversations";
import { findConversation, listMessages } from "@/db/queries/conversations";
import { call, widgetAccount } from "@/db/testing/widget-api";
import { openTestDatabase } from "@/db/testing/test-database";
import * as start from "@/app/api/widget/v1/conversations/route";
import * as messages from "@/app/api/widget/v1/conversations/[id]/messages/route";
import * as handoff from "@/app/api/widget/v1/conversations/[id]/handoff/route";
import { resetEnvForTests } from "@/lib/env";
import { issueIdentitySecret, saveUnverifiedHandoff, signShopperIdentity } from "@/lib/services/shopper-identity";
import { saveHandoffSettings } from "@/lib/services/handoff-settings";
import { ticketBody } from "@/lib/services/ticket-body";

let handle: DatabaseHandle;
const saved = { ...process.env };
beforeAll(async () => {
  handle = await openTestDatabase();
  useDatabaseForTests(handle);
  process.env.BATON_ENCRYPTION_KEY = randomBytes(32).toString("base64");
  resetEnvForTests();
});
afterAll(async () => {
  process.env = { ...saved };
  resetEnvForTests();
  await handle.close();
});

const sam = { email: "sam@example.com", profileId: "01GDDKASAP8TKDDA2GRZDSVP4H", name: "Sam" };
const startWith = (pk: string, body: Record<string, unknown>) => call(start.POST, { key: pk, body: { channel: "web_chat", ...body } });

async function signedShop() {
  const a = await widgetAccount(handle);
  return { ...a, secret: await issueIdentitySecret(handle.db, a.account.id) };
}

describe("verified shoppers", () => {
  it("a valid token makes the shopper verified, replaces what the page said, and skips the email step", async () => {
    const { pk, account, secret } = await signedShop();
    const identity = await signShopperIdentity(secret, sam);
    const res = await startWith(pk, { identity, shopper: { email: "forged@evil.example", name: "Mallory" } });
    expect(res.status).toBe(201);
    const c = res.json as unknown as { id: string; token: string; verified: boolean };
    expect(c.verified).toBe(true);
    const row = await findConversation(handle.db, { accountId: account.id, id: c.id });
    expect(row).toMatchObject({ shopperVerified: true, shopperEmail: "sam@example.com", shopperProfileId: sam.profileId, shopperName: "Sam" });

    await call(messages.POST, { key: pk, token: c.token, params: { id: c.id }, body: { text: "Can I change the engraving?" } });
    // Consent, and no email asked; a typed email does not replace the signed one.
    const reply = (await call(handoff.POST, { key: pk, token: c.token, params: { id: c.id }, body: { consent: true, email: "other@evil.example" } })).json
      .reply as { type: string };
    expect(reply.type).toBe("handed_to_inbox");
    const after = await findConversation(handle.db, { accountId: account.id, id: c.id });
    expect(after!.shopperEmail).toBe("sam@example.com");
    expect(ticketBody(after!, await listMessages(handle.db, { accountId: account.id, conversationId: c.id }), "en")).toContain("Identity: verified");
  });

  it("refuses expired, foreign-signed, unsigned and malformed tokens with clear codes, creating nothing", async () => {
    const { pk, account, secret } = await signedShop();
    const key = new TextEncoder().encode(secret);
    const past = Math.floor(Date.now() / 1000) - 60;
    const cases: Array<[string, number, string]> = [
      [await new SignJWT(sam).setProtectedHeader({ alg: "HS256" }).setExpirationTime(past).sign(key), 401, "identity_expired"],
      [await signShopperIdentity(`bis_${randomBytes(32).toString("base64url")}`, sam), 401, "identity_invalid"],
      [await new SignJWT(sam).setProtectedHeader({ alg: "HS512" }).setExpirationTime("5m").sign(key), 401, "identity_invalid"],
      [new UnsecuredJWT(sam).setExpirationTime("5m").encode(), 401, "identity_invalid"],
      [await new SignJWT(sam).setProtectedHeader({ alg: "HS256" }).sign(key), 401, "identity_invalid"],
      [await new SignJWT(sam).setProtectedHeader({ alg: "HS256" }).setExpirationTime("30d").sign(key), 401, "identity_invalid"],
      [await new SignJWT({ email: "not-an-email" }).setProtectedHeader({ alg: "HS256" }).setExpirationTime("5m").sign(key), 401, "identity_invalid"],
      ["not a token", 422, "validation_failed"],
    ];
    for (const [identity, status, code] of cases) {
      const res = await startWith(pk, { identity });
      expect([res.status, res.json.error?.code], identity).toEqual([status, code]);
    }
    expect(await handle.db.select().from(conversations).where(eq(conversations.accountId, account.id))).toEqual([]);
  });

  it("an account without an identity secret refuses tokens rather than trusting them", async () => {
    const { pk } = await widgetAccount(handle);
    const res = await startWith(pk, { identity: await signShopperIdentity("bis_anything-at-all-here", sam) });
    expect([res.status, res.json.error?.code]).toEqual([422, "identity_not_configured"]);
  });

  it("with verification required, an unverified shopper gets the custom message and a verified one a human", async () => {
    const { pk, account, admin, secret } = await signedShop();
    await saveHandoffSettings(handle.db, {
      accountId: account.id,
      userId: admin.id,
      input: { version: 0, method: "message", message: "Please write to help@shop.test.", links: [] },
    });
    await saveHandoffSettings(handle.db, { accountId: account.id, userId: admin.id, input: { version: 1, method: "helpdesk", destination: "baton_inbox" } });
    await saveUnverifiedHandoff(handle.db, { accountId: account.id, unverifiedHandoff: "message" });
    const guest = (await startWith(pk, { shopper: { email: "guest@example.com" } })).json as unknown as { id: string; token: string };
    const guestReply = (await call(messages.POST, { key: pk, token: guest.token, params: { id: guest.id }, body: { text: "Can I change the engraving?" } }))
      .json.reply;
    expect(guestReply).toMatchObject({ type: "message", text: "Please write to help@shop.test." });

    const member = (await startWith(pk, { identity: await signShopperIdentity(secret, sam) })).json as unknown as { id: string; token: string };
    const memberReply = (await call(messages.POST, { key: pk, token: member.token, params: { id: member.id }, body: { text: "Can I change the engraving?" } }))
      .json.reply;
    expect(memberReply).toMatchObject({ type: "handoff_offer" });
  });
});
