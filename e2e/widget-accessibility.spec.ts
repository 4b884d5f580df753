// The shopper's widget on the demo storefront, by keyboard only and under axe-core: question →
// consent offer → email → live chat with an agent (who claims and replies by keyboard) → ended.
// Runs in its own project after the shopper specs, which change Demo Store's handoff as they go.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/auth";
import { pageOverflow, phone } from "./support/screens";

test.describe.configure({ mode: "serial" });

/** Violations inside the widget (its shadow root included) and on the page around it. */
async function violations(page: Page): Promise<string[]> {
  const { violations: found } = await new AxeBuilder({ page }).analyze();
  return found.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => JSON.stringify(n.target)).join(", ")}`);
}

/** Presses Tab until focus is on the element, as a keyboard user would reach it. */
async function tabTo(page: Page, isTarget: () => Promise<boolean>, limit = 40) {
  for (let i = 0; i < limit; i++) {
    if (await isTarget()) return;
    await page.keyboard.press("Tab");
  }
  throw new Error("never reached by Tab");
}

const focusedTestId = (page: Page) =>
  page.evaluate(() => {
    const host = document.getElementById("baton-widget");
    return (host?.shadowRoot?.activeElement ?? document.activeElement)?.getAttribute("data-testid") ?? null;
  });

for (const [locale, device] of [
  ["en", "desktop"],
  ["en", "phone"],
  ["pt-BR", "desktop"],
  ["pt-BR", "phone"],
] as const) {
  test(`axe on the widget at each step, ${locale} on a ${device}`, async ({ browser }) => {
    const context = await browser.newContext({ locale, ...(device === "phone" ? { viewport: phone, isMobile: true, hasTouch: true } : {}) });
    const page = await context.newPage();
    await page.goto("/demo/store?shopper=unverified");
    expect(await violations(page), "storefront").toEqual([]);
    const panel = page.getByTestId("baton-panel");
    await page.getByTestId("baton-bubble").click();
    await expect(panel).toBeVisible();
    expect(await violations(page), "question").toEqual([]);
    // An answer from the knowledge asks "Did that answer your question?" beside the message box.
    await panel.locator("#bi").fill("How long does shipping take?");
    await page.keyboard.press("Enter");
    const feedback = panel.getByTestId("baton-feedback");
    await expect(feedback).toBeVisible();
    await expect(panel.locator("#bi")).toBeFocused();
    expect(await violations(page), "answer feedback").toEqual([]);
    for (const button of ["baton-feedback-yes", "baton-feedback-no"]) await expect(feedback.getByTestId(button)).toBeInViewport();
    if (device === "phone") expect((await pageOverflow(page)).excess, "answer feedback fits").toBe(0);
    // Asking something else instead is fine: the question goes, the next step comes.
    await panel.locator("#bi").fill("Can I have my engraving in Klingon?");
    await page.keyboard.press("Enter");
    await expect(panel.getByTestId("baton-consent-yes")).toBeVisible();
    expect(await violations(page), "consent offer").toEqual([]);
    await panel.getByTestId("baton-consent-yes").click();
    await expect(panel.getByTestId("baton-email-form")).toBeVisible();
    expect(await violations(page), "email request").toEqual([]);
    await panel.getByTestId("baton-email-form").locator("input").fill("axe.shopper@example.com");
    await page.keyboard.press("Enter");
    await expect(panel.getByTestId("baton-email-form")).toHaveCount(0);
    expect(await violations(page), "live chat").toEqual([]);
    await context.close();
  });
}

test("keyboard only: the shopper asks, accepts, gives an email and chats; the agent claims, replies and closes", async ({ page, browser }) => {
  await page.goto("/demo/store?shopper=unverified");
  const bubble = page.getByTestId("baton-bubble");
  await expect(bubble).toHaveAttribute("aria-label", "Open chat");
  await tabTo(page, async () => (await focusedTestId(page)) === "baton-bubble");
  await page.keyboard.press("Enter");
  const panel = page.getByTestId("baton-panel");
  await expect(panel).toBeVisible();
  await expect(bubble).toHaveAttribute("aria-label", "Close chat");
  await expect(panel.getByLabel("Your message")).toBeFocused();
  await page.keyboard.type("Can I change the engraving on my order?");
  await page.keyboard.press("Enter");
  // The offer's first button takes focus as it appears.
  await expect(panel.getByRole("button", { name: "Yes, connect me with an agent" })).toBeFocused();
  // Only the current step's control shows.
  await expect(panel.getByLabel("Your message")).toBeHidden();
  await page.keyboard.press("Enter");
  const email = panel.getByTestId("baton-email-form").getByLabel("Your email address");
  await expect(email).toBeFocused();
  await expect(panel.getByLabel("Your message")).toBeHidden();
  await page.keyboard.type("keys.shopper@example.com");
  await page.keyboard.press("Enter");
  await expect(panel.getByText("Thanks! I've sent your conversation to our team. Someone will reply right here.")).toBeVisible();
  await expect(panel.getByLabel("Your message")).toBeFocused();
  // The shopper's own answers are their bubbles, and a reload keeps them (and the open panel).
  const choices = panel.locator('[data-author="shopper"][data-choice]');
  await expect(choices).toHaveText(["Yes, connect me with an agent", "keys.shopper@example.com"]);
  await page.reload();
  await expect(choices).toHaveText(["Yes, connect me with an agent", "keys.shopper@example.com"]);
  await expect(panel.getByLabel("Your message")).toBeVisible();
  await panel.getByLabel("Your message").focus();
  const id = await page.evaluate(() => {
    const key = document.querySelector<HTMLScriptElement>("script[data-key]")!.dataset.key!;
    return (JSON.parse(sessionStorage.getItem(`baton:${key}`)!) as { id: string }).id;
  });

  const agent = await browser.newPage();
  await signIn(agent, "agent@demo.test");
  await agent.goto(`/inbox/${id}`);
  await expect(agent.getByTestId("transcript")).toContainText("Can I change the engraving on my order?");
  const claim = agent.getByRole("button", { name: "Claim" });
  await tabTo(agent, () => claim.evaluate((el) => el === document.activeElement), 60);
  await agent.keyboard.press("Enter");
  await expect(agent.getByLabel("Reply to the shopper")).toBeFocused();
  await agent.keyboard.type("Hello! Yes, we can change it today.");
  await agent.keyboard.press("Tab");
  await expect(agent.getByRole("button", { name: "Send" })).toBeFocused();
  await agent.keyboard.press("Enter");
  await expect(agent.getByTestId("transcript")).toContainText("we can change it today");
  // The shopper hears it: the message lands in the widget's polite log.
  await expect(panel.locator('[role="log"][aria-live="polite"]')).toContainText("we can change it today");
  await page.keyboard.type("Lovely, thanks!");
  await page.keyboard.press("Enter");
  await expect(agent.getByTestId("transcript")).toContainText("Lovely, thanks!");
  await tabTo(agent, () => agent.getByRole("button", { name: "Close conversation" }).evaluate((el) => el === document.activeElement), 60);
  await agent.keyboard.press("Enter");
  await expect(agent.getByRole("button", { name: "Yes, close it" })).toBeFocused();
  await agent.keyboard.press("Enter");
  await expect(agent.getByText("This conversation is closed.")).toBeVisible();
  await expect(panel.getByText("This chat has ended.")).toBeVisible();
  expect(await violations(page), "ended").toEqual([]);
  // Not a dead end: a new conversation starts in the same panel.
  const again = panel.getByRole("button", { name: "Start a new conversation" });
  await tabTo(page, async () => (await focusedTestId(page)) === "baton-new");
  await page.keyboard.press("Enter");
  await expect(again).toHaveCount(0);
  await expect(panel.getByLabel("Your message")).toBeFocused();
  await expect(panel.getByTestId("baton-greeting")).toBeVisible();
  await expect(panel.getByTestId("baton-message")).toHaveCount(0);
  await page.keyboard.press("Escape");
  await expect(panel).toBeHidden();
  await expect(bubble).toBeFocused();
  await agent.close();
});
