import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "baton-demo";

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // Admins and leads start on the overview; agents, who cannot see it, in the inbox.
  await expect(page).toHaveURL(/\/(customer-agent\/overview|inbox)$/);
  // Sign-in is a plain form post, so the dashboard arrives as a fresh page: wait for its script
  // before a test clicks controls that need it (the account menu, presence).
  await expect(page.getByTestId("inbox-live")).toHaveAttribute("data-ready", "true");
}

export const dashboardRoutes = [
  "/",
  "/customer-agent",
  "/customer-agent/overview",
  "/customer-agent/settings",
  "/customer-agent/settings/handoff",
  "/inbox",
  "/integrations",
];

/**
 * Opens a dashboard page and waits for React to hydrate it: a value typed into a form before then
 * is replaced by the form's state when hydration catches up (seen on a loaded machine).
 */
export async function openDashboardPage(page: Page, path: string) {
  await page.goto(path);
  await expect(page.getByTestId("inbox-live")).toHaveAttribute("data-ready", "true");
}
