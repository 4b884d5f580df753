"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import {
  deleteEntry,
  draftFromConversation,
  restoreEntry,
  saveEntry,
  saveSynonyms,
  setEntryEnabled,
  tryQuestion,
  type EntrySnapshot,
} from "@/lib/services/knowledge";
import {
  type TryItView,
  conversationIdSchema,
  knowledgeEntryIdSchema,
  knowledgeEntrySchema,
  knowledgeRestoreSchema,
  knowledgeToggleSchema,
  synonymsSchema,
  tryItSchema,
  resolutionWindowSchema,
} from "@/lib/validation/knowledge";
import { setResolutionWindowHours } from "@/lib/services/resolution-window";
import { shopperLocales } from "@/lib/i18n/shopper-locales";

const path = "/customer-agent/knowledge";
const field = (form: FormData, name: string) => (form.get(name) as string | null) ?? undefined;

/** Admins and leads create and edit entries; agents only read the tab. */
export async function saveEntryAction(_: ActionResult<{ id: string }> | null, form: FormData) {
  const input = {
    id: field(form, "id") || undefined,
    question: field(form, "question") ?? "",
    variants: field(form, "variants") ?? "",
    answer: field(form, "answer") ?? "",
    link: field(form, "link") ?? "",
    locale: field(form, "locale"),
    publish: field(form, "publish") ?? "true",
  };
  return runAction({ name: "saveKnowledgeEntry", role: "lead", schema: knowledgeEntrySchema, input }, async (member, entry) => {
    const row = await saveEntry(await getDb(), member, entry);
    revalidatePath(path);
    return { id: row.id };
  });
}

export async function toggleEntryAction(_: ActionResult<{ id: string; enabled: boolean }> | null, form: FormData) {
  return runAction(
    { name: "toggleKnowledgeEntry", role: "lead", schema: knowledgeToggleSchema, input: { id: field(form, "id"), enabled: field(form, "enabled") } },
    async (member, input) => {
      await setEntryEnabled(await getDb(), member, input);
      revalidatePath(path);
      return input;
    },
  );
}

/** Deletes, answering the deleted entry as a snapshot the Undo button sends back. */
export async function deleteEntryAction(_: ActionResult<{ snapshot: string; question: string }> | null, form: FormData) {
  return runAction({ name: "deleteKnowledgeEntry", role: "lead", schema: knowledgeEntryIdSchema, input: { id: field(form, "id") } }, async (member, input) => {
    const row = await deleteEntry(await getDb(), member, input.id);
    revalidatePath(path);
    const snapshot: EntrySnapshot = {
      id: row.id,
      question: row.question,
      variants: row.variants,
      answer: row.answer,
      link: row.link,
      locale: row.locale,
      enabled: row.enabled,
      status: row.status,
    };
    return { snapshot: JSON.stringify(snapshot), question: row.question };
  });
}

export async function restoreEntryAction(_: ActionResult<{ restored: true }> | null, form: FormData) {
  return runAction(
    { name: "restoreKnowledgeEntry", role: "lead", schema: knowledgeRestoreSchema, input: { snapshot: field(form, "snapshot") ?? "" } },
    async (member, input) => {
      await restoreEntry(await getDb(), member, input.snapshot);
      revalidatePath(path);
      return { restored: true as const };
    },
  );
}

/** Save as answer from an inbox conversation: any member proposes a draft; admins and leads publish it. */
export async function saveAsAnswerAction(_: ActionResult<{ id: string }> | null, form: FormData) {
  return runAction(
    { name: "saveAsAnswer", role: "agent", schema: conversationIdSchema, input: { conversationId: field(form, "conversationId") } },
    async (member, input) => {
      const row = await draftFromConversation(await getDb(), member, input.conversationId);
      revalidatePath(path);
      return { id: row.id };
    },
  );
}

/** Try it: any member who can read the tab may ask. */
export async function tryItAction(_: ActionResult<TryItView> | null, form: FormData) {
  return runAction(
    { name: "tryKnowledge", role: "agent", schema: tryItSchema, input: { text: field(form, "text") ?? "", locale: field(form, "locale") } },
    async (member, input) => ({
      ...(await tryQuestion(await getDb(), { accountId: member.accountId, ...input })),
      text: input.text,
    }),
  );
}

export async function saveSynonymsAction(_: ActionResult<{ locale: string }> | null, form: FormData) {
  return runAction(
    {
      name: "saveSynonyms",
      role: "lead",
      schema: synonymsSchema,
      input: { locale: field(form, "locale") ?? shopperLocales[0], groups: field(form, "groups") ?? "" },
    },
    async (member, input) => {
      await saveSynonyms(await getDb(), member, input);
      revalidatePath(path);
      return { locale: input.locale };
    },
  );
}

/** Durable resolution's window (admins and leads); the overview reads it on its next request. */
export async function saveResolutionWindowAction(_: ActionResult<{ hours: number }> | null, form: FormData) {
  return runAction(
    { name: "saveResolutionWindow", role: "lead", schema: resolutionWindowSchema, input: { hours: field(form, "hours") } },
    async (member, input) => {
      await setResolutionWindowHours(await getDb(), { accountId: member.accountId, hours: input.hours });
      revalidatePath(path);
      revalidatePath("/customer-agent/overview");
      return input;
    },
  );
}
