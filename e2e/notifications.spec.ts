import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { DEMO_PASSWORD, signIn } from "./support/auth";
import { readFixtures } from "./support/fixture-ids";
import { phone } from "./support/screens";

// Agents notified (issue 15) on Notify Store, an account of this spec's own: Otto is Available,
// Ada is Away (e2e/support/fixtures.ts). The browser's Notification API is replaced by a recorder
// that grants permission, so what each agent's tab would show can be read back.
test.describe.configure({ mode: "serial" });

type Recorded = { title: string; body: string | undefined; tag: string | undefined };

/** Installs the recorder before any page script: `window.__notifications` holds every notification made. */
async function recordNotifications(page: Page) {
  await page.addInitScript(() => {
    const made: Array<{ title: string; body?: string; tag?: string; onclick: (() => void) | null; close: () => void }> = [];
    class RecordingNotification {
      static permission: NotificationPermission = "default";
      static requestPermission() {
        RecordingNotification.permission = "granted";
        return Promise.resolve<NotificationPermission>("granted");
      }
      title: string;
      body?: string;
      tag?: string;
      onclick: (() => void) | null = null;
      constructor(title: string, options: NotificationOptions = {}) {
        this.title = title;
        this.body = options.body;
        this.tag = options.tag;
        made.push(this);
      }
      close() {}
    }
    Object.assign(window, { Notification: RecordingNotification, __notifications: made });
  });
}

const recorded = (page: Page) =>
  page.evaluate(() => (window as unknown as { __notifications: Recorded[] }).__notifications.map(({ title, body, tag }) => ({ title, body, tag })));

async function agent(browser: Browser, email: string, path: string) {
  const page = await browser.newPage();
  await recordNotifications(page);
  await signIn(page, email);
  await page.goto(path);
  await expect(page.getByTestId("inbox-live")).toHaveAttribute("data-live", "true");
  return page;
}

/** A shopper on Notify Store's widget asks something and accepts a human (the widget's own API). */
async function handOff(request: APIRequestContext, baseURL: string, email: string, question: string) {
  const headers = { Authorization: `Bearer ${readFixtures().notifyStoreKey}`, Origin: baseURL };
  const started = await request.post("/api/widget/v1/conversations", { headers, data: { channel: "web_chat", shopper: { email } } });
  expect(started.status()).toBe(201);
  const { id, token } = (await started.json()) as { id: string; token: string };
  const conversation = { ...headers, "X-Conversation-Token": token };
  expect((await request.post(`/api/widget/v1/conversations/${id}/messages`, { headers: conversation, data: { text: question } })).ok()).toBe(true);
  const handoff = await request.post(`/api/widget/v1/conversations/${id}/handoff`, { headers: conversation, data: { consent: true } });
  expect(handoff.ok()).toBe(true);
  return id;
}

test("a new handoff notifies the Available agent only, counts in the tab title and opens the conversation", async ({ browser, request, baseURL }) => {
  // Two agents sign in: near 30 s alone; at load average 25-30 a sign-in's click alone took 13 s.
  test.setTimeout(180_000);
  // Otto works elsewhere in the dashboard (notifications work on every page); Ada has the inbox open.
  const otto = await agent(browser, "notify-on@e2e.test", "/customer-agent/knowledge");
  const ada = await agent(browser, "notify-away@e2e.test", "/inbox");
  await expect(ada.getByTestId("presence-control")).toHaveAttribute("data-status", "away");
  for (const page of [otto, ada]) {
    // Asked only on the button, never on load.
    await expect(page.getByTestId("notification-control")).toHaveAttribute("data-state", "off");
    await page.getByRole("button", { name: "Turn on notifications" }).click();
    await expect(page.getByTestId("notification-control")).toHaveAttribute("data-state", "on");
  }
  await expect(otto).not.toHaveTitle(/^\(\d+\)/);

  const question = "Do you ship to Portugal before Christmas?";
  const conversationId = await handOff(request, baseURL!, "nora.notify@example.com", question);
  await expect.poll(() => recorded(otto)).toEqual([{ title: "A shopper is waiting", body: question, tag: `baton-handoff-${conversationId}` }]);
  await expect(otto).toHaveTitle(/^\(1\) .*Baton$/);
  // Ada's tab heard of the handoff (its count moved) but, Away, got no notification.
  await expect(ada).toHaveTitle(/^\(1\) Inbox · Baton$/);
  await expect(ada.getByTestId("inbox-row").filter({ hasText: "nora.notify@example.com" })).toBeVisible();
  expect(await recorded(ada)).toEqual([]);

  // Clicking the notification opens the conversation in Otto's tab.
  await otto.evaluate(() => (window as unknown as { __notifications: Array<{ onclick: () => void }> }).__notifications[0]!.onclick());
  await expect(otto).toHaveURL(new RegExp(`/inbox/${conversationId}$`));
  await otto.getByRole("button", { name: "Claim" }).click();
  await expect(otto).not.toHaveTitle(/^\(\d+\)/);
  await otto.context().close();
  await ada.context().close();
});

test("a handoff unclaimed past a short threshold is marked overdue in the inbox", async ({ browser, request, baseURL }) => {
  test.setTimeout(120_000);
  const admin = await browser.newPage();
  await signIn(admin, "notify-admin@e2e.test");
  await admin.goto("/customer-agent/settings/business-hours");
  const settings = admin.getByTestId("overdue-settings");
  await expect(settings.getByLabel("Alert after (minutes)")).toHaveValue("3");
  await settings.getByLabel("Alert after (minutes)").fill("0.05"); // 3 seconds (OVERDUE_MIN_SECONDS=1 in tests)
  await settings.getByRole("button", { name: "Apply threshold" }).click();
  await expect(settings.getByRole("status").filter({ hasText: "Threshold applied." })).toBeVisible();

  const otto = await agent(browser, "notify-on@e2e.test", "/inbox");
  await handOff(request, baseURL!, "olga.overdue@example.com", "Is my parcel lost?");
  const row = otto.getByTestId("inbox-row").filter({ hasText: "olga.overdue@example.com" });
  await expect(row).toBeVisible();
  // The checker marks it a few seconds later; the live inbox shows it without a reload.
  await expect(row.getByTestId("overdue")).toHaveText("Overdue", { timeout: 20_000 });
  await admin.context().close();
  await otto.context().close();
});

const languages = {
  en: { email: "Email", password: "Password", submit: "Sign in", overdue: "Overdue" },
  "pt-BR": { email: "E-mail", password: "Senha", submit: "Entrar", overdue: "Atrasada" },
} as const;

for (const locale of Object.keys(languages) as Array<keyof typeof languages>) {
  test(`axe: the threshold form, the notification control and an overdue row in ${locale}, at desktop and 390 px`, async ({ browser }) => {
    // axe runs five times (near 60 s alone); a loaded machine needs the room, as for accessibility.spec.ts.
    test.setTimeout(180_000);
    const texts = languages[locale];
    const context = await browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await recordNotifications(page);
    await page.goto("/sign-in");
    await page.getByLabel(texts.email, { exact: true }).fill("notify-admin@e2e.test");
    await page.getByLabel(texts.password, { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: texts.submit, exact: true }).click();
    await expect(page).toHaveURL(/\/customer-agent\/overview$/);
    const violations = async () =>
      (await new AxeBuilder({ page }).analyze()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    for (const [device, viewport] of Object.entries({ desktop: { width: 1280, height: 900 }, phone })) {
      await page.setViewportSize(viewport);
      await page.goto("/customer-agent/settings/business-hours");
      await expect(page.getByTestId("overdue-settings")).toBeVisible();
      expect(await violations(), `business hours ${device}`).toEqual([]);
      await page.goto("/inbox");
      await expect(page.getByTestId("overdue").filter({ hasText: texts.overdue }).first()).toBeVisible();
      expect(await violations(), `inbox ${device}`).toEqual([]);
      if (device === "phone") {
        await page.getByRole("button", { name: "Menu", exact: true }).click();
        await expect(page.getByTestId("notification-control")).toBeVisible();
        expect(await violations(), "menu").toEqual([]);
      }
    }
    await context.close();
  });
}
