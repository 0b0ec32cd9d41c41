import { sql } from 'kysely';
import type { Db } from '../../../db/index.ts';

// The ledger's proof (`regulars loyalty verify`, accounts.ts): one set-based read over all
// members that checks every cached number against the entries and allocations the writers
// in ledger.repository.ts keep. It writes nothing and locks no member, so it stands apart
// from those writers and their locking rule.

export interface VerifyProblem {
  customer_id: string;
  rule: string;
  entry_id?: number;
  expected: number;
  actual: number;
}

/**
 * Every mismatch between the cached numbers and the allocations, over all members
 * (set-based), and every debt left standing beside lots able to pay it at `now` (credits
 * settle debts first; `loyalty maintain` settles what a ledger written before that rule holds).
 */
export async function findLedgerProblems(db: Db, now: Date, limit = 1000): Promise<{ members: number; entries: number; problems: VerifyProblem[] }> {
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
    ), standing_debts AS (
      SELECT d.customer_id, 'no debt beside points that can pay it' AS rule, 0::numeric AS expected, least(d.owed, l.held)::numeric AS actual
      FROM (SELECT customer_id, sum(unsettled) AS owed FROM loyalty_entries WHERE unsettled > 0 GROUP BY customer_id) d
      JOIN LATERAL (SELECT sum(remaining) AS held FROM loyalty_entries l
                    WHERE l.customer_id = d.customer_id AND l.remaining > 0 AND (l.expires_at IS NULL OR l.expires_at > ${now})) l ON l.held > 0
    )
    SELECT customer_id, rule, NULL::bigint AS entry_id, expected::float8 AS expected, actual::float8 AS actual FROM member_checks
    UNION ALL SELECT customer_id, rule, NULL, expected::float8, actual::float8 FROM orphans
    UNION ALL SELECT customer_id, rule, entry_id, expected::float8, actual::float8 FROM lot_checks
    UNION ALL SELECT customer_id, rule, entry_id, expected::float8, actual::float8 FROM debit_checks
    UNION ALL SELECT customer_id, rule, entry_id, expected::float8, actual::float8 FROM wrong_direction
    UNION ALL SELECT customer_id, rule, NULL, expected::float8, actual::float8 FROM standing_debts
    LIMIT ${limit}`.execute(db);
  return { members: Number(counts.rows[0].members), entries: Number(counts.rows[0].entries), problems: problems.rows.map((p) => ({ customer_id: p.customer_id, rule: p.rule, entry_id: p.entry_id ?? undefined, expected: p.expected, actual: p.actual })) };
}
