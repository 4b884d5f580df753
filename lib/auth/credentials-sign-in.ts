import "server-only";
import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";

// The sign-in page is a plain HTML form (no client JavaScript), so it reaches next-auth the way
// next-auth's own route does: through its handler, with the browser's cookies and headers (next-auth
// reads them from the request in progress). Its CSRF check and callbacks run unchanged.

const nextAuth = (request: NextRequest, action: string[]) =>
  NextAuth(request, { params: Promise.resolve({ nextauth: action }) }, authOptions()) as Promise<Response>;

/** next-auth's CSRF token for the form, and the cookie that pairs with it when the browser has none yet. */
export async function csrfForForm(origin: string): Promise<{ token: string; setCookies: string[] }> {
  const response = await nextAuth(new NextRequest(`${origin}/api/auth/csrf`), ["csrf"]);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { token: csrfToken, setCookies: response.headers.getSetCookie() };
}

export type CredentialsResult = { ok: true; setCookies: string[] } | { ok: false; code: string; setCookies: string[] };

/**
 * Signs in with next-auth's credentials provider. Success carries the session cookie to set;
 * a failure carries the code `authorize` threw (invalid_credentials, rate_limited:N, no_account,
 * or next-auth's own, e.g. a stale CSRF token).
 */
export async function signInWithCredentials(
  origin: string,
  fields: { csrfToken: string; email: string; password: string; callbackUrl: string },
): Promise<CredentialsResult> {
  const request = new NextRequest(`${origin}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ ...fields, json: "true" }),
  });
  const response = await nextAuth(request, ["callback", "credentials"]);
  const setCookies = response.headers.getSetCookie();
  const { url } = (await response.json().catch(() => ({}))) as { url?: string };
  const error = url ? new URL(url, origin).searchParams.get("error") : "unexpected";
  if (error) return { ok: false, code: error, setCookies };
  return { ok: true, setCookies };
}
