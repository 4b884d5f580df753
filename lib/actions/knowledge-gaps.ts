"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { dismissGap, restoreGap } from "@/lib/services/knowledge-gaps";
import { replayEntry } from "@/lib/services/knowledge-replay";
import { gapDismissSchema, gapRestoreSchema, knowledgeReplaySchema, type KnowledgeReplayView } from "@/lib/validation/knowledge";

const field = (form: FormData, name: string) => (form.get(name) as string | null) ?? undefined;

/** Admins and leads (the overview's readers) dismiss a gap group. */
export async function dismissGapAction(_: ActionResult<{ key: string }> | null, form: FormData) {
  const input = { key: field(form, "key"), question: field(form, "question") };
  return runAction({ name: "dismissKnowledgeGap", role: "lead", schema: gapDismissSchema, input }, async (member, gap) => {
    await dismissGap(await getDb(), member, gap);
    revalidatePath("/customer-agent/overview");
    return { key: gap.key };
  });
}

export async function restoreGapAction(_: ActionResult<{ key: string }> | null, form: FormData) {
  return runAction({ name: "restoreKnowledgeGap", role: "lead", schema: gapRestoreSchema, input: { key: field(form, "key") } }, async (member, gap) => {
    await restoreGap(await getDb(), member, gap.key);
    revalidatePath("/customer-agent/overview");
    return { key: gap.key };
  });
}

/** Before saving: how many of the range's unanswered questions the editor's entry would have answered (read only). */
export async function replayEntryAction(_: ActionResult<KnowledgeReplayView> | null, form: FormData) {
  const input = {
    id: field(form, "id") || undefined,
    question: field(form, "question") ?? "",
    variants: field(form, "variants") ?? "",
    answer: field(form, "answer") ?? "",
    locale: field(form, "locale"),
    days: field(form, "days"),
  };
  return runAction({ name: "replayKnowledgeEntry", role: "lead", schema: knowledgeReplaySchema, input }, async (member, entry) =>
    replayEntry(await getDb(), { accountId: member.accountId, input: entry }),
  );
}
