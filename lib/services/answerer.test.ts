import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { eq } from "drizzle-orm";
import { insertKnowledge, insertSynonyms } from "@/db/queries/knowledge";
import { knowledgeEntries } from "@/db/schema/knowledge";
import { precisionRecall, runEvaluation, seedEvaluationAccounts } from "@/db/testing/answerer-evaluation";
import { demoKnowledge, lojaKnowledge } from "@/db/seed-stories";
import { createAccountWithMembers, openTestDatabase } from "@/db/testing/test-database";
import { explainAnswer, findAnswer as findMatch } from "@/lib/services/answerer";
import { saveEntry, saveSynonyms, setEntryEnabled } from "@/lib/services/knowledge";

const findAnswer = async (...args: Parameters<typeof findMatch>) => (await findMatch(...args))?.answer ?? null;

let handle: DatabaseHandle;
let accountId: string;
beforeAll(async () => {
  handle = await openTestDatabase();
  accountId = (await createAccountWithMembers(handle)).account.id;
  await insertKnowledge(
    handle.db,
    demoKnowledge.map((k) => ({ ...k, accountId })),
  );
});
afterAll(() => handle.close());

const answerOf = (question: string) => demoKnowledge.find((k) => k.question === question)!.answer;

describe("the built-in answerer", () => {
  it("answers questions an entry covers, in other words too", async () => {
    expect(await findAnswer(handle.db, { accountId, locale: "en", text: "How long does shipping take?" })).toBe(answerOf("How long does shipping take?"));
    expect(await findAnswer(handle.db, { accountId, locale: "en", text: "how long until my order arrives" })).toBe(answerOf("How long does shipping take?"));
    expect(await findAnswer(handle.db, { accountId, locale: "en", text: "Which payment methods do you accept" })).toBe(
      answerOf("Which payment methods do you accept?"),
    );
  });

  it("stays silent on near misses and unknown questions, and on other accounts' knowledge", async () => {
    for (const text of ["Can I change the engraving on my order?", "Can I change my order?", "Do you sell gift cards?", "hello", "???"]) {
      expect(await findAnswer(handle.db, { accountId, locale: "en", text }), text).toBeNull();
    }
    const other = await createAccountWithMembers(handle);
    expect(await findAnswer(handle.db, { accountId: other.account.id, locale: "en", text: "How long does shipping take?" })).toBeNull();
  });
});

describe("the answerer's explanation", () => {
  it("gives the entry, its score and each word's part, and lets variants and synonyms answer", async () => {
    const id = (await createAccountWithMembers(handle)).account.id;
    await insertKnowledge(handle.db, [{ accountId: id, question: "What is your return policy?", variants: ["Can I send shoes back?"], answer: "30 days." }]);
    await insertSynonyms(handle.db, [{ accountId: id, locale: "en", words: ["return", "refund", "money back"] }]);
    const refund = await explainAnswer(handle.db, { accountId: id, locale: "en", text: "Can I get a refund?" });
    expect(refund.match?.answer).toBe("30 days.");
    expect(refund.match!.score).toBeGreaterThanOrEqual(refund.threshold);
    expect(refund.candidates[0]!.matches).toEqual([{ word: "refund", how: "synonym", to: "return" }]);
    const typo = await explainAnswer(handle.db, { accountId: id, locale: "en", text: "whats your retrun policy" });
    expect(typo.candidates[0]!.matches.find((m) => m.word === "retrun")?.how).toBe("typo");
    expect(typo.match?.answer).toBe("30 days.");
    // Off and draft entries never answer.
    await handle.db.update(knowledgeEntries).set({ enabled: false }).where(eq(knowledgeEntries.accountId, id));
    expect(await findAnswer(handle.db, { accountId: id, locale: "en", text: "What is your return policy?" })).toBeNull();
    await handle.db.update(knowledgeEntries).set({ enabled: true, status: "draft" }).where(eq(knowledgeEntries.accountId, id));
    expect(await findAnswer(handle.db, { accountId: id, locale: "en", text: "What is your return policy?" })).toBeNull();
  });

  it("sees the merchant's edits from the next question on, though each process keeps the account's languages and synonyms", async () => {
    const { account, members } = await createAccountWithMembers(handle);
    const editor = { accountId: account.id, userId: members[0]!.id };
    const ask = (text: string, locale = "en") => findAnswer(handle.db, { accountId: account.id, locale, text });
    const entry = await saveEntry(handle.db, editor, {
      question: "What is your return policy?",
      variants: [],
      answer: "30 days.",
      link: null,
      locale: "en",
      publish: true,
    });
    expect(await ask("Can I get a refund?")).toBeNull();
    await saveSynonyms(handle.db, editor, { locale: "en", groups: [["return", "refund"]] });
    expect(await ask("Can I get a refund?")).toBe("30 days.");
    await saveSynonyms(handle.db, editor, { locale: "en", groups: [] });
    expect(await ask("Can I get a refund?")).toBeNull();
    // A first entry in another language: a question in it is read in that language at once.
    expect(await ask("Quanto tempo demora a entrega?", "pt-BR")).toBeNull();
    await saveEntry(handle.db, editor, {
      question: "Quanto tempo demora a entrega?",
      variants: [],
      answer: "5 dias.",
      link: null,
      locale: "pt-BR",
      publish: true,
    });
    expect(await ask("Quanto tempo demora a entrega?", "pt-BR")).toBe("5 dias.");
    await setEntryEnabled(handle.db, editor, { id: entry.id, enabled: false });
    expect(await ask("What is your return policy?")).toBeNull();
  });

  it("meets precision ≥ 0.95 and recall ≥ 0.8 on the evaluation set", async () => {
    const results = await runEvaluation(handle, await seedEvaluationAccounts(handle));
    const { precision, recall, questions } = precisionRecall(results);
    expect(questions).toBeGreaterThanOrEqual(150);
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.8);
  });
});

describe("the built-in answerer in Portuguese", () => {
  let loja: string;
  beforeAll(async () => {
    loja = (await createAccountWithMembers(handle)).account.id;
    await insertKnowledge(handle.db, [
      ...lojaKnowledge.map((k) => ({ ...k, locale: "pt-BR", accountId: loja })),
      // An English entry on the same subject: a Portuguese question must still get the Portuguese answer.
      { question: "How long does shipping take?", answer: "3–7 business days.", locale: "en", accountId: loja },
    ]);
  });
  const lojaAnswer = (question: string) => lojaKnowledge.find((k) => k.question === question)!.answer;

  it("answers Portuguese questions from the Portuguese entries, with or without accents", async () => {
    const cases: Array<[string, string]> = [
      ["Quanto tempo demora a entrega?", "Quanto tempo demora a entrega?"],
      ["quanto tempo demora pra entregar", "Quanto tempo demora a entrega?"],
      ["Quais numerações vocês têm?", "Quais numerações vocês têm?"],
      ["quais numeracoes voces tem", "Quais numerações vocês têm?"],
      ["Quais são as formas de pagamento?", "Quais formas de pagamento vocês aceitam?"],
      ["quais sao as formas de pagamento", "Quais formas de pagamento vocês aceitam?"],
      ["Vocês entregam fora do Brasil?", "Vocês entregam fora do Brasil?"],
      ["voces entregam fora do brasil", "Vocês entregam fora do Brasil?"],
    ];
    for (const [text, entry] of cases) {
      expect(await findAnswer(handle.db, { accountId: loja, locale: "pt-BR", text }), text).toBe(lojaAnswer(entry));
    }
  });

  it("stays silent on Portuguese questions no entry covers", async () => {
    for (const text of ["Posso mudar o endereço de entrega?", "A gravação é feita à mão?", "O couro é vegano?", "oi"]) {
      expect(await findAnswer(handle.db, { accountId: loja, locale: "pt-BR", text }), text).toBeNull();
    }
  });
});
