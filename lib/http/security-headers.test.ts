import { describe, expect, it } from "vitest";
import { securityHeaders } from "@/lib/http/security-headers";

const page = { nonce: "bm9uY2U=", pathname: "/inbox", https: false, development: false };

describe("securityHeaders", () => {
  it("gives pages a nonce-based CSP with no inline scripts, and forbids framing", () => {
    const headers = securityHeaders(page);
    const csp = headers["Content-Security-Policy"]!;
    expect(csp).toContain("script-src 'self' 'nonce-bm9uY2U=' 'strict-dynamic'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(headers).toMatchObject({ "X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY", "Referrer-Policy": "strict-origin-when-cross-origin" });
    expect(headers["Permissions-Policy"]).toContain("camera=()");
  });

  it("sends HSTS only over https", () => {
    expect(securityHeaders(page)["Strict-Transport-Security"]).toBeUndefined();
    expect(securityHeaders({ ...page, https: true })["Strict-Transport-Security"]).toMatch(/^max-age=\d+/);
  });

  it("lets merchants' pages load widget.js, with no page CSP on it", () => {
    const headers = securityHeaders({ ...page, pathname: "/widget.js" });
    expect(headers["Cross-Origin-Resource-Policy"]).toBe("cross-origin");
    expect(headers["Content-Security-Policy"]).toBeUndefined();
    expect(headers["X-Frame-Options"]).toBeUndefined();
  });
});
