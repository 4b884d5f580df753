import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { benchSecrets, startBenchServer } from "./bench-server";

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

/**
 * First-load JS of one page as a browser receives it: every script chunk the HTML loads (each
 * once, gzipped) plus the inline scripts, which carry the RSC payload and with it the messages.
 */
async function firstLoad(base: string, route: string, headers: Record<string, string>, chunkSizes: Map<string, number>) {
  const response = await fetch(`${base}${route}`, { headers });
  const html = await response.text();
  // nomodule scripts (Next's legacy polyfills) are skipped by every browser that runs modules.
  const tags = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]!).filter((attrs) => !/\bnomodule\b/i.test(attrs));
  const sources = [...new Set(tags.map((attrs) => /\bsrc="([^"]+)"/.exec(attrs)?.[1]).filter((src): src is string => Boolean(src)))];
  let chunks = 0;
  for (const src of sources) {
    if (!chunkSizes.has(src)) chunkSizes.set(src, gz(Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer())));
    chunks += chunkSizes.get(src)!;
  }
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join("");
  // A page whose server render failed is lighter, not better: an error row in the RSC payload
  // (`2b:E{"digest":…}`, JSON-escaped inside the inline script) stops the bench.
  if (!response.ok || /:E\{\\"digest\\"/.test(inline)) throw new Error(`${route} did not render (status ${response.status}, or a server error in its payload)`);
  return { chunks, inline: gz(inline) };
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
  const base = server.base;
  const lines: string[] = [];
  try {
    const cookie = await signIn(base, "admin@demo.test", "baton-demo");
    const chunkSizes = new Map<string, number>();
    lines.push("first-load JS per page, gzipped (script chunks + inline RSC payload with the messages):");
    lines.push(`  ${"page".padEnd(40)} ${"en".padStart(9)} ${"pt-BR".padStart(9)} ${"inline en".padStart(10)} ${"budget".padStart(8)}  status`);
    let worst = 0;
    let over = false;
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
    for (const page of pages) {
      const { budgetKb } = page;
      const route = page.route.includes("<") ? await firstConversation(base, cookie) : page.route;
      if (!route) {
        lines.push(`  ${page.route.padEnd(40)} not measured: the demo data has no conversation`);
        continue;
      }
      const headers = (language: string) => ({ ...(route === "/sign-in" ? {} : { Cookie: cookie }), "Accept-Language": language });
      const en = await firstLoad(base, route, headers("en-US,en;q=0.9"), chunkSizes);
      const pt = await firstLoad(base, route, headers("pt-BR,pt;q=0.9"), chunkSizes);
      const [enTotal, ptTotal] = [en.chunks + en.inline, pt.chunks + pt.inline];
      worst = Math.max(worst, ptTotal - enTotal);
      const fits = Math.max(enTotal, ptTotal) <= budgetKb * 1024;
      over ||= !fits;
      lines.push(
        `  ${route.padEnd(40)} ${kb(enTotal).padStart(9)} ${kb(ptTotal).padStart(9)} ${kb(en.inline).padStart(10)} ${`${budgetKb} KB`.padStart(8)}  ${fits ? "ok" : "OVER BUDGET"}`,
      );
    }
    lines.push(
      `largest pt-BR growth ${(worst / 1024).toFixed(1)} KB (budget ${LOCALE_GROWTH_BUDGET / 1024} KB)${worst > LOCALE_GROWTH_BUDGET ? " — OVER BUDGET" : ""}`,
    );
    if (over) process.exitCode = 1;
    if (worst > LOCALE_GROWTH_BUDGET) process.exitCode = 1;
  } finally {
    server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return lines;
}
