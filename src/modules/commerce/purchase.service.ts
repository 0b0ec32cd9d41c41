import { sql } from 'kysely';
import type { Actor, Db, Tx } from '../../db/index.ts';
import type { OutgoingEvent } from '../../jobs/outbox.ts';
import type { Clock } from '../../shared/clock.ts';
import { AppError, invalidField, isAppError, notFound } from '../../shared/errors.ts';
import { say } from '../../shared/messages/index.ts';
import { isUuid } from '../../shared/ids.ts';
import { toMajor } from '../../shared/money.ts';
import { parseInput } from '../../shared/validation.ts';
import { customerNotFound, customerToRead, type CustomerService, type Identity } from '../customers/index.ts';
import type { StoreService } from '../stores/index.ts';
import { keptRequestOf, prepareMany, type PreparedPurchase } from './purchase.prepare.ts';
import * as repo from './purchase.repository.ts';
import { RefundInput } from './purchase.schema.ts';
import { createRefundChecker, exportRefundId } from './refund-check.ts';
import { createRefundRecorder, type RefundHooks } from './refund-record.ts';
import { createRefundBatchRecorder, type RefundToRecord } from './refund-batch.ts';
import { describePurchaseDifference, purchaseConflict, recordedOfPrepared, type RecordedPurchase } from './purchase-difference.ts';
import { purchaseView, statsView, type PurchaseView } from './purchase.view.ts';

export interface CommerceDeps extends RefundHooks {
  db: Db;
  customers: CustomerService;
  stores: StoreService;
  clock: Clock;
  currency: string;
  timeZone: string;
}

export function createCommerceService(deps: CommerceDeps) {
  const { db, stores, clock, currency } = deps;
  // Recording a refund is refund-record.ts's: refund, recordRefund and refundUpTo answer with it.
  const recordRefundOf = createRefundRecorder(deps);
  const recordRefundsOf = createRefundBatchRecorder(deps, recordRefundOf);

  async function views(db_: Db | Tx, refs: { customer_id: string; id: string }[]): Promise<PurchaseView[]> {
    const rows = await repo.purchasesByIds(db_, refs);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const storesById = new Map((await stores.list()).map((s) => [s.id, s]));
    return refs.map((ref) => purchaseView(byId.get(ref.id)!, storesById));
  }

  return {
    prepare: (inputs: unknown[], source: string) =>
      prepareMany(inputs, { customers: deps.customers, stores, currency, timeZone: deps.timeZone, source, now: clock.now() }),

    findKeys: repo.findKeys,

    /** What has been refunded of the purchases these order ids name (refundUpTo compares the same). */
    refundedOf: (externalIds: string[]) => repo.refundedOfPurchases(db, externalIds),

    /**
     * The time zones of the purchases these references name (order ids, or Regulars ids):
     * their stores'; a purchase without a store is in the business's, and not listed.
     */
    async timeZonesOfPurchases(refs: string[]): Promise<Map<string, string>> {
      const storeIds = await repo.storesOfPurchases(db, refs);
      const zones = new Map((await stores.list()).map((st) => [st.id, st.time_zone]));
      return new Map([...storeIds].flatMap(([ref, storeId]) => {
        const zone = zones.get(storeId);
        return zone ? [[ref, zone] as const] : [];
      }));
    },

    /** Checks a file's refunds in order before any is written (createRefundChecker). */
    refundChecker: () => createRefundChecker({ db, clock, stores, timeZone: deps.timeZone }),

    /** Inserts prepared purchases for resolved customers; the caller holds their row locks. */
    async insert(trx: Tx, items: { prepared: PreparedPurchase; customerId: string; id: string }[], { source, now }: { source: string; now: Date }) {
      const rows: repo.NewPurchaseRow[] = new Array(items.length);
      const events: OutgoingEvent[] = new Array(items.length);
      for (let i = 0; i < items.length; i++) {
        const { prepared: p, customerId, id } = items[i];
        const occurredAt = p.occurredAt.toISOString();
        const kept = keptRequestOf(p);
        rows[i] = {
          customer_id: customerId, id, external_id: p.externalId, occurred_at: occurredAt, local_date: p.localDate, store_id: p.storeId,
          channel: p.channel, currency: p.currency, total_minor: p.totalMinor, discount_minor: p.discountMinor, promo_code: p.promoCode,
          source, request_hash: kept.request_hash, referral_code: kept.referral_code, lines: p.lines,
        };
        events[i] = {
          type: 'purchase.recorded',
          customerId,
          payload: {
            purchase_id: id, external_id: p.externalId, customer_id: customerId, occurred_at: occurredAt,
            store: p.storeCode, channel: p.channel, currency: p.currency, total: toMajor(p.totalMinor, p.currency), promo_code: p.promoCode,
          },
        };
      }
      await repo.insertPurchases(trx, rows, { now, events });
    },

    views: (refs: { customer_id: string; id: string }[], trx?: Tx) => views(trx ?? db, refs),

    /**
     * The 409s of purchases whose order ids were recorded with other values (or came earlier
     * in the same batch with them), each naming what differs. The recorded purchases and
     * their customers' identities are read here, for these alone: a new purchase or a retry
     * reads nothing more. Read after the transaction that found the conflict, by order id,
     * so a merge in between still finds the purchase where it is now. `recordedReferralCode`:
     * the referral code its key keeps (purchase_keys.referral_code, read with the key); undefined: not known.
     */
    async purchaseConflicts(items: { request: PreparedPurchase; earlierInBatch: PreparedPurchase | null; recordedReferralCode?: string | null }[]): Promise<AppError[]> {
      // The import asks for every chunk it checks; most have no conflict, and nothing need be read.
      if (items.length === 0) return [];
      const rows = await repo.purchasesByExternalIds(db, items.filter((c) => !c.earlierInBatch).map((c) => c.request.externalId));
      const byKey = new Map(rows.map((r) => [r.external_id, r]));
      const storesById = new Map((await stores.list()).map((s) => [s.id, s]));
      const identities = new Map<string, Promise<Identity[] | null>>();
      // An erased customer has no identities left to compare (nor a profile to read).
      const identitiesOf = (customerId: string) => {
        if (!identities.has(customerId)) {
          identities.set(customerId, deps.customers.get(customerId).then((c) => c.identities, (error: unknown) => {
            if (isAppError(error) && error.kind === 'not_found') return null;
            throw error;
          }));
        }
        return identities.get(customerId)!;
      };
      return Promise.all(items.map(async ({ request, earlierInBatch, recordedReferralCode }) => {
        const row = earlierInBatch ? undefined : byKey.get(request.externalId);
        let recorded: RecordedPurchase | undefined;
        if (earlierInBatch) recorded = recordedOfPrepared(earlierInBatch);
        else if (row) {
          recorded = {
            currency: row.currency, totalMinor: Number(row.total_minor), discountMinor: Number(row.discount_minor), occurredAt: new Date(row.occurred_at),
            storeId: row.store_id, storeCode: row.store_id ? (storesById.get(row.store_id)?.code ?? null) : null, channel: row.channel, promoCode: row.promo_code,
            lines: row.lines, customerIdentities: await identitiesOf(row.customer_id), referralCode: recordedReferralCode,
          };
        }
        if (!recorded) return purchaseConflict(request.externalId, []);
        const timeZone = (recorded.storeId ? storesById.get(recorded.storeId)?.time_zone : undefined) ?? deps.timeZone;
        return purchaseConflict(request.externalId, describePurchaseDifference({ recorded, request, timeZone }));
      }));
    },

    async get(idOrExternalId: string): Promise<PurchaseView> {
      const ref = await repo.findPurchaseRef(db, idOrExternalId, isUuid(idOrExternalId));
      if (!ref) throw notFound(say('purchase.not_found', { id: idOrExternalId }));
      return (await views(db, [{ customer_id: ref.customer_id, id: ref.purchase_id }]))[0];
    },

    /**
     * The purchases of the customer the id stands for, newest first: a merged id's are the
     * survivor's (the merge moved them there), answered under the survivor's customer_id.
     * A 404 for an unknown or erased customer (its purchases stay, anonymous, for the totals).
     */
    async listForCustomer(requested: string, { limit = 50, cursor }: { limit?: number; cursor?: string } = {}) {
      const customer = await customerToRead(db, requested);
      if (customer.status !== 'active') throw customerNotFound(requested, customer);
      const customerId = customer.id;
      const before = cursor ? decodeCursor(cursor) : undefined;
      const rows = await repo.purchasesOfCustomer(db, { customerId, limit: limit + 1, before });
      const storesById = new Map((await stores.list()).map((s) => [s.id, s]));
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      return {
        customer_id: customerId,
        items: page.map((r) => purchaseView(r, storesById)),
        next_cursor: rows.length > limit && last ? Buffer.from(JSON.stringify([new Date(last.occurred_at).toISOString(), last.id])).toString('base64url') : null,
      };
    },

    async statsOf(customerId: string) {
      const row = await db.selectFrom('customer_stats').selectAll().where('customer_id', '=', customerId).executeTakeFirst();
      return statsView(row, currency);
    },

    /** The running stats of many customers at once (a page of the customers list), each as statsOf answers it. */
    async statsOfMany(customerIds: readonly string[]): Promise<Map<string, ReturnType<typeof statsView>>> {
      const ids = [...new Set(customerIds)].filter(isUuid);
      const rows = ids.length ? await db.selectFrom('customer_stats').selectAll().where('customer_id', 'in', ids).execute() : [];
      const byId = new Map(rows.map((r) => [r.customer_id, r]));
      return new Map(ids.map((id) => [id, statsView(byId.get(id), currency)]));
    },

    /** Refunds all or part of a purchase; repeating the same refund key returns the first refund. The answer shows the purchase as it is now. */
    async refund(purchaseRef: string, input: unknown, { actor }: { actor: Actor }) {
      const outcome = await this.recordRefund(purchaseRef, input, { actor });
      const purchase = await this.get(outcome.purchaseId);
      return { created: outcome.created, refund: purchase.refunds.find((r) => r.id === outcome.refundId)!, purchase, loyalty: outcome.loyalty, coupon_uses_rolled_back: outcome.couponUses };
    },

    /** The refund alone, without reading the purchase back for an answer (the CSV import writes thousands and answers with counts). */
    async recordRefund(purchaseRef: string, input: unknown, { actor }: { actor: Actor }) {
      // Only a refund made from the purchase (refundUpTo) can find nothing to record.
      return (await recordRefundOf(purchaseRef, parseInput(RefundInput, input, 'refund'), actor))!;
    },

    /**
     * Many refunds, as a refunds file lists them, many to a transaction (refund-batch.ts):
     * each checked, written and its points taken back as recordRefund does; answers each
     * one's outcome, a refusal as the AppError recordRefund would throw.
     */
    recordRefunds: (refunds: RefundToRecord[], { actor }: { actor: Actor }) => recordRefundsOf(refunds, actor),

    /**
     * Makes a purchase's refunds add up to at least `refundedMinor` (an orders export's
     * refunded amount, imports/passes/refunded-amounts.ts): records a refund of what is missing,
     * dated at the purchase's time (the export gives no refund date), its id naming the
     * amount, or nothing when the refunds reach it already. Run again, it finds the
     * refund and records nothing; two at once record it once (the refund id's lock). The
     * order is named by its id and the currency it was recorded in (the amount's), so the
     * refund's id is known before the purchase is read: what is missing is read once, under
     * the customer's lock, where a refund through the API meanwhile is counted. Answers
     * too how many coupon uses of the order the refund gave back (it left nothing of it).
     */
    async refundUpTo(order: { externalId: string; currency: string }, refundedMinor: number, { actor }: { actor: Actor }): Promise<{ created: boolean; couponUsesRolledBack: number }> {
      const externalId = exportRefundId(order.externalId, toMajor(refundedMinor, order.currency));
      const outcome = await recordRefundOf(order.externalId, { external_id: externalId }, actor, (purchase) => (purchase.refunded_minor >= refundedMinor ? null : {
        external_id: externalId,
        amount: toMajor(refundedMinor - purchase.refunded_minor, purchase.currency),
        occurred_at: new Date(purchase.occurred_at).toISOString(),
        reason: 'refunded amount of the order export',
      }));
      // A refund recorded now that left nothing of the order gave back its coupon uses, for the import to count; a retry's were counted when it was recorded.
      return { created: outcome?.created ?? false, couponUsesRolledBack: outcome?.created ? outcome.couponUses.length : 0 };
    },

    /** The commerce part of a merge. customer_id is never updated in place: rows are copied to the survivor and the originals deleted. */
    async moveCustomer(trx: Tx, { fromId, toId, now }: { fromId: string; toId: string; now: Date }) {
      const moved = await sql<{ n: number }>`
        WITH copied AS (
          INSERT INTO purchases (customer_id, id, external_id, occurred_at, local_date, store_id, channel, currency,
                                 total_minor, discount_minor, refunded_minor, promo_code, source, created_at)
          SELECT ${toId}, id, external_id, occurred_at, local_date, store_id, channel, currency,
                 total_minor, discount_minor, refunded_minor, promo_code, source, created_at
          FROM purchases WHERE customer_id = ${fromId}
          RETURNING 1
        ) SELECT count(*)::int AS n FROM copied`.execute(trx);
      await sql`INSERT INTO purchase_lines (customer_id, purchase_id, line_no, sku, name, category, quantity, unit_price_minor)
                SELECT ${toId}, purchase_id, line_no, sku, name, category, quantity, unit_price_minor FROM purchase_lines WHERE customer_id = ${fromId}`.execute(trx);
      await sql`INSERT INTO refunds (customer_id, id, purchase_id, external_id, amount_minor, reason, lines, occurred_at, created_at)
                SELECT ${toId}, id, purchase_id, external_id, amount_minor, reason, lines, occurred_at, created_at FROM refunds WHERE customer_id = ${fromId}`.execute(trx);
      await trx.deleteFrom('purchase_lines').where('customer_id', '=', fromId).execute(); // no foreign key (migration 0007)
      await trx.deleteFrom('purchases').where('customer_id', '=', fromId).execute(); // refunds cascade
      await trx.updateTable('purchase_keys').set({ customer_id: toId }).where('customer_id', '=', fromId).execute();
      await trx.updateTable('refund_keys').set({ customer_id: toId }).where('customer_id', '=', fromId).execute();
      await trx.deleteFrom('customer_stats').where('customer_id', '=', fromId).execute();
      await repo.recomputeStats(trx, [toId], now);
      return { purchases: moved.rows[0].n };
    },

    async exportPart(customerId: string) {
      const rows = await repo.purchasesOfCustomer(db, { customerId, limit: 1_000_000 });
      const storesById = new Map((await stores.list()).map((s) => [s.id, s]));
      return { purchases: rows.map((r) => purchaseView(r, storesById)), stats: await this.statsOf(customerId) };
    },

    /** Headline numbers of the whole store (`regulars status`). */
    async totals() {
      const row = await sql<{ customers: number; purchases: number; revenue: number }>`
        SELECT (SELECT count(*) FROM customers WHERE status <> 'merged')::bigint AS customers,
               (SELECT count(*) FROM purchases)::bigint AS purchases,
               (SELECT COALESCE(sum(total_minor - refunded_minor), 0) FROM purchases)::bigint AS revenue`.execute(db);
      const { customers, purchases, revenue } = row.rows[0];
      return { customers, purchases, revenue: toMajor(revenue, currency), currency };
    },
  };
}

export type CommerceService = ReturnType<typeof createCommerceService>;

function decodeCursor(cursor: string) {
  try {
    const [occurred_at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    if (!isUuid(id)) throw new Error();
    return { occurred_at, id };
  } catch {
    throw invalidField('cursor', say('cursor.not_ours'));
  }
}
