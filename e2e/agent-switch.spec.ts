// The Customer Agent's on/off switch (Settings): an admin turns it off, the store shows no widget
// and the API refuses conversations, then turns it on again; a lead only reads the state. axe runs
// on the control in both dashboard languages. Switch Store is this spec's own account.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD, signIn } from "./support/auth";
import { readFixtures } from "./support/fixture-ids";
import { phone } from "./support/screens";

const settingsPath = "/customer-agent/settings/handoff";
test.describe.configure({ mode: "serial" });

/** Switch Store's storefront: a plain page on Baton's origin (an allowed origin) embedding its widget. */
async function openStore(page: Page) {
  const { switchStoreKey } = readFixtures();
  await page.route("**/e2e/switch-store", (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><html lang="en"><head><title>Switch Store</title></head><body><h1>Switch Store</h1><script src="/widget.js" data-key="${switchStoreKey}" async></script></body></html>`,
    }),
  );
  const config = page.waitForResponse((r) => r.url().includes("/api/widget/v1/config"));
  await page.goto("/e2e/switch-store");
  return (await config).json() as Promise<{ enabled: boolean }>;
}

async function axe(page: Page, what: string) {
  const { violations } = await new AxeBuilder({ page }).include("[data-testid=agent-switch]").analyze();
  expect(
    violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
    what,
  ).toEqual([]);
}

test("an admin turns the Customer Agent off: the store shows no widget and conversations are refused; on again, it is back", async ({ page, browser }) => {
  // Two languages, a storefront and the overview: many full page loads.
  test.setTimeout(180_000);
  const store = await browser.newPage();
  expect((await openStore(store)).enabled).toBe(true);
  await expect(store.getByTestId("baton-bubble")).toBeVisible();

  await signIn(page, "switch-admin@e2e.test");
  await page.goto(settingsPath);
  const control = page.getByTestId("agent-switch");
  await expect(control.getByTestId("agent-state")).toHaveText("On");
  await axe(page, "switch on, en");

  await control.getByRole("button", { name: "Turn off" }).click();
  await expect(control.getByText("Turn off the Customer Agent? The chat disappears from your store until you turn it on again.")).toBeVisible();
  await axe(page, "question, en");
  await expect(control.getByRole("button", { name: "Yes, turn it off" })).toBeFocused();
  await control.getByRole("button", { name: "Yes, turn it off" }).click();
  await expect(control.getByRole("status")).toHaveText("The Customer Agent is off.");
  await expect(control.getByTestId("agent-state")).toHaveText("Off");
  // Focus stays on the switch, never dropped to the page.
  await expect(control.getByRole("button", { name: "Turn on" })).toBeFocused();
  await axe(page, "switch off, en");
  await expect(page.getByTestId("agent-switch-change").first()).toHaveText(/Sol Switch turned the Customer Agent off/);

  // The store: the config says off and nothing is drawn.
  expect((await openStore(store)).enabled).toBe(false);
  await expect(store.getByRole("heading", { name: "Switch Store" })).toBeVisible();
  await expect(store.getByTestId("baton-bubble")).toHaveCount(0);
  const refused = await store.request.post("/api/widget/v1/conversations", {
    headers: { authorization: `Bearer ${readFixtures().switchStoreKey}`, origin: new URL(store.url()).origin },
    data: { channel: "web_chat", shopper: {} },
  });
  expect(refused.status()).toBe(409);
  expect((await refused.json()).error.code).toBe("agent_disabled");

  // Portuguese: the same control, read and checked by axe.
  const pt = await browser.newContext({ locale: "pt-BR" });
  const ptPage = await pt.newPage();
  // The sign-in form is in Portuguese for this browser.
  await ptPage.goto("/sign-in");
  await ptPage.getByLabel("E-mail", { exact: true }).fill("switch-admin@e2e.test");
  await ptPage.getByLabel("Senha", { exact: true }).fill(DEMO_PASSWORD);
  await ptPage.getByRole("button", { name: "Entrar", exact: true }).click();
  await expect(ptPage).toHaveURL(/\/customer-agent\/overview$/);
  await ptPage.goto(settingsPath);
  await expect(ptPage.getByTestId("agent-state")).toHaveText("Desativado");
  await expect(ptPage.getByTestId("agent-switch").getByRole("button", { name: "Ativar", exact: true })).toBeVisible();
  await axe(ptPage, "switch off, pt-BR");
  await ptPage.getByTestId("agent-switch").getByRole("button", { name: "Ativar", exact: true }).click();
  await expect(ptPage.getByTestId("agent-state")).toHaveText("Ativado");
  await ptPage.getByTestId("agent-switch").getByRole("button", { name: "Desativar", exact: true }).click();
  await expect(ptPage.getByTestId("agent-switch").getByRole("button", { name: "Sim, desativar", exact: true })).toBeVisible();
  await axe(ptPage, "question, pt-BR");
  await ptPage.getByTestId("agent-switch").getByRole("button", { name: "Cancelar", exact: true }).click();
  await expect(ptPage.getByTestId("agent-switch").getByRole("button", { name: "Desativar", exact: true })).toBeFocused();
  await axe(ptPage, "switch on, pt-BR");
  await pt.close();

  // Turned on (from the Portuguese page): the widget is back.
  await page.reload();
  await expect(control.getByTestId("agent-state")).toHaveText("On");
  await expect(page.getByTestId("agent-switch-change").first()).toHaveText(/Sol Switch turned the Customer Agent on/);
  expect((await openStore(store)).enabled).toBe(true);
  await expect(store.getByTestId("baton-bubble")).toBeVisible();
  await store.close();

  // The overview names today: the agent was off for part of it.
  await page.goto("/customer-agent/overview");
  await expect(page.getByTestId("agent-off-note")).toContainText("The Customer Agent was off on");
  await expect(page.getByTestId("definitions")).toContainText("Customer Agent off");
  await page.screenshot({ path: "test-results/screenshots/agent-switch-overview.png", fullPage: true });
});

test("the switch and its history at 1280 px and on a phone (screenshots), with no page-level overflow", async ({ page }) => {
  await signIn(page, "switch-lead@e2e.test");
  for (const [name, viewport] of [
    ["desktop", { width: 1280, height: 900 }],
    ["phone", phone],
  ] as const) {
    await page.setViewportSize(viewport);
    await page.goto(settingsPath);
    await expect(page.getByTestId("agent-state")).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await page.screenshot({ path: `test-results/screenshots/agent-switch-${name}.png`, fullPage: true });
  }
});

test("a lead sees the state but cannot change it", async ({ page }) => {
  await signIn(page, "switch-lead@e2e.test");
  await page.goto(settingsPath);
  const control = page.getByTestId("agent-switch");
  await expect(control.getByTestId("agent-state")).toHaveText("On");
  await expect(control.getByText("Only admins can turn the Customer Agent on or off.")).toBeVisible();
  await expect(control.getByRole("button")).toHaveCount(0);
  await axe(page, "read-only, en");
});
