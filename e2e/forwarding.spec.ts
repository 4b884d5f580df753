import { expect, test } from "@playwright/test";
import { basic, connectAsDestination, handOff, signedIn, simulators } from "./support/handoff";

// Failed forwards and how the merchant gets them through: Retry now on the conversation, Retry
// now in the Deliveries list filtered to failed ones, and Retry all failed once Zendesk accepts
// tickets again. The Zendesk simulator is told to refuse the next creates (403: permanent, so each
// fails at once), then recovers by itself.
test.describe.configure({ mode: "serial" });

test("a failed forward is retried from the conversation, from the failed filter, and with Retry all failed", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const admin = await signedIn(browser, "admin@demo.test");
  await connectAsDestination(admin, "zendesk");
  const card = admin.getByRole("region", { name: "Zendesk" });
  try {
    // The card says where this Zendesk really is (the simulator, per ZENDESK_URL_TEMPLATE).
    await admin.goto("/integrations");
    await expect(card.getByText(new RegExp(`^127\\.0\\.0\\.1:\\d+/demo-store$`))).toBeVisible();

    const refused = await page.request.post(`${simulators.zendesk}/__simulator/fail-next`, { data: { status: 403, times: 3, path: "/api/v2/tickets" } });
    expect(refused.ok()).toBe(true);
    const shoppers = ["retry-conversation", "retry-list", "retry-all"].map((s) => `${s}.shopper@example.com`);
    for (const email of shoppers) {
      const shopper = await browser.newPage();
      await handOff(shopper, `Can you engrave it for ${email}?`, email);
      await shopper.close();
    }

    // The failed filter lists the three (newest first, beside the demo history's failed forwards).
    const ours = (page: typeof admin) => page.getByTestId("delivery").filter({ hasText: /retry-(conversation|list|all)\.shopper@example\.com/ });
    await expect(async () => {
      await admin.goto("/integrations?status=failed");
      await expect(ours(admin)).toHaveCount(3, { timeout: 1000 });
    }).toPass({ timeout: 30_000 });
    await expect(admin.getByTestId("delivery-filter-failed")).toHaveAttribute("aria-current", "page");
    for (const status of await admin.getByTestId("delivery").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-status"))))
      expect(status).toBe("failed");

    // 1. Retry now on the conversation page.
    await admin.goto("/inbox");
    await admin.getByRole("row").filter({ hasText: shoppers[0]! }).getByRole("link").first().click();
    const banner = admin.getByTestId("forwarding-failed");
    await expect(banner).toContainText("Forwarding to Zendesk failed");
    await banner.getByRole("button", { name: "Retry now" }).click();
    await expect(banner).toHaveCount(0, { timeout: 15_000 });

    // 2. Retry now from the Deliveries list filtered to failed ones.
    await admin.goto("/integrations?status=failed");
    await expect(ours(admin)).toHaveCount(2);
    const row = admin.getByTestId("delivery").filter({ hasText: shoppers[1]! });
    await row.getByRole("button", { name: "Retry now" }).click();
    await expect(async () => {
      await admin.goto("/integrations?status=delivered");
      await expect(admin.getByTestId("delivery").filter({ hasText: shoppers[1]! })).toHaveCount(1, { timeout: 1000 });
    }).toPass({ timeout: 15_000 });

    // 3. Zendesk works again: Retry all failed sends the last one.
    await admin.goto("/integrations");
    await admin.getByRole("button", { name: /^Retry all failed for Zendesk \(\d+\)$/ }).click();
    // The failed ones are queued again: the button goes with them.
    await expect(admin.getByRole("button", { name: /^Retry all failed for Zendesk/ })).toHaveCount(0);
    await expect(async () => {
      await admin.goto("/integrations?status=delivered");
      await expect(admin.getByTestId("delivery").filter({ hasText: shoppers[2]! })).toHaveCount(1, { timeout: 1000 });
    }).toPass({ timeout: 30_000 });
    await admin.goto("/integrations?status=failed");
    await expect(ours(admin)).toHaveCount(0);
  } finally {
    await admin.goto("/integrations");
    await card.getByRole("button", { name: "Disconnect" }).click();
    await card.getByRole("button", { name: "Disconnect" }).click();
    await expect(card.getByRole("status")).toContainText("Zendesk was disconnected.");
  }
});

test("a read-only (observer) Gorgias key is refused at onboarding with a clear message", async ({ browser }) => {
  const admin = await signedIn(browser, "admin@other.test");
  await admin.goto("/integrations");
  await admin.getByRole("button", { name: "Connect Gorgias" }).click();
  const dialog = admin.getByRole("dialog", { name: "Connect Gorgias" });
  await dialog.getByLabel("Gorgias domain").fill("demo-store");
  await dialog.getByLabel("Username (email)").fill("observer@demo-store.test");
  await dialog.getByLabel("API key").fill("demo-observer-key");
  await dialog.getByRole("button", { name: "Verify and connect" }).click();
  await expect(dialog.getByRole("alert")).toHaveText("This Gorgias user can't create tickets. Use an agent or admin.");
});

// A texter Baton knows only by their number: Gorgias refuses a customer with an empty email, so
// Baton finds or creates the customer by their phone channel and names them by id on the ticket.
test("an SMS shopper known only by phone reaches Gorgias as a customer with that phone", async ({ browser }) => {
  test.setTimeout(90_000);
  const admin = await signedIn(browser, "sms-admin@e2e.test");
  await admin.goto("/integrations");
  await admin.getByRole("button", { name: "Connect Gorgias" }).click();
  const dialog = admin.getByRole("dialog", { name: "Connect Gorgias" });
  await dialog.getByLabel("Gorgias domain").fill("demo-store");
  await dialog.getByLabel("Username (email)").fill("agent@demo-store.test");
  await dialog.getByLabel("API key").fill("demo-gorgias-key");
  await dialog.getByLabel("Store SMS number (optional)").fill("+14155550100");
  await dialog.getByRole("button", { name: "Verify and connect" }).click();
  await dialog.getByRole("button", { name: "Done" }).click();
  await admin.goto("/customer-agent/settings/handoff");
  await admin.getByLabel("Send to a helpdesk").check();
  await admin.getByLabel(/^Gorgias/).check();
  await admin.getByRole("button", { name: "Save" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();

  // The store's SMS gateway holds the secret key the admin issues on the Widget tab.
  await admin.goto("/customer-agent/settings/widget");
  const secretForm = admin.locator("form").filter({ has: admin.locator('input[value="secret"]') });
  await secretForm.getByRole("button", { name: "Rotate" }).click();
  await secretForm.getByRole("button", { name: "Yes, rotate" }).click();
  const sk = (await admin.getByTestId("new-secret-key").textContent())!;
  expect(sk).toMatch(/^sk_/);

  const phone = "+14155550177";
  const sent = await admin.request.post("/api/widget/v1/escalations", {
    headers: { Authorization: `Bearer ${sk}`, "Idempotency-Key": "sms-phone-only-1" },
    data: {
      channel: "sms",
      consent: true,
      shopper: { phone },
      transcript: [
        { role: "shopper", text: "Where is my parcel?", at: new Date(Date.now() - 60_000).toISOString() },
        { role: "assistant", text: "It left the warehouse on Monday.", at: new Date(Date.now() - 30_000).toISOString() },
        { role: "shopper", text: "It still has not arrived.", at: new Date().toISOString() },
      ],
    },
  });
  expect(sent.status()).toBe(201);

  // The merchant sees the handoff delivered, named by the texter's number, with its ticket.
  const row = admin.getByTestId("delivery").filter({ hasText: phone });
  await expect(async () => {
    await admin.goto("/integrations?status=delivered");
    await expect(row).toHaveCount(1, { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  const link = row.getByRole("link", { name: /^Gorgias ticket #\d+$/ });
  const ticketId = /#(\d+)$/.exec((await link.textContent())!)![1];

  // What Gorgias holds, asked through its own API: one customer with that phone and no email,
  // and the ticket on the SMS channel naming that customer by id, the texter's words from them.
  const auth = { Authorization: basic("agent@demo-store.test", "demo-gorgias-key") };
  const found = await admin.request.get(`${simulators.gorgias}/api/customers`, { headers: auth, params: { channel_type: "phone", channel_address: phone } });
  expect(found.ok()).toBe(true);
  const { data: customers } = (await found.json()) as { data: Array<{ id: number; email: string | null; channels: Array<{ type: string; address: string }> }> };
  expect(customers).toHaveLength(1);
  const customer = customers[0]!;
  expect(customer.email).toBeNull();
  expect(customer.channels).toEqual([expect.objectContaining({ type: "phone", address: phone })]);
  const shown = await admin.request.get(`${simulators.gorgias}/api/tickets/${ticketId}`, { headers: auth });
  expect(shown.ok()).toBe(true);
  const ticket = (await shown.json()) as {
    channel: string;
    customer: { id: number };
    messages: Array<{ public: boolean; from_agent: boolean; sender: { id: number }; body_text: string }>;
  };
  expect(ticket.channel).toBe("sms");
  expect(ticket.customer.id).toBe(customer.id);
  const said = ticket.messages.find((m) => m.public && !m.from_agent);
  expect(said?.sender.id).toBe(customer.id);
  expect(said?.body_text).toContain("It still has not arrived.");
});
