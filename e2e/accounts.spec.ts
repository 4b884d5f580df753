import { expect, test, type APIRequestContext } from "@playwright/test";
import { signIn } from "./support/auth";
import { readFixtures } from "./support/fixture-ids";

async function requestAccountSwitch(request: APIRequestContext, accountId: string) {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/session", { data: { csrfToken, data: { accountId } } });
  expect(response.ok()).toBe(true);
  return (await response.json()) as { accountId?: string };
}

test("an Other Store admin cannot switch into Demo Store by sending its id", async ({ page }) => {
  const { demoStoreId, otherStoreId } = readFixtures();
  await signIn(page, "admin@other.test");
  await expect(page.getByTestId("account-name")).toHaveText("Other Store");

  const session = await requestAccountSwitch(page.request, demoStoreId);
  expect(session.accountId).toBe(otherStoreId);

  for (const route of ["/customer-agent/overview", "/customer-agent/settings/handoff", "/inbox", "/integrations"]) {
    await page.goto(route);
    await expect(page.getByTestId("account-name")).toHaveText("Other Store");
    await expect(page.getByText("Demo Store")).toHaveCount(0);
  }
});

test("a member of two accounts switches between them from the account menu", async ({ page }) => {
  const { demoStoreId } = readFixtures();
  await signIn(page, "switcher@e2e.test");
  // Memberships are listed by name: Demo Store comes first and is active after sign-in.
  await expect(page.getByTestId("account-name")).toHaveText("Demo Store");
  await expect(page.getByText("Agent", { exact: true })).toBeVisible();

  await page.getByRole("button", { name: /Account menu for Demo Store/ }).click();
  await page.getByRole("button", { name: /Other Store/ }).click();
  await expect(page.getByTestId("account-name")).toHaveText("Other Store");
  await expect(page.getByText("Support lead", { exact: true })).toBeVisible();

  await page.reload();
  await expect(page.getByTestId("account-name")).toHaveText("Other Store");

  // Switching back by id works too, because this user is a member of both.
  const session = await requestAccountSwitch(page.request, demoStoreId);
  expect(session.accountId).toBe(demoStoreId);
  await page.reload();
  await expect(page.getByTestId("account-name")).toHaveText("Demo Store");
});
