/**
 * The merchant's part of Zendesk OAuth, for tests: open the simulator's authorize page, press
 * Allow, and return the callback URL it redirects to (with `code` and `state`).
 */
export async function approveZendeskConsent(authorizeUrl: string): Promise<URL> {
  const html = await (await fetch(authorizeUrl)).text();
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
  const requestId = /name="request_id" value="([^"]+)"/.exec(html)?.[1];
  if (!action || !requestId) throw new Error(`no consent form at ${authorizeUrl}`);
  const allowed = await fetch(action, { method: "POST", body: new URLSearchParams({ request_id: requestId, decision: "allow" }), redirect: "manual" });
  if (allowed.status !== 302) throw new Error(`consent answered ${allowed.status}`);
  return new URL(allowed.headers.get("location")!);
}
