import type { Sql } from "postgres";

const QUESTIONS = [
  "Can I change my shipping address?",
  "How do I change the shipping address on my order?",
  "Is the engraving done by hand?",
  "Can I cancel my order?",
  "Do you offer gift wrapping?",
  "Is the leather vegan?",
  "Can I combine two discount codes?",
  "Do you have a store in Lisbon?",
  "Tracking says delivered but no package",
  "Can I exchange for a different size?",
  "Do you price match?",
  "When will the black boots be back in stock?",
];

/**
 * Writes `total` conversations (and their escalations) for one account over the `days` days up
 * to `lastDay`, with generate_series in a few statements. The overview's triggers are off
 * meanwhile (one row trigger per row would dominate), so the columns they would fill (each
 * conversation's local day, each escalation's copy of it) are written here, and
 * `overview_rebuild` computes the aggregates from the raw rows with the triggers' definitions;
 * the bench then checks them against a scan. Returns the time of each step in ms.
 */
export async function seedBenchConversations(sql: Sql, params: { accountId: string; timeZone: string; total: number; days: number; lastDay: string }) {
  const timings: Array<[string, number]> = [];
  const step = async (name: string, run: () => Promise<unknown>) => {
    const started = performance.now();
    await run();
    timings.push([name, performance.now() - started]);
  };
  const tables = ["conversations", "escalations", "conversation_events"];
  await step("triggers off", () =>
    sql.begin(async (tx) => {
      for (const t of tables) await tx.unsafe(`alter table ${t} disable trigger user`);
    }),
  );
  try {
    await sql`select setseed(0.42)`;
    // Created at a random second of a random day of the period, in the account's time zone; the
    // outcome and channel drawn with the demo's proportions.
    await step(
      "conversations",
      () => sql`
      insert into conversations (account_id, channel, status, reason, handoff_offered_at, session_ended, local_day, created_at, updated_at, shopper_email, answered_at)
      select ${params.accountId}::uuid, g.channel, g.status,
             case when g.status = 'resolved' then null else (${QUESTIONS}::text[])[1 + (g.q * ${QUESTIONS.length})::int % ${QUESTIONS.length}] end,
             case when g.offered then g.at + interval '20 seconds' end,
             g.status = 'routed' and g.channel = 'web_chat',
             (g.at at time zone ${params.timeZone})::date, g.at, g.at,
             -- About five conversations per shopper over the period, so some come back within a day.
             'shopper' || (g.q * ${Math.ceil(params.total / 5)})::int || '@bench.test',
             case when g.status = 'resolved' or (g.status = 'routed' and g.r < 0.7) then g.at + interval '10 seconds' end
      from (
        select s.*,
               case when s.r < 0.62 then 'resolved' when s.r < 0.86 then 'routed' when s.r < 0.92 then 'message_shown' when s.r < 0.97 then 'declined' else 'open' end::conversation_status as status,
               case when s.c < 0.72 then 'web_chat' else 'sms' end::conversation_channel as channel,
               (s.c < 0.72 and (s.r >= 0.62 and s.r < 0.86 or s.r >= 0.92)) as offered
        from (
          select random() as r, random() as c, random() as q,
                 ((${params.lastDay}::date - (random() * ${params.days - 1})::int)::timestamp + random() * interval '1 day') at time zone ${params.timeZone} as at
          from generate_series(1, ${params.total})
        ) s
      ) g`,
    );
    await step(
      "escalations",
      () => sql`
      insert into escalations (account_id, conversation_id, conversation_day, conversation_channel, destination, status, attempts, reason, created_at, updated_at, next_attempt_at, delivered_at, first_human_reply_at, closed_at)
      select c.account_id, c.id, c.local_day, c.channel, e.destination,
             case when e.destination = 'baton_inbox' then 'in_inbox' when e.f < 0.03 then 'failed' when e.f < 0.035 then 'queued' else 'delivered' end::escalation_status,
             1, c.reason, c.created_at + interval '90 seconds', c.created_at + interval '90 seconds', 'infinity',
             case when e.destination <> 'baton_inbox' and e.f >= 0.035 then c.created_at + interval '92 seconds' end,
             case when e.destination = 'baton_inbox' and e.f < 0.9 then c.created_at + interval '90 seconds' + (20 + 600 * exp(3 * e.f * e.f)) * interval '1 second' end,
             case when e.destination = 'baton_inbox' and e.f < 0.9 then c.created_at + interval '2 hours' end
      from conversations c
      cross join lateral (
        select random() as f, case when random() < 0.6 then 'baton_inbox' when random() < 0.5 then 'zendesk' else 'gorgias' end as destination
        where c.id is not null
      ) e
      where c.account_id = ${params.accountId} and c.status = 'routed'`,
    );
    await step("handed off later (durable resolution)", () => sql`select overview_refresh_account_handed_off_later(${params.accountId})`);
    await step("aggregates (overview_rebuild)", () => sql`select overview_rebuild(${params.accountId})`);
  } finally {
    await sql.begin(async (tx) => {
      for (const t of tables) await tx.unsafe(`alter table ${t} enable trigger user`);
    });
  }
  // A database that grew over 180 days has been vacuumed and analysed along the way; one written
  // in two minutes has not, and autovacuum would work through its million new rows (on one of
  // this machine's two cores) while the overview is timed.
  await step("vacuum analyze", () => sql`vacuum analyze`);
  return timings;
}
