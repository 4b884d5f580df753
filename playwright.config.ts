import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT || 3100);
const baseURL = `http://localhost:${port}`;

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results/e2e-artifacts",
  fullyParallel: true,
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  // Two browsers on two cores beside the server and its worker: a journey of a few pages and
  // sign-ins needs more than Playwright's 30 s default when the machine is busy.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/playwright.json" }]],
  use: {
    ...devices["Desktop Chrome"],
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      // scripts/e2e.ts finds (or installs) the system Chromium and passes it here.
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  // Demo Store's handoff settings are shared state: the merchant journey changes them, and the
  // shopper specs (the storefront is Demo Store's) run after it. Everything else uses other accounts.
  projects: [
    { name: "journey", testMatch: /integrations\.spec\.ts/ },
    { name: "shopper", testMatch: /shopper.*\.spec\.ts/, dependencies: ["journey"] },
    // Changes Demo Store's destination and injects helpdesk failures: after the shopper journeys.
    // The widget's accessibility walk uses the storefront too, once the shopper specs are done with it.
    { name: "widget-a11y", testMatch: /widget-accessibility\.spec\.ts/, dependencies: ["shopper"] },
    // It hands off to Baton Inbox there, so forwarding (which points Demo Store at Zendesk) waits for it.
    { name: "forwarding", testMatch: /forwarding\.spec\.ts/, dependencies: ["widget-a11y"] },
    {
      name: "main",
      testIgnore: [/integrations\.spec\.ts/, /shopper.*\.spec\.ts/, /widget-accessibility\.spec\.ts/, /fleet\.spec\.ts/, /forwarding\.spec\.ts/],
    },
    // The fleet test starts processes of its own (PostgreSQL only): it runs last, alone.
    { name: "fleet", testMatch: /fleet\.spec\.ts/, dependencies: ["main", "forwarding"] },
  ],
  webServer: {
    command: "npx tsx e2e/support/server.ts",
    url: `${baseURL}/sign-in`,
    reuseExistingServer: false,
    timeout: 240_000,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      E2E_PORT: String(port),
      NEXTAUTH_URL: baseURL,
      // Every test signs in from 127.0.0.1; the per-IP limit is covered by Vitest instead.
      SIGN_IN_MAX_FAILURES_PER_IP: "10000",
      // Demo Store's agent stays available for the whole run (e2e/support/fixtures.ts); presence
      // expiry itself is tested by Vitest on a fixed clock.
      AGENT_PRESENCE_TIMEOUT_SECONDS: "86400",
      // notifications.spec.ts saves a "waiting too long" threshold of seconds, not minutes.
      OVERDUE_MIN_SECONDS: "1",
      // The webhook spec's receiver listens on the test machine's loopback, over http.
      ALLOW_PRIVATE_WEBHOOKS: "true",
    },
  },
});
