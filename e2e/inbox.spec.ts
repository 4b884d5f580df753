import { expect, test, type Browser } from "@playwright/test";
import { signIn } from "./support/auth";
import { readFixtures } from "./support/fixture-ids";

// E2E Store's inbox holds one seeded handoff (e2e/support/fixtures.ts).
async function signedIn(browser: Browser, email: string) {
  const page = await browser.newPage();
  await signIn(page, email);
  return page;
}

test("two agents claim at once: exactly one owns the conversation, the other sees who does", async ({ browser }) => {
  const { raceConversationId } = readFixtures();
  const agents = [await signedIn(browser, "agent1@e2e.test"), await signedIn(browser, "agent2@e2e.test")];
  for (const page of agents) {
    await page.goto(`/inbox/${raceConversationId}`);
    await expect(page.getByTestId("transcript")).toContainText("Who will answer me first?");
  }
  // Both click at once. The live view may already have replaced one button with the other's
  // claim (then that click finds no button, which is also "losing cleanly").
  await Promise.all(
    agents.map((page) =>
      page
        .getByRole("button", { name: "Claim" })
        .click({ timeout: 3_000 })
        .catch(() => undefined),
    ),
  );

  const owners = [];
  for (const page of agents) {
    await expect(page.getByLabel("Reply to the shopper").or(page.getByText(/^Claimed by /))).toBeVisible();
    owners.push(await page.getByLabel("Reply to the shopper").isVisible());
  }
  expect(owners.filter(Boolean)).toHaveLength(1);
  const winner = owners[0] ? "Ari One" : "Bo Two";
  const loser = agents[owners[0] ? 1 : 0]!;
  await expect(loser.getByText(`Claimed by ${winner}`)).toBeVisible();
  await expect(loser.getByRole("button", { name: "Claim" })).toBeHidden();
});

test("when the live stream is down the inbox polls, and still shows a colleague's claim", async ({ browser }) => {
  const { fallbackConversationId } = readFixtures();
  const watcher = await signedIn(browser, "lead@e2e.test");
  await watcher.route("**/api/inbox/stream", (route) => route.abort());
  await watcher.goto("/inbox?assignee=all&state=open");
  await expect(watcher.getByTestId("inbox-live")).toHaveAttribute("data-live", "false");
  const row = watcher.getByTestId("inbox-row").filter({ hasText: "Flo Fallback" });
  await expect(row).toContainText("Unassigned");

  const agent = await signedIn(browser, "agent2@e2e.test");
  await agent.goto(`/inbox/${fallbackConversationId}`);
  await agent.getByRole("button", { name: "Claim" }).click();
  await expect(agent.getByLabel("Reply to the shopper")).toBeVisible();
  await expect(row).toContainText("Bo Two", { timeout: 10_000 });
});

test("an agent of another account cannot list, open or read E2E Store's conversations", async ({ browser }) => {
  const { raceConversationId } = readFixtures();
  const outsider = await signedIn(browser, "outsider@e2e.test");

  const list = await outsider.request.get("/api/inbox?assignee=all&state=open");
  expect(list.status()).toBe(200);
  expect(((await list.json()) as { rows: Array<{ conversationId: string }> }).rows).not.toContainEqual(
    expect.objectContaining({ conversationId: raceConversationId }),
  );

  const one = await outsider.request.get(`/api/inbox/${raceConversationId}`);
  expect([one.status(), (await one.json()).error.code]).toEqual([404, "not_found"]);

  const page = await outsider.goto(`/inbox/${raceConversationId}`);
  expect(page?.status()).toBe(404);
  await expect(outsider.getByText("Who will answer me first?")).toHaveCount(0);
});

test("the inbox's data routes refuse anonymous callers with a JSON error", async ({ request }) => {
  for (const path of ["/api/inbox", "/api/inbox/unassigned", `/api/inbox/${readFixtures().raceConversationId}`, "/api/inbox/stream"]) {
    const response = await request.get(path);
    expect([path, response.status(), (await response.json()).error.code]).toEqual([path, 401, "unauthenticated"]);
  }
});

test("the Closed view says how each conversation ended and who closed it, and pages past 100 by keyboard", async ({ browser }) => {
  test.setTimeout(90_000);
  // Demo Store's seeded history holds 276 conversations its agents closed. (Its agent starts in
  // the inbox, a lighter first page than the admin's overview on a busy machine.)
  const page = await signedIn(browser, "agent@demo.test");
  await page.goto("/inbox?assignee=all&state=closed");
  const rows = page.getByTestId("inbox-row");
  await expect(rows).toHaveCount(100);
  await expect(page.getByRole("columnheader", { name: "Outcome" })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Closed" })).toBeVisible();
  await expect(page.getByTestId("inbox-summary")).toHaveText("100 conversations shown; more to load below");
  // Every row says how it ended and who closed it; none claims to be waiting in the inbox.
  const states = await page.getByTestId("inbox-state").allTextContents();
  expect(states).toHaveLength(100);
  for (const state of states) expect(state).toMatch(/^(Answered · closed by \S.+|Closed without a reply by \S.+|Forwarding to .+ failed · closed by \S.+)$/);
  await expect(page.getByText("In Baton Inbox")).toHaveCount(0);
  await page.screenshot({ path: "test-results/screenshots/inbox-closed.png" });

  // Keyboard only: Load more, then focus is on the first new row. (Once hydrated: the live stream is up.)
  await expect(page.getByTestId("inbox-live")).toHaveAttribute("data-live", "true");
  const more = page.getByRole("button", { name: "Load more" });
  await more.focus();
  await page.keyboard.press("Enter");
  await expect(rows).toHaveCount(200);
  await expect(page.locator("a[data-row-link]").nth(100)).toBeFocused();
  await expect(page.getByTestId("inbox-summary")).toHaveText("200 conversations shown; more to load below");
  await more.focus();
  await page.keyboard.press("Enter");
  // The last page is in: the button (its testid stays while it reads "Loading more…") is gone.
  await expect(page.getByTestId("inbox-more")).toHaveCount(0);
  const total = await rows.count();
  expect(total).toBeGreaterThanOrEqual(276);
  await expect(page.getByTestId("inbox-summary")).toHaveText(`${total} conversations shown`);
  // No conversation twice across the pages.
  const links = await page.locator("a[data-row-link]").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  expect(new Set(links).size).toBe(total);
  await page.context().close();
});

test("search finds a shopper by email or by message text, in the member's own account only", async ({ browser }) => {
  test.setTimeout(90_000);
  const page = await signedIn(browser, "lead@e2e.test");
  await page.goto("/inbox?assignee=all&state=open");
  const search = page.getByRole("searchbox", { name: "Search the inbox" });
  await search.fill("RACE.shopper@example");
  await search.press("Enter");
  await expect(page).toHaveURL(/[?&]q=RACE\.shopper%40example/);
  await expect(page.getByTestId("inbox-summary")).toHaveText("1 conversation matches “RACE.shopper@example”");
  await expect(page.getByTestId("inbox-row")).toHaveCount(1);
  await expect(page.getByTestId("inbox-row")).toContainText("Rae Racer");

  await page.getByRole("searchbox", { name: "Search the inbox" }).fill("still polling");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page.getByTestId("inbox-row")).toHaveCount(1);
  await expect(page.getByTestId("inbox-row")).toContainText("Flo Fallback");
  await page.screenshot({ path: "test-results/screenshots/inbox-search.png" });

  await page.getByRole("searchbox", { name: "Search the inbox" }).fill("zz");
  await page.getByRole("searchbox", { name: "Search the inbox" }).press("Enter");
  await expect(page.getByRole("alert").filter({ hasText: "Type at least" })).toHaveText("Type at least 3 characters to search.");
  await expect(page.getByRole("searchbox", { name: "Search the inbox" })).toHaveAccessibleDescription("Type at least 3 characters to search.");

  await page.goto("/inbox?assignee=all&state=open&q=no-such-shopper-anywhere");
  await expect(page.getByText("No conversation in this view has that email or text.")).toBeVisible();
  await page.getByRole("link", { name: "Clear search" }).click();
  await expect(page.getByTestId("inbox-row").filter({ hasText: "Rae Racer" })).toBeVisible();

  // Another account's member searching the same email finds nothing of E2E Store.
  const outsider = await signedIn(browser, "outsider@e2e.test");
  const found = await outsider.request.get("/api/inbox?assignee=all&state=open&q=race.shopper");
  expect(((await found.json()) as { rows: unknown[] }).rows).toEqual([]);
  // A forged cursor is no cursor: the first page, never an error.
  const forged = await outsider.request.get("/api/inbox?state=closed&after=2026-02-30T00:00:00.000000Z_x");
  expect(forged.status()).toBe(200);
  await page.context().close();
  await outsider.context().close();
});

test("a row's age hydrates without an error when the browser's clock is ahead of the server's", async ({ page }) => {
  // The server writes "12 minutes ago", the browser's first render "3 hours ago": React keeps the
  // server's words until the next tick instead of failing the hydration (error #418).
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await signIn(page, "agent1@e2e.test");
  await page.clock.setFixedTime(new Date(Date.now() + 3 * 3_600_000));
  await page.goto("/inbox?assignee=all");
  await expect(page.getByTestId("inbox-row").first().locator("time")).toBeVisible();
  await expect(page.getByTestId("inbox-live")).toHaveAttribute("data-ready", "true");
  expect(errors).toEqual([]);
});
