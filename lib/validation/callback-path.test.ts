import { describe, expect, it } from "vitest";
import { homePath, safeCallbackPath } from "@/lib/validation/callback-path";

describe("safeCallbackPath", () => {
  it("keeps same-site paths", () => {
    expect(safeCallbackPath("/inbox")).toBe("/inbox");
    expect(safeCallbackPath(["/integrations?x=1"])).toBe("/integrations?x=1");
  });

  it("sends anything else home", () => {
    for (const value of [undefined, null, "", "https://evil.test/", "//evil.test", "/\\evil.test", "inbox", "/sign-in", "/api/auth/signout"]) {
      expect(safeCallbackPath(value)).toBe(homePath);
    }
  });
});
