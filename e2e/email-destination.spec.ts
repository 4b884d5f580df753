import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { startSmtpCatcher, type SmtpCatcher } from "./simulators/smtp";
import { signIn } from "./support/auth";
import { startMailServer } from "./support/mail-server-process";

// "Email (any helpdesk)" end to end, on a server of its own with SMTP_URL pointing at a recording
// SMTP server in this process (e2e/support/mail-server.ts): the admin connects the support
// address with the code read from the mail Baton sent, and a shopper's handoff arrives as mail.
test.describe.configure({ mode: "serial" });

const port = Number(process.env.E2E_MAIL_PORT || Number(process.env.E2E_PORT || 3100) + 5);
const baseURL = `http://localhost:${port}`;
const info = path.resolve("test-results", `mail-server-${port}.json`);
test.use({ baseURL });

let smtp: SmtpCatcher;
let server: Awaited<ReturnType<typeof startMailServer>>;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  smtp = await startSmtpCatcher({ port: Number(process.env.E2E_SMTP_PORT || 0) });
  server = await startMailServer({ port, info, env: { SMTP_URL: smtp.url } });
});

test.afterAll(async () => {
  server?.stop();
  await smtp?.close();
});

test("an admin connects Email with the code read from the mail Baton sent", async ({ page }) => {
  await signIn(page, "admin@mail.e2e.test");
  await page.goto("/integrations");
  const card = page.getByRole("region", { name: "Email (any helpdesk)" });
  await expect(card.getByText("Not connected")).toBeVisible();
  await card.getByRole("button", { name: "Connect Email (any helpdesk)" }).click();
  const dialog = page.getByRole("dialog", { name: "Connect Email (any helpdesk)" });
  await expect(dialog.getByText("Step 1 of 2")).toBeVisible();
  // The dialog passes axe too (it only exists where SMTP is set up, so the main axe spec cannot open it).
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  await dialog.getByLabel("Support address").fill("not an address");
  await dialog.getByRole("button", { name: "Send code" }).click();
  await expect(dialog.getByText("Enter a valid email address.")).toBeVisible();
  await dialog.getByLabel("Support address").fill("help@mail-store.test");
  await dialog.getByRole("button", { name: "Send code" }).click();
  await expect(dialog.getByText("Step 2 of 2")).toBeVisible();
  await expect(dialog.getByText(/We sent a 6-digit code to help@mail-store\.test/)).toBeVisible();

  const codeMail = await smtp.waitFor("help@mail-store.test", (m) => /confirmation code/.test(m.header("Subject") ?? ""));
  const code = /(\d{6})/.exec(codeMail.header("Subject")!)![1]!;
  // Not connected until the code comes back: a wrong one is refused in the field.
  await dialog.getByLabel("Code").fill(code === "000000" ? "111111" : "000000");
  await dialog.getByRole("button", { name: "Verify and connect" }).click();
  await expect(dialog.getByText("That code is not right. Check the email and try again.")).toBeVisible();
  await dialog.getByLabel("Code").fill(code);
  await dialog.getByRole("button", { name: "Verify and connect" }).click();
  await expect(dialog.getByRole("status").filter({ hasText: "Email (any helpdesk) is connected as help@mail-store.test." })).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/onboarding-email.png", fullPage: true });
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(card.getByText("Connected", { exact: true })).toBeVisible();
  // A test ticket is a test email to the confirmed address.
  await card.getByRole("button", { name: "Send a test ticket" }).click();
  await expect(card.getByRole("status")).toContainText("Test email sent to your support address.");
  await smtp.waitFor("help@mail-store.test", (m) => m.header("Subject") === "Baton test ticket");
});

test("with Email as the destination, a shopper's handoff arrives as one email", async ({ page }) => {
  await signIn(page, "admin@mail.e2e.test");
  await page.goto("/customer-agent/settings/handoff");
  await page.getByLabel("Send to a helpdesk").check();
  await page.getByLabel(/^Email \(any helpdesk\)/).check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();

  const { sk } = JSON.parse(fs.readFileSync(info, "utf8")) as { sk: string };
  const res = await page.request.post("/api/widget/v1/escalations", {
    headers: { Authorization: `Bearer ${sk}`, "Idempotency-Key": "mail-e2e-1" },
    data: {
      channel: "web_chat",
      consent: true,
      shopper: { email: "ana@example.com", name: "Ana Souza", profileId: "cust_4821" },
      transcript: [{ role: "shopper", text: "Can I still change the size of my order?", at: new Date().toISOString() }],
    },
  });
  expect(res.status()).toBe(201);
  const { escalationId } = (await res.json()) as { escalationId: string };

  const mail = await smtp.waitFor("help@mail-store.test", (m) => (m.header("Message-ID") ?? "").includes(escalationId), 30_000);
  expect(mail.header("From")).toBe("Ana Souza via Baton <no-reply@baton.test>");
  expect(mail.header("Reply-To")).toBe("Ana Souza <ana@example.com>");
  expect(mail.header("Subject")).toBe("Chat: Can I still change the size of my order?");
  expect(mail.raw).toContain("Profile ID: cust_4821");

  // The mail reaches the receiver before the outbox records the send: reload until it has.
  const delivery = page.getByTestId("delivery").filter({ hasText: "ana@example.com" });
  await expect(async () => {
    await page.goto("/integrations");
    await expect(delivery).toHaveAttribute("data-status", "delivered", { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(delivery.getByRole("link", { name: "Email sent" })).toHaveAttribute("href", "mailto:help@mail-store.test");
});
