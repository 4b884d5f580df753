import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";

// E2E Store's keys and origins; Demo Store's belong to the storefront.
test.describe.configure({ mode: "serial" });

test("an admin issues keys, sees a secret key once, and manages allowed origins", async ({ page }) => {
  await signIn(page, "admin@e2e.test");
  await page.goto("/customer-agent/settings/widget");
  await expect(page.getByRole("heading", { name: "Widget and API keys" })).toBeVisible();

  const publishable = page.locator("form").filter({ has: page.locator('input[value="publishable"]') });
  // Rotating asks first; Cancel leaves the key alone and puts focus back on the button.
  await publishable.getByRole("button", { name: "Rotate" }).click();
  await expect(publishable.getByRole("button", { name: "Yes, rotate" })).toBeFocused();
  await publishable.getByRole("button", { name: "Cancel" }).click();
  await expect(publishable.getByRole("button", { name: "Rotate" })).toBeFocused();
  await publishable.getByRole("button", { name: "Rotate" }).click();
  await publishable.getByRole("button", { name: "Yes, rotate" }).click();
  await expect(page.getByTestId("publishable-key")).toHaveText(/^pk_/);
  await expect(page.getByTestId("embed-snippet")).toContainText('data-key="pk_');

  const secretForm = page.locator("form").filter({ has: page.locator('input[value="secret"]') });
  await secretForm.getByRole("button", { name: "Rotate" }).click();
  await secretForm.getByRole("button", { name: "Yes, rotate" }).click();
  await expect(page.getByTestId("new-secret-key")).toHaveText(/^sk_[A-Za-z0-9_-]{20,}$/);
  const secret = await page.getByTestId("new-secret-key").textContent();
  await page.reload();
  await expect(page.getByTestId("secret-key")).toHaveText(/^sk_.{4}…$/);
  expect(await page.content()).not.toContain(secret!);

  await page.getByLabel("Origin", { exact: true }).fill("ftp://nope");
  await page.getByRole("button", { name: "Add" }).click();
  await expect(page.getByText("Enter a web address starting with https:// or http://.")).toBeVisible();
  await page.getByLabel("Origin", { exact: true }).fill("https://shop.e2e.test/some/page");
  await page.getByRole("button", { name: "Add" }).click();
  await expect(page.getByTestId("origins")).toContainText("https://shop.e2e.test");
  // Removing happens at once and offers Undo, which gets focus; Undo (by keyboard) puts it back and
  // focus on its Remove button again.
  await page.getByRole("button", { name: "Remove https://shop.e2e.test" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Removed https://shop.e2e.test." })).toBeVisible();
  await expect(page.getByText("No origins yet")).toBeVisible();
  await expect(page.getByRole("button", { name: "Undo" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("origins")).toContainText("https://shop.e2e.test");
  await expect(page.getByRole("button", { name: "Remove https://shop.e2e.test" })).toBeFocused();
  await expect(page.getByRole("button", { name: "Undo" })).toHaveCount(0);
  await page.getByRole("button", { name: "Remove https://shop.e2e.test" }).click();
  await expect(page.getByText("No origins yet")).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/widget-settings.png", fullPage: true });
});

test("a lead sees keys read-only", async ({ page }) => {
  await signIn(page, "lead@e2e.test");
  await page.goto("/customer-agent/settings/widget");
  await expect(page.getByText("Only admins can change keys and origins.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Rotate" })).toHaveCount(0);
});

test("an admin generates the identity secret, sees it once, and can require verified shoppers", async ({ page }) => {
  await signIn(page, "admin@e2e.test");
  await page.goto("/customer-agent/settings/widget");
  await expect(page.getByTestId("identity-secret")).toHaveText("No identity secret yet.");
  await page.getByRole("button", { name: "Generate secret" }).click();
  await expect(page.getByTestId("new-identity-secret")).toHaveText(/^bis_[A-Za-z0-9_-]{40,}$/);
  const secret = await page.getByTestId("new-identity-secret").textContent();
  await page.reload();
  await expect(page.getByTestId("identity-secret")).toHaveText(/^bis_.{4}…$/);
  expect(await page.content()).not.toContain(secret!);
  await page.getByLabel(/Get the custom message instead of a human/).check();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel(/Get the custom message instead of a human/)).toBeChecked();
});

test("the embed snippet has a Copy button that puts it on the clipboard and says so", async ({ browser }) => {
  const context = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
  const page = await context.newPage();
  await signIn(page, "admin@other.test");
  await page.goto("/customer-agent/settings/widget");
  const snippet = await page.getByTestId("embed-snippet").textContent();
  await page.getByRole("button", { name: "Copy snippet" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Copied to the clipboard." })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(snippet);
  await context.close();
});
