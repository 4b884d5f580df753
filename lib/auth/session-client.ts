// The two session calls the dashboard's browser code makes, straight to next-auth's endpoints
// (what next-auth/react's signOut and update do, without shipping its client and session provider
// on every page): each fetches a CSRF token first, as next-auth requires for a POST.

async function csrfToken(): Promise<string> {
  const response = await fetch("/api/auth/csrf", { cache: "no-store" });
  if (!response.ok) throw new Error(`csrf ${response.status}`);
  return ((await response.json()) as { csrfToken: string }).csrfToken;
}

/** Ends this browser's session (next-auth's sign-out event revokes it on the server), then opens sign-in. */
export async function signOutHere(): Promise<void> {
  const body = new URLSearchParams({ csrfToken: await csrfToken(), callbackUrl: "/sign-in", json: "true" });
  await fetch("/api/auth/signout", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body });
  // A whole new document: nothing of the signed-in page may stay in memory. Sign-in is plain HTML, not a client route.
  window.location.replace("/sign-in");
}

/** Asks next-auth to move the session to another account; returns the account the session is on afterwards. */
export async function switchSessionAccount(accountId: string): Promise<string | null> {
  const response = await fetch("/api/auth/session", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ csrfToken: await csrfToken(), data: { accountId } }),
  });
  if (!response.ok) return null;
  const session = (await response.json()) as { accountId?: string } | null;
  return session?.accountId ?? null;
}
