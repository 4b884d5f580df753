import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/auth";
import { demoHelpdesks } from "./simulators/demo-seed";
import { ask, basic, connectAsDestination, openChat, signedIn, simulators } from "./support/handoff";

// The shopper's side of the handoff on the demo storefront: the embedded widget answers from the
// demo knowledge, offers a human for what it cannot answer, asks for an email, then hands over.
// Each test is a new shopper (its own page and conversation) on Demo Store, whose handoff settings
// the merchant journey changes first (playwright.config.ts), so they run one after another.
test.describe.configure({ mode: "serial" });

test("a shopper gets an answer from the demo knowledge", async ({ page }) => {
  const panel = await openChat(page);
  await expect(panel.getByText("Hi! Ask me anything about your order, shipping or returns.")).toBeVisible();
  await ask(page, "How long does shipping take?");
  const answer = panel.locator('[data-testid="baton-message"][data-author="assistant"]').last();
  await expect(answer).toContainText(/ship/i);
  await expect(answer).not.toContainText("I'm not sure about that one.");
  await expect(panel.getByTestId("baton-consent-yes")).toHaveCount(0);

  await page.keyboard.press("Escape");
  await expect(panel).toBeHidden();
  await expect(page.getByTestId("baton-bubble")).toBeFocused();
  await expect(page.getByTestId("baton-bubble")).toHaveAttribute("aria-expanded", "false");
});

test("an unknown question is handed to the team after consent and a valid email", async ({ page }) => {
  const panel = await openChat(page);
  await ask(page, "Can I change the engraving on my order?");
  await expect(panel.getByText("Would you like me to connect you with someone from our team?")).toBeVisible();
  await panel.getByRole("button", { name: "Yes, connect me with an agent" }).click();

  await expect(panel.getByText("So our team can reach you, what's your email address?")).toBeVisible();
  const emailForm = panel.getByTestId("baton-email-form");
  await emailForm.getByLabel("Your email address").fill("not-an-email");
  await emailForm.getByRole("button", { name: "Send to the team" }).click();
  await expect(emailForm.getByRole("alert")).toHaveText("Enter a valid email address.");
  await expect(emailForm.getByLabel("Your email address")).toHaveAttribute("aria-invalid", "true");

  await emailForm.getByLabel("Your email address").fill("shopper@example.com");
  await emailForm.getByRole("button", { name: "Send to the team" }).click();
  await expect(panel.getByText("Thanks! I've sent your conversation to our team. Someone will reply right here.")).toBeVisible();
  await expect(emailForm).toHaveCount(0);
  await expect(panel.getByLabel("Your message")).toBeEnabled();

  // A reload continues the same conversation (the panel stays open): the transcript comes back,
  // each message once.
  await page.reload();
  await expect(panel).toBeVisible();
  await expect(panel.getByText("Thanks! I've sent your conversation to our team. Someone will reply right here.")).toHaveCount(1);
  await expect(panel.getByTestId("baton-message").filter({ hasText: "Can I change the engraving on my order?" })).toHaveCount(1);
});

test("a shopper the store signed in is verified: never asked for an email, and the team sees it", async ({ page, browser }) => {
  const panel = await openChat(page, "/demo/store");
  await ask(page, "Can I have my parcel gift-wrapped in red paper?");
  await panel.getByRole("button", { name: "Yes, connect me with an agent" }).click();
  await expect(panel.getByText("Thanks! I've sent your conversation to our team. Someone will reply right here.")).toBeVisible();
  await expect(panel.getByTestId("baton-email-form")).toHaveCount(0);
  const { summary } = await conversationData(page);
  expect(summary.shopper).toMatchObject({ email: "sam.shopper@example.com", profileId: "01GDDKASAP8TKDDA2GRZDSVP4H", verified: true });
  const lead = await signedIn(browser, "lead@demo.test");
  await lead.goto(`/inbox/${summary.id}`);
  await expect(lead.getByTestId("shopper-identity")).toHaveText("Verified");
  await lead.context().close();
});

/** The widget's own conversation, read through the API as the widget would (same page, same key). */
async function conversationData(page: Page) {
  return page.evaluate(async () => {
    const key = document.querySelector<HTMLScriptElement>("script[data-key]")!.dataset.key!;
    const stored = JSON.parse(sessionStorage.getItem(`baton:${key}`)!) as { id: string; token: string };
    const headers = { Authorization: `Bearer ${key}`, "X-Conversation-Token": stored.token };
    const base = `/api/widget/v1/conversations/${stored.id}`;
    const summary = await (await fetch(base, { headers })).json();
    const { events } = await (await fetch(`${base}/events?after=0`, { headers })).json();
    return { summary, events } as {
      summary: {
        id: string;
        status: string;
        shopper: { email: string | null; profileId: string | null; verified: boolean };
        reason: string;
        escalation: { destination: string; status: string } | null;
      };
      events: Array<{ type: string; author: string | null; text: string | null; at: string }>;
    };
  });
}

test("answers given while the previous step is still on its way are not lost", async ({ page }) => {
  // The stream draws the offer and the email form as soon as they are stored; hold back the
  // answers to the question and to the consent, so that the shopper acts while the widget waits.
  await page.route(/\/api\/widget\/v1\/conversations\/[^/]+\/(messages|handoff)$/, async (route) => {
    const response = await route.fetch();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await route.fulfill({ response });
  });
  const panel = await openChat(page);
  await panel.getByLabel("Your message").fill("Do you ship engraved gift boxes to Mars?");
  await panel.getByRole("button", { name: "Send", exact: true }).click();
  await panel.getByRole("button", { name: "Yes, connect me with an agent" }).click();
  const emailForm = panel.getByTestId("baton-email-form");
  await emailForm.getByLabel("Your email address").fill("mars.shopper@example.com");
  await emailForm.getByRole("button", { name: "Send to the team" }).click();
  await expect(panel.getByText("Thanks! I've sent your conversation to our team. Someone will reply right here.")).toBeVisible();
  await expect(emailForm).toHaveCount(0);
});

test("the handoff is in Baton's data with the full transcript, timestamps, email and profile id", async ({ page }) => {
  const panel = await openChat(page);
  await ask(page, "Can I change the engraving on my order?");
  await panel.getByTestId("baton-consent-yes").click();
  const form = panel.getByTestId("baton-email-form");
  await form.getByRole("textbox").fill("sam.shopper@example.com");
  await form.getByRole("button").click();
  await expect(panel.getByText(/sent your conversation to our team/)).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/demo-store-handoff.png" });

  const { summary, events } = await conversationData(page);
  expect(summary).toMatchObject({
    status: "routed",
    reason: "Can I change the engraving on my order?",
    shopper: { email: "sam.shopper@example.com", profileId: "01GDDKASAP8TKDDA2GRZDSVP4H" },
    escalation: { destination: "baton_inbox", status: "in_inbox" },
  });
  const transcript = events.filter((e) => e.type === "message");
  expect(transcript[0]).toMatchObject({ author: "shopper", text: "Can I change the engraving on my order?" });
  expect(transcript.map((m) => m.author)).toEqual(["shopper", "assistant", "assistant", "assistant"]);
  for (const m of transcript) expect(Date.parse(m.at)).toBeGreaterThan(Date.parse("2026-01-01"));
  expect(events.map((e) => e.type)).toContain("handed_to_inbox");
});

test("with the custom-message method the shopper sees the message and its links, and no human is offered", async ({ page, browser }) => {
  const admin = await browser.newPage();
  const setMethod = async (method: "message" | "helpdesk") => {
    await admin.goto("/customer-agent/settings/handoff");
    if (method === "message") {
      await admin.getByLabel("Send a message").check();
      await admin.getByLabel("Message shown to shoppers").fill("Our team can't chat right now. These pages answer most questions:");
      await admin.getByLabel("Link 1 label").fill("Help centre");
      await admin.getByLabel("Link 1 URL").fill("https://help.demo-store.test");
    } else {
      await admin.getByLabel("Send to a helpdesk").check();
      await admin.getByLabel(/Baton Inbox/).check();
    }
    await admin.getByRole("button", { name: "Save" }).click();
    await expect(admin.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  };
  await signIn(admin, "admin@demo.test");
  await setMethod("message");
  try {
    const panel = await openChat(page);
    await ask(page, "Can I pay with gold coins?");
    await expect(panel.getByText("Our team can't chat right now. These pages answer most questions:")).toBeVisible();
    await expect(panel.getByTestId("baton-link").filter({ hasText: "Help centre" })).toHaveAttribute("href", "https://help.demo-store.test");
    await expect(panel.getByTestId("baton-consent-yes")).toHaveCount(0);
    const { summary } = await conversationData(page);
    expect(summary).toMatchObject({ status: "message_shown", escalation: null });
  } finally {
    await setMethod("helpdesk");
  }
});

// Forwarding: the same shopper journey with Zendesk, then Gorgias, as the destination. The
// simulators run beside the e2e server (e2e/support/server.ts) with the demo helpdesk accounts.
for (const helpdesk of ["zendesk", "gorgias"] as const) {
  test(`with ${helpdesk} as the destination the chat ends with the follow-up notice and ${helpdesk} holds one complete ticket`, async ({ page, browser }) => {
    const name = helpdesk === "zendesk" ? "Zendesk" : "Gorgias";
    const admin = await signedIn(browser, "admin@demo.test");
    await connectAsDestination(admin, helpdesk);

    try {
      const panel = await openChat(page);
      const question = `Can you engrave my ${helpdesk} order?`;
      await ask(page, question);
      await panel.getByTestId("baton-consent-yes").click();
      const form = panel.getByTestId("baton-email-form");
      await form.getByRole("textbox").fill(`${helpdesk}.shopper@example.com`);
      await form.getByRole("button").click();
      await expect(panel.getByText(`They'll follow up by email at ${helpdesk}.shopper@example.com.`)).toBeVisible();
      await expect(panel.getByText("This chat has ended.")).toBeVisible();
      await expect(panel.getByLabel("Your message")).toBeDisabled();

      // The merchant sees it delivered, with a link to the ticket.
      await admin.goto("/integrations");
      const row = admin.getByTestId("delivery").filter({ hasText: `${helpdesk}.shopper@example.com` });
      await expect(async () => {
        await admin.reload();
        await expect(row).toHaveAttribute("data-status", "delivered", { timeout: 1000 });
      }).toPass({ timeout: 30_000 });
      const link = row.getByRole("link", { name: new RegExp(`${name} ticket #\\d+`) });
      const ticketId = (await link.textContent())!.match(/#(\d+)/)![1]!;
      expect(await link.getAttribute("href")).toContain(`/${ticketId}`);

      // The helpdesk holds exactly one ticket for it, with the transcript, timestamps, email and profile id.
      const content =
        helpdesk === "zendesk"
          ? await (
              await page.request.get(`${simulators.zendesk}/api/v2/tickets/${ticketId}/comments.json`, {
                headers: { Authorization: basic("agent@demo-store.test/token", "demo-zendesk-token") },
              })
            ).text()
          : await (
              await page.request.get(`${simulators.gorgias}/api/tickets/${ticketId}`, {
                headers: { Authorization: basic("agent@demo-store.test", "demo-gorgias-key") },
              })
            ).text();
      for (const expected of [question, `${helpdesk}.shopper@example.com`, "01GDDKASAP8TKDDA2GRZDSVP4H", "UTC", "Customer Agent:"]) {
        expect(content, expected).toContain(expected);
      }
      // Exactly one ticket carries this conversation's id (Baton's external_id).
      const auth = helpdesk === "zendesk" ? basic("agent@demo-store.test/token", "demo-zendesk-token") : basic("agent@demo-store.test", "demo-gorgias-key");
      const ticketUrl = helpdesk === "zendesk" ? `${simulators.zendesk}/api/v2/tickets/${ticketId}.json` : `${simulators.gorgias}/api/tickets/${ticketId}`;
      const ticket = (await (await page.request.get(ticketUrl, { headers: { Authorization: auth } })).json()) as {
        ticket?: { external_id: string };
        external_id?: string;
      };
      const externalId = helpdesk === "zendesk" ? ticket.ticket!.external_id : ticket.external_id!;
      const listUrl =
        helpdesk === "zendesk"
          ? `${simulators.zendesk}/api/v2/tickets.json?external_id=${externalId}`
          : `${simulators.gorgias}/api/tickets?external_id=${externalId}`;
      const list = (await (await page.request.get(listUrl, { headers: { Authorization: auth } })).json()) as { tickets?: unknown[]; data?: unknown[] };
      expect((helpdesk === "zendesk" ? list.tickets : list.data)!.length).toBe(1);
      await admin.screenshot({ path: `test-results/screenshots/deliveries-${helpdesk}.png`, fullPage: true });
    } finally {
      // Disconnecting the destination puts Demo Store back on Baton Inbox for the next test.
      await admin.goto("/integrations");
      const card = admin.getByRole("region", { name });
      await card.getByRole("button", { name: "Disconnect" }).click();
      await card.getByRole("button", { name: "Disconnect" }).click();
      await expect(card.getByRole("status")).toContainText(`${name} was disconnected.`);
    }
  });
}

test("revoked Zendesk credentials: the escalation is kept in Baton as forwarding failed within a minute, and the merchant sees why", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000); // it may wait up to the minute the issue allows, then cleans up
  const admin = await signedIn(browser, "admin@demo.test");
  await connectAsDestination(admin, "zendesk");
  // Someone revokes every token in Zendesk after Baton connected.
  expect((await page.request.post(`${simulators.zendesk}/__simulator/revoke-all-tokens`)).ok()).toBe(true);

  try {
    const panel = await openChat(page);
    await ask(page, "Can you engrave a revoked order?");
    await panel.getByTestId("baton-consent-yes").click();
    const form = panel.getByTestId("baton-email-form");
    await form.getByRole("textbox").fill("revoked.shopper@example.com");
    await form.getByRole("button").click();
    await expect(panel.getByText("This chat has ended.")).toBeVisible();
    const escalatedAt = Date.now();

    await admin.goto("/integrations");
    const row = admin.getByTestId("delivery").filter({ hasText: "revoked.shopper@example.com" });
    await expect(async () => {
      await admin.reload();
      await expect(row).toHaveAttribute("data-status", "failed", { timeout: 1000 });
    }).toPass({ timeout: 60_000 });
    expect(Date.now() - escalatedAt).toBeLessThan(60_000);
    await expect(row).toContainText("Forwarding failed · in Baton Inbox");
    await expect(row).toContainText("Zendesk: credentials were refused");
    await expect(row.getByRole("button", { name: "Retry now" })).toBeVisible();
  } finally {
    // The demo agent gets its token back, so later specs can connect the demo Zendesk again.
    const { email, apiToken } = demoHelpdesks.zendesk;
    expect((await page.request.post(`${simulators.zendesk}/__simulator/issue-token`, { data: { email, apiToken } })).ok()).toBe(true);
    await admin.goto("/integrations");
    const card = admin.getByRole("region", { name: "Zendesk" });
    await card.getByRole("button", { name: "Disconnect" }).click();
    await card.getByRole("button", { name: "Disconnect" }).click();
    await expect(card.getByRole("status")).toContainText("Zendesk was disconnected.");
  }
});

test("live pickup: the agent sees the handoff without reloading, claims, replies; the shopper sees it and answers; the agent closes", async ({
  page,
  browser,
}) => {
  const agent = await signedIn(browser, "agent@demo.test");
  const lead = await signedIn(browser, "lead@demo.test");
  for (const inbox of [agent, lead]) {
    await inbox.goto("/inbox?assignee=unassigned&state=open");
    // The inbox listens on its server-sent event stream (no polling while it is up).
    await expect(inbox.getByTestId("inbox-live")).toHaveAttribute("data-live", "true");
  }

  const panel = await openChat(page);
  await ask(page, "Is the engraving done by hand?");
  await panel.getByTestId("baton-consent-yes").click();
  const form = panel.getByTestId("baton-email-form");
  await form.getByRole("textbox").fill("live.shopper@example.com");
  await form.getByRole("button").click();
  await expect(panel.getByText(/sent your conversation to our team/)).toBeVisible();

  // Appears in every open inbox within 2 seconds, without a reload.
  for (const inbox of [agent, lead]) {
    await expect(inbox.getByTestId("inbox-row").filter({ hasText: "live.shopper@example.com" })).toBeVisible({ timeout: 2_000 });
    await expect(inbox.getByTestId("inbox-badge")).toBeVisible();
  }
  const row = agent.getByTestId("inbox-row").filter({ hasText: "live.shopper@example.com" });
  await row.getByRole("link").click();
  await expect(agent.getByTestId("transcript")).toContainText("Is the engraving done by hand?");
  await agent.getByRole("button", { name: "Claim" }).click();
  await agent.getByLabel("Reply to the shopper").fill("Hi! Yes, every engraving is done by hand in our workshop.");
  await agent.getByRole("button", { name: "Send reply" }).click();

  await expect(panel.locator('[data-testid="baton-message"][data-author="human"]')).toContainText("every engraving is done by hand", { timeout: 15_000 });
  await ask(page, "Lovely, thank you!");
  await expect(agent.getByTestId("transcript")).toContainText("Lovely, thank you!", { timeout: 15_000 });
  await agent.screenshot({ path: "test-results/screenshots/inbox-conversation.png", fullPage: true });
  await agent.getByRole("button", { name: "Close conversation" }).click();
  await agent.getByRole("button", { name: "Yes, close it" }).click();
  await expect(agent.getByText("This conversation is closed.")).toBeVisible();
  await expect(lead.getByTestId("inbox-row").filter({ hasText: "live.shopper@example.com" })).toBeHidden();
});
