import { sql } from 'kysely';
import { audit, lockKeys, type Actor, type Db, type Tx } from '../../db/index.ts';
import { publish } from '../../jobs/outbox.ts';
import type { Clock } from '../../shared/clock.ts';
import { AppError, conflict, invalidField, notFound } from '../../shared/errors.ts';
import { say } from '../../shared/messages/index.ts';
import { isUuid, newId } from '../../shared/ids.ts';
import { toMajor } from '../../shared/money.ts';
import { withFields } from '../../shared/objects.ts';
import type { CustomerService } from '../customers/index.ts';
import type { StoreService } from '../stores/index.ts';
import { refundKeyLock } from './purchase.prepare.ts';
import * as repo from './purchase.repository.ts';
import type { RefundInput } from './purchase.schema.ts';
import { exceedsRefundable, refundConflictOf, refundTimeProblem } from './refund-check.ts';
import { amountOfReturnedLines, linesOfPurchase, returnsOfPurchase, type PurchaseReturns } from './refund-lines.ts';
import { isHashOfRefund, refundMeaning, refundRequestHash, type RefundContext } from './refund-meaning.ts';

// Recording one refund: its transaction (the refund id's lock, then its customer's), a
// retry of a refund id answered as first recorded, the amount checked against what is left
// to refund, and the hooks of modules that must stay consistent with refunds. Every refund
// comes through here — the API's, a refunds file's, an orders export's refunded amount
// (refundUpTo) — so each is checked, locked and hooked alike; purchase.service.ts answers
// with it. Apart from the service because it is the one write of commerce that opens its
// own transaction, and runs other modules' hooks in it (onRefund).

export interface RefundFacts {
  customerId: string;
  /** The customer was erased (read with the customer's lock): nothing will credit them again. */
  customerErased: boolean;
  purchaseId: string;
  refundId: string;
  /** The refund's and the purchase's ids as the business knows them, and the refund's amount: for the ledger's explanation. */
  refundExternalId: string;
  purchaseExternalId: string;
  amount: string;
  totalMinor: number;
  /** Cumulative, this refund included. */
  refundedMinor: number;
  occurredAt: Date;
  now: Date;
  /**
   * The purchase's lines and all its refunds, this one included, read when asked: a refund
   * naming lines takes back what those lines earned, not their share of the amount.
   */
  returns: () => Promise<PurchaseReturns>;
}

/** What a refund's transaction runs of other modules, set at composition (CommerceDeps extends these). */
export interface RefundHooks {
  /**
   * Runs inside a refund's transaction, after the purchase is updated: modules that must
   * stay consistent with refunds (loyalty takes points back) hook in here at composition.
   */
  onRefund?: (trx: Tx, refund: RefundFacts) => Promise<Record<string, unknown> | null>;
  /** What `onRefund` answered for a refund recorded before, read back for a retry of it. */
  onRefundReplay?: (trx: Tx, refund: { customerId: string; refundId: string }) => Promise<Record<string, unknown> | null>;
}

/**
 * Thrown when a merge moved the purchase to the survivor while a refund waited for the
 * lock of the customer it had read: retried from the purchase's new ref (refund), or a 409
 * that the client sends again.
 */
export class PurchaseMovedMeanwhile extends AppError {
  readonly retryable = true;
  constructor(purchaseId: string) {
    super('conflict', `Purchase ${purchaseId} moved to another customer (a merge) while this refund was being written; send it again`);
  }
}

/** A refund's body made from its purchase as read under its customer's lock; null: nothing to refund. */
type RefundFromPurchase = (purchase: { refunded_minor: number; currency: string; occurred_at: Date | string }) => RefundInput | null;

/**
 * The refund path (recordRefundOf) for purchase.service.ts: a refund of the purchase named as
 * the API names it, or made from the purchase as read under its customer's lock.
 */
export function createRefundRecorder(deps: RefundHooks & { db: Db; customers: Pick<CustomerService, 'lockCustomers'>; stores: StoreService; clock: Clock; currency: string; timeZone: string }) {
  const { db, stores, clock, currency } = deps;

  /** The context a refund of this purchase is read in: its currency, its store's time zone (else the business's). */
  async function refundContextOf(purchase: { currency: string; store_id: string | null } | undefined): Promise<RefundContext> {
    const store = purchase?.store_id ? await stores.byId(purchase.store_id) : undefined;
    return { currency: purchase?.currency ?? currency, timeZone: store?.time_zone ?? deps.timeZone };
  }

  /** A refund id recorded before: the refund it named, for a retry of it, or a 409 when it was recorded with other values or for another purchase. */
  async function replayRefund(trx: Tx, ref: { purchase_id: string; external_id: string }, key: { customer_id: string; refund_id: string; request_hash: string }, data: RefundInput) {
    const earlier = await trx.selectFrom('refunds as r')
      .innerJoin('purchases as p', (j) => j.onRef('p.customer_id', '=', 'r.customer_id').onRef('p.id', '=', 'r.purchase_id'))
      .select(['r.purchase_id', 'p.currency', 'p.store_id'])
      .where('r.customer_id', '=', key.customer_id).where('r.id', '=', key.refund_id).executeTakeFirst();
    if (earlier && earlier.purchase_id !== ref.purchase_id) throw conflict(say('refund.recorded_for_other_purchase', { id: data.external_id }));
    // Read as the refund it would repeat was: in its purchase's currency and store's zone.
    const meaning = refundMeaning(data, await refundContextOf(earlier));
    if (!isHashOfRefund(key.request_hash, { purchase: { externalId: ref.external_id, id: ref.purchase_id }, data, meaning })) throw await refundConflictOf(trx, { stores, timeZone: deps.timeZone }, key, data);
    const loyalty = deps.onRefundReplay ? await deps.onRefundReplay(trx, { customerId: key.customer_id, refundId: key.refund_id }) : null;
    return { refundId: key.refund_id, created: false, loyalty };
  }

  /**
   * One attempt at a refund, in one transaction; PurchaseMovedMeanwhile when a merge moved the
   * purchase before its customer's lock was granted. With `fromPurchase` (refundUpTo), `data`
   * holds the refund's id alone, and its body is made from the purchase as read under that
   * lock — null, and nothing recorded, when it tells there is nothing to refund.
   */
  function refundOnce(ref: { customer_id: string; purchase_id: string; external_id: string }, data: RefundInput, now: Date, actor: Actor, fromPurchase?: RefundFromPurchase) {
    return db.transaction().execute(async (trx) => {
      await lockKeys(trx, [refundKeyLock(data.external_id)]);
      const existing = await trx.selectFrom('refund_keys').selectAll().where('external_id', '=', data.external_id).executeTakeFirst();
      if (existing && !fromPurchase) return replayRefund(trx, ref, existing, data);
      const statuses = await deps.customers.lockCustomers(trx, [ref.customer_id]);
      const purchase = await trx.selectFrom('purchases').select(['total_minor', 'refunded_minor', 'currency', 'store_id', 'occurred_at', 'local_date'])
        .where('customer_id', '=', ref.customer_id).where('id', '=', ref.purchase_id).executeTakeFirst();
      if (!purchase) throw new PurchaseMovedMeanwhile(ref.purchase_id);
      if (fromPurchase) {
        const made = fromPurchase(purchase);
        // Its refunds reach what it asks (this id's refund among them, when recorded before).
        if (!made) return null;
        data = made;
        // Recorded before, this id's refund did not bring them there: it was another, told as any reuse of an id.
        if (existing) return replayRefund(trx, ref, existing, data);
      }
      const context = await refundContextOf(purchase);
      const meaning = refundMeaning(data, context);
      const occurredAt = meaning.occurredAt ?? now;
      const problem = refundTimeProblem(data.occurred_at, { occurredAt: new Date(purchase.occurred_at), localDate: String(purchase.local_date), timeZone: context.timeZone }, now);
      if (problem) throw problem;
      const refundable = purchase.total_minor - purchase.refunded_minor;
      if (refundable === 0) throw invalidField('amount', say('refund.fully_refunded'));
      let returned: { amountMinor: number } | AppError | null = null;
      if (meaning.lines.length) {
        const lines = await linesOfPurchase(trx, ref);
        returned = amountOfReturnedLines(withFields(lines, {
          returned: meaning.lines, amountMinor: meaning.amountMinor, totalMinor: purchase.total_minor, currency: purchase.currency, purchase: ref.external_id,
        }));
      }
      if (returned instanceof AppError) throw returned;
      const amount = returned ? returned.amountMinor : (meaning.amountMinor ?? refundable);
      const byLines = meaning.amountMinor === null && returned !== null;
      if (amount <= 0) throw invalidField('amount', say('field.positive'));
      if (amount > refundable) throw exceedsRefundable({ byLines, amountMinor: amount, currency: purchase.currency, refundable: say('refund.refundable', { amount: toMajor(refundable, purchase.currency), currency: purchase.currency }) });
      const refundId = newId();
      await trx.insertInto('refunds').values({
        customer_id: ref.customer_id, id: refundId, purchase_id: ref.purchase_id, external_id: data.external_id,
        amount_minor: amount, reason: meaning.reason, lines: JSON.stringify(meaning.lines), occurred_at: occurredAt, created_at: now,
      }).execute();
      const requestHash = refundRequestHash(ref.external_id, meaning);
      await trx.insertInto('refund_keys').values({ external_id: data.external_id, customer_id: ref.customer_id, refund_id: refundId, request_hash: requestHash }).execute();
      await trx.updateTable('purchases').set({ refunded_minor: sql`refunded_minor + ${amount}` }).where('customer_id', '=', ref.customer_id).where('id', '=', ref.purchase_id).execute();
      await repo.recomputeStats(trx, [ref.customer_id], now);
      const loyalty = deps.onRefund
        ? await deps.onRefund(trx, {
          customerId: ref.customer_id, customerErased: statuses.get(ref.customer_id) === 'erased', purchaseId: ref.purchase_id, refundId, refundExternalId: data.external_id, purchaseExternalId: ref.external_id,
          amount: toMajor(amount, purchase.currency), totalMinor: purchase.total_minor, refundedMinor: purchase.refunded_minor + amount, occurredAt, now,
          returns: () => returnsOfPurchase(trx, ref),
        })
        : null;
      await audit(trx, { actor, action: 'purchase.refund', subject: ref.purchase_id, details: { amount: toMajor(amount, purchase.currency) } });
      await publish(trx, [{
        type: 'purchase.refunded', customerId: ref.customer_id,
        payload: { purchase_id: ref.purchase_id, refund_id: refundId, customer_id: ref.customer_id, amount: toMajor(amount, purchase.currency),
          share_of_total: amount / purchase.total_minor, fully_refunded: amount === refundable },
      }]);
      return { refundId, created: true, loyalty };
    });
  }

  /**
   * A refund, its purchase named as the API names it. A merge of the purchase's customer may
   * move the purchase (to the survivor, under another customer_id) between the read of its
   * ref and the customer's lock: the transaction then finds no purchase under the customer it
   * locked, and runs again from the ref as it is now (the survivor's), as the purchase path does.
   */
  async function recordRefundOf(purchaseRef: string, data: RefundInput, actor: Actor, fromPurchase?: RefundFromPurchase) {
    const now = clock.now();
    for (let attempt = 1; ; attempt++) {
      const ref = await repo.findPurchaseRef(db, purchaseRef, isUuid(purchaseRef));
      if (!ref) throw notFound(say('purchase.not_found', { id: purchaseRef }));
      try {
        const outcome = await refundOnce(ref, data, now, actor, fromPurchase);
        return outcome && withFields(outcome, { purchaseId: ref.purchase_id });
      } catch (error) {
        if (attempt >= 3 || !(error instanceof PurchaseMovedMeanwhile)) throw error;
      }
    }
  }

  return recordRefundOf;
}
