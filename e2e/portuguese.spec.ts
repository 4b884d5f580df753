// The dashboard in Brazilian Portuguese: from the browser's language, and from the language chosen
// in the account menu. Every page is checked for English catalog texts left on screen, and
// screenshotted at desktop and phone widths (test-results/screenshots/pt-BR) for review.
import { expect, test, type Page } from "@playwright/test";
import { languageOptions } from "@/lib/i18n/language-names";
import en from "../messages/en.json" with { type: "json" };
import ptBR from "../messages/pt-BR.json" with { type: "json" };
import { DEMO_PASSWORD } from "./support/auth";
import { readFixtures } from "./support/fixture-ids";

type Tree = { [key: string]: string | Tree };
const leaves = (tree: Tree, prefix = ""): Array<[string, string]> =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === "string" ? [[`${prefix}${k}`, v] as [string, string]] : leaves(v, `${prefix}${k}.`)));
/**
 * Texts of one catalog that would give away the wrong language: the dashboard's sentences and
 * labels (not the shopper's texts, which follow the shopper's language), without placeholders,
 * and not the same in the other catalog.
 */
function telltaleTexts(catalog: Tree, other: Tree): string[] {
  const otherTexts = new Map(leaves(other));
  return leaves(catalog)
    .filter(([key, text]) => !/^(shopper|shopperEmail|demoStore)\./.test(key) && !text.includes("{") && text.length >= 12 && otherTexts.get(key) !== text)
    .map(([, text]) => text);
}
const englishTexts = telltaleTexts(en as Tree, ptBR as Tree);

const pages = [
  ["overview", "/customer-agent/overview", "Visão geral"],
  ["handoff", "/customer-agent/settings/handoff", "Transferência"],
  ["widget", "/customer-agent/settings/widget", "Widget e chaves de API"],
  ["business-hours", "/customer-agent/settings/business-hours", "Horário comercial"],
  ["inbox", "/inbox", "Caixa de entrada"],
  ["integrations", "/integrations", "Integrações"],
] as const;

async function expectPortuguese(page: Page) {
  await expect(page.locator("html")).toHaveAttribute("lang", "pt-BR");
  const text = await page.locator("body").innerText();
  expect(englishTexts.filter((english) => text.includes(english))).toEqual([]);
}

async function signInAs(page: Page, email: string, labels: { email: string; password: string; submit: string }) {
  await page.goto("/sign-in");
  await page.getByLabel(labels.email).fill(email);
  await page.getByLabel(labels.password).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: labels.submit, exact: true }).click();
  await expect(page).toHaveURL(/\/customer-agent\/overview$/);
}

test.describe("a merchant with a Portuguese browser", () => {
  test.use({ locale: "pt-BR" });

  test("signs in and reads every dashboard page in Portuguese, with Brazilian number and date formats", async ({ page }) => {
    await page.goto("/sign-in");
    await expect(page.getByRole("heading", { name: "Entrar no Baton" })).toBeVisible();
    await expectPortuguese(page);
    await signInAs(page, "pt-admin@e2e.test", { email: "E-mail", password: "Senha", submit: "Entrar" });
    for (const [, route, heading] of pages) {
      await page.goto(route);
      await expect(page.getByRole("heading", { name: heading, exact: true }).first()).toBeVisible();
      await expectPortuguese(page);
    }
    // The overview's figures and axes: decimal comma, "30 de nov." style days.
    await page.goto("/customer-agent/overview");
    const tiles = page.getByRole("region", { name: "Números principais" }).or(page.getByLabel("Números principais"));
    await expect(tiles.first()).toContainText(/\d+,\d\s?%/);
    await expect(page.locator(".recharts-cartesian-axis-tick-value", { hasText: /^\d{1,2} de [a-zç]{3}\.?$/ }).first()).toBeVisible();
    // A handed-off conversation: this user is also an agent of E2E Store, whose inbox has some.
    await page.getByRole("button", { name: "Menu da conta Demo Store" }).click();
    await page.getByRole("button", { name: /^E2E Store/ }).click();
    await expect(page.getByTestId("account-name")).toHaveText("E2E Store");
    await page.goto(`/inbox/${readFixtures().fallbackConversationId}`);
    await expect(page.getByRole("link", { name: "Voltar à caixa de entrada" })).toBeVisible();
    await expect(page.getByText("Flo Fallback").first()).toBeVisible();
    await expectPortuguese(page);
    await page.goto("/no-such-page");
    await expect(page.getByRole("heading", { name: "Página não encontrada" })).toBeVisible();
    await expectPortuguese(page);
  });

  for (const [width, height, device] of [
    [1280, 900, "desktop"],
    [390, 844, "phone"],
  ] as const) {
    test(`screenshots of every dashboard page in pt-BR (${device})`, async ({ page }) => {
      // Sign-in and six pages, each with a full-page screenshot: past 60 s on two busy cores.
      test.setTimeout(150_000);
      await page.setViewportSize({ width, height });
      await page.goto("/sign-in");
      await page.screenshot({ path: `test-results/screenshots/pt-BR/${device}-sign-in.png`, fullPage: true });
      await signInAs(page, "pt-admin@e2e.test", { email: "E-mail", password: "Senha", submit: "Entrar" });
      for (const [name, route, heading] of pages) {
        await page.goto(route);
        await expect(page.getByRole("heading", { name: heading, exact: true }).first()).toBeVisible();
        await page.screenshot({ path: `test-results/screenshots/pt-BR/${device}-${name}.png`, fullPage: true });
        // Nothing pushes the page wider than the screen (wide tables scroll inside their card; screen-reader tables are clipped).
        const overflowing = await page.evaluate((limit) => {
          if (document.documentElement.scrollWidth <= limit) return [];
          // The culprits, for the failure message: wide elements not inside a clipping box.
          const wide = [...document.querySelectorAll("body *")].filter(
            (el) => el.getBoundingClientRect().right > limit + 1 && !el.parentElement?.closest(".overflow-x-auto, .sr-only"),
          );
          return wide.slice(0, 3).map((el) => `${el.tagName.toLowerCase()}.${el.className}`.slice(0, 120));
        }, width);
        expect(overflowing, `${name} at ${width} px`).toEqual([]);
      }
    });
  }
});

test("a page carries only its language's messages: no English catalog text in a pt-BR page's HTML and payload, and the reverse", async ({ page }) => {
  await signInAs(page, "pt-admin@e2e.test", { email: "Email", password: "Password", submit: "Sign in" });
  // Texts without quotes or markup, so they appear verbatim in the HTML and the inline RSC payload,
  // and of several words, so a message key ("ofConversations") cannot match them.
  const verbatim = (texts: string[]) => texts.filter((text) => text.includes(" ") && !/["'“”‘’&<>\\]/.test(text));
  // Language menus name each language in itself ("Português (Brasil)" on an English page too).
  const endonyms = new Set(languageOptions().map((option) => option.name));
  const portugueseTexts = verbatim(telltaleTexts(ptBR as Tree, en as Tree)).filter((text) => !endonyms.has(text));
  expect(portugueseTexts.length).toBeGreaterThan(200);
  for (const [, route] of pages) {
    const pt = await (await page.request.get(route, { headers: { "Accept-Language": "pt-BR,pt;q=0.9" } })).text();
    expect(pt).toContain('lang="pt-BR"');
    expect(verbatim(englishTexts).filter((text) => pt.includes(text))).toEqual([]);
    const english = await (await page.request.get(route, { headers: { "Accept-Language": "en-US,en;q=0.9" } })).text();
    expect(english).toContain('lang="en"');
    expect(portugueseTexts.filter((text) => english.includes(text))).toEqual([]);
  }
});

test("switching the language in the account menu switches every page at once and survives a reload", async ({ page }) => {
  await signInAs(page, "lang-switch@e2e.test", { email: "Email", password: "Password", submit: "Sign in" });
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByRole("button", { name: /Account menu/ }).click();
  await page.getByLabel("Language").selectOption("pt-BR");
  await expect(page.getByRole("heading", { name: "Visão geral", exact: true }).first()).toBeVisible();
  await expectPortuguese(page);
  await page.reload();
  await expectPortuguese(page);
  for (const [, route, heading] of pages) {
    await page.goto(route);
    await expect(page.getByRole("heading", { name: heading, exact: true }).first()).toBeVisible();
    await expectPortuguese(page);
  }
  // Back to the browser's language (English here), again without signing out.
  await page.getByRole("button", { name: /Menu da conta/ }).click();
  await page.getByLabel("Idioma").selectOption("");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { name: "Integrations", exact: true }).first()).toBeVisible();
});
