import { afterEach, describe, expect, it } from "vitest";
import { env, requireSecret, resetEnvForTests } from "@/lib/env";

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  resetEnvForTests();
});

describe("env", () => {
  it("applies safe defaults", () => {
    delete process.env.BATON_DATA_DIR;
    delete process.env.SIGN_IN_MAX_FAILURES_PER_EMAIL;
    resetEnvForTests();
    expect(env()).toMatchObject({ BATON_DATA_DIR: ".data", SIGN_IN_MAX_FAILURES_PER_EMAIL: 5, SIGN_IN_WINDOW_MINUTES: 15 });
  });

  it("names every invalid variable in one clear error", () => {
    process.env.DATABASE_URL = "mysql://nope";
    process.env.NEXTAUTH_SECRET = "short";
    process.env.SIGN_IN_WINDOW_MINUTES = "-3";
    resetEnvForTests();
    expect(() => env()).toThrowError(/DATABASE_URL[\s\S]*NEXTAUTH_SECRET: NEXTAUTH_SECRET must be at least 32 characters[\s\S]*SIGN_IN_WINDOW_MINUTES/);
  });

  it("says how to get a missing secret", () => {
    delete process.env.NEXTAUTH_SECRET;
    resetEnvForTests();
    expect(() => requireSecret("NEXTAUTH_SECRET")).toThrowError(/NEXTAUTH_SECRET is not set\. Run `npm run demo`/);
  });
});
