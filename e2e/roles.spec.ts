import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";

const leadOnly = [
  "/customer-agent",
  "/customer-agent/overview",
  "/customer-agent/settings",
  "/customer-agent/settings/handoff",
  "/customer-agent/settings/business-hours",
  "/customer-agent/settings/widget",
  "/integrations",
];
const adminOnly = ["/customer-agent/settings/webhooks"];

test("agents get the inbox only: no settings, integrations or deliveries, in the menu or by URL", async ({ page }) => {
  await signIn(page, "agent@demo.test");
  await expect(page).toHaveURL(/\/inbox$/);
  const nav = page.getByRole("navigation", { name: "Main navigation" });
  await expect(nav.getByRole("link", { name: "Inbox" })).toBeVisible();
  for (const name of ["Customer Agent", "Settings", "Integrations"]) await expect(nav.getByRole("link", { name, exact: true })).toHaveCount(0);
  for (const path of [...leadOnly, ...adminOnly]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { name: "Deliveries" })).toHaveCount(0);
  }
});

test("leads see settings and integrations", async ({ page }) => {
  await signIn(page, "lead@demo.test");
  for (const path of leadOnly.slice(1)) expect((await page.goto(path))?.status(), path).toBe(200);
});

test("webhooks are for admins: a lead is not shown the tab and gets 403 by URL", async ({ page }) => {
  await signIn(page, "lead@demo.test");
  await page.goto("/customer-agent/settings/handoff");
  await expect(page.getByRole("link", { name: "Handoff", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Webhooks", exact: true })).toHaveCount(0);
  for (const path of adminOnly) expect((await page.goto(path))?.status(), path).toBe(403);
});
