// axe-core on every dashboard page, the sign-in page, the connect dialogs and a conversation, in
// both dashboard languages and at desktop and phone sizes: no violation of any impact.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "./support/auth";
import { readFixtures } from "./support/fixture-ids";
import { dashboardPages, phone } from "./support/screens";

const languages = {
  en: { email: "Email", password: "Password", submit: "Sign in", connect: "Connect", admin: "admin@demo.test" },
  "pt-BR": { email: "E-mail", password: "Senha", submit: "Entrar", connect: "Conectar", admin: "pt-admin@e2e.test" },
} as const;
const viewports = { desktop: { width: 1280, height: 900 }, phone } as const;

/** Violations as "rule: target, target" lines, so a failure says what and where. */
async function violations(page: Page): Promise<string[]> {
  const { violations: found } = await new AxeBuilder({ page }).analyze();
  return found.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

async function signedIn(browser: Browser, locale: keyof typeof languages, device: keyof typeof viewports, email: string) {
  const context = await browser.newContext({ locale, viewport: viewports[device] });
  const page = await context.newPage();
  // A client component reading a namespace its page did not send logs MISSING_MESSAGE: none may.
  page.on("console", (message) => {
    if (message.type() === "error") expect(message.text(), "console error").not.toMatch(/MISSING_MESSAGE|IntlError/);
  });
  const labels = languages[locale];
  await page.goto("/sign-in");
  expect(await violations(page), `sign-in ${locale} ${device}`).toEqual([]);
  await page.getByLabel(labels.email, { exact: true }).fill(email);
  await page.getByLabel(labels.password, { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: labels.submit, exact: true }).click();
  await expect(page).toHaveURL(/\/(customer-agent\/overview|inbox)$/);
  return page;
}

for (const locale of Object.keys(languages) as Array<keyof typeof languages>) {
  for (const device of Object.keys(viewports) as Array<keyof typeof viewports>) {
    test(`axe: every dashboard page in ${locale} on a ${device}`, async ({ browser }) => {
      // Every dashboard page loaded and checked by axe in turn, 8–11 s a page on this 2-core machine.
      test.setTimeout(180_000);
      const page = await signedIn(browser, locale, device, languages[locale].admin);
      for (const { name, route, ...headings } of dashboardPages) {
        await page.goto(route);
        await expect(page.getByRole("heading", { name: headings[locale], exact: true }).first()).toBeVisible();
        expect(await violations(page), `${name} ${locale} ${device}`).toEqual([]);
      }
      if (device === "phone") {
        await page.getByRole("button", { name: "Menu", exact: true }).click();
        await expect(page.getByRole("dialog")).toBeVisible();
        expect(await violations(page), `menu ${locale} ${device}`).toEqual([]);
      }
      await page.context().close();
    });

    test(`axe: the inbox's Closed view after Load more, its search results and a too-short search in ${locale} on a ${device}`, async ({ browser }) => {
      // axe over 200 rows is slow on a busy machine.
      test.setTimeout(180_000);
      const page = await signedIn(browser, locale, device, languages[locale].admin);
      // The inbox's other states: the Closed view's outcomes after "Load more", and search results.
      await page.goto("/inbox?assignee=all&state=closed");
      await expect(page.getByTestId("inbox-row")).toHaveCount(100);
      // Hydrated (the live stream is up) before the button can load anything.
      await expect(page.getByTestId("inbox-live")).toHaveAttribute("data-live", "true");
      await page.getByTestId("inbox-more").click();
      await expect(page.getByTestId("inbox-row")).toHaveCount(200);
      expect(await violations(page), `inbox closed, more loaded ${locale} ${device}`).toEqual([]);
      await page.goto("/inbox?assignee=all&state=closed&q=example");
      await expect(page.getByTestId("inbox-summary")).not.toBeEmpty();
      expect(await violations(page), `inbox search ${locale} ${device}`).toEqual([]);
      await page.goto("/inbox?assignee=all&state=closed&q=ex");
      await expect(page.locator("#inbox-search-hint")).toBeVisible();
      expect(await violations(page), `inbox search too short ${locale} ${device}`).toEqual([]);
      await page.context().close();
    });

    test(`axe: a conversation and the connect dialogs in ${locale} on a ${device}`, async ({ browser }) => {
      const page = await signedIn(browser, locale, device, "phone-admin@e2e.test");
      await page.goto(`/inbox/${readFixtures().lookConversationId}`);
      await expect(page.getByTestId("transcript")).toContainText("gift note");
      expect(await violations(page), `conversation ${locale} ${device}`).toEqual([]);
      await page.goto("/integrations");
      // Email's dialog needs SMTP: e2e/email-destination.spec.ts runs axe on it with its own server.
      for (const helpdesk of ["Zendesk", "Gorgias"]) {
        const name = `${languages[locale].connect} ${helpdesk}`;
        await page.getByRole("button", { name, exact: true }).click();
        await expect(page.getByRole("dialog", { name })).toBeVisible();
        expect(await violations(page), `${name} ${locale} ${device}`).toEqual([]);
        await page.keyboard.press("Escape");
        await expect(page.getByRole("dialog", { name })).toBeHidden();
      }
      await page.context().close();
    });
  }
}

test("the Baton icon is served at /favicon.ico, so browsers log no 404", async ({ request }) => {
  const response = await request.get("/favicon.ico");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/);
  expect((await response.body()).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));
});
