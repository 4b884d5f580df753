import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { createAccountWithMembers, openTestDatabase } from "@/db/testing/test-database";
import { startGorgiasSimulator, type GorgiasSimulator } from "@/e2e/simulators/gorgias";
import { resetEnvForTests } from "@/lib/env";
import { shopperTexts } from "@/lib/i18n/shopper-texts";
import { connectGorgias } from "@/lib/helpdesks/gorgias/connect";
import { createEscalation } from "@/lib/services/escalations";
import { deliverNow } from "@/lib/services/escalation-delivery";
import { saveHandoffSettings } from "@/lib/services/handoff-settings";
import { saveAccountLanguages } from "@/lib/services/shopper-language";

let handle: DatabaseHandle;
let gorgias: GorgiasSimulator;
const saved = { ...process.env };
beforeAll(async () => {
  handle = await openTestDatabase();
  gorgias = await startGorgiasSimulator();
  gorgias.addAccount({ domain: "chan", users: [{ email: "agent@chan.test", name: "Agent", role: "agent", apiKey: "key" }] });
  Object.assign(process.env, { BATON_ENCRYPTION_KEY: randomBytes(32).toString("base64"), GORGIAS_URL_TEMPLATE: gorgias.urlTemplate });
  resetEnvForTests();
});
afterAll(async () => {
  process.env = { ...saved };
  resetEnvForTests();
  await Promise.all([handle.close(), gorgias.close()]);
});

describe("the channel the team replies on", () => {
  it("web chat continues by email and SMS by SMS in Gorgias, and nothing is sent out at creation", async () => {
    const { account, members } = await createAccountWithMembers(handle);
    const actor = { accountId: account.id, userId: members[0]!.id };
    await connectGorgias(handle.db, actor, { domain: "chan", email: "agent@chan.test", apiKey: "key" });
    await saveHandoffSettings(handle.db, { ...actor, input: { method: "helpdesk", destination: "gorgias", version: 0 } });
    const at = new Date().toISOString();
    for (const [channel, shopper] of [
      ["web_chat", { email: "web@example.com" }],
      ["sms", { email: "sms@example.com", phone: "+14155550123" }],
    ] as const) {
      const { body } = await createEscalation(handle.db, {
        accountId: account.id,
        idempotencyKey: `chan-${channel}`,
        texts: shopperTexts("en"),
        input: { channel, consent: true, shopper, transcript: [{ role: "shopper", text: `Help via ${channel}`, at }] },
      });
      expect(await deliverNow(handle.db, body.escalationId!)).toBe("delivered");
    }
    const tickets = JSON.stringify(gorgias.tickets("chan"));
    expect(tickets).toMatch(/"channel":"email"[\s\S]*web@example\.com|web@example\.com[\s\S]*"channel":"email"/);
    expect(tickets).toContain('"channel":"sms"');
    expect(tickets).toContain("+14155550123");
    expect(gorgias.outbox("chan")).toEqual([]);
  });

  it("writes the ticket's headings in the account's language and keeps the transcript as written", async () => {
    const { account, members } = await createAccountWithMembers(handle);
    const actor = { accountId: account.id, userId: members[0]!.id };
    await connectGorgias(handle.db, actor, { domain: "chan", email: "agent@chan.test", apiKey: "key" });
    await saveHandoffSettings(handle.db, { ...actor, input: { method: "helpdesk", destination: "gorgias", version: 0 } });
    await saveAccountLanguages(handle.db, { accountId: account.id, input: { locale: "pt-BR", shopperLocale: "auto" } });
    const { body } = await createEscalation(handle.db, {
      accountId: account.id,
      idempotencyKey: "chan-pt",
      texts: shopperTexts("es"),
      input: {
        channel: "web_chat",
        consent: true,
        shopper: { email: "lucia@example.es", name: "Lucía" },
        transcript: [{ role: "shopper", text: "¿Puedo cambiar el grabado?", at: new Date().toISOString() }],
      },
    });
    expect(await deliverNow(handle.db, body.escalationId!)).toBe("delivered");
    const ticket = JSON.stringify(gorgias.tickets("chan").at(-1));
    expect(ticket).toContain("Chat do site: ¿Puedo cambiar el grabado?");
    expect(ticket).toContain("Transferido pelo Customer Agent do Baton (chat do site).");
    expect(ticket).toContain("Nome: Lucía");
    expect(ticket).toContain("Transcrição:");
    expect(ticket).toContain("Cliente: ¿Puedo cambiar el grabado?");
    // The shopper's own line stays Spanish; Baton's message to them was Spanish too.
    expect(ticket).toContain("Customer Agent: ¡Gracias! He creado una solicitud para nuestro equipo.");
  });
});
