/* Baton chat widget. <script src="https://baton.example/widget.js" data-key="pk_…" async></script>
 * Optional: data-api (API origin), data-email, data-profile-id, data-name (a known shopper).
 * The transcript is drawn from the conversation's events only (streamed, else polled), each
 * once by id; a POST's reply only triggers a sync. Text goes through textContent, never HTML. */
(() => {
const me = document.currentScript, d = me && me.dataset;
if (!d || !d.key || window.__baton) return;
window.__baton = 1;
const api = (d.api || new URL(me.src).origin).replace(/\/+$/, "") + "/api/widget/v1";
const sk = "baton:" + d.key, ok = "baton-open:" + d.key;
const store = (k, v) => {
  try {
    if (v === undefined) return JSON.parse(sessionStorage.getItem(k));
    if (v == null || v === false) sessionStorage.removeItem(k);
    else sessionStorage.setItem(k, JSON.stringify(v));
  } catch { /* no storage: the chat still works on this page */ }
};
let T = {}, cfg, conv = store(sk), last = 0, open = false, ended = false, ctl = null, syncing = null, again = false, actions = null, busy = false;
const el = (tag, attrs, text) => {
  const e = document.createElement(tag);
  for (const k in attrs) e.setAttribute(k, attrs[k]);
  if (text != null) e.textContent = text;
  return e;
};
const wait = (ms) => new Promise((r) => setTimeout(r, ms));
const evUrl = () => `/conversations/${conv.id}/events?after=${last}`;

async function call(method, path, body, headers, signal) {
  const h = { Authorization: "Bearer " + d.key, ...headers };
  if (body) h["Content-Type"] = "application/json";
  if (conv) h["X-Conversation-Token"] = conv.token;
  const r = await fetch(api + path, { method, headers: h, body: body ? JSON.stringify(body) : undefined, signal });
  if (r.ok) return r;
  const e = (await r.json().then((b) => b.error, () => 0)) || {};
  throw Object.assign(new Error(e.message || "HTTP " + r.status), { code: e.code, status: r.status });
}
const json = (...a) => call(...a).then((r) => r.json());

const host = el("div", { id: "baton-widget" });
const root = host.attachShadow({ mode: "open" });
root.innerHTML = `<style>
:host{all:initial}*{box-sizing:border-box;font:14px/1.45 system-ui,sans-serif}button{cursor:pointer}
.b,.p{position:fixed;right:20px;z-index:2147483000;box-shadow:0 8px 30px #0003}
.b{bottom:20px;width:56px;height:56px;border:0;border-radius:50%;background:#4f46e5;color:#fff;display:grid;place-items:center}
:focus-visible{outline:2px solid #818cf8;outline-offset:2px}
.p{bottom:88px;width:min(370px,calc(100vw - 40px));height:min(540px,calc(100vh - 110px));background:#fff;color:#0f172a;border-radius:16px;display:flex;flex-direction:column;overflow:hidden}
.p[hidden],.e:empty,.r:empty{display:none}header{display:flex;justify-content:space-between;padding:12px 16px;background:#4f46e5;color:#fff}
h2{margin:0;font-weight:600}.x{background:none;border:0;color:#fff;font-size:20px;line-height:1}
.l{flex:1;overflow-y:auto;padding:14px;display:flex;flex-direction:column;gap:8px;background:#f8fafc}
.m{max-width:85%;padding:8px 12px;border-radius:14px;background:#fff;border:1px solid #e2e8f0;white-space:pre-wrap;overflow-wrap:anywhere}
[data-author=shopper]{align-self:flex-end;background:#4f46e5;color:#fff}[data-pending]{opacity:.6}[data-author=human]{background:#ecfdf5}
[data-author=system]{align-self:center;background:none;border:0;color:#64748b;font-size:13px}.n{display:block;font-size:12px;font-weight:600;color:#047857}
.a,form{display:flex;flex-wrap:wrap;gap:6px;margin-top:4px}.a a,button:not(.x,.b){border:1px solid #4f46e5;border-radius:99px;padding:6px 12px;background:#4f46e5;color:#fff;text-decoration:none}
.a a,.a button+button{background:#fff;color:#4338ca}label{width:100%;font-size:13px}
input{flex:1;min-width:0;padding:8px 10px;border:1px solid #cbd5e1;border-radius:10px}[aria-invalid=true]{border-color:#dc2626}
.e,.r{width:100%;margin:0;color:#b91c1c;font-size:13px}footer{border-top:1px solid #e2e8f0;padding:10px 12px 6px}
.v{text-align:center;font-size:11px;color:#94a3b8;margin:4px 0 0}:disabled{opacity:.5;cursor:default}
</style><button class="b" type="button" data-testid="baton-bubble" aria-expanded="false" aria-controls="bp"><svg width="26" height="26" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" aria-hidden="true"><path d="M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z"/></svg></button>
<div class="p" id="bp" role="dialog" data-testid="baton-panel" hidden><header><h2></h2><button class="x" type="button" data-testid="baton-close">&times;</button></header>
<div class="l" role="log" aria-live="polite"></div><footer><p class="r" role="status"></p>
<form><input id="bi" autocomplete="off" maxlength="4000"><button class="s" data-testid="baton-send"></button></form><p class="v"></p></footer></div>`;
const $ = (s) => root.querySelector(s);
const bubble = $(".b"), panel = $(".p"), list = $(".l"), input = $("#bi"), sendBtn = $(".s"), status = $(".r"), close = $(".x");

function add(author, text, attrs, who) {
  const m = el("div", { class: "m", "data-testid": "baton-message", "data-author": author, ...attrs });
  if (author === "human") m.append(el("span", { class: "n" }, who || T.teamMember));
  m.append(text || "");
  list.append(m);
  list.scrollTop = list.scrollHeight;
  return m;
}

/** The controls under the last message: the consent buttons or the email form. */
function setActions(kind) {
  if (actions) actions.remove();
  actions = null;
  if (!kind || ended) return;
  if (kind === "offer") {
    actions = el("div", { class: "a", "data-testid": "baton-consent" });
    const box = actions;
    for (const yes of [true, false]) {
      const b = el("button", { type: "button", "data-testid": "baton-consent-" + (yes ? "yes" : "no") }, cfg.webChat[yes ? "consentLabel" : "declineLabel"]);
      b.onclick = () => handoff(box, { consent: yes });
      actions.append(b);
    }
  } else {
    const box = (actions = el("form", { "data-testid": "baton-email-form", novalidate: "" }));
    const inp = el("input", { id: "be", type: "email", autocomplete: "email", placeholder: T.emailPlaceholder, "aria-describedby": "bee" });
    const err = el("p", { class: "e", id: "bee", role: "alert", "data-testid": "baton-email-error" });
    actions.append(el("label", { for: "be" }, T.emailLabel), inp, el("button", {}, T.emailSubmit), err);
    actions.onsubmit = (ev) => {
      ev.preventDefault();
      const email = inp.value.trim(), bad = !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email);
      inp.setAttribute("aria-invalid", bad);
      err.textContent = bad ? T.emailInvalid : "";
      list.scrollTop = list.scrollHeight;
      if (bad) inp.focus();
      else handoff(box, { consent: true, email }, err);
    };
  }
  list.append(actions);
  list.scrollTop = list.scrollHeight;
  if (open && kind === "email") actions.querySelector("input").focus();
}

/** Draws one event, once (ids only grow). The only place conversation text is drawn. */
function show(ev) {
  if (!ev || ev.id <= last) return;
  last = ev.id;
  if (ev.type === "resolved") return;
  if (ev.type === "session_ended") return end(ev.text);
  const a = ev.author || "system", data = ev.data || {};
  if (a === "shopper") { const p = $("[data-pending]"); if (p) p.remove(); }
  if (ev.text) {
    const m = add(a, ev.text, { "data-event": ev.id }, data.name);
    const links = (data.links || []).filter((k) => /^https?:/i.test(k.url));
    if (links.length) {
      const box = el("div", { class: "a" });
      for (const k of links) box.append(el("a", { href: k.url, target: "_blank", rel: "noopener noreferrer", "data-testid": "baton-link" }, k.label));
      m.append(box);
    }
  }
  if (ev.type === "handoff_offered") setActions("offer");
  else if (ev.type === "email_requested") setActions("email");
  else if (a !== "human") setActions(null);
}

function end(text) {
  if (ended) return;
  ended = true;
  setActions(null);
  add("system", text || T.chatEnded, { "data-testid": "baton-note" });
  input.disabled = sendBtn.disabled = true;
  store(sk, null);
  stop();
}

/** Fetches the events after the last one drawn; overlapping calls share one loop. */
function sync() {
  if (syncing) return (again = true), syncing;
  return (syncing = (async () => {
    try {
      do {
        again = false;
        (await json("GET", evUrl())).events.forEach(show);
        status.textContent = "";
      } while (again && conv);
    } finally { syncing = null; }
  })());
}

/** Server-sent events over fetch (EventSource cannot send the Authorization header). */
async function stream(signal) {
  const r = await call("GET", evUrl(), 0, { Accept: "text/event-stream" }, signal);
  if (!/event-stream/.test(r.headers.get("content-type")) || !r.body) throw new Error("no stream");
  status.textContent = "";
  const rd = r.body.pipeThrough(new TextDecoderStream()).getReader();
  for (let buf = "", i; ;) {
    const { done, value } = await rd.read();
    if (done) return;
    buf += value.replace(/\r\n?/g, "\n");
    while ((i = buf.indexOf("\n\n")) >= 0) {
      const data = buf.slice(0, i).split("\n").filter((l) => l.startsWith("data:")).map((l) => l.slice(5).trim()).join("\n");
      buf = buf.slice(i + 2);
      if (data) show(JSON.parse(data));
    }
  }
}

/** While open: catch up, then stream (reconnecting when the server ends it), or poll every 2 s. */
async function follow() {
  if (!open || !conv || ended || ctl) return;
  const c = (ctl = new AbortController());
  let sse = !!window.TextDecoderStream, fresh = true;
  while (ctl === c && conv && !ended) {
    try {
      if (fresh || !sse) await sync();
      fresh = false;
      if (!sse) await wait(2000);
      else {
        try { await stream(c.signal); } catch (e) { if (c.signal.aborted || e.status) throw e; sse = false; }
        await wait(sse ? 1000 : 0);
      }
    } catch (e) {
      if (c.signal.aborted || lost(e)) break;
      status.textContent = T.connectionLost;
      await wait(2000);
    }
  }
  if (ctl === c) ctl = null;
}
function stop() {
  if (ctl) ctl.abort();
  ctl = null;
}
/** A closed conversation ends the chat; an unknown one is forgotten (the next message starts anew). */
function lost(e) {
  if (e.code === "conversation_closed") return end(), true;
  if (e.status !== 401 && e.status !== 404) return false;
  conv = null;
  store(sk, null);
  stop();
  return true;
}

/** One shopper action at a time: the POST, then a sync that draws what it caused. */
async function run(fn, errEl) {
  busy = true; // not a disabled button: that would drop the focus
  try {
    const res = await fn();
    await sync();
    if (res.reply && res.reply.sessionEnded) end();
  } catch (e) {
    if (errEl && e.status === 422) errEl.textContent = T.emailInvalid;
    else if (!lost(e) || !ended) add("system", T.error, { "data-testid": "baton-note", role: "alert" });
    throw e;
  } finally {
    busy = false;
    if (open && !root.activeElement) (ended ? close : input).focus();
  }
}

async function send(text) {
  const p = add("shopper", text, { "data-pending": "" });
  let sent = false;
  try {
    await run(async () => {
      if (!conv) {
        const c = await json("POST", "/conversations", { channel: "web_chat", shopper: { email: d.email, profileId: d.profileId, name: d.name } });
        conv = { id: c.id, token: c.token };
        last = 0;
        store(sk, conv);
        follow();
      }
      const res = await json("POST", `/conversations/${conv.id}/messages`, { text });
      sent = true;
      return res;
    });
  } catch {
    if (sent) return; // stored; its event will replace the pending bubble
    p.remove();
    if (!input.value) input.value = text;
  }
}
/** Resolves once the shopper's current action has finished (its reply may still be arriving). */
const idle = () => new Promise((r) => (function check() { if (busy) setTimeout(check, 50); else r(); })());
/**
 * The answer to the offer (box: its buttons), or the email (box: its form). The stream can draw
 * them before the action that caused them has finished, so an answer waits for that action
 * instead of being lost. One answer per box; a refused one (say, a bad email) may be sent again.
 */
async function handoff(box, body, errEl) {
  if (box.used) return;
  box.used = true;
  try {
    await idle();
    await run(() => json("POST", `/conversations/${conv.id}/handoff`, body), errEl);
  } catch {
    box.used = false; // run() has shown why
  }
}

function toggle(next, quiet) {
  open = next;
  panel.hidden = !open;
  bubble.setAttribute("aria-expanded", open);
  store(ok, open);
  if (!open) return stop(), bubble.focus();
  if (!quiet) ((actions && actions.querySelector("input")) || (ended ? close : input)).focus();
  follow();
}

bubble.onclick = () => toggle(!open);
close.onclick = () => toggle(false);
panel.onkeydown = (e) => { if (e.key === "Escape") toggle(false); };
$("form").onsubmit = (e) => {
  e.preventDefault();
  const text = input.value.trim();
  if (!text || busy || ended) return;
  input.value = "";
  send(text);
};

json("GET", "/config").then((c) => {
  cfg = c;
  T = c.texts || {};
  panel.lang = c.locale;
  panel.setAttribute("aria-label", T.widgetTitle);
  bubble.setAttribute("aria-label", T.openChat);
  close.setAttribute("aria-label", T.closeChat);
  $("h2").textContent = T.widgetTitle;
  input.setAttribute("aria-label", T.inputLabel);
  input.placeholder = T.inputPlaceholder;
  sendBtn.textContent = T.send;
  $(".v").textContent = T.poweredBy;
  if (T.greeting) add("assistant", T.greeting, { "data-testid": "baton-greeting" });
  (document.body || document.documentElement).append(host);
  if (store(ok)) toggle(true, true); // still open after a reload: reopen without taking focus
}, (e) => console.warn("[baton] widget off:", e.message));
})();
