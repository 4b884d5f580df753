import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDatabaseForTests, type DatabaseHandle } from "@/db/client";
import { listConversationEmails } from "@/db/queries/email-outbox";
import { conversations } from "@/db/schema/conversations";
import { openTestDatabase } from "@/db/testing/test-database";
import { call, widgetAccount } from "@/db/testing/widget-api";
import * as config from "@/app/api/widget/v1/config/route";
import * as start from "@/app/api/widget/v1/conversations/route";
import * as messages from "@/app/api/widget/v1/conversations/[id]/messages/route";
import * as handoff from "@/app/api/widget/v1/conversations/[id]/handoff/route";
import * as escalations from "@/app/api/widget/v1/escalations/route";
import { alwaysOpen } from "@/lib/availability/rules";
import { setPresence } from "@/lib/services/availability";
import { saveBusinessHours } from "@/lib/services/business-hours";
import { replyToConversation } from "@/lib/services/inbox";
import { saveHandoffSettings } from "@/lib/services/handoff-settings";
import { saveAccountLanguages } from "@/lib/services/shopper-language";
import { saveHandoffSchema } from "@/lib/validation/handoff";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
  useDatabaseForTests(handle);
});
afterAll(() => handle.close());

const configFor = (pk: string, options: { locale?: string; acceptLanguage?: string }) =>
  call(config.GET, {
    key: pk,
    query: options.locale ? `?locale=${encodeURIComponent(options.locale)}` : "",
    headers: options.acceptLanguage ? { "accept-language": options.acceptLanguage } : {},
  });

describe("the shopper's language", () => {
  it("is the page's data-locale, else the browser's best supported language, else the account's default", async () => {
    const { pk, account } = await widgetAccount(handle);
    const texts = async (options: { locale?: string; acceptLanguage?: string }) => {
      const res = await configFor(pk, options);
      expect(res.status).toBe(200);
      return res.json as unknown as { locale: string; texts: Record<string, string>; webChat: { consentLabel: string } };
    };
    expect(await texts({ locale: "pt-BR", acceptLanguage: "es-ES,es;q=0.9" })).toMatchObject({
      locale: "pt-BR",
      webChat: { consentLabel: "Sim, quero falar com um atendente" },
    });
    expect(await texts({ locale: "pt", acceptLanguage: "de" })).toMatchObject({ locale: "pt-BR" });
    // An unsupported data-locale falls through to the browser's languages, in quality order.
    expect(await texts({ locale: "ja", acceptLanguage: "ja-JP, fr-CA;q=0.8, es;q=0.9" })).toMatchObject({
      locale: "es",
      texts: { send: "Enviar", widgetTitle: "Chatea con nosotros" },
    });
    expect(await texts({ acceptLanguage: "fr-CA,fr;q=0.9,en;q=0.8" })).toMatchObject({
      locale: "fr",
      webChat: { consentLabel: "Oui, je veux parler à un conseiller" },
    });
    expect(await texts({ acceptLanguage: "de-AT" })).toMatchObject({ locale: "de" });
    // Nothing supported: the account's default shopper language (automatic = the account's language).
    expect(await texts({ acceptLanguage: "ja, zh;q=0.5" })).toMatchObject({ locale: "en", texts: { send: "Send" } });
    await saveAccountLanguages(handle.db, { accountId: account.id, input: { locale: "pt-BR", shopperLocale: "auto" } });
    expect(await texts({ acceptLanguage: "ja" })).toMatchObject({ locale: "pt-BR", texts: { send: "Enviar" } });
    await saveAccountLanguages(handle.db, { accountId: account.id, input: { locale: "pt-BR", shopperLocale: "de" } });
    expect(await texts({})).toMatchObject({ locale: "de", texts: { send: "Senden" } });
    expect(await texts({ acceptLanguage: "en-US" })).toMatchObject({ locale: "en" });
  });

  it("refuses a malformed data-locale with a stable error", async () => {
    const { pk } = await widgetAccount(handle);
    const res = await configFor(pk, { locale: "<script>" });
    expect(res.status).toBe(422);
    expect(res.json.error).toMatchObject({ code: "validation_failed", fields: { locale: ["invalid_locale"] } });
    const started = await call(start.POST, { key: pk, body: { channel: "web_chat", locale: "x".repeat(80) } });
    expect(started.status).toBe(422);
  });

  it("is stored on the conversation: every later step speaks it, whatever the later requests' browser says", async () => {
    const { pk, account } = await widgetAccount(handle);
    const res = await call(start.POST, { key: pk, body: { channel: "web_chat", locale: "pt-BR" }, headers: { "accept-language": "en-US" } });
    expect(res.json).toMatchObject({ locale: "pt-BR" });
    const c = res.json as unknown as { id: string; token: string };
    const english = { "accept-language": "en-US,en" };
    const offer = await call(messages.POST, {
      key: pk,
      params: { id: c.id },
      token: c.token,
      body: { text: "Posso mudar o endereço de entrega?" },
      headers: english,
    });
    expect(offer.json.reply).toEqual({
      type: "handoff_offer",
      text: "Não tenho certeza sobre isso. Quer que eu chame alguém da nossa equipe?",
      consentLabel: "Sim, quero falar com um atendente",
      declineLabel: "Não, obrigado",
    });
    const email = await call(handoff.POST, { key: pk, params: { id: c.id }, token: c.token, body: { consent: true }, headers: english });
    expect(email.json.reply).toMatchObject({ type: "email_required", text: "Para a nossa equipe falar com você, qual é o seu e-mail?" });
    const done = await call(handoff.POST, {
      key: pk,
      params: { id: c.id },
      token: c.token,
      body: { consent: true, email: "ana@exemplo.com.br" },
      headers: english,
    });
    expect(done.json.reply).toMatchObject({
      type: "handed_to_inbox",
      text: "Pronto! Enviei sua conversa para a nossa equipe. Alguém vai responder aqui mesmo.",
    });
    const [row] = await handle.db.select({ locale: conversations.locale }).from(conversations).where(eq(conversations.id, c.id));
    expect(row!.locale).toBe("pt-BR");
    void account;
  });

  it("writes the agent's reply email and the auto-reply in the stored language", async () => {
    const { pk, account, admin } = await widgetAccount(handle, { staffed: false });
    const res = await call(start.POST, {
      key: pk,
      body: { channel: "web_chat", shopper: { name: "Ana", email: "ana@exemplo.com.br" } },
      headers: { "accept-language": "pt-BR,pt;q=0.9,en;q=0.5" },
    });
    const c = res.json as unknown as { id: string; token: string };
    await call(messages.POST, { key: pk, params: { id: c.id }, token: c.token, body: { text: "A gravação é feita à mão?" } });
    const done = await call(handoff.POST, { key: pk, params: { id: c.id }, token: c.token, body: { consent: true } });
    expect(done.json.reply).toMatchObject({ type: "handed_to_inbox", followUp: "email" });
    expect(String((done.json.reply as { text: string }).text)).toContain(
      "Eles vão te responder por e-mail em ana@exemplo.com.br. No momento não há ninguém da equipe disponível. Voltamos em breve.",
    );

    const agent = { accountId: account.id, userId: admin.id, name: "Caio" };
    await setPresence(handle.db, agent, "available");
    await replyToConversation(handle.db, agent, c.id, "Sim, todas as gravações são feitas à mão.");
    const [sent] = await listConversationEmails(handle.db, { accountId: account.id, conversationId: c.id });
    expect(sent).toMatchObject({ toAddress: "ana@exemplo.com.br", subject: `Re: sua pergunta para ${account.name}` });
    // The reply, then the conversation so far quoted below it, every label in Portuguese.
    expect(sent!.body.startsWith(`Oi, Ana,\n\nSim, todas as gravações são feitas à mão.\n\nCaio, ${account.name}\n\nAntes nesta conversa:\n`)).toBe(true);
    expect(sent!.body).toMatch(/> Você · \d+ de dez\. de \d{4}, \d{2}:\d{2} UTC\n> A gravação é feita à mão\?/);
    expect(sent!.body).toContain(`> Assistente de ${account.name} · `);
    expect(sent!.body).not.toMatch(/\b(You|Earlier in this conversation)\b/);
  });

  it("speaks the stored language in SMS texts, for the widget flow and POST /escalations alike", async () => {
    const { pk, sk } = await widgetAccount(handle);
    const res = await call(start.POST, { key: pk, body: { channel: "sms", shopper: { phone: "+4915112345678" }, locale: "de" } });
    const c = res.json as unknown as { id: string; token: string };
    const reply = await call(messages.POST, { key: pk, params: { id: c.id }, token: c.token, body: { text: "Kann ich die Gravur ändern?" } });
    expect(reply.json.reply).toMatchObject({
      type: "handed_to_inbox",
      followUp: "sms",
      text: "Ich habe Ihre Frage an unser Team weitergegeben. Sie erhalten die Antwort hier per SMS.",
    });

    const escalated = await call(escalations.POST, {
      key: sk,
      origin: null,
      headers: { "idempotency-key": "sms-es-1", "accept-language": "es-MX" },
      body: {
        channel: "sms",
        shopper: { phone: "+5215512345678" },
        transcript: [{ role: "shopper", text: "¿Puedo cambiar el grabado?", at: new Date().toISOString() }],
      },
    });
    expect(escalated.status).toBe(201);
    const [row] = await handle.db
      .select({ locale: conversations.locale })
      .from(conversations)
      .where(eq(conversations.id, String(escalated.json.conversationId)));
    expect(row!.locale).toBe("es");
  });
});

describe("texts the merchant writes per language", () => {
  it("shows the custom message in the shopper's language when written, else the main one", async () => {
    const { pk, account, admin } = await widgetAccount(handle);
    const links = [{ label: "Help centre", url: "https://shop.example.test/help" }];
    await saveHandoffSettings(handle.db, {
      accountId: account.id,
      userId: admin.id,
      input: {
        method: "message",
        message: "Sorry, I don't know. Try our help centre.",
        links,
        translations: {
          es: { message: "Lo siento, no lo sé. Mira nuestro centro de ayuda.", links: [{ label: "Centro de ayuda", url: "https://shop.example.test/ayuda" }] },
          fr: { message: "", links: [] },
        },
        version: 0,
      },
    });
    const es = (await configFor(pk, { locale: "es" })).json as unknown as { message: { text: string; links: unknown[] } };
    expect(es.message).toEqual({
      text: "Lo siento, no lo sé. Mira nuestro centro de ayuda.",
      links: [{ label: "Centro de ayuda", url: "https://shop.example.test/ayuda" }],
    });
    const fr = (await configFor(pk, { locale: "fr" })).json as unknown as { message: { text: string } };
    expect(fr.message).toEqual({ text: "Sorry, I don't know. Try our help centre.", links });

    const started = await call(start.POST, { key: pk, body: { channel: "web_chat", locale: "es" } });
    const c = started.json as unknown as { id: string; token: string };
    const shown = await call(messages.POST, { key: pk, params: { id: c.id }, token: c.token, body: { text: "¿Hacéis envíos a Marte?" } });
    expect(shown.json.reply).toMatchObject({ type: "message", text: "Lo siento, no lo sé. Mira nuestro centro de ayuda." });
  });

  it("refuses another language's links without its text", () => {
    const parsed = saveHandoffSchema.safeParse({
      method: "message",
      message: "Main",
      links: [],
      translations: { de: { message: " ", links: [{ label: "Hilfe", url: "https://shop.example.test/hilfe" }] } },
      version: 0,
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({ path: ["translations", "de", "message"], message: "message_required" });
  });

  it("uses the auto-reply and the in-hours message of the shopper's language when written, else the main ones", async () => {
    const { pk, account, admin } = await widgetAccount(handle, { staffed: false });
    await saveBusinessHours(handle.db, {
      accountId: account.id,
      userId: admin.id,
      input: {
        timeZone: "America/Sao_Paulo",
        weekly: alwaysOpen,
        exceptions: [],
        autoReply: "We're away. Back {backAt}.",
        inHoursMessage: "Usually within 5 minutes.",
        translations: {
          "pt-BR": { autoReply: "Estamos fora. Voltamos {backAt}.", inHoursMessage: "Em geral, em até 5 minutos." },
          de: { autoReply: null, inHoursMessage: null },
        },
        version: 0,
      },
    });
    const handOff = async (locale: string) => {
      const started = (await call(start.POST, { key: pk, body: { channel: "web_chat", locale, shopper: { email: "s@example.com" } } })).json as unknown as {
        id: string;
        token: string;
      };
      await call(messages.POST, { key: pk, params: { id: started.id }, token: started.token, body: { text: "Posso pagar em ouro?" } });
      return String(
        ((await call(handoff.POST, { key: pk, params: { id: started.id }, token: started.token, body: { consent: true } })).json.reply as { text: string })
          .text,
      );
    };
    expect(await handOff("pt-BR")).toContain("Estamos fora. Voltamos em breve.");
    // No German text: the main (English) one, worded in English throughout.
    expect(await handOff("de")).toContain("We're away. Back soon.");
    await setPresence(handle.db, { accountId: account.id, userId: admin.id }, "available");
    expect(await handOff("pt-BR")).toBe("Pronto! Enviei sua conversa para a nossa equipe. Alguém vai responder aqui mesmo. Em geral, em até 5 minutos.");
    expect(await handOff("fr")).toContain("Usually within 5 minutes.");
  });
});
