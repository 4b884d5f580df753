// The widget's DOM: one shadow root, so the store's CSS and the widget's never meet. No header or
// footer elements: inside a shadow root they would be a second banner and contentinfo on the store.
// Text is only
// ever set through textContent, never parsed as HTML.

/** An element with attributes and, optionally, text. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string | null): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const name in attrs) node.setAttribute(name, attrs[name]!);
  if (text != null) node.textContent = text;
  return node;
}

const styles = `:host{all:initial}*{box-sizing:border-box;font:14px/1.45 system-ui,sans-serif}button{cursor:pointer}
.b,.p{position:fixed;right:20px;z-index:2147483000;box-shadow:0 8px 30px #0003}
.b{bottom:20px;width:56px;height:56px;border:0;border-radius:50%;background:#4f46e5;color:#fff;display:grid;place-items:center}
:focus-visible{outline:2px solid #818cf8;outline-offset:2px}
.p{bottom:88px;width:min(370px,calc(100vw - 40px));height:min(540px,calc(100vh - 110px));background:#fff;color:#0f172a;border-radius:16px;display:flex;flex-direction:column;overflow:hidden}
.p[hidden],[hidden],.e:empty,.r:empty{display:none!important}
.h{display:flex;justify-content:space-between;padding:12px 16px;background:#4f46e5;color:#fff}
h2{margin:0;font-weight:600}.x{background:none;border:0;color:#fff;font-size:20px;line-height:1}
.l{flex:1;overflow-y:auto;padding:14px;display:flex;flex-direction:column;gap:8px;background:#f8fafc}
.m{max-width:85%;padding:8px 12px;border-radius:14px;background:#fff;border:1px solid #e2e8f0;white-space:pre-wrap;overflow-wrap:anywhere}
[data-author=shopper]{align-self:flex-end;background:#4f46e5;color:#fff}[data-pending]{opacity:.6}[data-author=human]{background:#ecfdf5}
[data-author=system]{align-self:center;background:none;border:0;color:#64748b;font-size:13px}.n{display:block;font-size:12px;font-weight:600;color:#047857}
.a,form{display:flex;flex-wrap:wrap;gap:6px;margin-top:4px}.a a,button:not(.x,.b){border:1px solid #4f46e5;border-radius:99px;padding:6px 12px;background:#4f46e5;color:#fff;text-decoration:none}
.a a,.a button+button{background:#fff;color:#4338ca}label{width:100%;font-size:13px}
input{flex:1;min-width:0;padding:8px 10px;border:1px solid #cbd5e1;border-radius:10px}[aria-invalid=true]{border-color:#dc2626}
.e,.r{width:100%;margin:0;color:#b91c1c;font-size:13px}
.f{border-top:1px solid #e2e8f0;padding:10px 12px 6px}
.q{width:100%;margin:0;font-size:13px;color:#334155}.c{align-self:center}.v{text-align:center;font-size:11px;color:#64748b;margin:4px 0 0}:disabled{opacity:.5;cursor:default}`;

const markup = `<style>${styles}</style><button class="b" type="button" data-testid="baton-bubble" aria-expanded="false" aria-controls="bp"><svg width="26" height="26" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" aria-hidden="true"><path d="M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z"/></svg></button>
<div class="p" id="bp" role="dialog" data-testid="baton-panel" hidden><div class="h"><h2></h2><button class="x" type="button" data-testid="baton-close">&times;</button></div>
<div class="l" role="log" aria-live="polite" tabindex="0"></div><div class="f"><p class="r" role="status"></p>
<form><input id="bi" autocomplete="off" maxlength="4000"><button class="s" data-testid="baton-send"></button></form><p class="v"></p></div></div>`;

/** The widget's parts, found once. */
export type WidgetView = ReturnType<typeof createView>;

/** Builds the (not yet attached) widget: the launcher bubble and the chat panel. */
export function createView() {
  const host = el("div", { id: "baton-widget" });
  const root = host.attachShadow({ mode: "open" });
  root.innerHTML = markup;
  const find = <T extends Element>(selector: string) => root.querySelector<T>(selector)!;
  return {
    host,
    root,
    bubble: find<HTMLButtonElement>(".b"),
    panel: find<HTMLDivElement>(".p"),
    title: find<HTMLHeadingElement>("h2"),
    list: find<HTMLDivElement>(".l"),
    form: find<HTMLFormElement>(".f form"),
    input: find<HTMLInputElement>("#bi"),
    sendButton: find<HTMLButtonElement>(".s"),
    status: find<HTMLParagraphElement>(".r"),
    close: find<HTMLButtonElement>(".x"),
    poweredBy: find<HTMLParagraphElement>(".v"),
  };
}
