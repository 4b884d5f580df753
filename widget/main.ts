// Baton chat widget, built to public/widget.js (scripts/lib/widget-build.ts).
//   <script src="https://baton.example/widget.js" data-key="pk_…" async></script>
// Optional: data-api (API origin), data-email, data-profile-id, data-name (a known shopper, unverified),
// data-locale (the page's language; else the browser's languages, else the account's default);
// data-identity, or Baton.identify(token) later: the store's signed shopper (HS256 JWT), verified by Baton.
import type { WidgetConfig } from "../lib/widget/contract";
import { createApi } from "./api";
import { createChat } from "./chat";
import { createView } from "./dom";
import { load } from "./storage";

declare global {
  interface Window {
    __baton?: 1;
    Baton?: { identify: (token: string) => void };
  }
}

function boot() {
  const script = document.currentScript as HTMLScriptElement | null;
  const data = script?.dataset;
  if (!script || !data?.key || window.__baton) return;
  window.__baton = 1;
  const key = data.key;
  const base = `${(data.api || new URL(script.src).origin).replace(/\/+$/, "")}/api/widget/v1`;
  const openKey = `baton-open:${key}`;
  const view = createView();
  let identity = data.identity || undefined;
  // For stores that learn who is signed in after the page loads: applies to the next conversation.
  window.Baton = { identify: (token) => void (identity = token || undefined) };
  const chat = createChat({
    view,
    api: (conversation) => createApi(base, key, conversation),
    storageKey: `baton:${key}`,
    openKey,
    shopper: { email: data.email, profileId: data.profileId, name: data.name },
    identity: () => identity,
  });
  const { bubble, panel, close, form, input, sendButton, title, poweredBy } = view;

  bubble.onclick = () => chat.toggle(!chat.isOpen());
  close.onclick = () => chat.toggle(false);
  panel.onkeydown = (event) => {
    if (event.key === "Escape") chat.toggle(false);
  };
  form.onsubmit = chat.submit;

  createApi(base, key, () => null)
    .json<WidgetConfig>("GET", data.locale ? `/config?locale=${encodeURIComponent(data.locale)}` : "/config")
    .then(
      (config) => {
        // The store turned its Customer Agent off: nothing appears on the page.
        if (!config.enabled) return console.info("[baton] the Customer Agent is turned off");
        const texts = config.texts || {};
        panel.lang = config.locale;
        panel.setAttribute("aria-label", texts.widgetTitle ?? "");
        bubble.setAttribute("aria-label", texts.openChat ?? "");
        close.setAttribute("aria-label", texts.closeChat ?? "");
        title.textContent = texts.widgetTitle ?? "";
        input.setAttribute("aria-label", texts.inputLabel ?? "");
        input.placeholder = texts.inputPlaceholder ?? "";
        sendButton.textContent = texts.send ?? "";
        poweredBy.textContent = texts.poweredBy ?? "";
        chat.configure(config);
        (document.body || document.documentElement).append(view.host);
        if (load(openKey)) chat.toggle(true, true); // still open after a reload: reopen without taking focus
      },
      (error: Error) => console.warn("[baton] widget off:", error.message),
    );
}

boot();
