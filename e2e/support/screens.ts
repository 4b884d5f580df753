import type { Page } from "@playwright/test";

/** Every dashboard page an admin sees, with its heading in each dashboard language. */
export const dashboardPages = [
  { name: "overview", route: "/customer-agent/overview", en: "Overview", "pt-BR": "Visão geral" },
  { name: "handoff", route: "/customer-agent/settings/handoff", en: "Handoff", "pt-BR": "Transferência" },
  { name: "business-hours", route: "/customer-agent/settings/business-hours", en: "Business hours", "pt-BR": "Horário comercial" },
  { name: "widget", route: "/customer-agent/settings/widget", en: "Widget and API keys", "pt-BR": "Widget e chaves de API" },
  { name: "webhooks", route: "/customer-agent/settings/webhooks", en: "Webhooks", "pt-BR": "Webhooks" },
  { name: "knowledge", route: "/customer-agent/knowledge", en: "Knowledge", "pt-BR": "Conhecimento" },
  { name: "inbox", route: "/inbox", en: "Inbox", "pt-BR": "Caixa de entrada" },
  { name: "integrations", route: "/integrations", en: "Integrations", "pt-BR": "Integrações" },
] as const;

export const phone = { width: 390, height: 844 };

/**
 * How far the page itself scrolls sideways (0 when it fits), and for the failure message the
 * widest elements not inside a box that scrolls or clips on its own.
 */
export async function pageOverflow(page: Page): Promise<{ excess: number; culprits: string[] }> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const excess = root.scrollWidth - root.clientWidth;
    if (excess <= 0) return { excess: 0, culprits: [] };
    const clipped = (el: Element) => {
      for (let p = el.parentElement; p; p = p.parentElement) {
        const x = getComputedStyle(p).overflowX;
        if (x === "auto" || x === "scroll" || x === "hidden" || x === "clip") return true;
      }
      return false;
    };
    const culprits = [...document.querySelectorAll("body *")]
      .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 1 && !clipped(el))
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${String(el.className)}`.slice(0, 140));
    return { excess, culprits };
  });
}
