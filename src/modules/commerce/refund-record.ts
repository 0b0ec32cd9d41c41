import { sql } from 'kysely';
import { auditDetails, lockKeys, sendLater, type Actor, type Db, type Tx } from '../../db/index.ts';
import { publish } from '../../jobs/outbox.ts';
import type { Clock } from '../../shared/clock.ts';
import { AppError, conflict, invalidField, notFound } from '../../shared/errors.ts';
import { say } from '../../shared/messages/index.ts';
import { isUuid, newId } from '../../shared/ids.ts';
import { toMajor, moneyOfMinor } from '../../shared/money.ts';
import { withFields } from '../../shared/objects.ts';
import type { CustomerService } from '../customers/index.ts';
import type { StoreService } from '../stores/index.ts';
import { refundKeyLock } from './purchase.prepare.ts';
import * as repo from './purchase.repository.ts';
import type { RefundInput } from './purchase.schema.ts';
import { exceedsRefundable, refundConflictOf, refundTimeProblem } from './refund-check.ts';
import { amountOfReturnedLines, linesOfPurchase, returnsOfPurchase, type PurchaseReturns } from './refund-lines.ts';
import { isHashOfRefund, refundMeaning, refundRequestHash, type RefundContext, type RefundMeaning } from './refund-meaning.ts';

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
  /**
   * Whether occurredAt is fixed: the refund came with its own time, or came without one for
   * a purchase dated after now and is dated as the purchase (undatedRefundAt). Otherwise it
   * is dated `now`, as its request came.
   */
  dated: boolean;
  now: Date;
  /** Whether the refund is answered on its own (the API's): loyalty's answer then holds the member's standing after it; a file's refunds, or an export's, are counted. */
  answered: boolean;
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
  /**
   * Runs inside the transaction of refunds that left nothing of their purchases, after every
   * onRefund of it and once for all of them (a file's refunds: at the end): loyalty gives
   * back the coupon uses made on their orders, taking the coupons' locks after the
   * customers' and the members' (coupon-rollbacks.ts says the one lock order). Answers the
   * uses given back, each with its refund.
   */
  onFullRefunds?: (trx: Tx, refunds: FullRefund[], told: { actor: Actor; now: Date }) => Promise<CouponUseGivenBack[]>;
  /** The coupon uses a refund gave back (onFullRefunds), read back for a retry of it. */
  onFullRefundReplay?: (trx: Tx, refund: { refundId: string; orderRef: string }) => Promise<{ code: string; use_key: string }[]>;
}

/** A refund that left nothing of its purchase (cumulatively: the last of several partial ones too). */
export interface FullRefund { refundId: string; refundExternalId: string; purchaseId: string; orderRef: string; customerId: string }

/** A coupon use a refund gave back: the coupon's code and the use's key, as the till knows them. */
export interface CouponUseGivenBack { refundId: string; code: string; use_key: string }

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

/** What the refund path's steps need (createRefundSteps): the recorder's and the batch's. */
export type RefundRecorderDeps = RefundHooks & { db: Db; customers: Pick<CustomerService, 'lockCustomers'>; stores: StoreService; clock: Clock; currency: string; timeZone: string };

/** A purchase as its refund reads it, under its customer's lock. */
export interface PurchaseToRefund { total_minor: number; refunded_minor: number; currency: string; store_id: string | null; occurred_at: Date | string; local_date: string }

/**
 * When a refund sent without a time is dated: as its request came, but never before its
 * purchase — a purchase may be dated up to a day ahead (a till's clock running ahead,
 * FUTURE_ALLOWANCE_MS), and a refund dated now read as made before the sale it refunds,
 * which one dated so explicitly is refused for (refundTimeProblem).
 */
function undatedRefundAt(purchase: PurchaseToRefund, now: Date): Date {
  const bought = new Date(purchase.occurred_at);
  return bought > now ? bought : now;
}

/** A refund checked against its purchase: what it takes, and when. */
interface CheckedRefund { amount: number; refundable: number; meaning: RefundMeaning; occurredAt: Date }

/** A purchase's reference as the refund path names it: its customer, its id, its order id. */
export interface PurchaseRef { customer_id: string; purchase_id: string; external_id: string }

/**
 * The steps of recording a refund, in the order a transaction runs them: shared by one
 * refund in its own transaction (createRefundRecorder) and a file's refunds, many in one
 * (refund-batch.ts), so both check, write and hook alike. `check` throws its refusals
 * before anything of the refund is written; the steps after it refuse nothing.
 */
export function createRefundSteps(deps: RefundRecorderDeps) {
  const { stores, currency } = deps;

  /** The context a refund of this purchase is read in: its currency, its store's time zone (else the business's); read in the refund's transaction. */
  async function refundContextOf(trx: Tx, purchase: { currency: string; store_id: string | null } | undefined): Promise<RefundContext> {
    const store = purchase?.store_id ? await stores.byId(purchase.store_id, trx) : undefined;
    return { currency: purchase?.currency ?? currency, timeZone: store?.time_zone ?? deps.timeZone };
  }

  return {
    /**
     * A refund id recorded before: the refund it named, for a retry of it, or a 409 when it
     * was recorded with other values or for another purchase. `answer: false` (an import,
     * which answers with counts): loyalty's answer is not read back.
     */
    async replay(trx: Tx, ref: { purchase_id: string; external_id: string }, key: { customer_id: string; refund_id: string; request_hash: string }, data: RefundInput, { answer = true } = {}) {
      const earlier = await trx.selectFrom('refunds as r')
        .innerJoin('purchases as p', (j) => j.onRef('p.customer_id', '=', 'r.customer_id').onRef('p.id', '=', 'r.purchase_id'))
        .select(['r.purchase_id', 'p.external_id as purchase_external_id', 'p.currency', 'p.store_id'])
        .where('r.customer_id', '=', key.customer_id).where('r.id', '=', key.refund_id).executeTakeFirst();
      if (earlier && earlier.purchase_id !== ref.purchase_id) throw conflict(say('refund.recorded_for_other_purchase', { id: data.external_id, purchase: earlier.purchase_external_id ?? earlier.purchase_id }));
      // Read as the refund it would repeat was: in its purchase's currency and store's zone.
      const meaning = refundMeaning(data, await refundContextOf(trx, earlier));
      if (!isHashOfRefund(key.request_hash, { purchase: { externalId: ref.external_id, id: ref.purchase_id }, data, meaning })) throw await refundConflictOf(trx, { stores, timeZone: deps.timeZone }, key, data);
      const loyalty = answer && deps.onRefundReplay ? await deps.onRefundReplay(trx, { customerId: key.customer_id, refundId: key.refund_id }) : null;
      // What it gave back, read back: a retry gives nothing back again (those uses are rolled back, by this refund).
      const couponUses = answer && deps.onFullRefundReplay ? await deps.onFullRefundReplay(trx, { refundId: key.refund_id, orderRef: ref.external_id }) : [];
      return { refundId: key.refund_id, created: false, loyalty, couponUses };
    },

    /** The refund checked against its purchase as read under its customer's lock (and the refunds before it in the transaction); throws its refusal, having written nothing. */
    async check(trx: Tx, ref: PurchaseRef, data: RefundInput, purchase: PurchaseToRefund, now: Date): Promise<CheckedRefund> {
      const context = await refundContextOf(trx, purchase);
      const meaning = refundMeaning(data, context);
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
      if (amount > refundable) throw exceedsRefundable({ byLines, amountMinor: amount, currency: purchase.currency, refundable: say('refund.refundable', { amount: moneyOfMinor(refundable, purchase.currency) }) });
      return { amount, refundable, meaning, occurredAt: meaning.occurredAt ?? undatedRefundAt(purchase, now) };
    },

    /**
     * Writes the checked refund: the refund, its key, the purchase's refunded amount — one
     * statement, sent with the transaction's next (pipeline.ts): nothing waits for it, and
     * what reads the purchase's refunds after it in the transaction finds this one there.
     * Answers the refund's id and its key as refund_keys holds it.
     */
    async write(trx: Tx, ref: PurchaseRef, data: RefundInput, checked: CheckedRefund, now: Date) {
      const refundId = newId();
      const requestHash = refundRequestHash(ref.external_id, checked.meaning);
      await sendLater(trx, sql`
        WITH refund AS (
          INSERT INTO refunds (customer_id, id, purchase_id, external_id, amount_minor, reason, lines, occurred_at, created_at)
          VALUES (${ref.customer_id}, ${refundId}, ${ref.purchase_id}, ${data.external_id}, ${checked.amount}, ${checked.meaning.reason},
                  ${JSON.stringify(checked.meaning.lines)}::jsonb, ${checked.occurredAt}, ${now})
        ), refund_key AS (
          INSERT INTO refund_keys (external_id, customer_id, refund_id, request_hash) VALUES (${data.external_id}, ${ref.customer_id}, ${refundId}, ${requestHash})
        )
        UPDATE purchases SET refunded_minor = refunded_minor + ${checked.amount} WHERE customer_id = ${ref.customer_id} AND id = ${ref.purchase_id}`);
      return { refundId, key: { customer_id: ref.customer_id, refund_id: refundId, request_hash: requestHash } };
    },

    /** Loyalty's hook on the written refund (its answer: the points taken back), with the facts it reads; `purchase` as read before this refund. */
    hook(trx: Tx, { ref, data, purchase, checked, refundId, erased, now, answered }: {
      ref: PurchaseRef; data: RefundInput; purchase: PurchaseToRefund; checked: CheckedRefund; refundId: string; erased: boolean; now: Date; answered: boolean;
    }) {
      if (!deps.onRefund) return Promise.resolve(null);
      return deps.onRefund(trx, {
        customerId: ref.customer_id, customerErased: erased, purchaseId: ref.purchase_id, refundId, refundExternalId: data.external_id, purchaseExternalId: ref.external_id,
        amount: toMajor(checked.amount, purchase.currency), totalMinor: purchase.total_minor, refundedMinor: purchase.refunded_minor + checked.amount, occurredAt: checked.occurredAt, dated: checked.meaning.occurredAt !== null || checked.occurredAt > now, now, answered,
        returns: () => returnsOfPurchase(trx, ref),
      });
    },

    /**
     * The coupon uses made on the orders of these refunds given back (onFullRefunds), each
     * having left nothing of its purchase: run once a transaction's refunds are all written
     * and hooked, so a file's refunds take the coupons' locks together, in code order.
     */
    async giveBackCouponUses(trx: Tx, full: FullRefund[], told: { actor: Actor; now: Date }): Promise<CouponUseGivenBack[]> {
      return full.length && deps.onFullRefunds ? deps.onFullRefunds(trx, full, told) : [];
    },

    /** The audit entry and the event of a written refund (written after its hook, several refunds' at once by the batch). */
    told(ref: PurchaseRef, purchase: PurchaseToRefund, checked: CheckedRefund, refundId: string, { actor, now }: { actor: Actor; now: Date }) {
      const amount = toMajor(checked.amount, purchase.currency);
      return {
        // Dated by the services' clock, as db/audit.ts dates every entry.
        audit: { actor, action: 'purchase.refund', subject: ref.purchase_id, details: JSON.stringify(auditDetails({ amount })), at: now },
        event: {
          type: 'purchase.refunded' as const, customerId: ref.customer_id,
          payload: { purchase_id: ref.purchase_id, refund_id: refundId, customer_id: ref.customer_id, amount, share_of_total: checked.amount / purchase.total_minor, fully_refunded: checked.amount === checked.refundable },
        },
      };
    },
  };
}

/** A refund that left nothing of its purchase, as onFullRefunds takes it. */
export function fullRefund(ref: PurchaseRef, data: RefundInput, refundId: string): FullRefund {
  return { refundId, refundExternalId: data.external_id, purchaseId: ref.purchase_id, orderRef: ref.external_id, customerId: ref.customer_id };
}

/**
 * The refund path (recordRefundOf) for purchase.service.ts: a refund of the purchase named as
 * the API names it, or made from the purchase as read under its customer's lock.
 */
export function createRefundRecorder(deps: RefundRecorderDeps) {
  const { db, clock } = deps;
  const steps = createRefundSteps(deps);

  /**
   * One attempt at a refund, in one transaction; PurchaseMovedMeanwhile when a merge moved the
   * purchase before its customer's lock was granted. With `fromPurchase` (refundUpTo), `data`
   * holds the refund's id alone, and its body is made from the purchase as read under that
   * lock — null, and nothing recorded, when it tells there is nothing to refund.
   */
  function refundOnce(ref: PurchaseRef, data: RefundInput, now: Date, actor: Actor, fromPurchase?: RefundFromPurchase) {
    return db.transaction().execute(async (trx) => {
      await lockKeys(trx, [refundKeyLock(data.external_id)]);
      const existing = await trx.selectFrom('refund_keys').selectAll().where('external_id', '=', data.external_id).executeTakeFirst();
      if (existing && !fromPurchase) return steps.replay(trx, ref, existing, data);
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
        if (existing) return steps.replay(trx, ref, existing, data);
      }
      const checked = await steps.check(trx, ref, data, purchase, now);
      const { refundId } = await steps.write(trx, ref, data, checked, now);
      await repo.recomputeStats(trx, [ref.customer_id], now);
      // A refund made from the purchase (refundUpTo: an orders export's) is counted, not answered: the member's standing is not read for it.
      const loyalty = await steps.hook(trx, { ref, data, purchase, checked, refundId, erased: statuses.get(ref.customer_id) === 'erased', now, answered: !fromPurchase });
      const full = purchase.refunded_minor + checked.amount === purchase.total_minor;
      const given = full ? await steps.giveBackCouponUses(trx, [fullRefund(ref, data, refundId)], { actor, now }) : [];
      const { audit, event } = steps.told(ref, purchase, checked, refundId, { actor, now });
      await trx.insertInto('audit_log').values(audit).execute();
      await publish(trx, [event]);
      return { refundId, created: true, loyalty, couponUses: given.map(({ code, use_key }) => ({ code, use_key })) };
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
