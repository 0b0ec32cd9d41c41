import { sql } from 'kysely';
import type { Tx } from '../../../db/index.ts';
import { personIdsQuery } from '../../customers/index.ts';
import { outboxInsert, type OutgoingEvent } from '../../../jobs/outbox.ts';
import type { Lot } from '../ledger/ledger.ts';
import { debitsCte, isUniqueViolation, updateMembers, type MemberRow, type PlannedDebit } from '../ledger/ledger.repository.ts';
import { lockedMembersCte, lockFresh, memberOf, type LockedMemberFlags } from '../ledger/member-lock.repository.ts';

// SQL of redemptions (rewards bought with points), for a whole group of them at once:
// one statement locks the members and reads their open lots and earlier redemptions
// under the same keys, one writes the debits, the members, the coupons or gift cards,
// the stock and the events. Redemptions of the same member in one group are planned
// one after the other against the lots in memory.

export interface RedemptionState {
  member: MemberRow;
  /** The member's customer, as read under the member's lock (see lockMembersForRedemption). */
  customer: { status: string; mergedInto: string | null; erasedAt: Date | null };
  /** Open lots, oldest first. */
  lots: Lot[];
  /** Entries already written under the asked keys, by key. */
  previous: Map<string, { id: number; points: number; details: Record<string, unknown> }>;
}

/**
 * Locks the members and reads their open lots, the entries of these keys, and their
 * customer's status; a customer who is not a member comes back without a member (and an
 * id of no customer without a customer). The customer is read in the same statement,
 * without a lock of its own: a merge saves the merged member, so a read that waited for it
 * is stale and read again (lockFresh), and then shows the customer merged.
 */
export async function lockMembersForRedemption(trx: Tx, customerIds: string[], keys: string[]): Promise<Map<string, Partial<RedemptionState> & Pick<RedemptionState, 'customer'>>> {
  type Row = MemberRow & LockedMemberFlags & {
    customer_status: string | null;
    merged_into: string | null;
    erased_at: Date | string | null;
    lots: { id: number; remaining: number; available_at: string | null; expires_at: string | null }[] | null;
    previous: { id: number; key: string; points: number; details: Record<string, unknown> }[] | null;
  };
  const rows = await lockFresh(customerIds, async (ids) => (await sql<Row>`
    WITH ${lockedMembersCte(ids)}
    SELECT m.*, c.status AS customer_status, c.merged_into, c.erased_at, lots.lots, previous.previous
    FROM m
    LEFT JOIN customers c ON c.id = m.customer_id
    LEFT JOIN LATERAL (
      SELECT jsonb_agg(jsonb_build_object('id', e.id, 'remaining', e.remaining, 'available_at', e.available_at, 'expires_at', e.expires_at) ORDER BY e.id) AS lots
      FROM loyalty_entries e WHERE e.customer_id = m.customer_id AND e.remaining > 0
    ) lots ON m.member
    LEFT JOIN LATERAL (
      -- In the member's ledger or one merged into it: a redemption made under a merged id
      -- before the merge, retried with that id after it, answers what it issued then.
      SELECT jsonb_agg(jsonb_build_object('id', p.id, 'key', p.idempotency_key, 'points', p.points, 'details', p.details)) AS previous
      FROM loyalty_entries p WHERE p.customer_id IN ${personIdsQuery(sql.ref('m.customer_id'))} AND p.idempotency_key = ANY(${[...new Set(keys)]}::text[])
    ) previous ON m.member`.execute(trx)).rows);
  const out = new Map<string, Partial<RedemptionState> & Pick<RedemptionState, 'customer'>>();
  for (const r of rows) {
    if (r.customer_status === null) continue;
    const customer = { status: r.customer_status, mergedInto: r.merged_into, erasedAt: r.erased_at === null ? null : new Date(r.erased_at) };
    if (!r.member) {
      out.set(r.customer_id, { customer });
      continue;
    }
    const lots = (r.lots ?? []).map((l) => ({ id: l.id, remaining: l.remaining, availableAt: l.available_at ? new Date(l.available_at) : null, expiresAt: l.expires_at ? new Date(l.expires_at) : null }));
    out.set(r.customer_id, { customer, member: memberOf(r), lots, previous: new Map((r.previous ?? []).map((p) => [p.key, { id: p.id, points: Number(p.points), details: p.details }])) });
  }
  return out;
}

/** Creates the stock rows of these rewards if need be, locks them, and returns how many of each were issued. */
export async function lockRewardStock(trx: Tx, rewardCodes: string[]): Promise<Map<string, number>> {
  if (rewardCodes.length === 0) return new Map();
  await sql`INSERT INTO reward_stock (reward_code, issued) SELECT code, 0 FROM unnest(${rewardCodes}::text[]) AS code ORDER BY code ON CONFLICT DO NOTHING`.execute(trx);
  const rows = await sql<{ reward_code: string; issued: number }>`
    SELECT reward_code, issued FROM reward_stock WHERE reward_code = ANY(${rewardCodes}::text[]) ORDER BY reward_code FOR UPDATE`.execute(trx);
  return new Map(rows.rows.map((r) => [r.reward_code, Number(r.issued)]));
}

/** A coupon issued for a redemption; `debit` is the index of its debit in the same write. */
export interface RewardCouponRow {
  debit: number;
  code: string;
  customer_id: string;
  reward_code: string;
  benefit: Record<string, unknown>;
  valid_from: Date;
  expires_at: Date;
}

export interface RewardGiftCardRow {
  code: string;
  customer_id: string;
  currency: string;
  amount_minor: number;
  expires_at: Date;
}

/**
 * The write half of a group of redemptions in one statement. Every debit's key was read
 * absent under the member's lock, so each must be written: a key found taken fails the
 * statement (a unique violation) rather than answering half-done.
 */
export async function writeRedemptions(
  trx: Tx,
  { debits, members, coupons, giftCards, stockIssued, events, now }: {
    debits: PlannedDebit[]; members: MemberRow[]; coupons: RewardCouponRow[]; giftCards: RewardGiftCardRow[]; stockIssued: Map<string, number>; events: OutgoingEvent[]; now: Date;
  },
): Promise<void> {
  if (debits.length === 0) return;
  const parts = [debitsCte(debits, now, { keyTaken: 'fail' }), sql`saved AS (${updateMembers(members, now)})`, sql`events_out AS (${outboxInsert(events)})`];
  if (coupons.length) {
    parts.push(sql`coupons_out AS (
      INSERT INTO coupons (code, kind, customer_id, campaign_id, reward_code, benefit, status, max_uses, uses, per_customer_limit, valid_from, expires_at, points_entry_id, created_at)
      SELECT c.code, 'reward', c.customer_id, NULL, c.reward_code, c.benefit, 'active', 1, 0, NULL, c.valid_from, c.expires_at, r.id, ${now}
      FROM json_to_recordset(${JSON.stringify(coupons)}::json) AS c(debit int, code text, customer_id uuid, reward_code text, benefit jsonb, valid_from timestamptz, expires_at timestamptz)
      JOIN debit_rows r ON r.n = c.debit
      RETURNING 1
    )`);
  }
  if (giftCards.length) {
    parts.push(sql`gift_cards_out AS (
      INSERT INTO gift_cards (code, customer_id, currency, initial_minor, balance_minor, expires_at, created_at)
      SELECT code, customer_id, currency, amount_minor, amount_minor, expires_at, ${now}
      FROM json_to_recordset(${JSON.stringify(giftCards)}::json) AS g(code text, customer_id uuid, currency text, amount_minor bigint, expires_at timestamptz)
      RETURNING 1
    )`);
  }
  if (stockIssued.size) {
    parts.push(sql`stock_out AS (
      UPDATE reward_stock s SET issued = s.issued + t.n
      FROM json_to_recordset(${JSON.stringify([...stockIssued].map(([code, n]) => ({ code, n })))}::json) AS t(code text, n bigint)
      WHERE s.reward_code = t.code
      RETURNING 1
    )`);
  }
  try {
    await sql`WITH ${sql.join(parts, sql`, `)} SELECT`.execute(trx);
  } catch (error) {
    if (isUniqueViolation(error)) throw new Error("loyalty: a redemption found its key taken under the member's lock", { cause: error });
    throw error;
  }
}
