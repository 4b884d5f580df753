// The dashboard at a phone's size (390×844): every page fits without sideways scrolling, the
// sidebar is a menu behind a button (focus kept inside, Escape closes it), and an agent works a
// conversation from the list to closing it. Screenshots go to test-results/screenshots/phone.
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/auth";
import { readFixtures } from "./support/fixture-ids";
import { dashboardPages, pageOverflow, phone } from "./support/screens";

test.use({ viewport: phone, hasTouch: true, isMobile: true });

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screenshots/phone/${name}.png`, fullPage: true });

async function expectFits(page: Page, what: string) {
  expect(await pageOverflow(page), what).toEqual({ excess: 0, culprits: [] });
}

test("the sign-in page fits a phone", async ({ page }) => {
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { name: "Sign in to Baton" })).toBeVisible();
  await expectFits(page, "sign-in");
  await shot(page, "sign-in");
});

// One test per page: each is a sign-in, a page, a measurement and a full-page screenshot.
for (const { name, route, en } of dashboardPages) {
  test(`${name} fits a phone without sideways scrolling`, async ({ page }) => {
    await signIn(page, "admin@demo.test");
    await page.goto(route);
    await expect(page.getByRole("heading", { name: en, exact: true }).first()).toBeVisible();
    await expectFits(page, name);
    await shot(page, name);
  });
}

test("a conversation and the connect dialogs fit a phone", async ({ page }) => {
  // Phone Store has a conversation to look at and no helpdesk connected, for the connect dialogs.
  await signIn(page, "phone-admin@e2e.test");
  await page.goto(`/inbox/${readFixtures().lookConversationId}`);
  await expect(page.getByTestId("transcript")).toContainText("gift note");
  await expectFits(page, "conversation");
  await shot(page, "conversation");
  await page.goto("/integrations");
  // (Email's dialog needs SMTP; e2e/email-destination.spec.ts has the server for it.)
  for (const helpdesk of ["Zendesk", "Gorgias"]) {
    await page.getByRole("button", { name: `Connect ${helpdesk}`, exact: true }).click();
    const dialog = page.getByRole("dialog", { name: `Connect ${helpdesk}` });
    await expect(dialog).toBeVisible();
    const box = (await dialog.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(phone.width);
    await expectFits(page, `connect ${helpdesk}`);
    await shot(page, `connect-${helpdesk.toLowerCase()}`);
    // A phone has no Escape key: the dialog's own close button.
    await dialog.getByRole("button", { name: "Close" }).click();
    await expect(dialog).toBeHidden();
  }
});

test("on a phone the sidebar is a menu: it opens from the top bar, keeps focus inside, closes with Escape or a link", async ({ page }) => {
  await signIn(page, "admin@demo.test");
  const nav = page.getByRole("navigation", { name: "Main navigation" });
  await expect(nav).toBeHidden();
  const menu = page.getByRole("button", { name: "Menu", exact: true });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await menu.click();
  const panel = page.getByRole("dialog", { name: "Main navigation" });
  await expect(panel).toBeVisible();
  await expect(panel.getByRole("button", { name: "Close menu" })).toBeFocused();
  await shot(page, "menu-open");
  // Tab goes round the panel's controls and never reaches the page behind it.
  for (let i = 0; i < 15; i++) {
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest("[role=dialog]")))).toBe(true);
  }
  await page.keyboard.press("Shift+Tab");
  expect(await page.evaluate(() => Boolean(document.activeElement?.closest("[role=dialog]")))).toBe(true);
  await page.keyboard.press("Escape");
  await expect(panel).toBeHidden();
  await expect(menu).toBeFocused();
  // A link takes you there and closes the menu.
  await menu.click();
  await panel.getByRole("link", { name: "Integrations" }).click();
  await expect(page).toHaveURL(/\/integrations$/);
  await expect(panel).toBeHidden();
  // The account menu sits in the panel; its own Escape closes it and leaves the panel open.
  await menu.click();
  await panel.getByRole("button", { name: /Account menu for Demo Store/ }).click();
  await expect(panel.getByRole("button", { name: "Sign out", exact: true })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(panel.getByRole("button", { name: "Sign out", exact: true })).toBeHidden();
  await expect(panel).toBeVisible();
  await expect(panel.getByRole("button", { name: /Account menu for Demo Store/ })).toBeFocused();
});

test("an agent on a phone goes from the list to the conversation, claims, replies and closes it", async ({ page }) => {
  const { phoneConversationId } = readFixtures();
  await signIn(page, "phone-agent@e2e.test");
  await page.goto("/inbox?assignee=all&state=open");
  const row = page.getByTestId("inbox-row").filter({ hasText: "Pia Phone" });
  await expect(row).toBeVisible();
  await expectFits(page, "agent inbox");
  await row.getByRole("link").first().click();
  await expect(page).toHaveURL(new RegExp(`/inbox/${phoneConversationId}$`));
  await expect(page.getByTestId("transcript")).toContainText("Where is my order?");
  await page.getByRole("button", { name: "Claim" }).click();
  const replyBox = page.getByLabel("Reply to the shopper");
  // The claim's button is gone: focus went on to the reply box.
  await expect(replyBox).toBeFocused();
  await replyBox.fill("Hi Pia, it left our warehouse this morning.");
  const send = page.getByRole("button", { name: "Send" });
  await expect(send).toBeInViewport();
  await send.click();
  await expect(page.getByTestId("transcript")).toContainText("it left our warehouse this morning");
  await expectFits(page, "claimed conversation");
  await shot(page, "conversation-claimed");
  await page.getByRole("button", { name: "Close conversation" }).click();
  await page.getByRole("button", { name: "Yes, close it" }).click();
  await expect(page.getByText("This conversation is closed.")).toBeVisible();
});
