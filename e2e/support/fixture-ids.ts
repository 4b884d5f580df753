import fs from "node:fs";
import path from "node:path";

// Written by the e2e server's seed (fixtures.ts), read by the specs; kept free of app imports so
// that specs load without the server's modules.
export const fixturesFile = path.resolve("test-results", "e2e-fixtures.json");

export type E2eFixtures = {
  demoStoreId: string;
  otherStoreId: string;
  e2eStoreId: string;
  raceConversationId: string;
  fallbackConversationId: string;
  hoursStoreId: string;
  phoneConversationId: string;
  lookConversationId: string;
  /** keyboard.spec.ts: one conversation per viewport ("desktop", "phone"). */
  keysConversationIds: Record<string, string>;
  hoursStoreKey: string;
  switchStoreKey: string;
  /** notifications.spec.ts: Notify Store's publishable key. */
  notifyStoreKey: string;
};

export function readFixtures(): E2eFixtures {
  return JSON.parse(fs.readFileSync(fixturesFile, "utf8")) as E2eFixtures;
}
