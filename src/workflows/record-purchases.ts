import { lockFreeKeys, lockKeys, withLockRoom, type Db } from '../db/index.ts';
import type { Clock } from '../shared/clock.ts';
import { AppError } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import { identityKey, type CustomerService } from '../modules/customers/index.ts';
import { isSameRequest, keptRequestOf, preparedPurchaseView, purchaseKeyLock, type CommerceService, type PreparedPurchase, type PurchaseView } from '../modules/commerce/index.ts';
import type { LoyaltyService, LoyaltySummary, ReferralOfPurchase } from '../modules/loyalty/index.ts';

// Recording purchases spans modules: resolve (or create) the customers, store the
// purchases, keep the stats, earn the loyalty points, write the outbox events — all in
// one transaction, so a crash or a retry can neither lose a purchase nor count it (or
// its points) twice. The same path serves one API call, a batch of 1,000 and a CSV
// import chunk.

export type PurchaseOutcome =
  | { index: number; status: 'created' | 'duplicate'; purchaseId: string; customerId: string; purchase?: PurchaseView; loyalty?: LoyaltySummary | null; referral?: ReferralOfPurchase }
  | { index: number; status: 'error'; error: AppError };

export interface RecordPurchasesDeps {
  db: Db;
  clock: Clock;
  customers: CustomerService;
  commerce: CommerceService;
  loyalty: LoyaltyService;
}

export async function recordPurchases(
  deps: RecordPurchasesDeps,
  inputs: unknown[],
  {
    source,
    prepared: preparedIn,
    withViews = true,
    deferContended = false,
    reviewsUntil,
  }: {
    source: string;
    prepared?: (PreparedPurchase | AppError)[];
    withViews?: boolean;
    /**
     * A large batch (the batch endpoint, an import chunk) records at once the purchases
     * whose keys no other transaction holds, and the others in a second transaction after
     * it, waiting for their keys then: concurrent batches that share a few customers run
     * side by side instead of each waiting for the whole of the one before. Costs a round
     * trip, so single purchases (groups of a few) wait for their keys instead.
     */
    deferContended?: boolean;
    /** An import chunk, in time order: the tier reviews due by then are made, not those due by now (tier-placement.ts planTiers). */
    reviewsUntil?: Date;
  },
): Promise<PurchaseOutcome[]> {
  const { db, clock, customers, commerce, loyalty } = deps;
  const prepared = preparedIn ?? (await commerce.prepare(inputs, source));
  const outcomes: PurchaseOutcome[] = new Array(prepared.length);
  const valid: { index: number; p: PreparedPurchase }[] = [];
  prepared.forEach((p, index) => {
    if (p instanceof AppError) outcomes[index] = { index, status: 'error', error: p };
    else valid.push({ index, p });
  });
  if (valid.length === 0) return outcomes;

  const now = clock.now();
  // Each purchase locks its order id and its identities until the transaction ends.
  const keys = valid.map(({ p }) => [purchaseKeyLock(p.externalId), ...p.identities.map(identityKey)]);
  const allKeys = keys.flat();
  const written = await withLockRoom(allKeys.length, () => retrying(() => db.transaction().execute(async (trx) => {
    const mine: typeof valid = [];
    const deferred: typeof valid = [];
    if (deferContended) {
      const held = await lockFreeKeys(trx, allKeys);
      valid.forEach((item, i) => (keys[i].some((k) => held.has(k)) ? deferred : mine).push(item));
    } else {
      await lockKeys(trx, allKeys);
      mine.push(...valid);
    }
    // The customers named, and their loyalty members with what accrual needs, are read
    // (and row-locked) with the keys, in the same round trip (pipeline.ts): a replay's
    // customer and member are read for nothing, but replays are rare. The next round trip
    // writes everything and commits.
    const identities = mine.flatMap(({ p }) => p.identities);
    const owners = await customers.ownersLater(trx, identities);
    const members = await loyalty.membersForAccrualLater(trx, { identities, localDates: mine.map(({ p }) => p.localDate), now });
    const known = await commerce.findKeys(trx, mine.map(({ p }) => p.externalId));

    // Outcomes decided inside the transaction are set again on a retry.
    for (const item of valid) delete outcomes[item.index];
    // A key seen before (in the store or earlier in this batch) is a retry when the body
    // is the same, and a conflict when it is not.
    const firstInBatch = new Map<string, PreparedPurchase>();
    const fresh: { index: number; p: PreparedPurchase }[] = [];
    const conflicts: { index: number; request: PreparedPurchase; earlierInBatch: PreparedPurchase | null; recordedReferralCode?: string | null }[] = [];
    const replays: { index: number; customer_id: string; id: string; code: string | null }[] = [];
    const pendingReplays: { index: number; key: string; code: string | null }[] = [];
    for (const item of mine) {
      const stored = known.get(item.p.externalId);
      const earlier = firstInBatch.get(item.p.externalId);
      const seen = stored ?? (earlier && keptRequestOf(earlier));
      if (seen && !isSameRequest(seen, item.p)) {
        conflicts.push({ index: item.index, request: item.p, earlierInBatch: stored ? null : earlier!, recordedReferralCode: stored?.referral_code });
      } else if (stored) {
        replays.push({ index: item.index, customer_id: stored.customer_id, id: stored.purchase_id, code: item.p.referralCode });
      } else if (earlier) {
        pendingReplays.push({ index: item.index, key: item.p.externalId, code: item.p.referralCode });
      } else {
        firstInBatch.set(item.p.externalId, item.p);
        fresh.push(item);
      }
    }

    // Known customers come back row-locked, so their stats are recomputed by one writer at a time.
    const resolved = await customers.resolveMany(trx, fresh.map(({ p }) => ({ identities: p.identities, profile: p.profile })), now, await owners.owners());
    const rows = fresh.map((item, i) => ({ index: item.index, prepared: item.p, customerId: resolved[i].customerId, id: newId() }));
    await commerce.insert(trx, rows, { source, now });
    // Points are part of the purchase: the POS prints them on the receipt.
    // A referral code a purchase carries is claimed there, before its points (accrual.ts).
    const accrued = await loyalty.accrue(
      trx,
      rows.map((r) => ({
        customerId: r.customerId, purchaseId: r.id, externalId: r.prepared.externalId, referralCode: r.prepared.referralCode,
        facts: {
          occurredAt: r.prepared.occurredAt, localDate: r.prepared.localDate, storeCode: r.prepared.storeCode, channel: r.prepared.channel,
          totalMinor: r.prepared.totalMinor, lines: r.prepared.lines.map((l) => ({ sku: l.sku, category: l.category, quantity: Number(l.quantity), unitPriceMinor: l.unit_price_minor })),
        },
      })),
      now,
      members,
      new Set(resolved.filter((r) => r.created).map((r) => r.customerId)),
      source,
      { reviewsUntil },
    );
    const points = accrued.receipts;

    const idByKey = new Map(rows.map((r) => [r.prepared.externalId, { customer_id: r.customerId, id: r.id }]));
    return {
      created: rows.map((r) => ({ index: r.index, customer_id: r.customerId, id: r.id, prepared: r.prepared, loyalty: points.get(r.id) ?? null, referral: accrued.referrals.get(r.id) })),
      replays: [...replays, ...pendingReplays.map((r) => ({ index: r.index, code: r.code, ...idByKey.get(r.key)! }))],
      deferred,
      conflicts,
    };
  })));

  // What differs is read for the conflicts alone, after the transaction: a purchase that is
  // new or a retry costs no statement more, and no lock is held while it is read.
  if (written.conflicts.length > 0) {
    const errors = await commerce.purchaseConflicts(written.conflicts);
    written.conflicts.forEach((c, i) => {
      outcomes[c.index] = { index: c.index, status: 'error', error: errors[i] };
    });
  }

  for (const r of written.created) {
    const purchase = withViews ? preparedPurchaseView(r.prepared, { id: r.id, customerId: r.customer_id, source }) : undefined;
    outcomes[r.index] = { index: r.index, status: 'created', purchaseId: r.id, customerId: r.customer_id, purchase, loyalty: r.loyalty, referral: r.referral };
  }
  // A replay answers with the stored purchase (it may have been refunded since). Imports
  // skip the read-back: they only count outcomes.
  const replayed = withViews ? await commerce.views(written.replays) : [];
  const receipts = withViews ? await loyalty.receipts(written.replays) : new Map<string, LoyaltySummary | null>();
  // A replay with a referral code tells where the referral stands (referralOfPurchases).
  const coded = withViews ? written.replays.flatMap((r) => (r.code ? [{ customer_id: r.customer_id, id: r.id, code: r.code }] : [])) : [];
  const referrals = coded.length ? await loyalty.referralOfPurchases(coded) : null;
  written.replays.forEach((r, i) => {
    outcomes[r.index] = { index: r.index, status: 'duplicate', purchaseId: r.id, customerId: r.customer_id, purchase: replayed[i], loyalty: receipts.get(r.id) ?? null, referral: referrals?.get(r.id) };
  });
  if (written.deferred.length > 0) {
    const later = await recordPurchases(deps, written.deferred.map((d) => inputs[d.index]), { source, prepared: written.deferred.map((d) => d.p), withViews, reviewsUntil });
    later.forEach((o, i) => {
      outcomes[written.deferred[i].index] = { ...o, index: written.deferred[i].index };
    });
  }
  return outcomes;
}

/**
 * Runs a transaction again when it failed on a race it cannot settle by waiting (a
 * member enrolled by another transaction between this one's read and its write; a
 * customer merged or erased while this one waited for the customer's lock), or when
 * PostgreSQL broke a deadlock by ending it: a referral claimed with a purchase locks the
 * referrer after the friend, and the referrer claiming the friend's code at that moment
 * locks them the other way round. The other transaction has gone on by then, so the
 * attempt again finds the locks free. Rare: at most two more attempts.
 */
export async function retrying<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= 3 || !isRetryable(error)) throw error;
    }
  }
}

/** PostgreSQL's SQLSTATE for a transaction it ended to break a deadlock. */
const DEADLOCK_DETECTED = '40P01';

const isRetryable = (error: unknown) => (error as { retryable?: boolean }).retryable === true || (error as { code?: unknown }).code === DEADLOCK_DETECTED;
