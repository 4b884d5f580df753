import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, dashboardRoutes, signIn } from "./support/auth";

test.describe("anonymous visitors", () => {
  for (const route of dashboardRoutes) {
    test(`${route} redirects to sign-in`, async ({ page }) => {
      await page.goto(route);
      await expect(page).toHaveURL(/\/sign-in$/);
      await expect(page.getByRole("heading", { name: "Sign in to Baton" })).toBeVisible();
    });
  }
});

test("admin signs in, sees the Demo Store shell, and signs out", async ({ page }) => {
  await signIn(page, "admin@demo.test");
  await expect(page.getByTestId("account-name")).toHaveText("Demo Store");
  const nav = page.getByRole("navigation", { name: "Main navigation" });
  // The Inbox link's name also carries the unassigned count while shopper specs leave handoffs open.
  for (const name of ["Customer Agent", "Overview", "Settings", /^Inbox( \d+ unassigned conversations?)?$/, "Integrations"]) {
    await expect(nav.getByRole("link", { name, exact: true })).toBeVisible();
  }
  await expect(page.getByRole("heading", { name: "Customer Agent", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Overview", level: 2 })).toBeVisible();

  await nav.getByRole("link", { name: "Settings", exact: true }).click();
  await expect(page).toHaveURL(/\/customer-agent\/settings\/handoff$/);
  await expect(page.getByRole("heading", { name: "Handoff" })).toBeVisible();
  await nav.getByRole("link", { name: "Inbox" }).click();
  await expect(page.getByRole("heading", { name: "Inbox", level: 1 })).toBeVisible();

  await page.getByRole("button", { name: /Account menu for Demo Store/ }).click();
  await expect(page.getByText("admin@demo.test")).toBeVisible();
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto("/inbox");
  await expect(page).toHaveURL(/\/sign-in$/);
});

test("a wrong password shows a clear error and keeps the visitor out", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("lead@demo.test");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Email or password is incorrect.");
  await expect(page).toHaveURL(/\/sign-in$/);
});

test("the form checks its fields before sending", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Enter a valid email address.")).toBeVisible();
  await expect(page.getByText("Enter your password.")).toBeVisible();
});

test("repeated wrong passwords are rate limited, even before the right one", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("locked@e2e.test");
  for (let attempt = 1; attempt <= 5; attempt++) {
    await page.getByLabel("Password").fill(`wrong-${attempt}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Email or password is incorrect.");
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  }
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(/Too many failed attempts\. Try again in 15 minutes\./);
  await expect(page).toHaveURL(/\/sign-in$/);
});

test("a signed-in user opening sign-in goes to the dashboard", async ({ page }) => {
  await signIn(page, "agent@demo.test");
  await page.goto("/sign-in");
  await expect(page).toHaveURL(/\/inbox$/);
});

test("signing out ends the session on the server: a copy of its cookie stops working", async ({ page, browser }) => {
  await signIn(page, "lead@demo.test");
  const cookies = await page.context().cookies();
  await page.getByRole("button", { name: /Account menu for Demo Store/ }).click();
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  const copy = await browser.newContext();
  try {
    await copy.addCookies(cookies);
    const stolen = await copy.newPage();
    await stolen.goto("/inbox");
    await expect(stolen).toHaveURL(/\/sign-in$/);
  } finally {
    await copy.close();
  }
});

test("sign out everywhere ends the user's sessions in other browsers", async ({ page, browser }) => {
  const laptop = await browser.newContext();
  try {
    const other = await laptop.newPage();
    await signIn(other, "everywhere@e2e.test");
    await signIn(page, "everywhere@e2e.test");
    await page.getByRole("button", { name: /Account menu for/ }).click();
    await page.getByRole("button", { name: "Sign out everywhere" }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await other.goto("/inbox");
    await expect(other).toHaveURL(/\/sign-in$/);
  } finally {
    await laptop.close();
  }
});

test("a callback URL that a browser would read as another site never leaves Baton", async ({ browser }) => {
  // Four fresh browsers, each loading the sign-in page and then the whole dashboard (sign-in is a form post).
  test.setTimeout(90_000);
  for (const callback of ["%2F%09%2Fevil.example%2Fphish", "%2F%0A%2Fevil.example%2Fphish", "%2F%5Cevil.example", "%2F%2Fevil.example"]) {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const response = await page.goto(`/sign-in?callbackUrl=${callback}`);
      expect(response?.status()).toBeLessThan(500);
      await page.getByLabel("Email").fill("agent@demo.test");
      await page.getByLabel("Password").fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/inbox$/);
    } finally {
      await context.close();
    }
  }
});
