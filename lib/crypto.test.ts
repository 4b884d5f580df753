import { randomBytes } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { needsResealing, open, openJson, seal, sealJson } from "@/lib/crypto";
import { resetEnvForTests } from "@/lib/env";

const saved = { ...process.env };
const newKey = () => randomBytes(32).toString("base64");
beforeEach(() => {
  process.env.BATON_ENCRYPTION_KEY = newKey();
  resetEnvForTests();
});
afterEach(() => {
  process.env = { ...saved };
  resetEnvForTests();
});

describe("seal / open", () => {
  it("round-trips, and the ciphertext shows nothing of the secret", () => {
    const sealed = seal("zendesk-token-abc123");
    expect(sealed.ciphertext).not.toContain("zendesk-token-abc123");
    expect(sealed.ciphertext).not.toContain(Buffer.from("zendesk-token-abc123").toString("base64"));
    expect(sealed.keyId).toMatch(/^[0-9a-f]{16}$/);
    expect(open(sealed)).toBe("zendesk-token-abc123");
    expect(openJson(sealJson({ accessToken: "a", expiresAt: 5 }))).toEqual({ accessToken: "a", expiresAt: 5 });
  });

  it("uses a fresh IV each time", () => {
    expect(seal("same").ciphertext).not.toBe(seal("same").ciphertext);
  });

  it("detects tampering", () => {
    const sealed = seal("secret");
    const parts = sealed.ciphertext.split(".");
    const data = Buffer.from(parts[3]!, "base64");
    data[0] = data[0]! ^ 1;
    parts[3] = data.toString("base64");
    expect(() => open({ ...sealed, ciphertext: parts.join(".") })).toThrow();
  });

  it("opens values sealed with a retired key, and says they need re-sealing", () => {
    const oldKey = process.env.BATON_ENCRYPTION_KEY!;
    const sealed = seal("rotate me");
    process.env.BATON_ENCRYPTION_KEY = newKey();
    resetEnvForTests();
    expect(() => open(sealed)).toThrow(/No encryption key with id/);
    process.env.BATON_ENCRYPTION_OLD_KEYS = oldKey;
    resetEnvForTests();
    expect(open(sealed)).toBe("rotate me");
    expect(needsResealing(sealed)).toBe(true);
    expect(needsResealing(seal("new"))).toBe(false);
  });
});
