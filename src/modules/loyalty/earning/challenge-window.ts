import { sql, type RawBuilder } from 'kysely';

// What a challenge's goal counts in a window (start, end] of a member's purchases, the one
// rule for the engine that completes challenges (challenges.ts, per member and
// challenge in one statement) and for a refund that revokes a completion
// (refunds/challenge-revocation.ts): purchase days for a visits goal, distinct categories
// for a categories goal, a purchase counting until it is refunded in full. Each side
// passes its own SQL: column references in the engine's statement, values in the refund's.

type Operand = RawBuilder<unknown> | string | Date;

/** Days with a purchase in the window. */
export const visitsIn = (customer: Operand, start: Operand, end: Operand) => sql<number>`(SELECT count(DISTINCT p.local_date) FROM purchases p
  WHERE p.customer_id = ${customer} AND p.occurred_at > ${start} AND p.occurred_at <= ${end} AND p.refunded_minor < p.total_minor)`;

/**
 * Categories bought in the window: the window's purchases first (purchases_customer_time_amounts),
 * then each one's lines by their key. Joining the lines to the purchases the other way round
 * reads every line the member ever bought (purchase_lines' key starts with customer_id) to
 * keep the window's: a long history made every check slower. OFFSET 0 keeps the planner from
 * flattening the sub-query back into that join.
 */
export const categoriesIn = (customer: Operand, start: Operand, end: Operand) => sql<number>`(SELECT count(DISTINCT l.category) FROM purchases p
  CROSS JOIN LATERAL (SELECT l.category FROM purchase_lines l
                      WHERE l.customer_id = p.customer_id AND l.purchase_id = p.id AND l.category IS NOT NULL OFFSET 0) l
  WHERE p.customer_id = ${customer} AND p.occurred_at > ${start} AND p.occurred_at <= ${end} AND p.refunded_minor < p.total_minor)`;
