import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/auth";

// These tests change E2E Store's handoff settings (Demo Store's belong to the merchant journey
// in integrations.spec.ts), so they run one after another.
test.describe.configure({ mode: "serial" });

const handoffPath = "/customer-agent/settings/handoff";

async function chooseMessage(page: Page, message: string, links: Array<[string, string]>) {
  await page.getByLabel("Send a message").check();
  await page.getByLabel("Message shown to shoppers").fill(message);
  for (const [index, [label, url]] of links.entries()) {
    if ((await page.getByLabel(`Link ${index + 1} label`).count()) === 0) {
      await page.getByRole("button", { name: "Add link" }).click();
    }
    await page.getByLabel(`Link ${index + 1} label`).fill(label);
    await page.getByLabel(`Link ${index + 1} URL`).fill(url);
  }
}

test("an admin switches to a custom message with two links, and it persists with history", async ({ page }) => {
  await signIn(page, "admin@e2e.test");
  await page.goto(handoffPath);
  await expect(page.getByLabel("Send to a helpdesk")).toBeChecked();
  await expect(page.getByLabel(/Baton Inbox/)).toBeChecked();
  await expect(page.getByText("Recommended")).toBeVisible();

  await chooseMessage(page, "Sorry, I don't know that one yet. These pages may help:", [
    ["Help centre", "https://help.demo-store.test"],
    ["Contact form", "https://demo-store.test/contact"],
  ]);
  const preview = page.getByTestId("handoff-preview");
  await expect(preview).toContainText("Sorry, I don't know that one yet.");
  await expect(preview).toContainText("Contact form");
  await page.getByRole("radio", { name: "SMS" }).click();
  await expect(preview).toContainText("Help centre: https://help.demo-store.test");

  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();

  await page.reload();
  await expect(page.getByLabel("Send a message")).toBeChecked();
  await expect(page.getByLabel("Message shown to shoppers")).toHaveValue("Sorry, I don't know that one yet. These pages may help:");
  await expect(page.getByLabel("Link 2 URL")).toHaveValue("https://demo-store.test/contact");
  const history = page.getByTestId("handoff-history");
  await expect(history.getByRole("listitem")).toHaveCount(1);
  await expect(history).toContainText("Eve Admin changed the handoff method");
  await expect(history).toContainText("Send to a helpdesk: Baton Inbox");
  await expect(history).toContainText("with 2 links");
});

test("bad input gets inline messages and nothing is saved", async ({ page }) => {
  await signIn(page, "admin@e2e.test");
  await page.goto(handoffPath);
  await page.getByLabel("Message shown to shoppers").fill("");
  await page.getByLabel("Link 1 URL").fill("javascript:alert(1)");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Write the message shoppers will see.")).toBeVisible();
  await expect(page.getByText("Enter a full web address starting with https:// or http://.")).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "Check the highlighted fields." })).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("handoff-history").getByRole("listitem")).toHaveCount(1);
});

test("a save from a stale page is refused with a clear message", async ({ browser }) => {
  const first = await browser.newPage();
  const second = await browser.newPage();
  for (const page of [first, second]) {
    await signIn(page, "admin@e2e.test");
    await page.goto(handoffPath);
  }
  await first.getByLabel("Send to a helpdesk").check();
  await first.getByRole("button", { name: "Save" }).click();
  await expect(first.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();

  await second.getByLabel("Message shown to shoppers").fill("A different message");
  await second.getByRole("button", { name: "Save" }).click();
  await expect(second.getByRole("alert").filter({ hasText: "Someone else saved the handoff settings" })).toBeVisible();
  await second.getByRole("button", { name: "Reload" }).click();
  await expect(second.getByLabel("Send to a helpdesk")).toBeChecked();
  await expect(second.getByTestId("handoff-history").getByRole("listitem")).toHaveCount(2);
});

test("lead@demo.test sees the tab read-only, and the server refuses a forced save", async ({ page }) => {
  await signIn(page, "lead@demo.test");
  await page.goto(handoffPath);
  await expect(page.getByText("Only admins can change the handoff method. You're viewing it read-only.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Save" })).toBeDisabled();
  await expect(page.getByLabel("Send a message")).toBeDisabled();

  // Tamper with the page as a hostile client would, then submit the action anyway.
  await page.locator("fieldset[disabled]").evaluate((el) => el.removeAttribute("disabled"));
  await page.getByLabel("Send a message").check();
  await page.getByLabel("Message shown to shoppers").fill("Lead was here");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Only admins can change the handoff method." })).toBeVisible();
  await page.reload();
  await expect(page.getByText("Only admins can change the handoff method. You're viewing it read-only.")).toBeVisible();
  await expect(page.getByText("Lead was here")).toHaveCount(0);
});

test("Other Store's admin sees only Other Store's settings", async ({ page }) => {
  await signIn(page, "admin@other.test");
  await page.goto(handoffPath);
  await expect(page.getByLabel("Send to a helpdesk")).toBeChecked();
  await expect(page.getByText("No changes yet.")).toBeVisible();
  await expect(page.getByText("Eve Admin")).toHaveCount(0);
});

test("choosing an unconnected helpdesk asks to connect it before saving", async ({ page }) => {
  await signIn(page, "admin@e2e.test");
  await page.goto(handoffPath);
  await page.getByLabel("Send to a helpdesk").check();
  await page.getByLabel(/^Gorgias/).check();
  await expect(page.getByText("Connect Gorgias before saving.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Save" })).toBeDisabled();
  await page.getByRole("button", { name: "Connect Gorgias" }).click();
  const dialog = page.getByRole("dialog", { name: "Connect Gorgias" });
  await expect(dialog).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
});
