import { sql } from 'kysely';
import type { Db, LoyaltyEntryKind, Tx } from '../../db/index.ts';
import { outboxInsert, type OutgoingEvent } from '../../jobs/outbox.ts';
import { chooseLots, type Allocation, type Lot } from './ledger.ts';

// SQL of the ledger. Every writer of a member's ledger first locks the member's row
// (lockMembers); that one rule serialises concurrent redemptions, refunds and accruals of
// the same member, so lots are read and consumed without further locking.

export interface MemberRow {
  customer_id: string;
  joined_at: Date;
  points: number;
  lifetime_earned: number;
  lifetime_redeemed: number;
  lifetime_expired: number;
  tier: string | null;
  tier_since: Date | null;
  tier_valid_until: Date | null;
  last_activity_at: Date | null;
  referral_code: string | null;
  created?: boolean;
}

/** Locks (and with `create`, enrols) members, in customer-id order so two writers never deadlock. */
export async function lockMembers(trx: Tx, customerIds: string[], { now, create }: { now: Date; create: boolean }): Promise<Map<string, MemberRow>> {
  const ids = [...new Set(customerIds)].sort();
  if (ids.length === 0) return new Map();
  const rows = create
    ? await sql<MemberRow>`
        INSERT INTO loyalty_members (customer_id, joined_at, updated_at)
        SELECT id, ${now}, ${now} FROM unnest(${ids}::uuid[]) AS id ORDER BY id
        ON CONFLICT (customer_id) DO UPDATE SET customer_id = EXCLUDED.customer_id
        RETURNING *, (xmax = 0) AS created`.execute(trx)
    : await sql<MemberRow>`SELECT * FROM loyalty_members WHERE customer_id = ANY(${ids}::uuid[]) ORDER BY customer_id FOR UPDATE`.execute(trx);
  return new Map(rows.rows.map((r) => [r.customer_id, r]));
}

const MEMBER_COLUMNS = sql.raw('customer_id, joined_at, points, lifetime_earned, lifetime_redeemed, lifetime_expired, tier, tier_since, tier_valid_until, last_activity_at, referral_code');

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
}

/**
 * lockMembers for the purchase path: locks the members and reads, in the same round
 * trip, their stats, open-lot sums, daily-cap use and pending referral. With `create`,
 * a customer who is not a member comes back as a new member (created: true) that
 * writeAccrual inserts with its final counters (one row version, not an insert and an
 * update); should another transaction enrol them first, that insert fails the
 * transaction with a retryable error.
 *
 * The reads share the statement's snapshot, taken before the row locks were granted:
 * when a lock had to wait for another writer of the member (a redemption, the expiry
 * sweep), the snapshot may predate that writer's changes to the lots. The member row
 * version seen by the snapshot is compared with the version locked; the members where
 * they differ are read again, now under the lock. The caller holds the customers' row
 * locks, so purchases, stats and purchase entries cannot change under it.
 */
export async function lockMembersForAccrual(
  trx: Tx,
  customerIds: string[],
  { now, create, capDates, referrals }: { now: Date; create: boolean; capDates: string[] | null; referrals: boolean },
): Promise<Map<string, AccrualState>> {
  const out = new Map<string, AccrualState>();
  let ids = [...new Set(customerIds)].sort();
  for (let attempt = 0; ids.length > 0; attempt++) {
    if (attempt === 5) throw new Error('loyalty: members kept changing while being locked');
    const rows = await sql<MemberRow & { member: boolean; stale: boolean; purchases_count: number | null; net_spend_minor: number | null; pending: number | null; expired: number | null; cap_used: Record<string, number> | null; referrer_id: string | null; referral_code_used: string | null }>`
      WITH seen AS (
        SELECT customer_id, xmin::text AS version FROM loyalty_members WHERE customer_id = ANY(${ids}::uuid[])
      ), locked AS (
        SELECT ${MEMBER_COLUMNS}, xmin::text AS version FROM loyalty_members
        WHERE customer_id = ANY(${ids}::uuid[]) ORDER BY customer_id FOR UPDATE
      ), m AS MATERIALIZED (
        -- Materialized so the planner joins the ids to the locked rows by hash first, and
        -- the per-member look-ups below run once per member (left to itself, it nested a
        -- scan of all locked rows inside every member's look-up: quadratic in the batch).
        SELECT q.id AS customer_id, l.joined_at, l.points, l.lifetime_earned, l.lifetime_redeemed, l.lifetime_expired, l.tier, l.tier_since,
               l.tier_valid_until, l.last_activity_at, l.referral_code, l.customer_id IS NOT NULL AS member, s.version IS DISTINCT FROM l.version AS stale
        FROM unnest(${ids}::uuid[]) AS q(id)
        LEFT JOIN locked l ON l.customer_id = q.id
        LEFT JOIN seen s ON s.customer_id = q.id
      )
      SELECT m.*, st.purchases_count, st.net_spend_minor, lots.pending, lots.expired, cap.used AS cap_used,
             ref.referrer_id, ref.code AS referral_code_used
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
          WHERE e.customer_id = m.customer_id AND e.kind IN ('earn', 'reverse') AND e.source_type = 'purchase'
            AND e.details->>'local_date' = ANY(${capDates ?? []}::text[])
          GROUP BY 1) d
      ) cap ON ${capDates !== null} AND m.member
      LEFT JOIN loyalty_referrals ref ON ${referrals} AND ref.customer_id = m.customer_id AND ref.status = 'pending'`.execute(trx);
    const again: string[] = [];
    for (const r of rows.rows) {
      if (r.member && r.stale) {
        again.push(r.customer_id);
        continue;
      }
      if (!r.member && !create) continue;
      const member: MemberRow = r.member
        ? {
            customer_id: r.customer_id, joined_at: r.joined_at, points: r.points, lifetime_earned: r.lifetime_earned, lifetime_redeemed: r.lifetime_redeemed,
            lifetime_expired: r.lifetime_expired, tier: r.tier, tier_since: r.tier_since, tier_valid_until: r.tier_valid_until, last_activity_at: r.last_activity_at,
            referral_code: r.referral_code, created: false,
          }
        : {
            customer_id: r.customer_id, joined_at: now, points: 0, lifetime_earned: 0, lifetime_redeemed: 0, lifetime_expired: 0,
            tier: null, tier_since: null, tier_valid_until: null, last_activity_at: null, referral_code: null, created: true,
          };
      out.set(r.customer_id, {
        member, purchasesCount: r.purchases_count ?? 0, netSpendMinor: r.net_spend_minor ?? 0, pending: r.pending ?? 0, expired: r.expired ?? 0,
        capUsed: r.cap_used ?? {}, referral: r.referrer_id ? { referrer_id: r.referrer_id, code: r.referral_code_used! } : null,
      });
    }
    ids = again.sort();
  }
  return out;
}

/** Thrown when a member this transaction meant to enrol was enrolled by another one first: run the transaction again. */
export class MemberEnrolledConcurrently extends Error {
  readonly retryable = true;
  constructor(count: number) {
    super(`loyalty: ${count} member(s) were enrolled by another transaction meanwhile`);
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

export async function openLots(db: Db | Tx, customerId: string): Promise<(Lot & { kind: LoyaltyEntryKind; source_type: string; source_id: string | null })[]> {
  const rows = await db.selectFrom('loyalty_entries')
    .select(['id', 'remaining', 'available_at', 'expires_at', 'kind', 'source_type', 'source_id'])
    .where('customer_id', '=', customerId).where('remaining', '>', 0).orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, remaining: r.remaining!, availableAt: r.available_at, expiresAt: r.expires_at, kind: r.kind, source_type: r.source_type, source_id: r.source_id }));
}

export interface NewEntry {
  customerId: string;
  kind: LoyaltyEntryKind;
  points: number;
  occurredAt: Date;
  availableAt?: Date | null;
  expiresAt?: Date | null;
  sourceType: string;
  sourceId?: string | null;
  idempotencyKey?: string | null;
  reason?: string | null;
  actor?: string | null;
  programVersion?: number | null;
  details?: Record<string, unknown>;
}

function entryRow(e: NewEntry, now: Date, extra: { remaining: number | null; unsettled: number | null }) {
  return {
    customer_id: e.customerId, kind: e.kind, points: e.points, remaining: extra.remaining, unsettled: extra.unsettled,
    available_at: e.availableAt ? e.availableAt.toISOString() : null, expires_at: e.expiresAt ? e.expiresAt.toISOString() : null,
    occurred_at: e.occurredAt.toISOString(), created_at: now.toISOString(), source_type: e.sourceType, source_id: e.sourceId ?? null,
    idempotency_key: e.idempotencyKey ?? null, reason: e.reason ?? null, actor: e.actor ?? null, program_version: e.programVersion ?? null,
    details: e.details ?? {},
  };
}

/**
 * Credits many lots in one statement (a batch of purchases). The caller has settled any
 * debt first; an entry whose idempotency key exists already is skipped (ON CONFLICT), and
 * the returned keys say which were written.
 */
export async function insertCredits(trx: Tx, entries: NewEntry[], now: Date): Promise<{ customer_id: string; id: number; idempotency_key: string | null; points: number }[]> {
  if (entries.length === 0) return [];
  const rows = JSON.stringify(entries.map((e) => entryRow(e, now, { remaining: e.points, unsettled: null })));
  const result = await sql<{ customer_id: string; id: number; idempotency_key: string | null; points: number }>`
    INSERT INTO loyalty_entries (customer_id, kind, points, remaining, unsettled, available_at, expires_at, occurred_at, created_at,
                                 source_type, source_id, idempotency_key, reason, actor, program_version, details)
    SELECT customer_id, kind, points, remaining, unsettled, available_at, expires_at, occurred_at, created_at,
           source_type, source_id, idempotency_key, reason, actor, program_version, details
    FROM jsonb_to_recordset(${rows}::jsonb) AS t(customer_id uuid, kind text, points bigint, remaining bigint, unsettled bigint,
         available_at timestamptz, expires_at timestamptz, occurred_at timestamptz, created_at timestamptz, source_type text,
         source_id text, idempotency_key text, reason text, actor text, program_version bigint, details jsonb)
    ON CONFLICT (customer_id, idempotency_key) DO NOTHING
    RETURNING customer_id, id, idempotency_key, points`.execute(trx);
  return result.rows;
}

/**
 * The write half of accrual in one statement: the new lots (the caller has settled any
 * debt first), the members' cached counters and tiers, and the events. Returns how many
 * credits were written; an idempotency key seen before is skipped (ON CONFLICT).
 */
export async function writeAccrual(trx: Tx, { credits, members, events, now }: { credits: NewEntry[]; members: MemberRow[]; events: OutgoingEvent[]; now: Date }): Promise<number> {
  if (credits.length === 0 && members.length === 0 && events.length === 0) return 0;
  const enrolled = members.filter((m) => m.created);
  const known = members.filter((m) => !m.created);
  const parts = [];
  if (credits.length) {
    parts.push(sql`credits AS (
      INSERT INTO loyalty_entries (customer_id, kind, points, remaining, unsettled, available_at, expires_at, occurred_at, created_at,
                                   source_type, source_id, idempotency_key, reason, actor, program_version, details)
      SELECT customer_id, kind, points, remaining, unsettled, available_at, expires_at, occurred_at, created_at,
             source_type, source_id, idempotency_key, reason, actor, program_version, details
      FROM jsonb_to_recordset(${creditsJson(credits, now)}::jsonb) AS t(customer_id uuid, kind text, points bigint, remaining bigint, unsettled bigint,
           available_at timestamptz, expires_at timestamptz, occurred_at timestamptz, created_at timestamptz, source_type text,
           source_id text, idempotency_key text, reason text, actor text, program_version bigint, details jsonb)
      ON CONFLICT (customer_id, idempotency_key) DO NOTHING
      RETURNING 1
    )`);
  }
  if (enrolled.length) {
    parts.push(sql`enrolled AS (
      INSERT INTO loyalty_members (customer_id, joined_at, points, lifetime_earned, lifetime_redeemed, lifetime_expired, tier, tier_since,
                                   tier_valid_until, last_activity_at, referral_code, updated_at)
      SELECT customer_id, ${now}, points, lifetime_earned, lifetime_redeemed, lifetime_expired, tier, tier_since, tier_valid_until,
             last_activity_at, referral_code, ${now}
      FROM jsonb_to_recordset(${membersJson(enrolled)}::jsonb) AS t(customer_id uuid, points bigint, lifetime_earned bigint, lifetime_redeemed bigint,
           lifetime_expired bigint, tier text, tier_since timestamptz, tier_valid_until timestamptz, last_activity_at timestamptz, referral_code text)
      ORDER BY customer_id
      ON CONFLICT (customer_id) DO NOTHING
      RETURNING 1
    )`);
  }
  if (known.length) parts.push(sql`saved AS (${updateMembers(known, now)} RETURNING 1)`);
  if (events.length) parts.push(sql`events_out AS (${outboxInsert(events)})`);
  const result = await sql<{ credits: number; enrolled: number }>`
    WITH ${sql.join(parts, sql`, `)}
    SELECT ${credits.length ? sql`(SELECT count(*) FROM credits)` : sql`0`}::int AS credits,
           ${enrolled.length ? sql`(SELECT count(*) FROM enrolled)` : sql`0`}::int AS enrolled`.execute(trx);
  const { credits: written, enrolled: inserted } = result.rows[0];
  if (inserted !== enrolled.length) throw new MemberEnrolledConcurrently(enrolled.length - inserted);
  return written;
}

/** Credits as one JSON array, built by hand: this runs for every purchase. */
function creditsJson(entries: NewEntry[], now: Date): string {
  const created = JSON.stringify(now.toISOString());
  let json = '[';
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    json += `${i ? ',' : ''}{"customer_id":"${e.customerId}","kind":"${e.kind}","points":${e.points},"remaining":${e.points},"unsettled":null,` +
      `"available_at":${e.availableAt ? `"${e.availableAt.toISOString()}"` : 'null'},"expires_at":${e.expiresAt ? `"${e.expiresAt.toISOString()}"` : 'null'},` +
      `"occurred_at":"${e.occurredAt.toISOString()}","created_at":${created},"source_type":${JSON.stringify(e.sourceType)},` +
      `"source_id":${e.sourceId == null ? 'null' : JSON.stringify(e.sourceId)},"idempotency_key":${e.idempotencyKey == null ? 'null' : JSON.stringify(e.idempotencyKey)},` +
      `"reason":${e.reason == null ? 'null' : JSON.stringify(e.reason)},"actor":${e.actor == null ? 'null' : JSON.stringify(e.actor)},` +
      `"program_version":${e.programVersion ?? 'null'},"details":${JSON.stringify(e.details ?? {})}}`;
  }
  return json + ']';
}

async function insertOne(trx: Tx, e: NewEntry, now: Date, extra: { remaining: number | null; unsettled: number | null }): Promise<number | null> {
  const r = entryRow(e, now, extra);
  const result = await sql<{ id: number }>`
    INSERT INTO loyalty_entries (customer_id, kind, points, remaining, unsettled, available_at, expires_at, occurred_at, created_at,
                                 source_type, source_id, idempotency_key, reason, actor, program_version, details)
    VALUES (${r.customer_id}, ${r.kind}, ${r.points}, ${r.remaining}, ${r.unsettled}, ${r.available_at}, ${r.expires_at}, ${r.occurred_at},
            ${r.created_at}, ${r.source_type}, ${r.source_id}, ${r.idempotency_key}, ${r.reason}, ${r.actor}, ${r.program_version}, ${JSON.stringify(r.details)}::jsonb)
    ON CONFLICT (customer_id, idempotency_key) DO NOTHING
    RETURNING id`.execute(trx);
  return result.rows[0]?.id ?? null;
}

async function writeAllocations(trx: Tx, customerId: string, rows: { debitId: number; creditId: number; points: number }[], now: Date) {
  if (rows.length === 0) return;
  const json = JSON.stringify(rows.map((r) => ({ debit_id: r.debitId, credit_id: r.creditId, points: r.points })));
  await sql`
    INSERT INTO loyalty_allocations (customer_id, debit_id, credit_id, points, created_at)
    SELECT ${customerId}, debit_id, credit_id, points, ${now} FROM jsonb_to_recordset(${json}::jsonb) AS t(debit_id bigint, credit_id bigint, points bigint)`.execute(trx);
}

async function consumeLots(trx: Tx, customerId: string, allocations: Allocation[]) {
  if (allocations.length === 0) return;
  const json = JSON.stringify(allocations.map((a) => ({ id: a.creditId, points: a.points })));
  await sql`
    UPDATE loyalty_entries e SET remaining = e.remaining - t.points
    FROM jsonb_to_recordset(${json}::jsonb) AS t(id bigint, points bigint)
    WHERE e.customer_id = ${customerId} AND e.id = t.id`.execute(trx);
}

/**
 * Credits one lot for a member whose row the caller holds locked. Outstanding debts
 * (unsettled debits, oldest first) are settled from the new lot first. Returns null
 * when the idempotency key was used before (nothing written).
 */
export async function credit(trx: Tx, member: MemberRow, e: NewEntry, now: Date): Promise<{ id: number; settled: number } | null> {
  const id = await insertOne(trx, e, now, { remaining: e.points, unsettled: null });
  if (id === null) return null;
  let settled = 0;
  if (member.points < 0) settled = await settleDebts(trx, member.customer_id, id, e.points, now);
  member.points += e.points;
  return { id, settled };
}

/** Settles unsettled debits from one new lot; returns the points used. */
export async function settleDebts(trx: Tx, customerId: string, creditId: number, available: number, now: Date): Promise<number> {
  const debts = await sql<{ id: number; unsettled: number }>`
    SELECT id, unsettled FROM loyalty_entries WHERE customer_id = ${customerId} AND unsettled > 0 ORDER BY id`.execute(trx);
  let left = available;
  const allocations: { debitId: number; creditId: number; points: number }[] = [];
  for (const d of debts.rows) {
    if (left === 0) break;
    const take = Math.min(left, d.unsettled);
    allocations.push({ debitId: d.id, creditId, points: take });
    left -= take;
  }
  if (allocations.length === 0) return 0;
  await writeAllocations(trx, customerId, allocations, now);
  const json = JSON.stringify(allocations.map((a) => ({ id: a.debitId, points: a.points })));
  await sql`
    UPDATE loyalty_entries e SET unsettled = e.unsettled - t.points
    FROM jsonb_to_recordset(${json}::jsonb) AS t(id bigint, points bigint)
    WHERE e.customer_id = ${customerId} AND e.id = t.id`.execute(trx);
  const used = available - left;
  await sql`UPDATE loyalty_entries SET remaining = remaining - ${used} WHERE customer_id = ${customerId} AND id = ${creditId}`.execute(trx);
  return used;
}

/**
 * Debits `points` (positive) from a member whose row the caller holds locked, taking lots
 * as chooseLots decides. With `shortfall: 'fail'` the debit is refused (returns the
 * shortfall, writes nothing) when the lots do not cover it; 'owe' records the rest as
 * unsettled; 'forgive' debits only what the lots cover.
 */
export async function debit(
  trx: Tx,
  member: MemberRow,
  e: Omit<NewEntry, 'points'> & { points: number },
  { now, includePending, prefer, shortfall, lots: explicit }: { now: Date; includePending: boolean; prefer?: number[]; shortfall: 'fail' | 'owe' | 'forgive'; lots?: Allocation[] },
): Promise<{ id: number | null; debited: number; unsettled: number; shortfall: number; duplicate: boolean }> {
  // Expiry names its lots itself (they are past their date, which chooseLots skips).
  const choice = explicit
    ? { allocations: explicit, shortfall: 0 }
    : chooseLots(await openLots(trx, member.customer_id), e.points, { now, includePending, prefer });
  if (choice.shortfall > 0 && shortfall === 'fail') return { id: null, debited: 0, unsettled: 0, shortfall: choice.shortfall, duplicate: false };
  const debited = shortfall === 'forgive' ? e.points - choice.shortfall : e.points;
  if (debited === 0) return { id: null, debited: 0, unsettled: 0, shortfall: choice.shortfall, duplicate: false };
  const unsettled = shortfall === 'owe' ? choice.shortfall : 0;
  const details = shortfall === 'forgive' && choice.shortfall > 0 ? { ...e.details, forgiven: choice.shortfall } : e.details;
  const id = await insertOne(trx, { ...e, points: -debited, details }, now, { remaining: null, unsettled });
  if (id === null) return { id: null, debited: 0, unsettled: 0, shortfall: 0, duplicate: true };
  await writeAllocations(trx, member.customer_id, choice.allocations.map((a) => ({ debitId: id, creditId: a.creditId, points: a.points })), now);
  await consumeLots(trx, member.customer_id, choice.allocations);
  member.points -= debited;
  return { id, debited, unsettled, shortfall: choice.shortfall, duplicate: false };
}

/** Writes the member's cached counters and tier (the caller changed them on the row object). */
export async function saveMembers(trx: Tx, members: MemberRow[], now: Date) {
  if (members.length === 0) return;
  await updateMembers(members, now).execute(trx);
}

function membersJson(members: MemberRow[]): string {
  return JSON.stringify(members.map((m) => ({
    customer_id: m.customer_id, points: m.points, lifetime_earned: m.lifetime_earned, lifetime_redeemed: m.lifetime_redeemed,
    lifetime_expired: m.lifetime_expired, tier: m.tier, tier_since: m.tier_since, tier_valid_until: m.tier_valid_until,
    last_activity_at: m.last_activity_at, referral_code: m.referral_code,
  })));
}

function updateMembers(members: MemberRow[], now: Date) {
  return sql`
    UPDATE loyalty_members m SET points = t.points, lifetime_earned = t.lifetime_earned, lifetime_redeemed = t.lifetime_redeemed,
      lifetime_expired = t.lifetime_expired, tier = t.tier, tier_since = t.tier_since, tier_valid_until = t.tier_valid_until,
      last_activity_at = t.last_activity_at, referral_code = t.referral_code, updated_at = ${now}
    FROM jsonb_to_recordset(${membersJson(members)}::jsonb) AS t(customer_id uuid, points bigint, lifetime_earned bigint, lifetime_redeemed bigint,
         lifetime_expired bigint, tier text, tier_since timestamptz, tier_valid_until timestamptz, last_activity_at timestamptz, referral_code text)
    WHERE m.customer_id = t.customer_id`;
}

export async function recordTierChanges(trx: Tx, changes: { customerId: string; id: string; from: string | null; to: string | null; reason: string; programVersion: number | null; at: Date }[]) {
  if (changes.length === 0) return;
  await trx.insertInto('loyalty_tier_history').values(changes.map((c) => ({
    customer_id: c.customerId, id: c.id, from_tier: c.from, to_tier: c.to, reason: c.reason, program_version: c.programVersion, changed_at: c.at,
  }))).execute();
}

export interface VerifyProblem {
  customer_id: string;
  rule: string;
  entry_id?: number;
  expected: number;
  actual: number;
}

/** Every mismatch between the cached numbers and the allocations, over all members (set-based). */
export async function findLedgerProblems(db: Db, limit = 1000): Promise<{ members: number; entries: number; problems: VerifyProblem[] }> {
  const counts = await sql<{ members: number; entries: number }>`
    SELECT (SELECT count(*) FROM loyalty_members)::bigint AS members, (SELECT count(*) FROM loyalty_entries)::bigint AS entries`.execute(db);
  const problems = await sql<VerifyProblem>`
    WITH sums AS (
      SELECT customer_id, sum(points) AS points,
             COALESCE(sum(points) FILTER (WHERE kind IN ('earn', 'bonus')), 0) AS earned,
             COALESCE(-sum(points) FILTER (WHERE kind = 'redeem'), 0) - COALESCE(sum(points) FILTER (WHERE kind = 'release'), 0) AS redeemed,
             COALESCE(-sum(points) FILTER (WHERE kind = 'expire'), 0) AS expired
      FROM loyalty_entries GROUP BY customer_id
    ), member_checks AS (
      SELECT m.customer_id, c.rule, c.expected, c.actual
      FROM loyalty_members m LEFT JOIN sums s USING (customer_id)
      CROSS JOIN LATERAL (VALUES
        ('balance = sum of entries', COALESCE(s.points, 0), m.points),
        ('lifetime earned', COALESCE(s.earned, 0), m.lifetime_earned),
        ('lifetime redeemed', COALESCE(s.redeemed, 0), m.lifetime_redeemed),
        ('lifetime expired', COALESCE(s.expired, 0), m.lifetime_expired)
      ) AS c(rule, expected, actual)
      WHERE c.expected <> c.actual
    ), orphans AS (
      SELECT s.customer_id, 'entries without a member' AS rule, 0::numeric AS expected, s.points AS actual
      FROM sums s LEFT JOIN loyalty_members m USING (customer_id) WHERE m.customer_id IS NULL
    ), taken AS (
      SELECT customer_id, credit_id, sum(points) AS points FROM loyalty_allocations GROUP BY customer_id, credit_id
    ), given AS (
      SELECT customer_id, debit_id, sum(points) AS points FROM loyalty_allocations GROUP BY customer_id, debit_id
    ), lot_checks AS (
      SELECT e.customer_id, 'lot remaining = points − allocations' AS rule, e.id AS entry_id,
             (e.points - COALESCE(t.points, 0))::numeric AS expected, e.remaining::numeric AS actual
      FROM loyalty_entries e LEFT JOIN taken t ON t.customer_id = e.customer_id AND t.credit_id = e.id
      WHERE e.points > 0 AND e.remaining <> e.points - COALESCE(t.points, 0)
    ), debit_checks AS (
      SELECT e.customer_id, 'debit unsettled = −points − allocations' AS rule, e.id AS entry_id,
             (-e.points - COALESCE(g.points, 0))::numeric AS expected, e.unsettled::numeric AS actual
      FROM loyalty_entries e LEFT JOIN given g ON g.customer_id = e.customer_id AND g.debit_id = e.id
      WHERE e.points < 0 AND e.unsettled <> -e.points - COALESCE(g.points, 0)
    ), wrong_direction AS (
      SELECT a.customer_id, 'allocation links a debit to a credit' AS rule, a.id AS entry_id, 0::numeric AS expected, 1::numeric AS actual
      FROM loyalty_allocations a
      JOIN loyalty_entries d ON d.customer_id = a.customer_id AND d.id = a.debit_id
      JOIN loyalty_entries c ON c.customer_id = a.customer_id AND c.id = a.credit_id
      WHERE d.points >= 0 OR c.points <= 0
    )
    SELECT customer_id, rule, NULL::bigint AS entry_id, expected::float8 AS expected, actual::float8 AS actual FROM member_checks
    UNION ALL SELECT customer_id, rule, NULL, expected::float8, actual::float8 FROM orphans
    UNION ALL SELECT customer_id, rule, entry_id, expected::float8, actual::float8 FROM lot_checks
    UNION ALL SELECT customer_id, rule, entry_id, expected::float8, actual::float8 FROM debit_checks
    UNION ALL SELECT customer_id, rule, entry_id, expected::float8, actual::float8 FROM wrong_direction
    LIMIT ${limit}`.execute(db);
  return { members: Number(counts.rows[0].members), entries: Number(counts.rows[0].entries), problems: problems.rows.map((p) => ({ ...p, entry_id: p.entry_id ?? undefined })) };
}
