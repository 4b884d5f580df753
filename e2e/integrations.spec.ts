import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/auth";

// The merchant journey of the Handoff and Integrations issue, as admin@demo.test, one step after
// another: it owns Demo Store's handoff settings and helpdesk connections in this suite.
test.describe.configure({ mode: "serial" });

const handoffPath = "/customer-agent/settings/handoff";
const shot = (name: string) => ({ path: `test-results/screenshots/${name}.png`, fullPage: true });
const secrets = ["demo-gorgias-key", "wrong-gorgias-key", "baton-demo-secret", "credentials_ciphertext", "refreshToken", "accessToken"];

async function expectNoSecrets(page: Page, path: string) {
  for (const headers of [{}, { RSC: "1" }] as Array<Record<string, string>>) {
    const body = await (await page.request.get(path, { headers })).text();
    for (const secret of secrets) expect(body, `${path} ${JSON.stringify(headers)} contains ${secret}`).not.toContain(secret);
  }
}

test("custom message with two links, then Zendesk through OAuth onboarding; history shows both", async ({ page }) => {
  await signIn(page, "admin@demo.test");
  await page.goto(handoffPath);

  await page.getByLabel("Send a message").check();
  await page.getByLabel("Message shown to shoppers").fill("We couldn't find an answer. These pages may help:");
  await page.getByLabel("Link 1 label").fill("Help centre");
  await page.getByLabel("Link 1 URL").fill("https://help.demo-store.test");
  await page.getByRole("button", { name: "Add link" }).click();
  await page.getByLabel("Link 2 label").fill("Contact us");
  await page.getByLabel("Link 2 URL").fill("https://demo-store.test/contact");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Send a message")).toBeChecked();
  await expect(page.getByLabel("Link 2 label")).toHaveValue("Contact us");

  await page.getByLabel("Send to a helpdesk").check();
  await page.getByLabel(/^Zendesk/).check();
  await page.getByRole("button", { name: "Connect Zendesk" }).click();
  const dialog = page.getByRole("dialog", { name: "Connect Zendesk" });
  await expect(dialog.getByText("Step 1 of 2")).toBeVisible();
  await expect(dialog.getByLabel(/Sign in with Zendesk/)).toBeChecked();
  await expect(dialog.getByText(/every token stops working on April 30, 2027/)).toBeVisible();
  await page.screenshot(shot("onboarding-zendesk"));
  await dialog.getByRole("button", { name: "Continue" }).click();
  await dialog.getByLabel("Zendesk subdomain").fill("https://demo-store.zendesk.com/");
  await dialog.getByRole("button", { name: "Continue to Zendesk" }).click();

  // The simulator's consent page, on the helpdesk's own origin.
  await expect(page).toHaveURL(/\/demo-store\/oauth\/authorizations\/new\?/);
  await page.getByRole("button", { name: "Allow" }).click();

  await expect(page).toHaveURL(/\/customer-agent\/settings\/handoff\?connected=zendesk$/);
  await expect(page.getByRole("status").filter({ hasText: "Zendesk is connected. Save to send unanswered questions there." })).toBeVisible();
  await expect(page.getByLabel(/^Zendesk/)).toBeChecked();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();

  await page.reload();
  const history = page.getByTestId("handoff-history").getByRole("listitem");
  await expect(history).toHaveCount(2);
  await expect(history.nth(0)).toContainText("Send to a helpdesk: Zendesk");
  await expect(history.nth(0)).toContainText("with 2 links");
  await expect(history.nth(1)).toContainText("Send to a helpdesk: Baton Inbox");
});

test("Gorgias: a wrong key gets a clear error, the right key connects; test tickets in both", async ({ page }) => {
  await signIn(page, "admin@demo.test");
  await page.goto("/integrations");
  await page.getByRole("button", { name: "Connect Gorgias" }).click();
  const dialog = page.getByRole("dialog", { name: "Connect Gorgias" });
  await dialog.getByLabel("Gorgias domain").fill("demo-store");
  await dialog.getByLabel("Username (email)").fill("agent@demo-store.test");
  await dialog.getByLabel("API key").fill("wrong-gorgias-key");
  await dialog.getByRole("button", { name: "Verify and connect" }).click();
  await expect(dialog.getByRole("alert")).toHaveText("Gorgias refused these credentials. Check them and try again.");
  await expect(dialog.getByLabel("Gorgias domain")).toHaveValue("demo-store");

  await dialog.getByLabel("Gorgias domain").fill("no-such-store");
  await dialog.getByLabel("API key").fill("demo-gorgias-key");
  await dialog.getByRole("button", { name: "Verify and connect" }).click();
  await expect(dialog.getByRole("alert")).toHaveText("No Gorgias account was found at that address. Check the spelling.");

  await dialog.getByLabel("Gorgias domain").fill("demo-store");
  await dialog.getByRole("button", { name: "Verify and connect" }).click();
  await expect(dialog.getByRole("status")).toHaveText("Gorgias is connected as agent@demo-store.test.");
  await dialog.getByRole("button", { name: "Done" }).click();

  const gorgias = page.getByRole("region", { name: "Gorgias" });
  const zendesk = page.getByRole("region", { name: "Zendesk" });
  await expect(gorgias.getByText("Connected", { exact: true })).toBeVisible();
  await expect(zendesk.getByText("Signed in with Zendesk (OAuth)")).toBeVisible();

  await gorgias.getByRole("button", { name: "Send a test ticket" }).click();
  await expect(gorgias.getByRole("status")).toContainText(/Test ticket #\d+ created\./);
  await zendesk.getByRole("button", { name: "Send a test ticket" }).click();
  await expect(zendesk.getByRole("status")).toContainText(/Test ticket #\d+ created\./);
  const zendeskTicket = (await zendesk.getByRole("status").textContent())!.match(/#(\d+)/)![1]!;
  const ticketLink = await zendesk.getByRole("link", { name: "Open it in Zendesk" }).getAttribute("href");
  // The link to the last test ticket stays after a reload.
  await page.reload();
  await expect(zendesk.getByTestId("last-test-ticket")).toContainText(`Last test ticket: #${zendeskTicket}, sent`);
  await expect(zendesk.getByRole("link", { name: "Open it in Zendesk" })).toHaveAttribute("href", ticketLink!);
  await expect(gorgias.getByTestId("last-test-ticket")).toContainText(/Last test ticket: #\d+, sent/);
  await page.screenshot(shot("integrations-connected"));

  await expectNoSecrets(page, "/integrations");
  await expectNoSecrets(page, handoffPath);
});

test("Other Store's admin sees none of Demo Store's connections", async ({ page }) => {
  await signIn(page, "admin@other.test");
  await page.goto("/integrations");
  await expect(page.getByText("Not connected")).toHaveCount(3);
  await expect(page.getByText("demo-store.zendesk.com")).toHaveCount(0);
  // This server has no SMTP_URL: the Email destination says what to set up instead of offering to connect.
  await expect(page.getByRole("region", { name: "Email (any helpdesk)" })).toContainText("Ask whoever runs Baton to set SMTP_URL");
});

test("disconnecting: Gorgias simply, Zendesk as the destination falls back to Baton Inbox", async ({ page }) => {
  await signIn(page, "admin@demo.test");
  await page.goto("/integrations");
  const gorgias = page.getByRole("region", { name: "Gorgias" });
  await gorgias.getByRole("button", { name: "Disconnect" }).click();
  await expect(gorgias.getByText("Disconnect Gorgias? Baton will stop sending tickets there.")).toBeVisible();
  await gorgias.getByRole("button", { name: "Disconnect" }).click();
  await expect(gorgias.getByRole("status")).toContainText("Gorgias was disconnected.");
  await expect(gorgias.getByRole("button", { name: "Connect Gorgias" })).toBeVisible();

  const zendesk = page.getByRole("region", { name: "Zendesk" });
  await zendesk.getByRole("button", { name: "Disconnect" }).click();
  await expect(zendesk.getByText("Zendesk is your handoff destination. If you disconnect it, handoffs go to Baton Inbox instead.")).toBeVisible();
  await zendesk.getByRole("button", { name: "Disconnect" }).click();
  await expect(zendesk.getByRole("status")).toContainText("unanswered questions now go to Baton Inbox");

  await page.goto(handoffPath);
  await expect(page.getByLabel(/Baton Inbox/)).toBeChecked();
  await expect(page.getByRole("status").filter({ hasText: "Zendesk was disconnected, so unanswered questions now go to Baton Inbox." })).toBeVisible();
  const latest = page.getByTestId("handoff-history").getByRole("listitem").first();
  await expect(latest).toContainText("The helpdesk was disconnected, so handoffs fell back to Baton Inbox.");
});
