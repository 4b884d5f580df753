import { describe, expect, it } from "vitest";
import { signInSchema } from "./auth";
import { signInFieldErrors } from "./sign-in-fields";

// The browser's checks and the server's schema must refuse the same inputs with the same codes.
const cases = [
  { email: "admin@demo.test", password: "baton-demo" },
  { email: "  Admin@Demo.Test ", password: "x" },
  { email: "", password: "" },
  { email: "not-an-email", password: "baton-demo" },
  { email: "a@b", password: "baton-demo" },
  { email: "a b@c.de", password: "baton-demo" },
  { email: `${"a".repeat(250)}@x.io`, password: "baton-demo" },
  { email: "admin@demo.test", password: "p".repeat(72) },
  { email: "admin@demo.test", password: "p".repeat(73) },
];

describe("signInFieldErrors", () => {
  it.each(cases)("agrees with signInSchema for %j", (input) => {
    const parsed = signInSchema.safeParse(input);
    const server: Record<string, string> = {};
    if (!parsed.success) for (const issue of parsed.error.issues) server[String(issue.path[0])] ??= issue.message;
    expect(signInFieldErrors(input)).toEqual(server);
  });
});
