import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { accounts, memberships, users } from "@/db/schema/accounts";
import { rateLimits } from "@/db/schema/rate-limits";
import { touchPresence } from "@/db/queries/availability";
import { addOrigin, getPublishableKeyForSlug } from "@/db/queries/widget-keys";
import { hashPassword } from "@/lib/auth/password";
import { ensureKeys } from "@/lib/services/widget-keys";
import { DEMO_PASSWORD } from "@/db/seed";
import { shopperTexts } from "@/lib/i18n/shopper-texts";
import { createEscalation } from "@/lib/services/escalations";

import { fixturesFile, type E2eFixtures } from "./fixture-ids";

/** Users only the e2e suite needs, on top of the demo seed; ids are written for the specs. */
export async function seedE2eFixtures(db: Database, options: { widgetOrigins: string[] }): Promise<void> {
  await db.delete(rateLimits);
  const idOf = async (slug: string) => {
    const [row] = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.slug, slug));
    if (!row) throw new Error(`missing account ${slug}`);
    return row.id;
  };
  // An account of the suite's own, so specs that change settings do not race the Demo Store journey.
  await db.insert(accounts).values({ slug: "e2e-store", name: "E2E Store" }).onConflictDoNothing();
  const e2eStoreId = await idOf("e2e-store");
  // Handoffs waiting in E2E Store's inbox, for the two-agent claim, the polling fallback and the
  // cross-account checks.
  const handoff = async (key: string, name: string, email: string, text: string, accountId = e2eStoreId) => {
    const { body } = await createEscalation(db, {
      accountId,
      idempotencyKey: key,
      texts: shopperTexts("en"),
      input: { channel: "web_chat", consent: true, shopper: { email, name }, transcript: [{ role: "shopper", text, at: new Date().toISOString() }] },
    });
    return body.conversationId;
  };
  const raceConversationId = await handoff("e2e-race", "Rae Racer", "race.shopper@example.com", "Who will answer me first?");
  const fallbackConversationId = await handoff("e2e-fallback", "Flo Fallback", "fallback.shopper@example.com", "Is anyone still polling?");
  // Business hours and presence are per account: this one's team and widget belong to
  // business-hours.spec.ts alone, so its "nobody available" cases race no other spec.
  await db.insert(accounts).values({ slug: "hours-store", name: "Hours Store", timeZone: "America/New_York" }).onConflictDoNothing();
  const hoursStoreId = await idOf("hours-store");
  await ensureKeys(db, hoursStoreId);
  for (const origin of options.widgetOrigins) await addOrigin(db, { accountId: hoursStoreId, origin });
  // phone.spec.ts works one conversation through at a phone's size in an account of its own.
  await db.insert(accounts).values({ slug: "phone-store", name: "Phone Store" }).onConflictDoNothing();
  const phoneStoreId = await idOf("phone-store");
  const phoneConversationId = await handoff(
    "e2e-phone",
    "Pia Phone",
    "pia.phone@example.com",
    "Where is my order? It should have arrived yesterday.",
    phoneStoreId,
  );
  // Only ever looked at (screenshots, axe), never claimed or closed.
  const lookConversationId = await handoff(
    "e2e-look",
    "Lou Looker",
    "lou.looker+a-rather-long-address@example.com",
    "Can you check whether my order number 4471 shipped with the gift note?",
    phoneStoreId,
  );
  // Filled below, once users can be added.
  const keysConversationIds: Record<string, string> = {};
  // forwarding.spec.ts connects this one to Gorgias and sends it an SMS handoff with its secret key.
  await db.insert(accounts).values({ slug: "sms-store", name: "SMS Store" }).onConflictDoNothing();
  const smsStoreId = await idOf("sms-store");
  // agent-switch.spec.ts turns this store's Customer Agent off and on: no other spec's widget goes dark.
  await db.insert(accounts).values({ slug: "switch-store", name: "Switch Store" }).onConflictDoNothing();
  const switchStoreId = await idOf("switch-store");
  await ensureKeys(db, switchStoreId);
  for (const origin of options.widgetOrigins) await addOrigin(db, { accountId: switchStoreId, origin });
  // notifications.spec.ts: two agents of one account (one Available, one Away) and a widget of
  // its own to hand shoppers over with; it also shortens the account's overdue threshold.
  await db.insert(accounts).values({ slug: "notify-store", name: "Notify Store" }).onConflictDoNothing();
  const notifyStoreId = await idOf("notify-store");
  await ensureKeys(db, notifyStoreId);
  for (const origin of options.widgetOrigins) await addOrigin(db, { accountId: notifyStoreId, origin });
  const fixtures: E2eFixtures = {
    demoStoreId: await idOf("demo-store"),
    otherStoreId: await idOf("other-store"),
    e2eStoreId,
    raceConversationId,
    fallbackConversationId,
    hoursStoreId,
    phoneConversationId,
    lookConversationId,
    keysConversationIds,
    hoursStoreKey: (await getPublishableKeyForSlug(db, "hours-store"))!,
    switchStoreKey: (await getPublishableKeyForSlug(db, "switch-store"))!,
    notifyStoreKey: (await getPublishableKeyForSlug(db, "notify-store"))!,
  };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const add = async (email: string, name: string, roles: Array<[string, "admin" | "lead" | "agent"]>) => {
    await db.insert(users).values({ email, name, passwordHash }).onConflictDoNothing({ target: users.email });
    const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
    if (!user) throw new Error(`missing user ${email}`);
    for (const [accountId, role] of roles) {
      await db.insert(memberships).values({ accountId, userId: user.id, role }).onConflictDoNothing();
    }
    return user.id;
  };
  await add("switcher@e2e.test", "Sam Switcher", [
    [fixtures.demoStoreId, "agent"],
    [fixtures.otherStoreId, "lead"],
  ]);
  await add("locked@e2e.test", "Lou Locked", [[fixtures.otherStoreId, "agent"]]);
  // portuguese.spec.ts: Demo Store (which has history for the overview) seen from a Portuguese
  // browser (and E2E Store's handed-off conversations), and a user who switches language.
  await add("pt-admin@e2e.test", "Paula Prado", [
    [fixtures.demoStoreId, "admin"],
    [e2eStoreId, "agent"],
  ]);
  await add("lang-switch@e2e.test", "Lia Lopes", [[fixtures.demoStoreId, "admin"]]);
  await add("outsider@e2e.test", "Oz Outsider", [[fixtures.otherStoreId, "agent"]]);
  // Signs out everywhere in auth.spec.ts: nobody else may use this user.
  await add("everywhere@e2e.test", "Eva Everywhere", [[fixtures.otherStoreId, "agent"]]);
  await add("admin@e2e.test", "Eve Admin", [[fixtures.e2eStoreId, "admin"]]);
  await add("lead@e2e.test", "Lena Lead", [[fixtures.e2eStoreId, "lead"]]);
  await add("agent1@e2e.test", "Ari One", [[fixtures.e2eStoreId, "agent"]]);
  await add("agent2@e2e.test", "Bo Two", [[fixtures.e2eStoreId, "agent"]]);
  await add("hours-admin@e2e.test", "Hana Hours", [[hoursStoreId, "admin"]]);
  await add("hours-lead@e2e.test", "Hugo Hours", [[hoursStoreId, "lead"]]);
  await add("hours-agent@e2e.test", "Hal Hours", [[hoursStoreId, "agent"]]);
  await add("phone-agent@e2e.test", "Pat Phone", [[phoneStoreId, "agent"]]);
  await add("phone-admin@e2e.test", "Pam Phone", [[phoneStoreId, "admin"]]);
  await add("sms-admin@e2e.test", "Sid Sms", [[smsStoreId, "admin"]]);
  // keyboard.spec.ts connects Zendesk, saves the Handoff tab and works a conversation by keyboard,
  // once at a desktop's size and once at a phone's, each in an account of its own.
  for (const device of ["desktop", "phone"]) {
    await db
      .insert(accounts)
      .values({ slug: `keys-${device}`, name: `Keys Store (${device})` })
      .onConflictDoNothing();
    const keysStoreId = await idOf(`keys-${device}`);
    keysConversationIds[device] = await handoff(`e2e-keys-${device}`, "Kai Keys", "kai.keys@example.com", "Can I get the invoice as a PDF?", keysStoreId);
    await add(`keys-admin-${device}@e2e.test`, "Kim Keys", [[keysStoreId, "admin"]]);
    await add(`keys-agent-${device}@e2e.test`, "Kit Keys", [[keysStoreId, "agent"]]);
  }
  await add("switch-admin@e2e.test", "Sol Switch", [[switchStoreId, "admin"]]);
  await add("notify-admin@e2e.test", "Nia Notify", [[notifyStoreId, "admin"]]);
  const notifyOn = await add("notify-on@e2e.test", "Otto Available", [[notifyStoreId, "agent"]]);
  const notifyAway = await add("notify-away@e2e.test", "Ada Away", [[notifyStoreId, "agent"]]);
  await touchPresence(db, { accountId: notifyStoreId, userId: notifyOn, seenAt: new Date(), status: "available" });
  await touchPresence(db, { accountId: notifyStoreId, userId: notifyAway, seenAt: new Date(), status: "away" });
  await add("switch-lead@e2e.test", "Lux Switch", [[switchStoreId, "lead"]]);
  // Demo Store's agent is on duty for the whole run, as if their inbox were open (the server runs
  // with a day-long presence timeout): the shopper specs expect a human to be available.
  const [demoAgent] = await db.select({ id: users.id }).from(users).where(eq(users.email, "agent@demo.test"));
  await touchPresence(db, { accountId: fixtures.demoStoreId, userId: demoAgent!.id, seenAt: new Date(), status: "available" });
  fs.mkdirSync(path.dirname(fixturesFile), { recursive: true });
  fs.writeFileSync(fixturesFile, JSON.stringify(fixtures));
}
