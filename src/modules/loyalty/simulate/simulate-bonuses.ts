import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../../db/index.ts';

// The bonuses not tied to a purchase, for `loyalty simulate` (simulate.ts). Their triggers
// are read from what happened, never from the amounts the program in force paid, so a
// proposal that changes an amount, or pays a bonus the program in force does not, shows
// the difference. What a program pays for a trigger is worked out in the replay at the
// trigger's time: a birthday's tier benefit depends on the tier the replay has the member
// in then, and under a points tier metric every bonus counts towards the tier.
//
// A merged customer is part of its survivor (the person, at the end of its chain of merges:
// mergedInto): its purchases moved there, and so are its triggers. A once-per-person bonus
// (sign-up, first purchase, birthday, profile completion) falls due once for the person,
// the first time, as the ledger keeps it once a merge took the later one back
// (merge-duplicate-bonuses.ts); the first purchase is the person's, whose purchases are
// all the survivor's now.
//
// - sign-up: each person's enrolment, the earliest of their records'
//   (loyalty_members.joined_at), which is when it is paid, whether the member joined with
//   a purchase, at sign-up or on request.
// - birthday: each member's birthday (customers.birthday) in their time zone (else the
//   business's), once a year, 29 February on 28 February in other years, for someone who
//   was a member that day (a person: since their earliest record joined) — as the hourly job pays it (maintenance.ts birthdays), at the
//   day's start (its first run that day) or, for someone who joined that day, on joining.
// - referral: the claimed referrals (loyalty_referrals; rejected ones aside — a merge
//   refused them), paid with the friend's first purchase that meets *each program's*
//   minimum (the query below, once per minimum); a refund taking it below the minimum
//   revokes it in the replay, as referral-revocation.ts does.
// - survey and profile completion: known only from the ledger. A survey response reaches
//   us only as the call that thanks it, and nothing is kept of it when no bonus is paid;
//   when a profile became complete is known only from its bonus entry (customers keep no
//   history of their fields, and the events are pruned). So these are replayed from the
//   ledger's bonus entries: only what the program in force (or an earlier version) paid
//   for is known, and a proposal adding either bonus shows nothing for it (the report
//   says so). A bonus a merge took back as the person's second is none, and a person's
//   profile completes once.
// - challenges: not simulated (challengeNote says why); the report gives what the ledger
//   paid for them in the period, counted in neither program's totals, net of the
//   completions a merge took back (the person's second of a challenge that does not repeat)
//   and of what refunds took back of the completions they revoked (challenge-revocation.ts;
//   QA F5: 500 paid in the period read beside a ledger whose net was 250). As a merge's
//   take-back, a refund's counts with the completion it revoked, whenever it was made.

export const BONUS_KINDS = ['first_purchase', 'sign_up', 'birthday', 'referral', 'profile_completion', 'survey'] as const;
export type BonusKind = (typeof BONUS_KINDS)[number];
export type BonusPointsByKind = Record<BonusKind, number>;

/** A bonus that falls due at a moment of its own, whatever either program pays for it. */
export type TriggerKind = 'sign_up' | 'birthday' | 'profile_completion' | 'survey';
export interface BonusTrigger {
  customerId: string;
  /** Milliseconds since the epoch, as the replay's purchases are timed. */
  at: number;
  kind: TriggerKind;
}

/** A claimed referral and the purchase that would settle it under one program's minimum. */
export interface ReferralTrigger {
  /** The friend as a person: the customer the friend's purchases are with now (mergedInto). */
  friendId: string;
  referrerId: string;
  /** The qualifying purchase's time in whole microseconds (epochMicros), to find it in the replay's cursor. */
  atUs: string;
}

/**
 * Triggers in the period, by kind: first purchases (of more than nothing) made in it,
 * referrals whose qualifying purchase falls in it under either program, the others at their own moment.
 */
export type BonusTriggerCounts = Record<BonusKind, number>;

// The report's notes and not_simulated reasons each carry a stable code beside their
// English sentence: the dashboard translates by the code (a Slovenian owner does not read
// the server's English), API and CLI users read the sentence.

export interface NotSimulated {
  kind: 'challenge';
  code: 'challenge_timing';
  /** The code's sentence, in English. */
  reason: string;
  /** What the ledger paid for it in the period, net of what merges and refunds took back: in neither program's totals. */
  ledger_points: number;
  /** The completions paid in the period that stand (none a merge took back or a refund revoked). */
  ledger_entries: number;
}

/**
 * A timestamp as whole microseconds since the epoch, in text: what the cursor reads for
 * each purchase instead of the timestamp itself, whose parsing into a Date cost about a
 * second per million rows. Exact (extract gives a numeric), so two of them are equal when
 * the stored instants are.
 */
export const epochMicros = (column: RawBuilder<unknown>) => sql`(extract(epoch FROM ${column}) * 1000000)::bigint::text`;

const millisOf = (atUs: string) => Math.floor(Number(atUs) / 1000);

export const noBonusPoints = (): BonusPointsByKind => ({ first_purchase: 0, sign_up: 0, birthday: 0, referral: 0, profile_completion: 0, survey: 0 });

export interface SimulationNote {
  code: 'ledger_only_triggers';
  message: string;
}

export const challengeNote = 'Challenges are not simulated: a completion depends on when the live engine evaluated it (per dispatch of purchase events, '
  + 'at most one a day, progress counted from the last completion, refunds known by then), which the stored history does not replay faithfully.';

export const ledgerOnlyNote = 'Survey and profile-completion bonuses are replayed from the ledger\'s bonus entries: responses and completed profiles leave no '
  + 'other record, so only those a program in force rewarded are counted, and a proposal that adds either bonus shows nothing for it.';

/**
 * Each merged customer's survivor at the end of its chain of merges (C into A, then A into
 * B: C's and A's person is B), as rows (id, person); customers never merged are not listed.
 */
const mergedInto = sql`
  WITH RECURSIVE up(id, person) AS (
    SELECT id, merged_into FROM customers WHERE status = 'merged' AND merged_into IS NOT NULL
    UNION ALL SELECT up.id, c.merged_into FROM up JOIN customers c ON c.id = up.person WHERE c.status = 'merged' AND c.merged_into IS NOT NULL
  ) SELECT up.id, up.person FROM up JOIN customers c ON c.id = up.person WHERE c.status <> 'merged'`;

/**
 * The person a customer id stands for (its survivor if it was merged, else itself), for a
 * statement `WITH merged_into AS (${mergedInto})`: a join to add to its FROM, and the
 * person's id. A join, not a correlated look-up: a look-up per row read the merges once
 * for every member or entry (members × merges).
 */
const personJoin = (alias: string, column: RawBuilder<unknown>) => sql`LEFT JOIN merged_into ${sql.raw(alias)} ON ${sql.raw(alias)}.id = ${column}`;
const personOf = (alias: string, column: RawBuilder<unknown>) => sql`COALESCE(${sql.raw(alias)}.person, ${column})`;

/** Each person's enrolment: the earliest of their records' (customer_id: the person). */
const personsJoined = sql`SELECT ${personOf('mi', sql`m.customer_id`)} AS customer_id, min(m.joined_at) AS joined_at
  FROM loyalty_members m ${personJoin('mi', sql`m.customer_id`)} GROUP BY 1`;

/**
 * When each person joined (the earliest of their records' joined_at, in whole microseconds
 * since the epoch), for every member up to `now`: whether a purchase was recorded while its
 * customer was a member (enrolment on_request), and who never joined (automatic enrolment
 * would enrol them with their first purchase). A purchase moved to its survivor by a merge
 * is taken as the person's: recorded before the person's first joining, it earned nothing.
 */
export async function readJoined(db: Db, now: Date): Promise<Map<string, number>> {
  const rows = await sql<{ customer_id: string; at_us: string }>`
    WITH merged_into AS (${mergedInto})
    SELECT customer_id, ${epochMicros(sql`joined_at`)} AS at_us FROM (${personsJoined}) m WHERE joined_at <= ${now}`.execute(db);
  return new Map(rows.rows.map((r) => [r.customer_id, Number(r.at_us)]));
}

/**
 * The sign-up, birthday, survey and profile-completion triggers from `from` (null: the whole
 * history) to `now`, in time order, and the ledger's challenge bonuses from `since`. One
 * set-based query per source, whatever the number of members.
 */
export async function readBonusTriggers({ db, from, since, now, timeZone }: { db: Db; from: Date | null; since: Date; now: Date; timeZone: string }) {
  const after = (column: RawBuilder<unknown>) => (from ? sql`AND ${column} >= ${from}` : sql``);
  const [joined, birthdays, ledger, revoked] = await Promise.all([
    sql<{ customer_id: string; at_us: string }>`
      WITH merged_into AS (${mergedInto})
      SELECT customer_id, ${epochMicros(sql`joined_at`)} AS at_us FROM (${personsJoined}) m
      WHERE joined_at <= ${now} ${after(sql`joined_at`)}`.execute(db),
    // Every year from the later of joining and `from` to now, in the member's own time zone;
    // the job pays on the local date, so a member who joined during the day is paid then.
    sql<{ customer_id: string; at_us: string }>`
      WITH merged_into AS (${mergedInto})
      SELECT m.customer_id, ${epochMicros(sql`b.at`)} AS at_us
      FROM (${personsJoined}) m JOIN customers c ON c.id = m.customer_id
      CROSS JOIN LATERAL (SELECT COALESCE(c.time_zone, ${timeZone}) AS zone) z
      CROSS JOIN LATERAL generate_series(extract(year FROM (greatest(m.joined_at, ${from}::timestamptz) AT TIME ZONE z.zone))::int,
                                         extract(year FROM (${now}::timestamptz AT TIME ZONE z.zone))::int) AS y(year)
      CROSS JOIN LATERAL (SELECT make_date(y.year, extract(month FROM c.birthday)::int,
        CASE WHEN to_char(c.birthday, 'MM-DD') = '02-29' AND NOT (y.year % 4 = 0 AND (y.year % 100 <> 0 OR y.year % 400 = 0)) THEN 28
             ELSE extract(day FROM c.birthday)::int END) AS day) d
      CROSS JOIN LATERAL (SELECT greatest(d.day::timestamp AT TIME ZONE z.zone, m.joined_at) AS at, (d.day + 1)::timestamp AT TIME ZONE z.zone AS day_end) b
      WHERE c.status = 'active' AND c.birthday IS NOT NULL AND m.joined_at < b.day_end AND b.at <= ${now} ${after(sql`b.at`)}`.execute(db),
    // The bonus entries are the only record of these triggers (see above), less those a
    // merge took back as the person's second (their take-back names them: taken_back).
    sql<{ customer_id: string; at_us: string; source_id: 'survey' | 'profile_completion' | 'challenge'; points: number; key: string }>`
      WITH merged_into AS (${mergedInto}),
      taken_back AS (SELECT details->'taken_back'->>'customer_id' AS customer_id, details->'taken_back'->>'entry' AS entry FROM loyalty_entries
                     WHERE kind = 'reverse' AND details ? 'duplicate_of')
      SELECT ${personOf('mi', sql`e.customer_id`)} AS customer_id, ${epochMicros(sql`e.occurred_at`)} AS at_us, e.source_id, e.points, e.idempotency_key AS key
      FROM loyalty_entries e ${personJoin('mi', sql`e.customer_id`)}
      WHERE e.kind = 'bonus' AND e.source_type = 'bonus' AND e.source_id IN ('survey', 'profile_completion', 'challenge')
        AND e.occurred_at <= ${now} ${after(sql`e.occurred_at`)}
        AND NOT EXISTS (SELECT 1 FROM taken_back t WHERE t.customer_id = e.customer_id::text AND t.entry = e.id::text)
      ORDER BY e.occurred_at, e.id`.execute(db),
    // What refunds took back of challenge completions they revoked: each take-back is keyed
    // by the refund and its completion's bonus key ("refund:<id>:bonus:challenge:<code>:<n>"),
    // in the ledger of the person (a merge leaves the credit where it was written).
    sql<{ customer_id: string; credit_key: string; points: number }>`
      WITH merged_into AS (${mergedInto})
      SELECT ${personOf('mi', sql`t.customer_id`)} AS customer_id, substring(t.idempotency_key from '^refund:[^:]+:(.*)$') AS credit_key, t.points
      FROM loyalty_entries t ${personJoin('mi', sql`t.customer_id`)}
      WHERE t.kind = 'reverse' AND t.source_type = 'bonus' AND t.source_id = 'challenge' AND t.idempotency_key LIKE 'refund:%:bonus:challenge:%'
        AND t.occurred_at <= ${now}
      ORDER BY t.id`.execute(db),
  ]);
  // The person's completion → what refunds took back of it (≤ 0), in the order written:
  // a completion is revoked once, but a person's two merged records may each have paid the
  // completion of a repeatable challenge of that number, so each take-back goes to one.
  const revokedBy = new Map<string, number[]>();
  for (const t of revoked.rows) {
    const k = `${t.customer_id} ${t.credit_key}`;
    const list = revokedBy.get(k) ?? revokedBy.set(k, []).get(k)!;
    list.push(Number(t.points));
  }
  const triggers: BonusTrigger[] = [];
  for (const r of joined.rows) triggers.push({ customerId: r.customer_id, at: millisOf(r.at_us), kind: 'sign_up' });
  for (const r of birthdays.rows) triggers.push({ customerId: r.customer_id, at: millisOf(r.at_us), kind: 'birthday' });
  const challenges = { ledger_points: 0, ledger_entries: 0 };
  /** A person's profile completes once: a second bonus no merge took back (nothing left to take, under forgive) is no second trigger. */
  const completed = new Set<string>();
  for (const r of ledger.rows) {
    const at = millisOf(r.at_us);
    if (r.source_id === 'profile_completion') {
      if (completed.has(r.customer_id)) continue;
      completed.add(r.customer_id);
    }
    if (r.source_id !== 'challenge') {
      triggers.push({ customerId: r.customer_id, at, kind: r.source_id });
      continue;
    }
    const takenBack = revokedBy.get(`${r.customer_id} ${r.key}`)?.shift();
    if (at >= since.getTime()) {
      challenges.ledger_points += Number(r.points) + (takenBack ?? 0);
      if (takenBack === undefined) challenges.ledger_entries++;
    }
  }
  triggers.sort((a, b) => a.at - b.at);
  return { triggers, challenges };
}

/**
 * Per referral (keyed by its friend's id, one referral each), the purchase that settles it
 * under a minimum of `minimumMinor`: the friend's first purchase of at least that (and
 * never of 0, as onFriendPurchase has it) recorded since the claim. A referral is claimed
 * before the friend's first purchase (claimReferral refuses a customer who has bought), so
 * each purchase of theirs recorded since counts; a merged friend's purchases are with its
 * survivor now (the person), among the survivor's own, recorded before the claim.
 */
export async function readReferrals({ db, minimumMinor, now }: { db: Db; minimumMinor: number; now: Date }): Promise<Map<string, ReferralTrigger>> {
  const found = await sql<{ friend: string; friend_id: string; referrer_id: string; at_us: string }>`
    WITH merged_into AS (${mergedInto})
    SELECT r.customer_id AS friend, f.person AS friend_id, ${personOf('mr', sql`r.referrer_id`)} AS referrer_id, ${epochMicros(sql`q.occurred_at`)} AS at_us
    FROM loyalty_referrals r ${personJoin('mr', sql`r.referrer_id`)} ${personJoin('mf', sql`r.customer_id`)}
    CROSS JOIN LATERAL (SELECT ${personOf('mf', sql`r.customer_id`)} AS person) f
    CROSS JOIN LATERAL (SELECT p.occurred_at FROM purchases p
                        WHERE p.customer_id = f.person AND p.created_at >= r.created_at AND p.total_minor >= ${Math.max(minimumMinor, 1)} AND p.occurred_at <= ${now}
                        ORDER BY p.occurred_at LIMIT 1) q
    WHERE r.status <> 'rejected'`.execute(db);
  return new Map(found.rows.map((r) => [r.friend, { friendId: r.friend_id, referrerId: r.referrer_id, atUs: r.at_us }]));
}

/**
 * The triggers that fell in [since, now]; a referral counts once, when either program's
 * qualifying purchase does. First purchases are counted by the replay, which reads them.
 */
export function countTriggers(triggers: BonusTrigger[], referrals: Map<string, ReferralTrigger>[], since: Date, firstPurchases: number): BonusTriggerCounts {
  const counts: BonusTriggerCounts = { first_purchase: firstPurchases, sign_up: 0, birthday: 0, referral: 0, profile_completion: 0, survey: 0 };
  const from = since.getTime();
  for (const t of triggers) if (t.at >= from) counts[t.kind]++;
  const friends = new Set<string>();
  for (const map of referrals) for (const [friend, r] of map) if (millisOf(r.atUs) >= from) friends.add(friend);
  counts.referral = friends.size;
  return counts;
}
