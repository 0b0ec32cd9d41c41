import { sql } from 'kysely';
import { lockKeys, type Actor, type Tx } from '../../db/index.ts';
import { publish } from '../../jobs/outbox.ts';
import { AppError, isAppError, notFound } from '../../shared/errors.ts';
import { isUuid } from '../../shared/ids.ts';
import { say } from '../../shared/messages/index.ts';
import { parseInput } from '../../shared/validation.ts';
import { refundKeyLock } from './purchase.prepare.ts';
import * as repo from './purchase.repository.ts';
import { RefundInput } from './purchase.schema.ts';
import { createRefundSteps, fullRefund, PurchaseMovedMeanwhile, type FullRefund, type PurchaseRef, type PurchaseToRefund, type RefundRecorderDeps } from './refund-record.ts';

// A file's refunds, many in one transaction. One refund in its own transaction (as through
// the API) costs some 25 statements, each a round trip, and a commit: on a busy machine a
// tester's 105 refunds took 10 s, where 315 purchases, recorded 500 to a transaction, took
// 0.4 s. And four refunds at a time, each its own transaction, waited for each other's
// customer lock whenever they shared a customer, as a till's list of returns does customer
// after customer. Here the refunds of a customer go into one transaction with other
// customers' (up to REFUNDS_PER_TRANSACTION), which reads their refund ids, locks and
// purchases once; each refund is checked, written and hooked by the same steps as one
// through the API (refund-record.ts createRefundSteps), in the file's order within its
// customer; the customers' stats, the audit and the events are written once at the end,
// as are the coupon uses given back for the refunds that left nothing of their purchases
// (their coupons locked together, in code order, after every customer and member).
// Two transactions at once never share a customer.
//
// Exactly once as before: a transaction commits its refunds with their ids, or none of them,
// so a re-run after a crash finds the committed ones and writes the rest. A refund refused
// by its check (a refund through the API took what was left meanwhile) has written nothing,
// and the others go on. Anything else that fails a transaction (a merge that moved a
// purchase, a hook's refusal, a deadlock) rolls all of it back, and its refunds are written
// again one at a time, each in its own transaction, as through the API.

/** Refunds in one transaction: each holds its refund id's lock (an advisory lock) and its customer's until the commit. */
const REFUNDS_PER_TRANSACTION = 100;
/** Transactions at once (never sharing a customer). */
const TRANSACTIONS_IN_FLIGHT = 2;

/** A refund to record: its purchase as the API names it, its body as the API takes it. */
export interface RefundToRecord {
  purchase: string;
  input: unknown;
}

/** Per refund: recorded now (with the coupon uses it gave back, when it left nothing of its purchase and there were some), found recorded before (the same refund), or refused. */
export type RefundRecorded = { created: boolean; couponUsesRolledBack?: number } | AppError;

interface Item {
  index: number;
  ref: PurchaseRef;
  data: RefundInput;
}

/**
 * The batch path for purchase.service.ts (recordRefunds). `recordOne` is the recorder of
 * one refund (refund-record.ts recordRefundOf), for a transaction's refunds written again
 * one at a time.
 */
export function createRefundBatchRecorder(deps: RefundRecorderDeps, recordOne: (purchaseRef: string, data: RefundInput, actor: Actor) => Promise<{ created: boolean; couponUses?: unknown[] } | null>) {
  const { db, clock } = deps;
  const steps = createRefundSteps(deps);

  /** Each reference's purchase, read as findPurchaseRef reads one: an order id first, then a Regulars id. */
  async function purchaseRefs(refs: string[]): Promise<Map<string, PurchaseRef>> {
    const found = new Map<string, PurchaseRef>();
    if (refs.length === 0) return found;
    const ids = [...new Set(refs.filter(isUuid).map((r) => r.toLowerCase()))];
    const rows = await db.selectFrom('purchase_keys').select(['customer_id', 'purchase_id', 'external_id'])
      .where((eb) => eb.or([
        eb('external_id', '=', sql<string>`ANY(${refs}::text[])`),
        ...(ids.length ? [eb('purchase_id', '=', sql<string>`ANY(${ids}::uuid[])`)] : []),
      ])).execute();
    const wanted = new Set(refs);
    for (const r of rows) if (wanted.has(r.external_id)) found.set(r.external_id, r);
    const byId = new Map(rows.map((r) => [r.purchase_id, r]));
    for (const ref of refs) if (!found.has(ref) && isUuid(ref) && byId.has(ref.toLowerCase())) found.set(ref, byId.get(ref.toLowerCase())!);
    return found;
  }

  /** One transaction's refunds (sorted by customer, the file's order within each), each refused or recorded into `outcomes`. */
  function recordTogether(items: Item[], actor: Actor, outcomes: RefundRecorded[]) {
    const now = clock.now();
    return db.transaction().execute(async (trx) => {
      await lockKeys(trx, items.map((it) => refundKeyLock(it.data.external_id)));
      const ids = items.map((it) => it.data.external_id);
      const keys = new Map<string, { customer_id: string; refund_id: string; request_hash: string }>((await trx.selectFrom('refund_keys').select(['external_id', 'customer_id', 'refund_id', 'request_hash'])
        .where('external_id', '=', sql<string>`ANY(${ids}::text[])`).execute()).map((k) => [k.external_id, k]));
      const statuses = await deps.customers.lockCustomers(trx, items.map((it) => it.ref.customer_id));
      const purchases = await purchasesOf(trx, items.map((it) => it.ref));
      const told: ReturnType<typeof steps.told>[] = [];
      const customers = new Set<string>();
      const full: FullRefund[] = [];
      const indexOfRefund = new Map<string, number>();
      for (const { index, ref, data } of items) {
        const key = keys.get(data.external_id);
        const purchase = purchases.get(`${ref.customer_id}:${ref.purchase_id}`);
        let checked;
        try {
          if (key) {
            await steps.replay(trx, ref, key, data, { answer: false });
            outcomes[index] = { created: false };
            continue;
          }
          if (!purchase) throw new PurchaseMovedMeanwhile(ref.purchase_id);
          checked = await steps.check(trx, ref, data, purchase, now);
        } catch (error) {
          // Refused before anything of it was written: the others go on.
          if (!isAppError(error) || error instanceof PurchaseMovedMeanwhile) throw error;
          outcomes[index] = error;
          continue;
        }
        const written = await steps.write(trx, ref, data, checked, now);
        // A later row of the same refund id is a retry of this one.
        keys.set(data.external_id, written.key);
        await steps.hook(trx, { ref, data, purchase: purchase!, checked, refundId: written.refundId, erased: statuses.get(ref.customer_id) === 'erased', now, answered: false });
        told.push(steps.told(ref, purchase!, checked, written.refundId, { actor, now }));
        purchase!.refunded_minor += checked.amount;
        if (purchase!.refunded_minor === purchase!.total_minor) {
          full.push(fullRefund(ref, data, written.refundId));
          indexOfRefund.set(written.refundId, index);
        }
        customers.add(ref.customer_id);
        outcomes[index] = { created: true };
      }
      const givenBy = new Map<string, number>();
      for (const given of await steps.giveBackCouponUses(trx, full, { actor, now })) givenBy.set(given.refundId, (givenBy.get(given.refundId) ?? 0) + 1);
      for (const [refundId, couponUsesRolledBack] of givenBy) outcomes[indexOfRefund.get(refundId)!] = { created: true, couponUsesRolledBack };
      await repo.recomputeStats(trx, [...customers], now);
      if (told.length) await trx.insertInto('audit_log').values(told.map((t) => t.audit)).execute();
      await publish(trx, told.map((t) => t.event));
    });
  }

  /** The purchases of these refs, as a refund reads them under their customers' locks. */
  async function purchasesOf(trx: Tx, refs: PurchaseRef[]): Promise<Map<string, PurchaseToRefund>> {
    const rows = await trx.selectFrom('purchases').select(['customer_id', 'id', 'total_minor', 'refunded_minor', 'currency', 'store_id', 'occurred_at', 'local_date'])
      .where(sql<boolean>`(customer_id, id) IN (SELECT * FROM unnest(${refs.map((r) => r.customer_id)}::uuid[], ${refs.map((r) => r.purchase_id)}::uuid[]))`).execute();
    return new Map(rows.map((p) => [`${p.customer_id}:${p.id}`, p]));
  }

  /** A transaction's refunds written again one at a time, each in its own transaction (see above). */
  async function recordOneByOne(items: Item[], actor: Actor, outcomes: RefundRecorded[], refs: string[]) {
    for (const { index, data } of items) {
      try {
        const recorded = await recordOne(refs[index], data, actor);
        const given = recorded?.created ? (recorded.couponUses?.length ?? 0) : 0;
        outcomes[index] = given > 0 ? { created: true, couponUsesRolledBack: given } : { created: Boolean(recorded?.created) };
      } catch (error) {
        if (!isAppError(error)) throw error;
        outcomes[index] = error;
      }
    }
  }

  /**
   * Records refunds in order: those of one purchase (of one customer) one after another, as
   * listed; answers each one's outcome. A failure that is no refund's refusal (the database
   * gone) is thrown, the transactions committed before it kept.
   */
  return async function recordRefunds(refunds: RefundToRecord[], actor: Actor): Promise<RefundRecorded[]> {
    const outcomes: RefundRecorded[] = new Array(refunds.length);
    const refs = refunds.map((r) => r.purchase);
    const found = await purchaseRefs([...new Set(refs.filter(Boolean))]);
    const byCustomer = new Map<string, Item[]>();
    refunds.forEach((r, index) => {
      try {
        const data = parseInput(RefundInput, r.input, 'refund');
        const ref = found.get(r.purchase);
        if (!ref) throw notFound(say('purchase.not_found', { id: r.purchase }));
        const items = byCustomer.get(ref.customer_id);
        if (items) items.push({ index, ref, data });
        else byCustomer.set(ref.customer_id, [{ index, ref, data }]);
      } catch (error) {
        if (!isAppError(error)) throw error;
        outcomes[index] = error;
      }
    });
    // Customers in id order: each transaction then locks its members in the order every
    // lock of several takes them. A customer with more refunds than a transaction holds
    // has them in transactions one after another (a lane): never two of its at once.
    const lanes: Item[][][] = [];
    let open: Item[] = [];
    for (const id of [...byCustomer.keys()].sort()) {
      const items = byCustomer.get(id)!;
      if (items.length > REFUNDS_PER_TRANSACTION) {
        const lane: Item[][] = [];
        for (let i = 0; i < items.length; i += REFUNDS_PER_TRANSACTION) lane.push(items.slice(i, i + REFUNDS_PER_TRANSACTION));
        lanes.push(lane);
        continue;
      }
      if (open.length + items.length > REFUNDS_PER_TRANSACTION) {
        lanes.push([open]);
        open = [];
      }
      open.push(...items);
    }
    if (open.length) lanes.push([open]);
    let failure: unknown;
    const worker = async () => {
      for (let lane = lanes.shift(); lane && !failure; lane = lanes.shift()) {
        for (const items of lane) {
          if (failure) return;
          try {
            await recordTogether(items, actor, outcomes);
          } catch {
            try {
              await recordOneByOne(items, actor, outcomes, refs);
            } catch (error) {
              failure ??= error;
            }
          }
        }
      }
    };
    await Promise.all(Array.from({ length: TRANSACTIONS_IN_FLIGHT }, worker));
    if (failure) throw failure;
    return outcomes;
  };
}
