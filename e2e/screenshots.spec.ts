// Full-page screenshots of each screen, saved under test-results/screenshots for review.
import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";

const shot = (name: string) => ({ path: `test-results/screenshots/${name}.png`, fullPage: true });

test("sign-in page, empty and with an error", async ({ page }) => {
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { name: "Sign in to Baton" })).toBeVisible();
  await page.screenshot(shot("sign-in"));
  await page.getByLabel("Email").fill("admin@demo.test");
  await page.getByLabel("Password").fill("wrong-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("main").getByRole("alert")).not.toBeEmpty();
  await page.screenshot(shot("sign-in-error"));
});

test("dashboard shell pages", async ({ page }) => {
  await signIn(page, "admin@demo.test");
  for (const [name, route, heading, level] of [
    ["overview", "/customer-agent/overview", "Overview", 2],
    ["inbox", "/inbox", "Inbox", 1],
    ["integrations", "/integrations", "Zendesk", 2],
  ] as const) {
    await page.goto(route);
    await expect(page.getByRole("heading", { name: heading, level })).toBeVisible();
    await page.screenshot(shot(name));
  }
  await page.getByRole("button", { name: /Account menu/ }).click();
  await expect(page.getByRole("button", { name: "Sign out", exact: true })).toBeVisible();
  await page.screenshot(shot("account-menu"));
});

test("handoff tab, both methods (unsaved edits only)", async ({ page }) => {
  await signIn(page, "admin@other.test");
  await page.goto("/customer-agent/settings/handoff");
  await expect(page.getByRole("heading", { name: "Handoff", level: 2 })).toBeVisible();
  await page.screenshot(shot("handoff-helpdesk"));
  await page.getByLabel(/^Zendesk/).check();
  await page.screenshot(shot("handoff-zendesk-not-connected"));
  await page.getByLabel("Send a message").check();
  await page.getByLabel("Message shown to shoppers").fill("Sorry, I couldn't find that. These pages may help:");
  await page.getByLabel("Link 1 label").fill("Help centre");
  await page.getByLabel("Link 1 URL").fill("https://help.other-store.test");
  await page.getByRole("button", { name: "Add link" }).click();
  await page.getByLabel("Link 2 label").fill("Contact us");
  await page.getByLabel("Link 2 URL").fill("https://other-store.test/contact");
  await expect(page.getByTestId("handoff-preview")).toContainText("Contact us");
  await page.screenshot(shot("handoff-message"));
});
