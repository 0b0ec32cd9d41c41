import { sql, type RawBuilder } from 'kysely';
import { ownerIdsQuery, type Identity } from '../../customers/index.ts';
import type { MemberRow } from './ledger.repository.ts';

// Locking members and reading their ledger in one round trip (accrual, redemptions).
// The reads of such a statement share its snapshot, taken before the row locks were
// granted: when a lock had to wait for another writer of the member (a redemption, the
// expiry sweep), the snapshot may predate that writer's changes to the lots. So the
// member row version the snapshot sees is compared with the version locked, and the
// members where they differ are read again, now under the lock. This holds because every
// writer of a member's ledger locks the member's row and saves it (a new row version) in
// the same transaction.

const MEMBER_COLUMNS = sql.raw('customer_id, joined_at, points, lifetime_earned, lifetime_redeemed, lifetime_expired, tier, tier_since, tier_valid_until, last_activity_at, referral_code');

/** What every row of a lockedMembersCte statement carries besides the caller's reads. */
export interface LockedMemberFlags {
  customer_id: string;
  /** False: no such member (no row was locked). */
  member: boolean;
  /** True: the snapshot predates the version locked; lockFresh reads this member again. */
  stale: boolean;
}

/** Whose members a lockedMembersCte statement locks: these customers, or the owners of these identities. */
export type MemberSelector = string[] | { identities: Identity[] };

/**
 * CTEs `seen`, `locked` and `m` for a statement that locks the members of `who` (in
 * customer-id order, so two writers never deadlock) and reads what it needs about them
 * (`… FROM m LEFT JOIN …`): `m` has a row per customer with the member's columns,
 * `member` and `stale`. By identities, the customers are their owners, read in the same
 * statement (the caller holds the identities' locks, so they cannot change meanwhile).
 */
export function lockedMembersCte(who: MemberSelector): RawBuilder<unknown> {
  const owners = Array.isArray(who)
    ? sql``
    : sql`wanted AS MATERIALIZED (SELECT ARRAY(${ownerIdsQuery(who.identities)}) AS ids), `;
  const ids = Array.isArray(who) ? sql`${who}::uuid[]` : sql`(SELECT ids FROM wanted)::uuid[]`;
  return sql`
    ${owners}seen AS (
      SELECT customer_id, xmin::text AS version FROM loyalty_members WHERE customer_id = ANY(${ids})
    ), locked AS (
      SELECT ${MEMBER_COLUMNS}, xmin::text AS version FROM loyalty_members
      WHERE customer_id = ANY(${ids}) ORDER BY customer_id FOR UPDATE
    ), m AS MATERIALIZED (
      -- Materialized so the planner joins the ids to the locked rows by hash first, and
      -- the per-member look-ups after it run once per member (left to itself, it nested a
      -- scan of all locked rows inside every member's look-up: quadratic in the batch).
      SELECT q.id AS customer_id, l.joined_at, l.points, l.lifetime_earned, l.lifetime_redeemed, l.lifetime_expired, l.tier, l.tier_since,
             l.tier_valid_until, l.last_activity_at, l.referral_code, l.customer_id IS NOT NULL AS member, s.version IS DISTINCT FROM l.version AS stale
      FROM unnest(${ids}) AS q(id)
      LEFT JOIN locked l ON l.customer_id = q.id
      LEFT JOIN seen s ON s.customer_id = q.id
    )`;
}

/** Runs a lockedMembersCte statement for `customerIds`, and again for the members it read stale, until every row is fresh. */
export async function lockFresh<Row extends LockedMemberFlags>(customerIds: string[], read: (ids: string[]) => Promise<Row[]>): Promise<Row[]> {
  const fresh: Row[] = [];
  let ids = [...new Set(customerIds)].sort();
  for (let attempt = 0; ids.length > 0; attempt++) {
    if (attempt === 5) throw new Error('loyalty: members kept changing while being locked');
    const again: string[] = [];
    for (const row of await read(ids)) {
      if (row.member && row.stale) again.push(row.customer_id);
      else fresh.push(row);
    }
    ids = again.sort();
  }
  return fresh;
}

/** The member's own columns of a row that carries more: a stored member, so not one this transaction created. */
export function memberOf(r: MemberRow): MemberRow {
  // The fields in newMember's order (accrual.repository.ts), so a stored and a new member share a hidden class.
  return {
    customer_id: r.customer_id, joined_at: r.joined_at, points: r.points, lifetime_earned: r.lifetime_earned, lifetime_redeemed: r.lifetime_redeemed,
    lifetime_expired: r.lifetime_expired, tier: r.tier, tier_since: r.tier_since, tier_valid_until: r.tier_valid_until, last_activity_at: r.last_activity_at,
    referral_code: r.referral_code, created: false,
  };
}
