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
  expect((await list.json()) as Array<{ conversationId: string }>).not.toContainEqual(expect.objectContaining({ conversationId: raceConversationId }));

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
