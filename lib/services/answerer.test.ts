import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { insertKnowledge } from "@/db/queries/knowledge";
import { demoKnowledge } from "@/db/seed-widget";
import { createAccountWithMembers, openTestDatabase } from "@/db/testing/test-database";
import { findAnswer } from "@/lib/services/answerer";

let handle: DatabaseHandle;
let accountId: string;
beforeAll(async () => {
  handle = await openTestDatabase();
  accountId = (await createAccountWithMembers(handle)).account.id;
  await insertKnowledge(handle.db, demoKnowledge.map((k) => ({ ...k, accountId })));
});
afterAll(() => handle.close());

const answerOf = (question: string) => demoKnowledge.find((k) => k.question === question)!.answer;

describe("the built-in answerer", () => {
  it("answers questions an entry covers, in other words too", async () => {
    expect(await findAnswer(handle.db, { accountId, text: "How long does shipping take?" })).toBe(answerOf("How long does shipping take?"));
    expect(await findAnswer(handle.db, { accountId, text: "how long until my order arrives" })).toBe(answerOf("How long does shipping take?"));
    expect(await findAnswer(handle.db, { accountId, text: "Do you accept PayPal?" })).toBe(answerOf("Which payment methods do you accept?"));
  });

  it("stays silent on near misses and unknown questions, and on other accounts' knowledge", async () => {
    for (const text of ["Can I change the engraving on my order?", "Can I change my order?", "Do you sell gift cards?", "hello", "???"]) {
      expect(await findAnswer(handle.db, { accountId, text }), text).toBeNull();
    }
    const other = await createAccountWithMembers(handle);
    expect(await findAnswer(handle.db, { accountId: other.account.id, text: "How long does shipping take?" })).toBeNull();
  });
});
