import { setTimeout as sleep } from 'node:timers/promises';
import type { Db } from '../../../db/index.ts';
import * as repo from './rollup.repository.ts';
import { daysBetweenDates } from '../../../shared/clock.ts';
import { LONGEST_WINDOW_DAYS, slotStart, windowCounts, type RollupWindow, type WindowCounts } from './rollup.ts';

// Keeps the purchase-day rollup equal to the purchases, at read time: before answering,
// a read applies every change since the last read. The outbox is the list of changes:
// every write to purchases (a purchase, a refund, a merge) commits an event naming the
// customer in the same transaction, so recounting the customers of the events after the
// watermark brings the rollup to the purchases as they are now — the answer is the live
// computation's, never a stale one. Recounting is idempotent (a customer's row is
// replaced, not added to), so an event seen twice does no harm. Nothing is written on the
// purchase path. The events table must keep the events after the watermark: the nightly
// pruning (src/workflows/prune-events.ts) asks for it (rollupEventsRead).

/** A customer recount statement's size: bounded memory after a large import. */
const RECOUNT_CHUNK = 5_000;

export interface CatchUpResult {
  rebuilt: boolean;
  /** Over all steps: a customer whose events fell in two steps counts twice. */
  customersRecounted: number;
  /** Transactions the catch-up took (eventsPerStep). */
  steps: number;
}

export interface CatchUpOptions {
  rebuild?: boolean;
  /**
   * Events applied per transaction, the last step taking the rest. The scheduled catch-up
   * goes in steps with a pause between them (`pauseMs`), so that a minute of heavy sales
   * does not take a core from the requests in one go: at 1,300 purchases a second a minute
   * names some 60,000 customers, seconds of PostgreSQL's work (39–47 µs a customer, session
   * 15). Each step is whole: its events are final, their customers recounted, and the
   * watermark moves past them in the same transaction. A read catches up at once.
   */
  eventsPerStep?: number;
  pauseMs?: number;
}

/**
 * Brings the rollup up to date: built from every purchase the first time, then the
 * customers of the events since the last catch-up recounted.
 */
export async function catchUpPurchaseRollup(db: Db, { rebuild = false, eventsPerStep = Infinity, pauseMs = 0 }: CatchUpOptions = {}): Promise<CatchUpResult> {
  let customersRecounted = 0;
  for (let steps = 1; ; steps++) {
    const step = await db.transaction().execute(async (trx) => {
      const { eventsAppliedThrough } = await repo.lockRollup(trx);
      const finalThrough = await repo.finalEventsThrough(trx);
      if (rebuild || eventsAppliedThrough === null) {
        await repo.emptyRollup(trx);
        await repo.recountCustomers(trx, null);
        await repo.advanceWatermark(trx, finalThrough, true);
        return { rebuilt: true, recounted: 0, last: true };
      }
      // A step short of the final events takes those up to its bound, all final; the last
      // takes every event after the watermark, final or not (one that is not yet is
      // recounted again next time), and moves the watermark to the final ones' end.
      const bound = eventsAppliedThrough + eventsPerStep;
      const last = bound >= finalThrough;
      const customers = await repo.customersOfEventsAfter(trx, eventsAppliedThrough, last ? null : bound);
      for (let i = 0; i < customers.length; i += RECOUNT_CHUNK) await repo.recountCustomers(trx, customers.slice(i, i + RECOUNT_CHUNK));
      await repo.advanceWatermark(trx, last ? Math.max(eventsAppliedThrough, finalThrough) : bound, false);
      return { rebuilt: false, recounted: customers.length, last };
    });
    customersRecounted += step.recounted;
    if (step.last) return { rebuilt: step.rebuilt, customersRecounted, steps };
    if (pauseMs > 0) await sleep(pauseMs);
  }
}

/** The highest event id the rollup has applied: the events at or below it it no longer needs (0: not built yet). */
export async function rollupEventsRead(db: Db): Promise<number> {
  const row = await db.selectFrom('purchase_rollup_state').select('events_applied_through').executeTakeFirst();
  return Number(row?.events_applied_through ?? 0);
}

/**
 * Customers, repeat customers, purchases, net revenue and known customers of each window,
 * up to date: the rollup catches up first.
 */
export async function rollupWindowCounts(db: Db, windows: readonly RollupWindow[]): Promise<WindowCounts[]> {
  for (const w of windows) {
    if (daysBetweenDates(w.from, w.to) + 1 > LONGEST_WINDOW_DAYS) throw new Error(`the purchase rollup answers windows of at most ${LONGEST_WINDOW_DAYS} days, not ${w.from} … ${w.to}`);
  }
  await catchUpPurchaseRollup(db);
  const slotted = windows.map((w) => ({ ...w, knownSlot: slotStart(w.knownBefore) }));
  const sums = await repo.windowSums(db, slotted);
  for (const [i, w] of slotted.entries()) {
    if (w.knownBefore > w.knownSlot) sums[i].knownCustomers += await repo.firstPurchasesBetween(db, w.knownSlot, w.knownBefore);
  }
  return sums.map(windowCounts);
}
