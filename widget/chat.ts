// The chat: the transcript is drawn from the conversation's events only (streamed, else polled),
// each once by id; a POST's reply only triggers a sync.
import type { AgentReply, ConversationEvent, StartedConversation, WidgetConfig, WidgetLink } from "../lib/widget/contract";
import { failureText, type ApiError, type StoredConversation, type WidgetApi } from "./api";
import { el, type WidgetView } from "./dom";
import { stepBox, type ActionBox, type StepKind } from "./steps";
import { load, save } from "./storage";

type Author = NonNullable<ConversationEvent["author"]>;
type ReplyBody = { reply?: AgentReply & { sessionEnded?: boolean } };

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export type Chat = ReturnType<typeof createChat>;

export function createChat(options: {
  view: WidgetView;
  api: (conversation: () => StoredConversation | null) => WidgetApi;
  storageKey: string;
  openKey: string;
  shopper: { email?: string; profileId?: string; name?: string };
  /** The store's signed shopper (data-identity or Baton.identify), read when a conversation starts. */
  identity: () => string | undefined;
}) {
  const { view, storageKey, openKey } = options;
  const { root, bubble, panel, list, form, input, sendButton, status, close } = view;
  let texts: Record<string, string> = {};
  let config: WidgetConfig | null = null;
  let conv = load<StoredConversation>(storageKey);
  let last = 0;
  let open = false;
  let ended = false;
  let controller: AbortController | null = null;
  let syncing: Promise<void> | null = null;
  let again = false;
  let actions: ActionBox | null = null;
  let busy = false;
  /** The step the shopper is answering (offer, email), until the next event shows what they chose. */
  let step: "offer" | "email" | null = null;
  const api = options.api(() => conv);
  const eventsPath = () => `/conversations/${conv!.id}/events?after=${last}`;

  function add(author: Author, text: string | null, attrs: Record<string, string>, who?: string) {
    const message = el("div", { class: "m", "data-testid": "baton-message", "data-author": author, ...attrs });
    if (author === "human") message.append(el("span", { class: "n" }, who || texts.teamMember));
    message.append(text || "");
    list.append(message);
    list.scrollTop = list.scrollHeight;
    return message;
  }

  /** The controls under the last message: the consent buttons, the email form, or "Did that answer your question?". */
  function setActions(kind: StepKind | null) {
    actions?.remove();
    actions = null;
    // Only the current step's control shows: the message box waits while the offer or the email form is up.
    form.hidden = Boolean(kind && kind !== "feedback" && !ended && config);
    if (!kind || ended || !config) return;
    actions = stepBox(kind, config, texts, act, (email) => {
      list.scrollTop = list.scrollHeight;
      if (email && conv) save(storageKey, (conv = { ...conv, email }));
    });
    list.append(actions);
    list.scrollTop = list.scrollHeight;
    // The new step's control takes focus: "Yes, connect me…" for the offer, the field for the email.
    // The feedback question leaves it in the message box (Shift+Tab reaches its buttons).
    if (open && kind !== "feedback") actions.querySelector<HTMLElement>("input, button")?.focus();
  }
  /** The control that takes focus after an action: a step's, else the message box. */
  const focusTarget = () => (actions?.dataset.testid === "baton-feedback" ? null : actions?.querySelector<HTMLElement>("input, button")) ?? input;

  /** Draws one event, once (ids only grow). The only place conversation text is drawn. */
  function show(event: ConversationEvent) {
    if (!event || event.id <= last) return;
    last = event.id;
    if (event.type === "resolved") return;
    if (event.type === "answer_feedback") {
      add("shopper", texts[(event.data as { helpful?: boolean } | null)?.helpful ? "feedbackYes" : "feedbackNo"] ?? "", { "data-choice": "" });
      return setActions(null);
    }
    if (event.type === "session_ended") return end(event.text);
    const author = event.author || "system";
    // The shopper's own answer, drawn as their bubble once the server has acted on it (so a reload
    // replays it too): what follows an offer or an email request, unless it is a new message of theirs.
    if (step && event.type !== "handoff_offered" && event.type !== "email_requested") {
      const answered = author !== "shopper" && config;
      if (answered && step === "offer")
        add("shopper", config!.webChat[event.type === "handoff_declined" ? "declineLabel" : "consentLabel"], { "data-choice": "" });
      if (answered && step === "email" && conv?.email) add("shopper", conv.email, { "data-choice": "" });
      step = null;
    }
    const data = (event.data || {}) as { name?: string; links?: WidgetLink[] };
    if (author === "shopper") root.querySelector("[data-pending]")?.remove();
    if (event.text) {
      const message = add(author, event.text, { "data-event": String(event.id) }, data.name);
      const links = (data.links || []).filter((link) => /^https?:/i.test(link.url));
      if (links.length) {
        const box = el("div", { class: "a" });
        for (const link of links)
          box.append(el("a", { href: link.url, target: "_blank", rel: "noopener noreferrer", "data-testid": "baton-link" }, link.label));
        message.append(box);
      }
    }
    if (event.type === "handoff_offered") setActions((step = "offer"));
    else if (event.type === "email_requested") setActions((step = "email"));
    else if (author === "assistant" && (event.data as { knowledgeEntryId?: string } | null)?.knowledgeEntryId) setActions("feedback");
    else if (author !== "human") setActions(null);
  }

  function end(text?: string | null) {
    if (ended) return;
    ended = true;
    setActions(null);
    add("system", text || texts.chatEnded || "", { "data-testid": "baton-note" });
    input.disabled = sendButton.disabled = true;
    save(storageKey, null);
    stop();
    // Not a dead end: the shopper can start over in the same panel.
    const again = el("button", { type: "button", class: "c", "data-testid": "baton-new" }, texts.newConversation);
    again.onclick = restart;
    list.append(again);
    if (open) again.focus();
  }

  function restart() {
    ended = false;
    conv = null;
    last = 0;
    step = null;
    list.replaceChildren();
    input.disabled = sendButton.disabled = false;
    form.hidden = false;
    if (texts.greeting) add("assistant", texts.greeting, { "data-testid": "baton-greeting" });
    input.focus();
  }

  /** Fetches the events after the last one drawn; overlapping calls share one loop. */
  function sync(): Promise<void> {
    if (syncing) {
      again = true;
      return syncing;
    }
    return (syncing = (async () => {
      try {
        do {
          again = false;
          (await api.json<{ events: ConversationEvent[] }>("GET", eventsPath())).events.forEach(show);
          status.textContent = "";
        } while (again && conv);
      } finally {
        syncing = null;
      }
    })());
  }

  /** While open: catch up, then stream (reconnecting when the server ends it), or poll every 2 s. */
  async function follow() {
    if (!open || !conv || ended || controller) return;
    const current = (controller = new AbortController());
    let sse = "TextDecoderStream" in window;
    let fresh = true;
    while (controller === current && conv && !ended) {
      try {
        if (fresh || !sse) await sync();
        fresh = false;
        if (!sse) await wait(2000);
        else {
          try {
            await api.stream(eventsPath(), current.signal, () => (status.textContent = ""), show);
          } catch (error) {
            if (current.signal.aborted || (error as ApiError).status) throw error;
            sse = false;
          }
          await wait(sse ? 1000 : 0);
        }
      } catch (error) {
        if (current.signal.aborted || lost(error as ApiError)) break;
        status.textContent = texts.connectionLost ?? "";
        await wait(2000);
      }
    }
    if (controller === current) controller = null;
  }
  function stop() {
    controller?.abort();
    controller = null;
  }
  /** A closed conversation ends the chat; an unknown one is forgotten (the next message starts anew). */
  function lost(error: ApiError): boolean {
    if (error.code === "conversation_closed") return (end(), true);
    if (error.status !== 401 && error.status !== 404) return false;
    conv = null;
    save(storageKey, null);
    stop();
    return true;
  }

  /** One shopper action at a time: the POST, then a sync that draws what it caused. */
  async function run(action: () => Promise<ReplyBody>, errorElement?: HTMLElement) {
    busy = true; // not a disabled button: that would drop the focus
    try {
      const result = await action();
      await sync();
      if (result.reply?.sessionEnded) end();
    } catch (error) {
      if (errorElement && (error as ApiError).status === 422) errorElement.textContent = texts.emailInvalid ?? "";
      else if (!lost(error as ApiError) || !ended) add("system", failureText(texts, error as ApiError), { "data-testid": "baton-note", role: "alert" });
      throw error;
    } finally {
      busy = false;
      if (open && !root.activeElement) (ended ? (root.querySelector<HTMLElement>("[data-testid=baton-new]") ?? close) : focusTarget()).focus();
    }
  }

  async function send(text: string) {
    const pending = add("shopper", text, { "data-pending": "" });
    let sent = false;
    try {
      await run(async () => {
        if (!conv) {
          const shopper = options.shopper;
          const identity = options.identity();
          const begin = (signed?: string) =>
            api.json<StartedConversation>("POST", "/conversations", { channel: "web_chat", shopper, locale: config?.locale, identity: signed });
          // A refused identity is reported, and the chat goes on as an unverified shopper's.
          const started = await begin(identity).catch((error: ApiError) => {
            if (!identity || !/^identity_|^validation_failed$/.test(error.code ?? "")) throw error;
            console.warn("[baton] identity refused:", error.code);
            return begin();
          });
          conv = { id: started.id, token: started.token };
          last = 0;
          save(storageKey, conv);
          void follow();
        }
        const result = await api.json<ReplyBody>("POST", `/conversations/${conv.id}/messages`, { text });
        sent = true;
        return result;
      });
    } catch {
      if (sent) return; // stored; its event will replace the pending bubble
      pending.remove();
      if (!input.value) input.value = text;
    }
  }
  /** Resolves once the shopper's current action has finished (its reply may still be arriving). */
  const idle = () =>
    new Promise<void>((resolve) => {
      const check = () => (busy ? setTimeout(check, 50) : resolve());
      check();
    });
  /**
   * The answer to the offer or the feedback question (box: its buttons), or the email (box: its form). The stream can draw
   * them before the action that caused them has finished, so an answer waits for that action
   * instead of being lost. One answer per box; a refused one (say, a bad email) may be sent again.
   */
  async function act(box: ActionBox, path: "handoff" | "feedback", body: object, errorElement?: HTMLElement) {
    if (box.used) return;
    box.used = true;
    try {
      await idle();
      await run(() => api.json<ReplyBody>("POST", `/conversations/${conv!.id}/${path}`, body), errorElement);
    } catch {
      box.used = false; // run() has shown why
    }
  }

  function toggle(next: boolean, quiet?: boolean) {
    open = next;
    panel.hidden = !open;
    bubble.setAttribute("aria-expanded", String(open));
    bubble.setAttribute("aria-label", (open ? texts.closeChat : texts.openChat) ?? "");
    save(openKey, open);
    if (!open) return (stop(), bubble.focus());
    if (!quiet) (ended ? (root.querySelector<HTMLElement>("[data-testid=baton-new]") ?? close) : focusTarget()).focus();
    void follow();
  }

  /** Messages go out one after another; one typed while the previous action finishes waits its turn. */
  let queue: Promise<void> = Promise.resolve();
  function submit(event: SubmitEvent) {
    event.preventDefault();
    const text = input.value.trim();
    if (!text || ended) return;
    input.value = "";
    queue = queue.then(idle).then(() => (ended ? undefined : send(text)));
  }

  /** Applies GET /config: the texts, then the greeting. */
  function configure(next: WidgetConfig) {
    config = next;
    texts = next.texts || {};
    if (texts.greeting) add("assistant", texts.greeting, { "data-testid": "baton-greeting" });
  }

  return { configure, toggle, submit, isOpen: () => open, texts: () => texts };
}
