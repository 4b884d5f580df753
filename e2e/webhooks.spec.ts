import { expect, test } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { startWebhookReceiver } from "@/db/testing/webhook-receiver";
import { signIn } from "./support/auth";

// E2E Store's endpoints; a receiver on this machine's loopback (the server allows private webhooks).
test.describe.configure({ mode: "serial" });

test("an admin adds an endpoint, sends a test event, sees it in the log and resends it", async ({ page }) => {
  // A journey of a dozen page loads and two deliveries: 30 s ran out on a loaded machine.
  test.setTimeout(90_000);
  const receiver = await startWebhookReceiver(0, () => ({ status: 200, body: "thanks" }));
  try {
    await signIn(page, "admin@e2e.test");
    await page.goto("/customer-agent/settings/handoff");
    await page.getByRole("link", { name: "Webhooks", exact: true }).click();
    await expect(page.getByRole("heading", { name: "Webhooks", exact: true })).toBeVisible();

    // An http URL elsewhere than loopback is refused, and so is no event at all.
    await page.getByLabel("Endpoint URL").fill("http://example.com/hook");
    await page.getByRole("button", { name: "Add endpoint" }).click();
    await expect(page.getByText("Use an https:// address.")).toBeVisible();

    await page.getByLabel("Endpoint URL").fill(receiver.url);
    await page.getByRole("button", { name: "Add endpoint" }).click();
    const secret = (await page.getByTestId("webhook-secret").textContent())!;
    expect(secret).toMatch(/^whsec_/);
    const card = page.getByRole("article", { name: receiver.url });
    await expect(card.getByTestId("endpoint-state")).toHaveText("Enabled");

    await card.getByRole("button", { name: "Send test event" }).click();
    await expect(card.getByText("Test event queued.")).toBeVisible();
    await expect.poll(() => receiver.received.length, { timeout: 15_000 }).toBe(1);
    const first = receiver.received[0]!;
    expect(new Webhook(secret).verify(first.body, first.headers)).toMatchObject({ type: "ping" });

    await card.getByRole("link", { name: `Delivery log of ${receiver.url}` }).click();
    const row = page.getByTestId("webhook-delivery").first();
    await expect(row).toContainText("ping");
    await expect(row).toContainText("Delivered");
    await expect(row).toContainText("200");
    await expect(row).toContainText("thanks");

    // Resend (by keyboard): the same webhook-id again.
    await row.getByRole("button", { name: /^Resend ping/ }).focus();
    await page.keyboard.press("Enter");
    await expect(row.getByText("Queued again with the same webhook-id.")).toBeVisible();
    await expect.poll(() => receiver.received.length, { timeout: 15_000 }).toBe(2);
    expect(receiver.received[1]!.headers["webhook-id"]).toBe(first.headers["webhook-id"]);
    await page.reload();
    await expect(page.getByTestId("webhook-delivery").first()).toContainText("2");
    await page.screenshot({ path: "test-results/screenshots/webhook-log.png", fullPage: true });

    // Pause, then delete (it asks first).
    await page.getByRole("link", { name: "Back to webhooks" }).click();
    await card.getByRole("button", { name: "Pause" }).click();
    await expect(card.getByTestId("endpoint-state")).toHaveText("Paused: paused by an admin");
    await card.getByRole("button", { name: "Delete" }).click();
    await card.getByRole("button", { name: "Yes, delete" }).click();
    await expect(page.getByRole("article", { name: receiver.url })).toHaveCount(0);
  } finally {
    await receiver.close();
  }
});
