import { sql } from 'kysely';
import { readLater, sendLater, type Db, type Tx } from '../../../db/index.ts';
import { outboxInsert, type OutgoingEvent } from '../../../jobs/outbox.ts';
import { personIdsQuery, type Identity } from '../../customers/index.ts';
import { isUniqueViolation, membersJson, updateMembers, type MemberRow, type NewEntry } from '../ledger/ledger.repository.ts';
import { lockedMembersCte, lockFresh, memberOf, type LockedMemberFlags, type MemberSelector } from '../ledger/member-lock.repository.ts';
import type { FirstPurchaseHistory } from './first-purchase.ts';

// SQL of accrual, the purchase path's part of the ledger: two statements per batch of
// purchases, whatever its size — one locks the members and reads what the rules need,
// one writes the new lots, the members and the events. The rules are in ledger.repository.ts
// (every writer of a member's ledger locks the member's row first).

/** A member locked for accrual, with what accrual needs to know, read in the same statement. */
export interface AccrualState {
  member: MemberRow;
  /** The buyer's purchases and net spend (customer_stats), this transaction's purchases included. */
  purchasesCount: number;
  netSpendMinor: number;
  /** Open lots still in their holding period, and past their expiry but not yet swept. */
  pending: number;
  expired: number;
  /** Points already earned from purchases per local date (for the daily cap). */
  capUsed: Record<string, number>;
  referral: { referrer_id: string; code: string } | null;
  /** Their purchases recorded before this transaction's, as the first-purchase rule needs them (first-purchase.ts). */
  firstPurchase: FirstPurchaseHistory;
  /**
   * True when this was read after the transaction's purchases were written (a member read
   * again by id): its stats already count them.
   */
  readAfterPurchases: boolean;
}

type AccrualRow = MemberRow & LockedMemberFlags & {
  purchases_count: number | null; net_spend_minor: number | null; pending: number | null; expired: number | null; cap_used: Record<string, number> | null;
  referrer_id: string | null; referral_code_used: string | null; first_before: Date | null; first_bonus_given: boolean | null;
};

interface AccrualReadOptions {
  now: Date;
  create: boolean;
  capDates: string[] | null;
  referrals: boolean;
  /** The program pays a first-purchase bonus, and the earliest local date of the purchases to accrue (null: none). */
  firstBonus?: { firstDate: string | null } | null;
}

/**
 * Locks the members of `who` and reads their stats, open-lot sums, daily-cap use, pending
 * referral and what the first-purchase rule needs. `written`: this transaction's purchases,
 * when they are written already (a member read again), which their earliest purchase
 * recorded before leaves out; otherwise customer_stats does not count them yet.
 */
function accrualRead(who: MemberSelector, { now, capDates, referrals, firstBonus }: AccrualReadOptions, written: string[] | null = null) {
  // ISO dates sort as text: the group's first and last local dates bound the cap's read.
  const sortedDates = [...(capDates ?? [])].sort();
  const [firstDate, lastDate] = [sortedDates[0] ?? null, sortedDates.at(-1) ?? null];
  const firstBefore = written === null
    ? sql`st.first_purchase_at`
    : sql`(SELECT p.occurred_at FROM purchases p WHERE p.customer_id = m.customer_id AND p.id <> ALL(${written}::uuid[]) ORDER BY p.occurred_at LIMIT 1)`;
  return sql<AccrualRow>`
      WITH ${lockedMembersCte(who)}
      SELECT m.*, st.purchases_count, st.net_spend_minor, lots.pending, lots.expired, cap.used AS cap_used,
             ref.referrer_id, ref.code AS referral_code_used, ${firstBefore} AS first_before, fb.given AS first_bonus_given
      FROM m
      LEFT JOIN customer_stats st ON st.customer_id = m.customer_id
      LEFT JOIN LATERAL (
        SELECT COALESCE(sum(e.remaining) FILTER (WHERE e.available_at > ${now} AND (e.expires_at IS NULL OR e.expires_at > ${now})), 0)::float8 AS pending,
               COALESCE(sum(e.remaining) FILTER (WHERE e.expires_at <= ${now}), 0)::float8 AS expired
        FROM loyalty_entries e WHERE e.customer_id = m.customer_id AND e.remaining > 0
      ) lots ON m.member
      LEFT JOIN LATERAL (
        SELECT jsonb_object_agg(d.local_date, d.points) AS used FROM (
          SELECT e.details->>'local_date' AS local_date, sum(e.points)::float8 AS points FROM loyalty_entries e
          WHERE e.customer_id = m.customer_id AND e.kind = 'earn' AND e.source_type = 'purchase'
            -- An earn entry happens at its purchase's time, within a day either side of the
            -- purchase's local date (zone offsets are under 15 hours; two days of margin
            -- whatever the session's TimeZone): a few days of the member's entries in
            -- loyalty_entries_time, however long their history (migration 0008).
            AND e.occurred_at > ${firstDate}::date - 2 AND e.occurred_at < ${lastDate}::date + 3
            AND e.details->>'local_date' = ANY(${capDates ?? []}::text[])
          GROUP BY 1) d
      ) cap ON ${capDates !== null} AND m.member
      LEFT JOIN loyalty_referrals ref ON ${referrals} AND ref.customer_id = m.customer_id AND ref.status = 'pending'
      -- Whether the person has the first-purchase bonus matters only to a purchase dated
      -- before their earliest one (first-purchase.ts). A purchase happens less than two
      -- days before its local date (as the cap's read above has it), so only a member whose
      -- earliest purchase is later than two days before the group's earliest local date
      -- looks it up (a one-time filter: nobody else's ledger is read), in every ledger of
      -- the person (merges): one probe of the (customer_id, idempotency_key) key a ledger,
      -- never a scan of the entries (as an IN over the person's ids, PGlite — no statistics —
      -- planned it so that an import of 60,000 rows took over five minutes instead of 30 s).
      LEFT JOIN LATERAL (
        SELECT true AS given FROM ${personIdsQuery(sql.ref('m.customer_id'))} AS person(id)
        WHERE ${firstBonus != null} AND ${firstBefore} > ${firstBonus?.firstDate ?? null}::date - 2
          AND EXISTS (SELECT 1 FROM loyalty_entries e WHERE e.customer_id = person.id AND e.idempotency_key = 'bonus:first_purchase')
        LIMIT 1
      ) fb ON true`;
}

/**
 * A group of single purchases (a few tills at once: tens of identities, the day or two
 * their purchases fall on) reads its members on the statement's generic plan, which
 * PostgreSQL's auto mode kept planning anew for up to 1.6 ms a time. A large batch (an
 * import chunk, the batch endpoint) keeps custom plans: planning is a small part of its
 * read, and only a custom plan sees the cap dates as a constant list, which PostgreSQL
 * looks up in a hash table instead of comparing every entry with every date (an import
 * chunk's dates span the file's years: its read ran 2.5 times as long on the generic plan).
 */
function suitsGenericPlan(identities: Identity[], { capDates }: AccrualReadOptions): boolean {
  return identities.length <= 100 && (capDates?.length ?? 0) <= 8;
}

/** A member enrolled by this transaction, before its first lot. */
function newMember(customerId: string, now: Date): MemberRow {
  return {
    customer_id: customerId, joined_at: now, points: 0, lifetime_earned: 0, lifetime_redeemed: 0, lifetime_expired: 0,
    tier: null, tier_since: null, tier_valid_until: null, last_activity_at: null, referral_code: null, created: true,
  };
}

function accrualState(r: AccrualRow, now: Date, readAfterPurchases: boolean): AccrualState {
  return {
    member: r.member ? memberOf(r) : newMember(r.customer_id, now),
    purchasesCount: r.purchases_count ?? 0, netSpendMinor: r.net_spend_minor ?? 0, pending: r.pending ?? 0, expired: r.expired ?? 0,
    capUsed: r.cap_used ?? {}, referral: r.referrer_id ? { referrer_id: r.referrer_id, code: r.referral_code_used! } : null,
    firstPurchase: { earliestAt: r.first_before ? new Date(r.first_before).getTime() : null, given: r.first_bonus_given === true }, readAfterPurchases,
  };
}

function statesOf(rows: AccrualRow[], { now, create }: AccrualReadOptions, readAfterPurchases = false): Map<string, AccrualState> {
  const out = new Map<string, AccrualState>();
  for (const r of rows) if (r.member || create) out.set(r.customer_id, accrualState(r, now, readAfterPurchases));
  return out;
}

/**
 * lockMembers for the purchase path: locks the members and reads, in the same round
 * trip, their stats, open-lot sums, daily-cap use and pending referral (a member read
 * before a writer it waited for is read again: member-lock.repository.ts). With `create`,
 * a customer who is not a member comes back as a new member (created: true) that
 * writeAccrual inserts with its final counters (one row version, not an insert and an
 * update); should another transaction enrol them first, that insert fails the
 * transaction with a retryable error (MemberEnrolledConcurrently). The caller holds the customers' row locks, so
 * purchases, stats and purchase entries cannot change under it.
 */
export async function lockMembersForAccrual(trx: Tx, customerIds: string[], options: AccrualReadOptions, written: string[] | null = null): Promise<Map<string, AccrualState>> {
  return statesOf(await readMembersFresh(trx, customerIds, options, written), options, written !== null);
}

/** The accrual read of these customers' members by id, read again for any read stale. */
function readMembersFresh(trx: Tx, customerIds: string[], options: AccrualReadOptions, written: string[] | null): Promise<AccrualRow[]> {
  return lockFresh(customerIds, async (ids) => (await accrualRead(ids, options, written).execute(trx)).rows);
}

/**
 * lockMembersForAccrual for the members of the customers who own these identities, sent
 * with the transaction's next awaited statement (pipeline.ts): the purchase path reads
 * them in the round trip that reads the owners, before the customers are resolved and
 * the purchases written, so `customer_stats` does not count this transaction's purchases
 * yet. `states` answers for the customers the purchases were resolved to: those created
 * in this transaction (`created`) have no member, stats, lots nor referral; a customer
 * read stale, or one not among the owners (none expected), is read again by id.
 */
export async function lockMembersForAccrualLater(trx: Tx, identities: Identity[], options: AccrualReadOptions) {
  const read = identities.length ? await readLater(trx, accrualRead({ identities }, options), { genericPlan: suitsGenericPlan(identities, options) }) : null;
  return {
    /** `written`: the ids of the purchases the caller has written, which a member read again does not count as recorded before. */
    async states(customerIds: string[], created: ReadonlySet<string>, written: string[] = []): Promise<Map<string, AccrualState>> {
      const rows = new Map((read ? await read.rows() : []).map((r) => [r.customer_id, r]));
      const fresh: AccrualRow[] = [];
      const again: string[] = [];
      const out = new Map<string, AccrualState>();
      for (const id of new Set(customerIds)) {
        const row = rows.get(id);
        if (created.has(id)) {
          if (options.create) {
            out.set(id, { member: newMember(id, options.now), purchasesCount: 0, netSpendMinor: 0, pending: 0, expired: 0, capUsed: {}, referral: null, firstPurchase: { earliestAt: null, given: false }, readAfterPurchases: false });
          }
        } else if (!row || (row.member && row.stale)) again.push(id);
        else fresh.push(row);
      }
      for (const [id, state] of statesOf(fresh, options)) out.set(id, state);
      // Read again now, after the purchases the caller has written (the read goes out with them).
      if (again.length) for (const [id, state] of statesOf(await readMembersFresh(trx, again, options, written), options, true)) out.set(id, state);
      return out;
    },
  };
}

export type AccrualMembersLater = Awaited<ReturnType<typeof lockMembersForAccrualLater>>;

/**
 * Thrown when a member this transaction meant to enrol, or a credit's key, was written by
 * another transaction first: run the transaction again (it then reads the member as
 * known, or the purchase as a replay).
 */
export class MemberEnrolledConcurrently extends Error {
  readonly retryable = true;
  constructor(cause: unknown) {
    super('loyalty: a member or a credit was written by another transaction meanwhile', { cause });
  }
}

/** Sums of the open lots of these members (pending, and expired but not swept). */
export async function lotSums(db: Db | Tx, customerIds: string[], now: Date): Promise<Map<string, { pending: number; expired: number }>> {
  if (customerIds.length === 0) return new Map();
  const result = await sql<{ customer_id: string; pending: number; expired: number }>`
    SELECT customer_id,
           COALESCE(sum(remaining) FILTER (WHERE available_at > ${now} AND (expires_at IS NULL OR expires_at > ${now})), 0)::float8 AS pending,
           COALESCE(sum(remaining) FILTER (WHERE expires_at <= ${now}), 0)::float8 AS expired
    FROM loyalty_entries WHERE customer_id = ANY(${customerIds}::uuid[]) AND remaining > 0 GROUP BY customer_id`.execute(db);
  return new Map(result.rows.map((r) => [r.customer_id, { pending: r.pending, expired: r.expired }]));
}

/**
 * The write half of accrual in one statement: the new lots (the caller has settled any
 * debt first) and the 0-point entries of purchases the daily cap left without points, the
 * members' cached counters and tiers, and the events. Every credit's key
 * and every new member were read absent under the customers' locks, so the inserts are
 * plain ones (ON CONFLICT's speculative insertion costs a WAL record and an index probe
 * more per row): a row another transaction wrote meanwhile fails the statement, and the
 * transaction is run again.
 */
export async function writeAccrual(trx: Tx, { credits, members, events, now }: { credits: NewEntry[]; members: MemberRow[]; events: OutgoingEvent[]; now: Date }): Promise<void> {
  if (credits.length === 0 && members.length === 0 && events.length === 0) return;
  const enrolled = members.filter((m) => m.created);
  const known = members.filter((m) => !m.created);
  const parts = [];
  if (credits.length) {
    parts.push(sql`credits AS (
      INSERT INTO loyalty_entries (customer_id, kind, points, remaining, unsettled, available_at, expires_at, occurred_at, created_at,
                                   source_type, source_id, idempotency_key, reason, actor, program_version, details)
      SELECT customer_id, kind, points, remaining, unsettled, available_at, expires_at, occurred_at, created_at,
             source_type, source_id, idempotency_key, reason, actor, program_version, details
      FROM json_to_recordset(${creditsJson(credits, now)}::json) AS t(customer_id uuid, kind text, points bigint, remaining bigint, unsettled bigint,
           available_at timestamptz, expires_at timestamptz, occurred_at timestamptz, created_at timestamptz, source_type text,
           source_id text, idempotency_key text, reason text, actor text, program_version bigint, details jsonb)
    )`);
  }
  if (enrolled.length) {
    parts.push(sql`enrolled AS (
      INSERT INTO loyalty_members (customer_id, joined_at, points, lifetime_earned, lifetime_redeemed, lifetime_expired, tier, tier_since,
                                   tier_valid_until, last_activity_at, referral_code, updated_at)
      SELECT customer_id, ${now}, points, lifetime_earned, lifetime_redeemed, lifetime_expired, tier, tier_since, tier_valid_until,
             last_activity_at, referral_code, ${now}
      FROM json_to_recordset(${membersJson(enrolled)}::json) AS t(customer_id uuid, points bigint, lifetime_earned bigint, lifetime_redeemed bigint,
           lifetime_expired bigint, tier text, tier_since timestamptz, tier_valid_until timestamptz, last_activity_at timestamptz, referral_code text)
      ORDER BY customer_id
    )`);
  }
  if (known.length) parts.push(sql`saved AS (${updateMembers(known, now)})`);
  if (events.length) parts.push(sql`events_out AS (${outboxInsert(events)})`);
  // Nothing is read back: the statement goes out with the transaction's next one, often
  // its COMMIT (pipeline.ts), and a row written meanwhile fails it there.
  await sendLater(trx, sql`WITH ${sql.join(parts, sql`, `)} SELECT`, (error) =>
    isUniqueViolation(error) ? new MemberEnrolledConcurrently(error) : error);
}

/**
 * Credits as one JSON array, built by hand: this runs for every purchase. A credit is a lot
 * (remaining: all its points); an entry of 0 points (a purchase the daily cap left without
 * points) is none, and has no remaining (migration 0018).
 */
function creditsJson(entries: NewEntry[], now: Date): string {
  const created = JSON.stringify(now.toISOString());
  let json = '[';
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    json += `${i ? ',' : ''}{"customer_id":"${e.customerId}","kind":"${e.kind}","points":${e.points},"remaining":${e.points > 0 ? e.points : 'null'},"unsettled":null,` +
      `"available_at":${e.availableAt ? `"${e.availableAt.toISOString()}"` : 'null'},"expires_at":${e.expiresAt ? `"${e.expiresAt.toISOString()}"` : 'null'},` +
      `"occurred_at":"${e.occurredAt.toISOString()}","created_at":${created},"source_type":${JSON.stringify(e.sourceType)},` +
      `"source_id":${e.sourceId == null ? 'null' : JSON.stringify(e.sourceId)},"idempotency_key":${e.idempotencyKey == null ? 'null' : JSON.stringify(e.idempotencyKey)},` +
      `"reason":${e.reason == null ? 'null' : JSON.stringify(e.reason)},"actor":${e.actor == null ? 'null' : JSON.stringify(e.actor)},` +
      `"program_version":${e.programVersion ?? 'null'},"details":${JSON.stringify(e.details ?? {})}}`;
  }
  return json + ']';
}

