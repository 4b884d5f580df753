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

/**
 * "Did that answer your question?" under an answer: a labelled group of two buttons. The message
 * box stays usable beside it (the shopper may simply ask something else).
 */
export function feedbackBox(texts: Record<string, string>, answer: (box: ActionBox, helpful: boolean) => void): ActionBox {
  const box: ActionBox = el("div", { class: "a", role: "group", "aria-labelledby": "bfq", "data-testid": "baton-feedback" });
  box.append(el("p", { id: "bfq", class: "q" }, texts.feedbackQuestion));
  for (const yes of [true, false]) {
    const button = el("button", { type: "button", "data-testid": `baton-feedback-${yes ? "yes" : "no"}` }, texts[yes ? "feedbackYes" : "feedbackNo"]);
    button.onclick = () => answer(box, yes);
    box.append(button);
  }
  return box;
}

export type StepKind = "offer" | "email" | "feedback";
type Send = (box: ActionBox, path: "handoff" | "feedback", body: object, error?: HTMLElement) => void;

/** A step's box; `send` posts its answer, `typed` sees the email form's address first (null when refused). */
export function stepBox(kind: StepKind, config: WidgetConfig, texts: Record<string, string>, send: Send, typed: (email: string | null) => void): ActionBox {
  if (kind === "feedback") return feedbackBox(texts, (box, helpful) => send(box, "feedback", { helpful }));
  if (kind === "offer") return offerBox(config, (box, consent) => send(box, "handoff", { consent }));
  return emailBox(texts, (box, email, error) => {
    typed(email);
    if (email) send(box, "handoff", { consent: true, email }, error);
  });
}
