// The sign-in page as HTML with no script: a form that works before (and without) any JavaScript,
// so the page ships none of React's runtime. Its look follows the dashboard's (slate, indigo).

export type SignInTexts = {
  lang: string;
  title: string;
  appName: string;
  heading: string;
  subtitle: string;
  email: string;
  password: string;
  submit: string;
};

export type SignInState = {
  csrfToken: string;
  callbackPath: string;
  email?: string;
  /** The form's error, shown in its alert. */
  formError?: string;
  fieldErrors?: { email?: string; password?: string };
};

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

const styles = `
*,::before,::after{box-sizing:border-box}
html{color-scheme:light}
body{margin:0;min-height:100vh;background:#f8fafc;color:#0f172a;font-family:ui-sans-serif,system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;-webkit-font-smoothing:antialiased}
main{display:flex;min-height:100vh;align-items:center;justify-content:center;padding:3rem 1rem}
.wrap{width:100%;max-width:24rem}
.head{margin-bottom:2rem;text-align:center}
.app{margin:0;font-size:1.5rem;line-height:2rem;font-weight:600;letter-spacing:-.025em;color:#4f46e5}
h1{margin:1.5rem 0 0;font-size:1.25rem;line-height:1.75rem;font-weight:600}
.sub{margin:.25rem 0 0;font-size:.875rem;line-height:1.25rem;color:#475569}
.card{border:1px solid #e2e8f0;border-radius:.75rem;background:#fff;padding:1.5rem;box-shadow:0 1px 2px rgb(0 0 0/.05)}
form>*+*{margin-top:1.25rem}
label{display:block;font-size:.875rem;line-height:1.25rem;font-weight:500;color:#1e293b}
input:not([type=hidden]){display:block;width:100%;margin-top:.25rem;border:1px solid #cbd5e1;border-radius:.375rem;background:#fff;padding:.5rem .75rem;font:inherit;font-size:.875rem;line-height:1.25rem;color:inherit;box-shadow:0 1px 2px rgb(0 0 0/.05);outline:none}
input:focus{border-color:#6366f1;box-shadow:0 0 0 2px rgb(99 102 241/.3)}
input[aria-invalid=true]{border-color:#ef4444}
.field-error{margin:.25rem 0 0;font-size:.875rem;line-height:1.25rem;color:#b91c1c}
.alert{min-height:1.25rem;font-size:.875rem;line-height:1.25rem;color:#b91c1c}
button{display:inline-flex;width:100%;align-items:center;justify-content:center;border:0;border-radius:.375rem;background:#4f46e5;padding:.5rem 1rem;font:inherit;font-size:.875rem;line-height:1.25rem;font-weight:500;color:#fff;cursor:pointer;box-shadow:0 1px 2px rgb(0 0 0/.05)}
button:hover{background:#6366f1}
button:focus-visible{outline:2px solid #4f46e5;outline-offset:2px}
`;

function field(name: "email" | "password", label: string, attrs: string, error: string | undefined, autofocus: boolean) {
  const errorId = `${name}-error`;
  return `<div><label for="${name}">${escape(label)}</label><input id="${name}" name="${name}" ${attrs}${autofocus ? " autofocus" : ""}${
    error ? ` aria-invalid="true" aria-describedby="${errorId}"` : ""
  }>${error ? `<p id="${errorId}" class="field-error">${escape(error)}</p>` : ""}</div>`;
}

export function signInHtml(t: SignInTexts, state: SignInState): string {
  const errors = state.fieldErrors ?? {};
  // Focus where the person has to act: the first field in error, else the email.
  const focusPassword = !errors.email && (Boolean(errors.password) || Boolean(state.formError && state.email));
  return `<!DOCTYPE html><html lang="${escape(t.lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(t.title)}</title><link rel="icon" href="/favicon.ico" sizes="any"><style>${styles}</style></head><body><main><div class="wrap"><div class="head"><p class="app">${escape(t.appName)}</p><h1>${escape(t.heading)}</h1><p class="sub">${escape(t.subtitle)}</p></div><div class="card"><form method="post" action="/sign-in" novalidate><input type="hidden" name="csrfToken" value="${escape(state.csrfToken)}"><input type="hidden" name="callbackUrl" value="${escape(state.callbackPath)}">${field(
    "email",
    t.email,
    `type="email" autocomplete="email" required value="${escape(state.email ?? "")}"`,
    errors.email,
    !focusPassword,
  )}${field("password", t.password, `type="password" autocomplete="current-password" required`, errors.password, focusPassword)}<div role="alert" class="alert">${
    state.formError ? escape(state.formError) : ""
  }</div><button type="submit">${escape(t.submit)}</button></form></div></div></main></body></html>`;
}
