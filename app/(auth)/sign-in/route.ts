// GET|POST /sign-in — the sign-in page: a server-rendered HTML form that posts back here; errors are rendered by the server.
import { getLocale, getTranslations } from "next-intl/server";
import type { NextRequest } from "next/server";
import { getMember } from "@/lib/auth/require-member";
import { csrfForForm, signInWithCredentials } from "@/lib/auth/credentials-sign-in";
import { safeCallbackPath } from "@/lib/validation/callback-path";
import { signInFieldErrors } from "@/lib/validation/sign-in-fields";
import { signInHtml, type SignInState } from "./sign-in-html";

export const dynamic = "force-dynamic";

const signInCodes = ["invalid_credentials", "no_account", "rate_limited"] as const;

async function page(request: NextRequest, state: Omit<SignInState, "csrfToken">, status = 200, extraCookies: string[] = []): Promise<Response> {
  const [locale, t, tApp] = await Promise.all([getLocale(), getTranslations("signIn"), getTranslations()]);
  const csrf = await csrfForForm(request.nextUrl.origin);
  const html = signInHtml(
    {
      lang: locale,
      title: `${t("submit")} · ${tApp("metadata.title")}`,
      appName: tApp("common.appName"),
      heading: t("title"),
      subtitle: t("subtitle"),
      email: t("email"),
      password: t("password"),
      submit: t("submit"),
    },
    { ...state, csrfToken: csrf.token },
  );
  const headers = new Headers({ "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
  for (const cookie of [...extraCookies, ...csrf.setCookies]) headers.append("set-cookie", cookie);
  return new Response(html, { status, headers });
}

/** A same-origin path as a relative Location, so it holds behind any proxy. */
function seeOther(path: string, cookies: string[] = []): Response {
  const headers = new Headers({ location: path, "cache-control": "no-store" });
  for (const cookie of cookies) headers.append("set-cookie", cookie);
  return new Response(null, { status: 303, headers });
}

/** The words for a code next-auth passed back: `authorize`'s (invalid_credentials, rate_limited:N, no_account), else a generic one. */
async function messageFor(code: string): Promise<string> {
  const t = await getTranslations("signIn");
  const [name, seconds] = code.split(":");
  if (name === "rate_limited") return t("errors.rate_limited", { minutes: Math.max(1, Math.ceil(Number(seconds) / 60) || 1) });
  if (name === "invalid_credentials" || name === "no_account") return t(`errors.${name}`);
  return t("errors.unexpected");
}

export async function GET(request: NextRequest) {
  const search = request.nextUrl.searchParams;
  // Without a callback, "/" sends each member to their start page (agents cannot see the overview).
  const callbackPath = safeCallbackPath(search.get("callbackUrl"), "/");
  if (await getMember()) return seeOther(callbackPath);
  // next-auth sends its own failures here as ?error= (its `pages.error`).
  const error = search.get("error");
  return page(request, { callbackPath, formError: error ? await messageFor(error) : undefined });
}

export async function POST(request: NextRequest) {
  const form = await request.formData().catch(() => new FormData());
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  const callbackPath = safeCallbackPath(text("callbackUrl"), "/");
  const input = { email: text("email"), password: text("password") };
  // The same checks as before sending; the server's schema (lib/validation/auth.ts) applies again in authorize.
  const problems = signInFieldErrors(input);
  if (problems.email || problems.password) {
    const t = await getTranslations("signIn");
    return page(
      request,
      {
        callbackPath,
        email: input.email,
        fieldErrors: { email: problems.email && t(`errors.${problems.email}`), password: problems.password && t(`errors.${problems.password}`) },
      },
      422,
    );
  }
  const email = input.email.trim().toLowerCase();
  const result = await signInWithCredentials(request.nextUrl.origin, {
    csrfToken: text("csrfToken"),
    email,
    password: input.password,
    callbackUrl: callbackPath,
  });
  if (!result.ok) {
    const status = result.code.startsWith("rate_limited") ? 429 : (signInCodes as readonly string[]).includes(result.code) ? 401 : 400;
    return page(request, { callbackPath, email, formError: await messageFor(result.code) }, status, result.setCookies);
  }
  // 303: the browser follows with a GET, as after any form post.
  return seeOther(callbackPath, result.setCookies);
}
