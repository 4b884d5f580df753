// The security headers of every answer, as one pure function so that proxy.ts applies them and
// Vitest checks them. Scripts run only with this request's nonce ('strict-dynamic' lets them load
// their own chunks); no inline script runs without it.

export type HeaderContext = { nonce: string; pathname: string; https: boolean; development: boolean };

/** The Content-Security-Policy of a page: the dashboard, sign-in and the demo storefront alike. */
export function contentSecurityPolicy({ nonce, development }: Pick<HeaderContext, "nonce" | "development">): string {
  return [
    "default-src 'self'",
    // React's development build evaluates code for its stack traces; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    // Tailwind classes are files, but React and Recharts set style attributes, and the widget
    // styles its shadow root with a <style> element.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join("; ");
}

/**
 * Headers for one answer. `widget.js` is loaded by merchants' pages from their own origins, so it
 * says it may be embedded cross-origin; every page gets the CSP; everything gets nosniff, a
 * referrer policy, no powerful features, and HSTS when the request came over https.
 */
export function securityHeaders(context: HeaderContext): Record<string, string> {
  const headers: Record<string, string> = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
  };
  if (context.https) headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains";
  if (context.pathname === "/widget.js") {
    headers["Cross-Origin-Resource-Policy"] = "cross-origin";
    return headers;
  }
  if (context.pathname.startsWith("/api/")) {
    // JSON and event streams: nothing in them may run or be framed.
    headers["Content-Security-Policy"] = "default-src 'none'; frame-ancestors 'none'";
    return headers;
  }
  headers["Content-Security-Policy"] = contentSecurityPolicy(context);
  headers["X-Frame-Options"] = "DENY";
  return headers;
}
