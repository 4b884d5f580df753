import "server-only";
import type { Database } from "@/db/client";
import { deleteGapDismissal, insertGapDismissal, listGapDismissals } from "@/db/queries/knowledge/gap-dismissals";

type Editor = { accountId: string; userId: string };

/** "Not a knowledge gap": the group leaves the overview's list (every wording of it) until restored. */
export async function dismissGap(db: Database, editor: Editor, params: { key: string; question: string }) {
  await insertGapDismissal(db, { accountId: editor.accountId, userId: editor.userId, ...params });
}

export async function restoreGap(db: Database, editor: Editor, key: string) {
  await deleteGapDismissal(db, { accountId: editor.accountId, key });
}

export async function dismissedGaps(db: Database, accountId: string) {
  const rows = await listGapDismissals(db, accountId);
  return rows.map((r) => ({ key: r.key, question: r.question, dismissedAt: r.dismissedAt.toISOString() }));
}
