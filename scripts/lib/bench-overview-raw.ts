import type { Sql } from "postgres";

type Range = { accountId: string; timeZone: string; previousFrom: string; from: string; to: string; bucketDays: 1 | 7 };

/**
 * The overview's figures the naive way: scanning the raw conversations (and their escalations)
 * of both periods on every request, the day computed from created_at in the account's time zone.
 * The same queries the page would need without the aggregates, run in parallel like the real ones.
 */
export async function overviewFromRawRows(sql: Sql, r: Range) {
  // Rows of both periods, found through conversations_account_idx (account, created_at).
  const scope = sql`
    c.account_id = ${r.accountId}
    and c.created_at >= (${r.previousFrom}::date::timestamp at time zone ${r.timeZone})
    and c.created_at < ((${r.to}::date + 1)::timestamp at time zone ${r.timeZone})`;
  const day = sql`(c.created_at at time zone ${r.timeZone})::date`;
  const period = sql`case when ${day} >= ${r.from}::date then 'current' else 'previous' end`;
  const offered = sql`(c.handoff_offered_at is not null or c.status = 'declined' or (c.channel = 'web_chat' and c.status = 'routed'))`;
  // Durable resolution from scratch: the same shopper routed in a conversation started within the window after it.
  // One probe per identity: an OR of the two would scan the account's conversations for every row.
  const window = sql`c.created_at + make_interval(hours => (select a.resolution_window_hours from accounts a where a.id = c.account_id))`;
  const routedLater = (match: ReturnType<typeof sql>) => sql`exists (
    select 1 from conversations n where n.account_id = c.account_id and ${match} and n.status = 'routed'
      and n.created_at > c.created_at and n.created_at <= ${window} and n.id <> c.id)`;
  const later = sql`(c.status = 'resolved' and (
    (c.shopper_email is not null and ${routedLater(sql`lower(n.shopper_email) = lower(c.shopper_email)`)})
    or (c.shopper_profile_id is not null and ${routedLater(sql`n.shopper_profile_id = c.shopper_profile_id`)})))`;
  const answered = sql`(c.answered_at is not null)`;
  const n = sql.unsafe(String(r.bucketDays));
  const [totals, series, channels, forwarding, replies, questions] = await Promise.all([
    sql`select ${period} as period, c.status, ${offered} as offered, ${answered} as answered, ${later} as later, count(*)::int as n
        from conversations c where ${scope} group by 1, 2, 3, 4, 5`,
    sql`select greatest(${r.from}::date, ${r.to}::date - ((${r.to}::date - ${day}) / ${n}) * ${n} - (${n} - 1))::text as start, c.status, count(*)::int as n
        from conversations c where ${scope} and ${day} >= ${r.from}::date group by 1, 2`,
    sql`select c.channel, c.status, count(*)::int as n from conversations c where ${scope} and ${day} >= ${r.from}::date group by 1, 2`,
    sql`select ${period} as period, e.destination, e.status, count(*)::int as n
        from escalations e join conversations c on c.id = e.conversation_id where ${scope} group by 1, 2, 3`,
    sql`select ${period} as period, count(*)::int as n,
               percentile_disc(0.5) within group (order by extract(epoch from e.first_human_reply_at - e.created_at))::float8 as median,
               percentile_disc(0.9) within group (order by extract(epoch from e.first_human_reply_at - e.created_at))::float8 as p90
        from escalations e join conversations c on c.id = e.conversation_id
        where ${scope} and e.first_human_reply_at is not null group by 1`,
    // Every unanswered question of the selected days, one row each, grouped in the bench like the page does.
    sql`select c.reason, c.status, tsvector_to_array(to_tsvector(baton_text_search_config(c.locale), c.reason)) as stems
        from conversations c where ${scope} and ${day} >= ${r.from}::date and c.status in ('routed', 'message_shown') and c.reason is not null`,
  ]);
  return { totals, series, channels, forwarding, replies, questions };
}

export type RawOverview = Awaited<ReturnType<typeof overviewFromRawRows>>;
