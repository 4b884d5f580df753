// Customer Agent → Overview on the seeded Demo Store history (90 days of conversations). Other
// specs add conversations to Demo Store meanwhile, so figures are compared, never pinned.
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/auth";

const tiles = ["conversations", "resolution", "routed", "messageShown", "declined", "medianReply", "p90Reply", "forwarding"];
const charts = ["chart-rates", "chart-outcomes", "chart-channels", "chart-destinations", "chart-funnel"];

/** A local day of New York (Demo Store's time zone), `offset` days from today. */
function newYorkDay(offset: number) {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "America/New_York" }).format(new Date());
  const date = new Date(`${today}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + offset);
  return date.toISOString().slice(0, 10);
}

const value = (page: Page, tile: string) => page.getByTestId(`tile-${tile}-value`);

test("renders every tile, chart and knowledge gap; filters change them in place and live in the URL", async ({ page }) => {
  await signIn(page, "lead@demo.test");
  await expect(page.getByRole("heading", { name: "Overview", level: 2 })).toBeVisible();
  for (const tile of tiles) await expect(value(page, tile)).not.toHaveText("—");
  await expect(page.getByTestId("tile-resolution-value")).toHaveText(/^\d+(\.\d)?%$/);
  await expect(page.getByTestId("tile-medianReply-value")).toHaveText(/\d+ (s|min)/);
  for (const chart of charts) await expect(page.getByTestId(chart).getByRole("application")).toBeVisible();
  await expect(page.getByTestId("knowledge-gap")).toHaveCount(10);
  await expect(page.getByTestId("knowledge-gap").first()).toContainText(/Asked \d+ times/);
  await expect(page.getByTestId("definitions")).toContainText("Durably resolved conversations ÷ all conversations of the period.");
  await expect(page.getByTestId("answered-then-handed-off")).toBeVisible();

  // A tile's definition, next to it.
  await page.getByRole("button", { name: "About Resolution rate" }).click();
  await expect(page.getByTestId("tile-resolution").getByRole("status")).toContainText("Durably resolved conversations ÷ all conversations");
  await page.keyboard.press("Escape");

  // Exact numbers in a chart's tooltip.
  const rates = page.getByTestId("chart-rates").getByRole("application");
  const box = (await rates.boundingBox())!;
  await rates.hover({ position: { x: box.width * 0.6, y: box.height * 0.4 } });
  await expect(page.getByTestId("chart-rates").locator(".recharts-tooltip-wrapper")).toContainText(/\d+(\.\d)?% \(\d+ of \d+\)/);
  await page.screenshot({ path: "test-results/screenshots/overview-30-days.png", fullPage: true });

  // Changing the range refetches in place: no navigation (the window keeps its state), a new URL.
  await page.evaluate(() => Object.assign(window, { overviewMarker: "still here" }));
  const thirtyDays = Number((await value(page, "conversations").textContent())!.replace(/\D/g, ""));
  await page.getByRole("group", { name: "Date range" }).getByRole("button", { name: "90 days" }).click();
  await expect(page).toHaveURL(/\/customer-agent\/overview\?range=90$/);
  await expect.poll(async () => Number((await value(page, "conversations").textContent())!.replace(/\D/g, ""))).toBeGreaterThan(thirtyDays + 1000);
  await expect(page.getByTestId("chart-rates")).toContainText("Share of each week's conversations.");
  for (const destination of ["baton_inbox", "zendesk", "gorgias"]) {
    await expect(page.getByTestId(`forwarding-${destination}`).getByTestId("delivered")).toHaveText(/^[1-9][\d,]*$/);
  }
  await page.screenshot({ path: "test-results/screenshots/overview-90-days.png", fullPage: true });

  await page.getByRole("group", { name: "Channel" }).getByRole("button", { name: "SMS" }).click();
  await expect(page).toHaveURL(/range=90&channel=sms$/);
  await expect(page.getByTestId("chart-channels").locator("table")).not.toContainText("Web chat");

  const from = newYorkDay(-13);
  const to = newYorkDay(-7);
  await page.getByRole("group", { name: "Date range" }).getByRole("button", { name: "Custom" }).click();
  await page.getByLabel("From", { exact: true }).fill(from);
  await page.getByLabel("To", { exact: true }).fill(to);
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(new RegExp(`range=custom&from=${from}&to=${to}&channel=sms$`));
  await expect(page.getByTestId("chart-outcomes").locator("table tbody tr")).toHaveCount(7);
  expect(await page.evaluate(() => (window as unknown as { overviewMarker?: string }).overviewMarker)).toBe("still here");

  // The URL is the view: opening it again shows the same filters, rendered by the server.
  const shared = page.url();
  await page.goto(shared);
  await expect(page.getByRole("group", { name: "Channel" }).getByRole("button", { name: "SMS" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("group", { name: "Date range" }).getByRole("button", { name: "Custom" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByLabel("From", { exact: true })).toHaveValue(from);
  await expect(page.getByTestId("chart-outcomes").locator("table tbody tr")).toHaveCount(7);

  // A reversed range is refused before anything is fetched.
  await page.getByLabel("From", { exact: true }).fill(to);
  await page.getByLabel("To", { exact: true }).fill(from);
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByRole("group", { name: "Filters" }).getByRole("alert")).toHaveText("The start must be on or before the end.");
  await expect(page).toHaveURL(shared);
});

test("agents see neither the Overview tab nor the page, and the data route refuses them", async ({ page }) => {
  await signIn(page, "agent@demo.test");
  await expect(page).toHaveURL(/\/inbox$/);
  await expect(page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Overview" })).toHaveCount(0);
  expect((await page.goto("/customer-agent"))?.status()).toBe(403);
  await expect(page.getByRole("link", { name: "Overview" })).toHaveCount(0);
  const response = await page.goto("/customer-agent/overview");
  expect(response?.status()).toBe(403);
  await expect(page.getByTestId("overview-figures")).toHaveCount(0);
  const api = await page.request.get("/api/overview?range=90");
  expect(api.status()).toBe(403);
  expect(await api.json()).toEqual({ error: { code: "forbidden", message: expect.any(String) } });
});

test("Other Store sees its own empty overview, never Demo Store's figures", async ({ page }) => {
  await signIn(page, "admin@other.test");
  await expect(value(page, "conversations")).toHaveText("0");
  await expect(value(page, "resolution")).toHaveText("—");
  await expect(page.getByTestId("chart-rates")).toContainText("No conversations in this period.");
  await expect(page.getByTestId("knowledge-gaps")).toContainText("No unanswered questions in this period.");
  await expect(page.getByTestId("range-summary")).toContainText("Europe/Lisbon");
  const api = await page.request.get("/api/overview?range=90");
  expect(((await api.json()) as { current: { conversations: number } }).current.conversations).toBe(0);
  await page.screenshot({ path: "test-results/screenshots/overview-empty.png", fullPage: true });
});
