import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";

const rows = <T>(result: unknown): T[] => (result as { rows?: T[] }).rows ?? (result as T[]);

/**
 * The unanswered questions (routed to the team or shown the custom message) of conversations
 * started since a moment, as distinct wordings per language, most asked first (at most `limit`),
 * with how many questions there were in all. Read through conversations_unanswered_idx.
 */
export async function unansweredWordings(db: Database, params: { accountId: string; since: Date; limit: number }) {
  const result = await db.execute(sql`
    select reason, locale, count(*)::int as n, sum(count(*)) over ()::int as total
    from conversations
    where account_id = ${params.accountId} and status in ('routed', 'message_shown') and reason is not null
      and created_at >= ${params.since.toISOString()}
    group by reason, locale
    order by n desc, reason
    limit ${params.limit}`);
  const list = rows<{ reason: string; locale: string; n: number; total: number }>(result);
  return { wordings: list, total: list[0]?.total ?? 0 };
}
