import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium, type Browser } from "@playwright/test";
import { benchSecrets, startBenchServer } from "./bench-server";
import { findChromium } from "./chromium";

/** Budget for what a dashboard page's first load may grow in Portuguese against English, gzipped. */
export const LOCALE_GROWTH_BUDGET = 5 * 1024;

/**
 * Each dashboard page with its first-load budget in KB, gzipped (the sign-in page is fetched signed
 * out): the Knowledge tab as a settings tab (150 KB; /customer-agent/settings itself redirects to
 * Handoff), the inbox's conversation view (/inbox/<id>, the demo data's first conversation) as the inbox.
 */
const pages: Array<{ route: string; budgetKb: number }> = [
  { route: "/sign-in", budgetKb: 120 },
  { route: "/customer-agent/overview", budgetKb: 250 },
  { route: "/customer-agent/knowledge", budgetKb: 150 },
  { route: "/customer-agent/settings/handoff", budgetKb: 150 },
  { route: "/customer-agent/settings/widget", budgetKb: 150 },
  { route: "/customer-agent/settings/business-hours", budgetKb: 150 },
  { route: "/customer-agent/settings/webhooks", budgetKb: 150 },
  { route: "/inbox", budgetKb: 150 },
  { route: "/inbox/<first conversation>", budgetKb: 150 },
  { route: "/integrations", budgetKb: 150 },
];

const gz = (text: string | Buffer) => gzipSync(text, { level: 9 }).length;

/** Signs in through next-auth's credentials endpoint; returns the session cookie header. */
async function signIn(base: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const cookies = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookies.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const session = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0] ?? "")
    .find((c) => c.includes("session-token"));
  if (!session) throw new Error(`sign-in as ${email} failed (${response.status})`);
  return [...cookies, session].join("; ");
}

/** The path of the first conversation the inbox lists, open or closed, whoever has it (null when there is none). */
async function firstConversation(base: string, cookie: string): Promise<string | null> {
  for (const state of ["open", "closed"]) {
    const html = await (await fetch(`${base}/inbox?assignee=all&state=${state}`, { headers: { Cookie: cookie } })).text();
    const id = /\/inbox\/([0-9a-f-]{36})"/.exec(html)?.[1];
    if (id) return `/inbox/${id}`;
  }
  return null;
}

type Measured = { js: number; payload: number; chunks: string[] };

/**
 * One page's first load as Chromium performs it, in a fresh context (empty cache): every script
 * file it requests until React has hydrated the page, gzipped. That includes chunks which no
 * `<script>` tag names: client components that the streamed RSC payload references are fetched
 * while it hydrates. Requests after hydration (next/link's prefetches of other pages) are not first
 * load. The inline RSC payload, which carries the server-rendered tree and the messages the page's
 * client components read, is data, not code: it is measured beside the JavaScript.
 */
async function firstLoad(browser: Browser, base: string, route: string, options: { cookie?: string; locale: string }): Promise<Measured> {
  const context = await browser.newContext({ locale: options.locale, extraHTTPHeaders: { "Accept-Language": options.locale } });
  try {
    if (options.cookie) {
      const url = new URL(base);
      await context.addCookies(
        options.cookie.split("; ").map((pair) => {
          const at = pair.indexOf("=");
          return { name: pair.slice(0, at), value: pair.slice(at + 1), domain: url.hostname, path: "/" };
        }),
      );
    }
    const page = await context.newPage();
    const scripts: Array<Promise<{ url: string; size: number }>> = [];
    let hydrated = false;
    page.on("response", (response) => {
      if (hydrated || response.request().resourceType() !== "script") return;
      scripts.push(response.body().then((body) => ({ url: response.url(), size: gz(body) })));
    });
    const response = await page.goto(`${base}${route}`, { waitUntil: "load" });
    const html = (await response?.text()) ?? "";
    const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join("");
    // A page whose server render failed is lighter, not better: an error row in the RSC payload
    // (`2b:E{"digest":…}`, JSON-escaped inside the inline script) stops the bench.
    if (!response?.ok() || /:E\{\\"digest\\"/.test(inline)) {
      throw new Error(`${route} did not render (status ${response?.status()}, or a server error in its payload)`);
    }
    // Dashboard pages mark hydration on the live-updates span; the sign-in page has no script at all.
    if (route !== "/sign-in") await page.locator('[data-testid="inbox-live"][data-ready="true"]').waitFor({ state: "attached" });
    hydrated = true;
    const loaded = await Promise.all(scripts);
    return { js: loaded.reduce((sum, s) => sum + s.size, 0), payload: gz(inline), chunks: loaded.map((s) => s.url) };
  } finally {
    await context.close();
  }
}

/**
 * The dashboard pages' first-load JS for English and Brazilian Portuguese (Accept-Language, a user
 * with no saved language) from the production build on a fresh PGlite database with the demo data.
 */
export async function benchFirstLoad(options: { port: number }): Promise<string[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "baton-bench-first-load-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    BATON_DATA_DIR: dataDir,
    ...benchSecrets(options.port),
  };
  // PGlite, whatever the shell has: the figures are about the payload, not the database.
  delete env.DATABASE_URL;
  delete process.env.DATABASE_URL;
  Object.assign(process.env, env);
  const { openConfiguredDatabase } = await import("@/db/client");
  const { seedDemo } = await import("@/db/seed");
  const handle = await openConfiguredDatabase();
  try {
    await seedDemo(handle.db);
  } finally {
    await handle.close();
  }
  const server = await startBenchServer(options.port, env);
  const browser = await chromium.launch({ executablePath: findChromium() });
  const base = server.base;
  const lines: string[] = [];
  try {
    const cookie = await signIn(base, "admin@demo.test", "baton-demo");
    lines.push("first-load JS per page in Chromium, gzipped (the budget), and the inline RSC payload beside it:");
    lines.push(
      `  ${"page".padEnd(46)} ${"JS en".padStart(9)} ${"JS pt-BR".padStart(9)} ${"payload en".padStart(11)} ${"payload pt".padStart(11)} ${"budget".padStart(8)}  status`,
    );
    let worst = 0;
    let over = false;
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
    const chunks = new Map<string, string[]>();
    for (const page of pages) {
      const { budgetKb } = page;
      const route = page.route.includes("<") ? await firstConversation(base, cookie) : page.route;
      if (!route) {
        lines.push(`  ${page.route.padEnd(46)} not measured: the demo data has no conversation`);
        continue;
      }
      const signedIn = route === "/sign-in" ? {} : { cookie };
      const en = await firstLoad(browser, base, route, { ...signedIn, locale: "en-US" });
      const pt = await firstLoad(browser, base, route, { ...signedIn, locale: "pt-BR" });
      chunks.set(route, en.chunks);
      worst = Math.max(worst, pt.js + pt.payload - (en.js + en.payload));
      const fits = Math.max(en.js, pt.js) <= budgetKb * 1024;
      over ||= !fits;
      lines.push(
        `  ${route.padEnd(46)} ${kb(en.js).padStart(9)} ${kb(pt.js).padStart(9)} ${kb(en.payload).padStart(11)} ${kb(pt.payload).padStart(11)} ${`${budgetKb} KB`.padStart(8)}  ${fits ? "ok" : "OVER BUDGET"}`,
      );
    }
    lines.push(
      `largest pt-BR growth (JS and payload) ${(worst / 1024).toFixed(1)} KB (budget ${LOCALE_GROWTH_BUDGET / 1024} KB)${worst > LOCALE_GROWTH_BUDGET ? " — OVER BUDGET" : ""}`,
    );
    if (process.env.BENCH_FIRST_LOAD_CHUNKS) {
      for (const [route, urls] of chunks) lines.push(`  ${route}: ${urls.map((u) => u.split("/").pop()).join(" ")}`);
    }
    if (over) process.exitCode = 1;
    if (worst > LOCALE_GROWTH_BUDGET) process.exitCode = 1;
  } finally {
    await browser.close();
    server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return lines;
}
