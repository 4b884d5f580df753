import { describe, expect, it } from "vitest";
import { homePath, safeCallbackPath } from "@/lib/validation/callback-path";

// Known open-redirect bypasses (OWASP, PortSwigger and the security review of issue 14), as a
// browser would receive them after URL decoding.
const bypasses = [
  "https://evil.test/",
  "//evil.test",
  "///evil.test",
  "////evil.test/phish",
  "/\\evil.test",
  "/\\/evil.test",
  "\\\\evil.test",
  "/\t/evil.example/phish",
  "/\n/evil.example/phish",
  "/\r\n/evil.example",
  "/ /evil.example",
  "/\u0000/evil.example",
  "/\u007f/evil.example",
  "/%2F/evil.test",
  "/%2f%2fevil.test",
  "/%5Cevil.test",
  "/%09/evil.test",
  "/@evil.test",
  "//user@evil.test",
  "/https://evil.test",
  "/ⁱ/evil.test",
  "/\u3002/evil.test",
  "//evil%E3%80%82test",
  "／／evil.test",
  "/\u2028/evil.test",
  "javascript:alert(1)",
  "/javascript:alert(1)",
  "inbox",
  "",
  "/sign-in",
  "/sign-in?callbackUrl=//evil.test",
  "/api/auth/signout",
];

describe("safeCallbackPath", () => {
  it("keeps same-origin paths, as the browser will read them", () => {
    expect(safeCallbackPath("/inbox")).toBe("/inbox");
    expect(safeCallbackPath(["/integrations?x=1"])).toBe("/integrations?x=1");
    expect(safeCallbackPath("/inbox/../integrations#deliveries")).toBe("/integrations#deliveries");
  });

  it("sends anything else home", () => {
    for (const value of [undefined, null]) expect(safeCallbackPath(value)).toBe(homePath);
  });

  it.each(bypasses)("refuses or neutralises %j", (value) => {
    const result = safeCallbackPath(value, "/");
    // Whatever survives must resolve to this origin in a browser's URL parser.
    const resolved = new URL(result, "http://baton.local");
    expect(resolved.origin).toBe("http://baton.local");
    expect(result.startsWith("/")).toBe(true);
    expect(result).not.toMatch(/^\/[\\/]/);
    expect(result).not.toMatch(/[\u0000-\u001f\\]/);
    if (/evil/.test(value)) expect(result).not.toMatch(/^\/{2}|evil\.test\//);
  });
});
