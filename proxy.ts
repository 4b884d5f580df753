// Sets the security headers (lib/http/security-headers.ts) on every answer and gives each page
// request its CSP nonce, which Next.js reads from the request's Content-Security-Policy and puts
// on its own scripts. Never an access check: pages, actions and routes check the caller themselves.
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { securityHeaders } from "@/lib/http/security-headers";

export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const headers = securityHeaders({
    nonce,
    pathname: request.nextUrl.pathname,
    https: request.nextUrl.protocol === "https:",
    development: env().NODE_ENV === "development",
  });
  const forwarded = new Headers(request.headers);
  forwarded.set("x-nonce", nonce);
  if (headers["Content-Security-Policy"]) forwarded.set("Content-Security-Policy", headers["Content-Security-Policy"]);
  const response = NextResponse.next({ request: { headers: forwarded } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Build assets are immutable files; everything else (pages, API, widget.js) gets the headers.
  // Inbound email is left out: a proxy buffers request bodies up to a limit and passes on a cut
  // one past it, and a provider's raw message must reach the route whole (it refuses > 10 MB).
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|api/email/inbound).*)" }],
};
