import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/auth";

/** Collects the page's CSP violations (a blocked script would leave the page dead). */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

test("pages send a nonce-based CSP and the other security headers, and run under them", async ({ page }) => {
  const violations = await watchViolations(page);
  const response = await page.goto("/sign-in");
  const headers = response!.headers();
  const csp = headers["content-security-policy"]!;
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(headers).toMatchObject({ "x-content-type-options": "nosniff", "x-frame-options": "DENY", "referrer-policy": "strict-origin-when-cross-origin" });
  expect(headers["permissions-policy"]).toContain("camera=()");
  // Over plain http (this test server) there is no HSTS; over https there is (Vitest checks the rule).
  expect(headers["strict-transport-security"]).toBeUndefined();
  // The sign-in page is plain HTML: it runs no script at all.
  expect(await page.locator("script").count()).toBe(0);
  await signIn(page, "lead@demo.test");
  const settings = await page.goto("/customer-agent/settings/handoff");
  await expect(page.getByRole("heading", { name: "Handoff" })).toBeVisible();
  // Every script Next.js rendered into the page carries this request's nonce.
  const pageNonce = /'nonce-([^']+)'/.exec(settings!.headers()["content-security-policy"]!)?.[1];
  const scripts = [...(await settings!.text()).matchAll(/<script\b[^>]*>/g)].map((m) => /\bnonce="([^"]*)"/.exec(m[0])?.[1]);
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.every((n) => n === pageNonce)).toBe(true);
  expect(violations).toEqual([]);
});

test("the demo storefront runs the widget under its CSP, and widget.js stays embeddable by merchants", async ({ page }) => {
  const violations = await watchViolations(page);
  await page.goto("/demo/store");
  await page.getByTestId("baton-bubble").click();
  await expect(page.getByTestId("baton-bubble")).toHaveAttribute("aria-expanded", "true");
  expect(violations).toEqual([]);
  const script = await page.request.get("/widget.js");
  expect(script.headers()).toMatchObject({ "x-content-type-options": "nosniff", "cross-origin-resource-policy": "cross-origin" });
  expect(script.headers()["content-type"]).toMatch(/javascript/);
  expect(script.headers()["content-security-policy"]).toBeUndefined();
});
