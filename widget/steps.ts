// The controls of the handoff's steps, drawn under the last message: the offer's two buttons and
// the email form. They only build the DOM; the chat decides what an answer does.
import type { WidgetConfig } from "../lib/widget/contract";
import { el } from "./dom";

/** A step's controls; `used` once its answer is on the way (one answer per box). */
export type ActionBox = HTMLElement & { used?: boolean };

export function offerBox(config: WidgetConfig, answer: (box: ActionBox, consent: boolean) => void): ActionBox {
  const box: ActionBox = el("div", { class: "a", "data-testid": "baton-consent" });
  for (const yes of [true, false]) {
    const button = el(
      "button",
      { type: "button", "data-testid": `baton-consent-${yes ? "yes" : "no"}` },
      config.webChat[yes ? "consentLabel" : "declineLabel"],
    );
    button.onclick = () => answer(box, yes);
    box.append(button);
  }
  return box;
}

/** The email form: checks the address here first; `submit` gets it (null when refused) and the error line. */
export function emailBox(texts: Record<string, string>, submit: (box: ActionBox, email: string | null, error: HTMLElement) => void): ActionBox {
  const box: ActionBox = el("form", { "data-testid": "baton-email-form", novalidate: "" });
  const field = el("input", { id: "be", type: "email", autocomplete: "email", placeholder: texts.emailPlaceholder ?? "", "aria-describedby": "bee" });
  const error = el("p", { class: "e", id: "bee", role: "alert", "data-testid": "baton-email-error" });
  box.append(el("label", { for: "be" }, texts.emailLabel), field, el("button", {}, texts.emailSubmit), error);
  box.onsubmit = (event) => {
    event.preventDefault();
    const email = field.value.trim();
    const bad = !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email);
    field.setAttribute("aria-invalid", String(bad));
    error.textContent = bad ? (texts.emailInvalid ?? "") : "";
    if (bad) field.focus();
    submit(box, bad ? null : email, error);
  };
  return box;
}
