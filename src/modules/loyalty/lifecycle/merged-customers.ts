import { sql } from 'kysely';
import type { Db, Tx } from '../../../db/index.ts';
import { notFound } from '../../../shared/errors.ts';
import { say } from '../../../shared/messages/index.ts';
import { isUuid } from '../../../shared/ids.ts';
import { customerNotFound, customerToRead, mergeChainEnds, personIdsQuery } from '../../customers/index.ts';

// A merge (workflows/customer-lifecycle.ts) leaves the merged customer's row behind, status
// 'merged' and merged_into the survivor, possibly in chains (A → B → C). Its ledger is
// closed and its coupons, uses, gift cards, referrals, challenge progress and tier history
// are the survivor's. So a loyalty writer given a customer id first asks which active
// customer the id stands for, and writes there. The policy per entry point:
//
// Followed to the survivor (the caller cannot know about the merge: a till, the member's
// app, an integration, a job queued before the merge):
// - rewards: redeemReward, reserve, capture, release, useCoupon (customer_id),
//   issueGiftCard (customer_id). An idempotency key used before the merge under the
//   merged id still answers its first result (keys are looked up in every ledger of the
//   person: keysTakenAcrossMerges, and the request hashes keep the id as the caller sent it).
// - engagement: claimReferral (the friend, and the code's owner, read again under the
//   lock), referralCode, rewardReferrer, revokeReferrerBonus (referral-revocation.ts: the
//   bonus taken back where a merge moved it), evaluateChallenges(Many), profileCompletion(Many),
//   surveyBonus; maintenance: birthdays. A bonus is once per person: its key is looked up
//   across the merged ledgers, so a referrer's bonus paid to A is not paid to B again, nor
//   a second birthday bonus in a year when A had one.
// Refused with 404 "Customer A (merged into B) not found" (staff acting on a specific id):
// - adjust and enrol (staff-actions.ts requireWritableCustomer).
// Not about a customer: chargeGiftCard (by the card's code; the card moved with the merge).
// Reads a member's app or a till makes are followed too (readableCustomer), so a
// client holding a merged id sees the account the person has now, not the closed one:
// account, tierHistory, couponsOf, giftCardsOf, the rewards catalogue for a customer. The
// HTTP routes name the survivor's URL in Content-Location. The customer record itself
// (customers module) still answers the merged id as merged.
//
// An erased customer is nobody any more: every loyalty read and write answers their id as
// GET /customers/{id} does, 404 "Customer … not found" with erased_at (customerNotFound,
// thrown by readableCustomer, requireActiveCustomer, the redemption's and the
// reservation's own look-ups), and so does the
// rewards catalogue asked for it, as for an unknown id. QA F10: the
// account answered 200 with the erased ledger, a redemption 409 "not enough points".
// Their ledger stays, under the anonymous id, for the report and verify.
//
// The active end is row-locked FOR SHARE, customers before members as every writer: a
// merge (which locks both customers FOR UPDATE) either waits for the writer, whose records
// it then moves, or commits first, and the writer's lock returns the row as merged and is
// followed again. Only the end is locked: the rows of the chain are read without a lock
// (a merged row never becomes active again), so an erasure of the survivor, which
// updates the merged rows under the survivor's lock, never waits on this in a cycle.

/** The active end of a customer id's merge chain (or where the chain ends: an erased customer). */
export interface ActiveCustomer {
  /** The customer the id stands for now: the id itself unless it was merged. */
  id: string;
  status: string;
  /** When the customer's personal data was erased (status 'erased'), for the 404 (customerNotFound). */
  erasedAt: Date | null;
  /** The id asked for. */
  requested: string;
}

// Rounds of following a merge that committed while the lock was awaited.
const MAX_ROUNDS = 100;

/**
 * For each id, the customer it stands for after merges, row-locked (shared) for the rest of
 * the transaction, in customer-id order. Ids of no customer (or not uuids) are absent.
 * `forUpdate`: exclusive, for writers that must take turns per customer (a referral claim).
 */
export async function lockActiveCustomers(trx: Tx, ids: string[], { forUpdate = false }: { forUpdate?: boolean } = {}): Promise<Map<string, ActiveCustomer>> {
  const out = new Map<string, ActiveCustomer>();
  // start: the id asked for; from: where the look-up continues.
  let pending = [...new Set(ids.filter(isUuid))].map((id) => ({ start: id, from: id }));
  for (let round = 0; pending.length > 0; round++) {
    if (round === MAX_ROUNDS) throw new Error('loyalty: customers kept being merged while being locked');
    const rows = await sql<{ start: string; id: string; status: string; merged_into: string | null; erased_at: Date | string | null }>`
      WITH RECURSIVE ${mergeChainEnds(pending.map((p) => p.start), pending.map((p) => p.from))}
      SELECT e.start, c.id, c.status, c.merged_into, c.erased_at FROM ends e JOIN customers c ON c.id = e.id
      ORDER BY c.id ${forUpdate ? sql`FOR UPDATE OF c` : sql`FOR SHARE OF c`}`.execute(trx);
    const again: typeof pending = [];
    for (const r of rows.rows) {
      // Merged while this waited for the lock: the merge committed, follow it.
      if (r.status === 'merged' && r.merged_into) again.push({ start: r.start, from: r.merged_into });
      else out.set(r.start, { id: r.id, status: r.status, erasedAt: r.erased_at === null ? null : new Date(r.erased_at), requested: r.start });
    }
    pending = again;
  }
  return out;
}

/** lockActiveCustomers for one id; undefined: no such customer. */
export async function lockActiveCustomer(trx: Tx, id: string, options?: { forUpdate?: boolean }): Promise<ActiveCustomer | undefined> {
  return (await lockActiveCustomers(trx, [id], options)).get(id);
}

/** The same, and a 404 for an id of no customer, or of one erased (as GET /customers/{id} answers it: nobody to give anything to). */
export async function requireActiveCustomer(trx: Tx, id: string): Promise<ActiveCustomer> {
  const found = await lockActiveCustomer(trx, id);
  if (!found || found.status === 'erased') throw customerNotFound(id, found);
  return found;
}

/** The refusal of a staff write naming a merged id: the survivor's id is in the message. */
export function mergedNotFound(c: ActiveCustomer) {
  return notFound(say('customer.not_found_merged', { id: c.requested, survivor: c.id }), { merged_into: c.id });
}

/**
 * Without locks: the customer each id stands for after merges (ids of no customer map to
 * themselves). For a batch's pre-check; the write re-checks under lockActiveCustomers.
 */
export async function activeIds(db: Db | Tx, ids: string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter(isUuid))];
  const out = new Map(ids.map((id) => [id, id]));
  if (wanted.length === 0) return out;
  const rows = await sql<{ start: string; id: string }>`
    WITH RECURSIVE ${mergeChainEnds(wanted, wanted)}
    SELECT start, id FROM ends`.execute(db);
  for (const r of rows.rows) out.set(r.start, r.id);
  return out;
}

/**
 * Which of these (customer, idempotency key) pairs already have an entry in the ledger of
 * the customer or of any customer merged into it (personIdsQuery): the
 * person was given that bonus, or made that redemption, under one of their ids. Answers
 * the pairs as `${customerId} ${key}`.
 */
export async function keysTakenAcrossMerges(trx: Db | Tx, pairs: { customerId: string; key: string }[]): Promise<Set<string>> {
  if (pairs.length === 0) return new Set();
  const rows = await sql<{ customer_id: string; key: string }>`
    SELECT DISTINCT q.customer_id, q.key
    FROM unnest(${pairs.map((p) => p.customerId)}::uuid[], ${pairs.map((p) => p.key)}::text[]) AS q(customer_id, key)
    JOIN loyalty_entries e ON e.customer_id IN ${personIdsQuery(sql.ref('q.customer_id'))} AND e.idempotency_key = q.key`.execute(trx);
  return new Set(rows.rows.map((r) => `${r.customer_id} ${r.key}`));
}

/**
 * The customer an id stands for, to read what they hold (customerToRead: a merged id
 * answers the survivor). An unknown id is a 404, and so is an erased customer's, as
 * GET /customers/{id} answers it. `known`: the id's row, when the caller read it already.
 */
export async function readableCustomer(db: Db | Tx, requested: string, known?: { status: string; merged_into: string | null }): Promise<{ id: string; status: string }> {
  const customer = await customerToRead(db, requested, known);
  if (customer.status === 'erased') throw customerNotFound(requested, customer);
  return customer;
}

/**
 * The records a customer holds (their coupons, their gift cards) for the customer an id
 * stands for, and that customer's id: a merged id answers the survivor's (a merge moved
 * the merged customer's records there); an unknown or erased one is a 404 (readableCustomer).
 */
export async function recordsOfCustomer<R>(db: Db, requested: string, read: (customerId: string) => Promise<R[]>): Promise<{ customerId: string; rows: R[] }> {
  const customer = await readableCustomer(db, requested);
  return { customerId: customer.id, rows: await read(customer.id) };
}
