import { expect, test, type Browser, type Page } from "@playwright/test";
import { openDashboardPage, signIn } from "./support/auth";
import { readFixtures } from "./support/fixture-ids";

// Business hours, agent presence and the auto-reply, on Hours Store: an account of this spec's
// own (e2e/support/fixtures.ts) with its own widget, so Demo Store stays as the shopper specs
// expect it. The tests build on each other's saved hours, so they run in order.
test.describe.configure({ mode: "serial" });

const hoursPath = "/customer-agent/settings/business-hours";
const days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const autoReply = "Thanks for your patience! We're back {backAt}.";

async function signedIn(browser: Browser, email: string) {
  const page = await browser.newPage();
  await signIn(page, email);
  return page;
}

async function save(page: Page) {
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
}

/** Hours Store's storefront: a plain page on Baton's origin (an allowed origin) embedding its widget. */
async function openStore(page: Page) {
  const { hoursStoreKey } = readFixtures();
  await page.route("**/e2e/hours-store", (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><html lang="en"><head><title>Hours Store</title></head><body><h1>Hours Store</h1><script src="/widget.js" data-key="${hoursStoreKey}" async></script></body></html>`,
    }),
  );
  await page.goto("/e2e/hours-store");
  await page.getByTestId("baton-bubble").click();
  return page.getByRole("dialog", { name: "Chat with us" });
}

/** A shopper asks what the agent cannot answer, accepts a human and gives an email when asked. */
async function escalate(page: Page, email: string, expectedEmailPrompt: string) {
  const panel = await openStore(page);
  await panel.getByLabel("Your message").fill("Can you gift-wrap my order?");
  await panel.getByRole("button", { name: "Send", exact: true }).click();
  await panel.getByTestId("baton-consent-yes").click();
  await expect(panel.getByText(expectedEmailPrompt)).toBeVisible();
  const form = panel.getByTestId("baton-email-form");
  await form.getByRole("textbox").fill(email);
  await form.getByRole("button").click();
  await expect(panel.getByText(`Thanks! I've sent your conversation to our team. They'll answer you by email at ${email}.`)).toBeVisible();
  return panel;
}

const offlinePrompt = "Our team isn't available right now, so they'll answer you by email. What's your email address?";

test("an admin sets weekly hours with an overnight range, a holiday and an auto-reply, and they are saved", async ({ page }) => {
  await signIn(page, "hours-admin@e2e.test");
  await openDashboardPage(page, hoursPath);
  await expect(page.getByRole("note").filter({ hasText: "No business hours yet" })).toBeVisible();
  await expect(page.getByLabel("Account time zone")).toHaveValue("America/New_York");
  // A new form is empty, not midnight to midnight every day.
  await expect(page.getByTestId("weekly-schedule").getByText("No hours set")).toHaveCount(7);
  await expect(page.getByText("No holidays or special hours yet.")).toBeVisible();

  for (const day of days.slice(0, 5)) {
    await page.getByLabel(`Open on ${day}`).check();
    await expect(page.getByLabel(`${day} opens, range 1`)).toHaveValue("09:00");
    await expect(page.getByLabel(`${day} closes, range 1`)).toHaveValue("17:00");
  }
  await expect(page.getByLabel("Open on Saturday")).not.toBeChecked();
  await page.getByRole("button", { name: "Add hours on Friday" }).click();
  await page.getByLabel("Friday opens, range 2").fill("22:00");
  await page.getByLabel("Friday closes, range 2").fill("02:00");
  await expect(page.getByTestId("weekly-schedule").getByText("next day")).toHaveCount(1);

  await page.getByRole("button", { name: "Add a holiday or special hours" }).click();
  await page.getByLabel("Date of exception 1").fill("2026-12-25");
  await page.getByLabel("Name of exception 1").fill("Christmas Day");
  await expect(page.getByLabel("Hours of exception 1")).toHaveValue("closed");

  await page.getByLabel("Auto-reply when nobody is available").fill(autoReply);
  await expect(page.getByTestId("auto-reply-preview")).toContainText("Thanks for your patience! We're back ");
  await expect(page.getByTestId("auto-reply-preview")).not.toContainText("{backAt}");
  await save(page);

  await page.reload();
  await expect(page.getByRole("note").filter({ hasText: "No business hours yet" })).toHaveCount(0);
  await expect(page.getByLabel("Monday closes, range 1")).toHaveValue("17:00");
  await expect(page.getByLabel("Friday opens, range 2")).toHaveValue("22:00");
  await expect(page.getByLabel("Friday closes, range 2")).toHaveValue("02:00");
  await expect(page.getByLabel("Open on Saturday")).not.toBeChecked();
  await expect(page.getByLabel("Date of exception 1")).toHaveValue("2026-12-25");
  await expect(page.getByLabel("Name of exception 1")).toHaveValue("Christmas Day");
  await expect(page.getByLabel("Auto-reply when nobody is available")).toHaveValue(autoReply);
  await expect(page.getByTestId("team-presence")).toContainText("Hana Hours");
  await page.screenshot({ path: "test-results/screenshots/business-hours.png", fullPage: true });
});

test("bad hours get inline messages and nothing is saved", async ({ page }) => {
  await signIn(page, "hours-admin@e2e.test");
  await openDashboardPage(page, hoursPath);
  await page.getByLabel("Tuesday closes, range 1").fill("09:00");
  await page.getByRole("button", { name: "Add hours on Wednesday" }).click();
  await page.getByLabel("Wednesday opens, range 2").fill("16:00");
  await page.getByLabel("Wednesday closes, range 2").fill("18:00");
  await page.getByLabel("Auto-reply when nobody is available").fill("Back {when}");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Check the highlighted fields." })).toBeVisible();
  await expect(page.getByText("A range needs an end different from its start")).toBeVisible();
  await expect(page.getByText("This range overlaps another one on the same day.")).toBeVisible();
  await expect(page.getByText("The only placeholder is {backAt}")).toBeVisible();
  await expect(page.getByLabel("Tuesday closes, range 1")).toHaveAttribute("aria-invalid", "true");
  await page.screenshot({ path: "test-results/screenshots/business-hours-errors.png", fullPage: true });
  await page.reload();
  await expect(page.getByLabel("Tuesday closes, range 1")).toHaveValue("17:00");
});

test("the Handoff preview shows both cases: someone available, and the auto-reply when nobody is", async ({ page }) => {
  await signIn(page, "hours-admin@e2e.test");
  await page.goto("/customer-agent/settings/handoff");
  const preview = page.getByTestId("handoff-preview");
  await expect(preview).toContainText("Someone will reply right here.");
  await page.getByRole("radio", { name: "Nobody available" }).click();
  await expect(preview).toHaveAttribute("data-case", "nobody");
  await expect(preview).toContainText(offlinePrompt);
  await expect(preview).toContainText("They'll answer you by email at sam@example.com.");
  await expect(preview).toContainText("Thanks for your patience! We're back ");
  await page.screenshot({ path: "test-results/screenshots/handoff-preview-nobody.png", fullPage: true });
  await page.getByRole("radio", { name: "SMS", exact: true }).click();
  await expect(preview).toContainText("They'll reply to you here by SMS. Thanks for your patience! We're back ");
  await page.getByRole("radio", { name: "Someone available" }).click();
  await expect(preview).not.toContainText("Thanks for your patience!");
});

test("outside business hours, a shopper escalating gets the auto-reply with the next opening in the store's time zone", async ({ page, browser }) => {
  // Closed every day; the next opening is special hours ten days from today (New York's today).
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "America/New_York" }).format(new Date());
  const opening = new Date(`${today}T12:00:00Z`);
  opening.setUTCDate(opening.getUTCDate() + 10);
  const date = opening.toISOString().slice(0, 10);
  const day = new Intl.DateTimeFormat("en-US", { timeZone: "UTC", weekday: "long", month: "long", day: "numeric" }).format(opening);

  const admin = await signedIn(browser, "hours-admin@e2e.test");
  await admin.goto(hoursPath);
  for (const name of days.slice(0, 5)) await admin.getByLabel(`Open on ${name}`).uncheck();
  await admin.getByRole("button", { name: "Add a holiday or special hours" }).click();
  await admin.getByLabel("Date of exception 2").fill(date);
  await admin.getByLabel("Name of exception 2").fill("Pop-up day");
  await admin.getByLabel("Hours of exception 2").selectOption("Special hours");
  await admin.getByLabel("Exception 2 opens, range 1").fill("09:00");
  await admin.getByLabel("Exception 2 closes, range 1").fill("17:00");
  await save(admin);
  await admin.reload();
  await expect(admin.getByTestId("availability-status")).toContainText("Closed. Shoppers get your auto-reply: back on");

  const panel = await escalate(page, "night.owl@example.com", offlinePrompt);
  const expected = new RegExp(`Thanks for your patience! We're back on ${day} at 9:00\\sAM E[SD]T\\.`);
  await expect(panel.locator('[data-testid="baton-message"][data-author="assistant"]').last()).toHaveText(expected);
  await page.screenshot({ path: "test-results/screenshots/widget-auto-reply.png" });
});

test("with every agent away, the shopper gets the auto-reply, and the agent's later reply is kept as an email", async ({ page, browser }) => {
  const admin = await signedIn(browser, "hours-admin@e2e.test");
  await admin.goto(hoursPath);
  // Open around the clock again, so only presence decides.
  for (const name of days) {
    const open = admin.getByLabel(`Open on ${name}`);
    if (!(await open.isChecked())) await open.check();
    await admin.getByLabel(`${name} opens, range 1`).fill("00:00");
    await admin.getByLabel(`${name} closes, range 1`).fill("00:00");
  }
  await expect(admin.getByTestId("weekly-schedule").getByText("24 hours")).toHaveCount(7);
  await save(admin);

  // The admin, the only member online, steps away with the keyboard.
  const presence = admin.getByTestId("presence-control");
  await presence.getByRole("radio", { name: "Available" }).focus();
  await admin.keyboard.press("ArrowRight");
  await expect(presence.getByRole("radio", { name: "Away" })).toBeChecked();
  await expect(presence).toContainText("You won't be counted for live chats.");
  await expect(async () => {
    await admin.reload();
    await expect(admin.getByTestId("availability-status")).toContainText("Open, but nobody is available", { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await expect(admin.getByTestId("team-presence").getByRole("listitem").filter({ hasText: "Hana Hours" })).toContainText("Away");

  const panel = await escalate(page, "weekend.shopper@example.com", offlinePrompt);
  await expect(panel.getByText("Thanks for your patience! We're back soon.")).toBeVisible();

  // An agent comes back later, replies in Baton Inbox: the reply is recorded as an email to the shopper.
  const agent = await signedIn(browser, "hours-agent@e2e.test");
  await agent.goto("/inbox");
  await agent.getByTestId("inbox-row").filter({ hasText: "weekend.shopper@example.com" }).getByRole("link").click();
  await expect(agent.getByText("Your replies also go to weekend.shopper@example.com.")).toBeVisible();
  const followUp = agent.getByTestId("email-follow-up");
  await expect(followUp).toContainText("No replies yet.");
  await agent.getByRole("button", { name: "Claim" }).click();
  // The claimed conversation re-renders its reply box: type once the claim has landed.
  await expect(agent.getByRole("button", { name: "Claim" })).toBeHidden();
  await agent.getByLabel("Reply to the shopper").fill("Yes, we gift-wrap every order for free.");
  await agent.getByRole("button", { name: "Send reply" }).click();
  const email = followUp.getByTestId("outbox-email");
  await expect(email).toHaveAttribute("data-status", "recorded");
  await expect(email).toContainText("Recorded, not sent");
  await expect(email).toContainText("Yes, we gift-wrap every order for free.");
  await expect(followUp).toContainText("no outgoing mail server is set up for Baton");
  await expect(followUp).not.toContainText("SMTP");
  await agent.screenshot({ path: "test-results/screenshots/inbox-email-follow-up.png", fullPage: true });
  // The shopper still in the chat sees it too.
  await expect(panel.locator('[data-testid="baton-message"][data-author="human"]')).toContainText("we gift-wrap every order", { timeout: 15_000 });
});

test("a lead sees business hours read-only, and the server refuses a forced save", async ({ page }) => {
  await signIn(page, "hours-lead@e2e.test");
  await openDashboardPage(page, hoursPath);
  await expect(page.getByText("Only admins can change business hours. You're viewing them read-only.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Save" })).toBeDisabled();
  await expect(page.getByLabel("Open on Monday")).toBeDisabled();

  await page
    .locator("fieldset[disabled]")
    .first()
    .evaluate((el) => el.removeAttribute("disabled"));
  await page.getByLabel("Open on Monday").uncheck();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Only admins can change business hours." })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Open on Monday")).toBeChecked();
});

test("Other Store's admin sees only Other Store's hours", async ({ page }) => {
  await signIn(page, "admin@other.test");
  await openDashboardPage(page, hoursPath);
  await expect(page.getByLabel("Account time zone")).toHaveValue("Europe/Lisbon");
  await expect(page.getByRole("note").filter({ hasText: "No business hours yet" })).toBeVisible();
  await expect(page.getByText("Christmas Day")).toHaveCount(0);
  await expect(page.getByTestId("team-presence")).not.toContainText("Hana Hours");
});
