import { expect, type Browser, type Page } from "@playwright/test";
import { signIn } from "./auth";

// Shared steps of the specs that hand shoppers off: the demo storefront's widget, and connecting
// Demo Store to a demo helpdesk account as its handoff destination.

export async function openChat(page: Page, path = "/demo/store?shopper=unverified") {
  await page.goto(path);
  const bubble = page.getByTestId("baton-bubble");
  await expect(bubble).toHaveAttribute("aria-label", "Open chat");
  await bubble.click();
  await expect(bubble).toHaveAttribute("aria-expanded", "true");
  const panel = page.getByRole("dialog", { name: "Chat with us" });
  await expect(panel).toBeVisible();
  await expect(panel.getByLabel("Your message")).toBeFocused();
  return panel;
}

export async function ask(page: Page, question: string) {
  const panel = page.getByTestId("baton-panel");
  await panel.getByLabel("Your message").fill(question);
  await panel.getByRole("button", { name: "Send", exact: true }).click();
  await expect(panel.getByTestId("baton-message").filter({ hasText: question })).toHaveAttribute("data-author", "shopper");
}

// The helpdesk simulators e2e/support/server.ts started (ports overridable like the app's).
export const simulators = {
  zendesk: `http://127.0.0.1:${process.env.E2E_ZENDESK_PORT || 4110}/demo-store`,
  gorgias: `http://127.0.0.1:${process.env.E2E_GORGIAS_PORT || 4111}/demo-store`,
};
export const basic = (user: string, secret: string) => `Basic ${Buffer.from(`${user}:${secret}`).toString("base64")}`;

/** A second browser page, signed in as someone from the team. */
export async function signedIn(browser: Browser, email: string) {
  const member = await browser.newPage();
  await signIn(member, email);
  return member;
}

/** As Demo Store's admin: connect the demo helpdesk account, then make it the handoff destination. */
export async function connectAsDestination(admin: Page, helpdesk: "zendesk" | "gorgias") {
  const name = helpdesk === "zendesk" ? "Zendesk" : "Gorgias";
  await admin.goto("/integrations");
  await admin.getByRole("button", { name: `Connect ${name}` }).click();
  const dialog = admin.getByRole("dialog", { name: `Connect ${name}` });
  if (helpdesk === "zendesk") {
    await dialog.getByLabel(/Use an existing API token/).check();
    await dialog.getByRole("button", { name: "Continue" }).click();
    await dialog.getByLabel("Zendesk subdomain").fill("demo-store");
    await dialog.getByLabel("Agent email").fill("agent@demo-store.test");
    await dialog.getByLabel("API token").fill("demo-zendesk-token");
  } else {
    await dialog.getByLabel("Gorgias domain").fill("demo-store");
    await dialog.getByLabel("Username (email)").fill("agent@demo-store.test");
    await dialog.getByLabel("API key").fill("demo-gorgias-key");
  }
  await dialog.getByRole("button", { name: "Verify and connect" }).click();
  await dialog.getByRole("button", { name: "Done" }).click();
  await admin.goto("/customer-agent/settings/handoff");
  await admin.getByLabel("Send to a helpdesk").check();
  await admin.getByLabel(new RegExp(`^${name}`)).check();
  await admin.getByRole("button", { name: "Save" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await expect(admin.getByLabel(new RegExp(`^${name}`))).toBeChecked();
}

/** A new shopper on the demo storefront asks something the agent cannot answer and hands off with this email. */
export async function handOff(page: Page, question: string, email: string) {
  const panel = await openChat(page);
  await ask(page, question);
  await panel.getByTestId("baton-consent-yes").click();
  const form = panel.getByTestId("baton-email-form");
  await form.getByRole("textbox").fill(email);
  await form.getByRole("button").click();
  await expect(panel.getByText("This chat has ended.")).toBeVisible();
}
