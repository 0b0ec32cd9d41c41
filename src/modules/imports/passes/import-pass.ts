import type { Actor } from '../../../db/index.ts';
import { AppError, isAppError } from '../../../shared/errors.ts';
import { say } from '../../../shared/messages/index.ts';
import { withFields } from '../../../shared/objects.ts';
import { mapRecords, openCsv } from '../file/csv.ts';
import type { ColumnLayout, ImportKind } from '../rows/mapping.ts';
import { basketChunks, basketsOf, type Basket } from '../rows/baskets.ts';
import { refundBasketInput } from '../rows/basket-input.ts';
import { customerInput } from '../rows/rows.ts';
import type { PurchaseSpool, SpooledRow } from '../file/spool.ts';
import { purchaseKeyLock } from '../../commerce/index.ts';
import { identityKey } from '../../customers/index.ts';
import { settleRefundedAmounts, type RefundedOrder } from './refunded-amounts.ts';
import { importPoints } from './points-pass.ts';
import type { ErrorReport } from '../report/error-report.ts';
import type { ImportDeps, ImportOptions } from './import-options.ts';
import { countWritten, type ImportResult } from './import-result.ts';
import type { ValidatedFile } from './validation-pass.ts';

// The second pass of an import (import.service.ts): the rows the validation pass found
// valid, written exactly once by their keys, so an interrupted import is finished by running
// the file again. Purchases come prepared from the spool and are recorded in chunks, a
// transaction each; customers, refunds and points (points-pass.ts) are read from the file again, customers written
// each in its own transaction, as through the API, refunds many to a transaction by
// commerce's refund path (refund-batch.ts). A row refused now (a write by others since the
// validation pass) is reported like a bad row; any other failure stops the import.

/** Pass 2: records the valid rows, counting them in `result` and reporting those refused now. */
export async function importValidRows({ options, layout, checked, spool, result, report, chunkSize, recordSize, totalBytes }: {
  options: ImportOptions; layout: ColumnLayout; checked: ValidatedFile; spool: PurchaseSpool | undefined;
  result: ImportResult; report: ErrorReport; chunkSize: number; recordSize: number; totalBytes: number;
}) {
  if (options.kind === 'points') await importPoints({ options, layout, result, report, convert: checked.convert });
  else if (spool) await recordSpooled({ options, spool, result, report, recordSize, totalBytes });
  else await importRowByRow(withFields(rowWriter(options.kind, layout, checked.lineItems, options.deps, options.actor ?? 'import'), { options, result, report, chunkSize, convert: checked.convert }));
}

// Each recorded chunk holds an advisory lock per order id and identity until it commits,
// and PostgreSQL's shared lock table has room for about 64 × max_connections locks in
// all (6,400 by default) — shared with every other writer. Two chunks of 500 (1,000–1,500
// locks each) fit in the room large transactions share (withLockRoom) without waiting; two of
// 1,000 ran the table out ("out of shared memory") when two imports overlapped, before
// large transactions took turns.
const RECORDS_IN_FLIGHT = 2;

async function recordSpooled({ options, spool, result, report, recordSize, totalBytes }: {
  options: ImportOptions; spool: PurchaseSpool; result: ImportResult; report: ErrorReport; recordSize: number; totalBytes: number;
}) {
  let done = 0;
  // Each chunk in flight with the keys it records (its order ids and identities).
  const inFlight = new Map<Promise<void>, Set<string>>();
  let failure: unknown;
  // Rows held back from a chunk because a chunk still in flight records their member.
  let heldBack: SpooledRow[] = [];
  const launch = (batch: SpooledRow[]) => {
    // The rows come in time order (spool.ts), and a member's later rows in a later chunk: a
    // chunk makes the tier reviews due by its last purchase, so where chunks end does not
    // change the tier history (tier-placement.ts planTiers); those due by now, at the end.
    const reviewsUntil = new Date(batch.reduce((t, b) => Math.max(t, b.prepared.occurredAt.getTime()), -Infinity));
    const recording: Promise<void> = options
      .record([], { source: 'import', withViews: false, prepared: batch.map((b) => b.prepared), reviewsUntil })
      .then(async (outcomes) => {
        const refundedOrders: RefundedOrder[] = [];
        const created = countWritten(result, outcomes, (o, i) => {
          if (o.status !== 'error' && batch[i].refundedMinor > 0) refundedOrders.push({ line: batch[i].line, externalId: batch[i].prepared.externalId, currency: batch[i].prepared.currency, refundedMinor: batch[i].refundedMinor });
          // An order id recorded with other values after pass 1 checked it (by the API or
          // another import meanwhile) is reported as pass 1 reports it: under the file's
          // order id column, not as a problem of the whole row.
          if (o.status === 'error' && o.error.kind === 'conflict') report.addReason(batch[i].line, 'external_id', say('import.order_recorded_otherwise', { id: batch[i].prepared.externalId }));
          else if (o.status === 'error') report.add(batch[i].line, o.error);
          return o.status === 'error' ? 'refused' : o.status;
        });
        // After the chunk's purchases committed: the refunds name them.
        if (refundedOrders.length) {
          const settled = await settleRefundedAmounts({ deps: options.deps, actor: options.actor ?? 'import' }, refundedOrders, report);
          result.refunds_recorded = (result.refunds_recorded ?? 0) + settled.recorded;
          // Those that left nothing of their orders gave back the orders' coupon uses, counted as a refunds file's are.
          if (settled.couponUsesRolledBack) result.coupon_uses_rolled_back = (result.coupon_uses_rolled_back ?? 0) + settled.couponUsesRolledBack;
        }
        await options.written?.(created);
        done += batch.length;
        options.onProgress?.({ phase: 'import', rows: done, bytes: Math.round((done / Math.max(1, spool.rows)) * totalBytes), total_bytes: totalBytes });
      })
      // A failed chunk stops the import; the chunks before it are committed, and a re-run
      // finishes the file.
      .catch((error: unknown) => void (failure ??= error))
      .finally(() => inFlight.delete(recording));
    inFlight.set(recording, new Set(batch.flatMap(recordingKeys)));
  };
  for await (const read of spool.read(recordSize)) {
    // An order found split by other orders' rows after its first rows were spooled is left out whole.
    const rows = heldBack.concat(read.filter((b) => !report.badLines.has(b.line)));
    while (inFlight.size >= RECORDS_IN_FLIGHT) await Promise.race(inFlight.keys());
    if (failure) break;
    let { free, busy } = apartFromChunksInFlight(rows, [...inFlight.values()]);
    // Mostly held back (members who buy all the time, in every chunk): wait for the chunks in
    // flight, and then all of it is free. So held-back rows never pile up: a chunk is at most
    // one and a half reads, and the file is not read on ahead of what is recorded.
    if (busy.length > recordSize / 2) {
      await Promise.all(inFlight.keys());
      if (failure) break;
      [free, busy] = [rows, []];
    }
    heldBack = busy;
    if (free.length > 0) launch(free);
  }
  await Promise.all(inFlight.keys());
  if (!failure && heldBack.length > 0) {
    launch(heldBack);
    await Promise.all(inFlight.keys());
  }
  if (failure) throw failure;
  // The tier reviews due by now that the chunks left (an import stopped before this leaves them to the hourly job).
  await options.deps.loyalty.maintenance.reviewTiers(options.deps.clock.now());
}

// What a purchase locks while it is recorded (record-purchases.ts): its order id and its
// customer's identities.
const recordingKeys = (row: SpooledRow): string[] => [purchaseKeyLock(row.prepared.externalId), ...row.prepared.identities.map(identityKey)];

/**
 * The rows a chunk may record now, and those it holds back for a later chunk: a member's
 * purchase whose member (or order id) a chunk in flight also records. Two chunks in flight
 * take their locks in their own time (the earlier one may find its member's lock held by an
 * API call, or start late on a busy connection), so without this the later chunk could
 * record a member's later purchase first — and give it the first-purchase bonus, or earn it
 * below the tier the earlier purchase lifted. Once a row is held back, every later row
 * sharing a key with it is too, so a member's purchases keep their time order.
 */
function apartFromChunksInFlight(rows: SpooledRow[], chunksInFlight: Set<string>[]): { free: SpooledRow[]; busy: SpooledRow[] } {
  const free: SpooledRow[] = [];
  const busy: SpooledRow[] = [];
  const heldKeys = new Set<string>();
  for (const row of rows) {
    const keys = recordingKeys(row);
    if (keys.some((k) => heldKeys.has(k) || chunksInFlight.some((chunk) => chunk.has(k)))) {
      busy.push(row);
      for (const k of keys) heldKeys.add(k);
    } else {
      free.push(row);
    }
  }
  return { free, busy };
}

/**
 * How the second pass writes a chunk of customers or refunds (importRowByRow): each row's
 * outcome, a refusal as an AppError; any other failure is thrown. Purchases go through the spool.
 */
function rowWriter(kind: ImportKind, layout: ColumnLayout, lineItems: boolean, { customers, commerce }: ImportDeps, actor: Actor): RowWriter {
  if (kind === 'refunds') {
    return {
      // Many to a transaction, those of one purchase in the file's order (commerce's refund-batch.ts).
      write: (baskets) => commerce.recordRefunds(baskets.map((basket) => refundBasketInput(basket, layout, lineItems).row), { actor }),
      groupBy: lineItems ? layout.index.get('external_id') : undefined,
    };
  }
  return {
    // One at a time: two rows may name one customer (an identity of each).
    write: async (baskets) => {
      const outcomes: ({ created: boolean } | AppError)[] = [];
      for (const [row] of baskets) {
        try {
          outcomes.push(await customers.upsert(customerInput(row.values, layout), { actor, source: 'import' }));
        } catch (error) {
          if (!isAppError(error)) throw error;
          outcomes.push(error);
        }
      }
      return outcomes;
    },
    groupBy: undefined,
  };
}

/** A customer or refund (its row, or a refund's rows of items) of the second pass: how a chunk of them is written. */
interface RowWriter {
  write(baskets: Basket[]): Promise<({ created: boolean; couponUsesRolledBack?: number } | AppError)[]>;
  /** The column whose consecutive equal values make one (a refund's id, when its rows are items). */
  groupBy: number | undefined;
}

/**
 * The second pass of customers and refunds: the valid rows, a chunk at a time, each exactly
 * once by its key (a customer's identity, a refund's id), as through the API, so an
 * interrupted import is finished by running the file again. A row refused now (a refund
 * through the API meanwhile took what it was to refund) is reported like a bad row.
 */
async function importRowByRow({ options, result, report, chunkSize, write, groupBy, convert }: RowWriter & {
  options: ImportOptions; result: ImportResult; report: ErrorReport; chunkSize: number; convert: ((values: string[]) => { values: string[] }) | undefined;
}) {
  const csv = await openCsv(options.file, options.format?.encoding);
  const records = convert ? mapRecords(csv.records, (r) => ({ line: r.line, values: convert(r.values).values })) : csv.records;
  let done = 0;
  for await (const chunk of basketChunks(basketsOf(records, groupBy), chunkSize)) {
    const valid = chunk.filter((basket) => !basket.some((r) => report.badLines.has(r.line)));
    const outcomes = valid.length ? await write(valid) : [];
    const created = countWritten(result, outcomes, (outcome, i) => {
      if (!isAppError(outcome)) {
        // A refund that left nothing of its purchase gave back the coupon uses of its order (refund-batch.ts).
        if (outcome.couponUsesRolledBack) result.coupon_uses_rolled_back = (result.coupon_uses_rolled_back ?? 0) + outcome.couponUsesRolledBack;
        return outcome.created ? 'created' : 'duplicate';
      }
      report.add(valid[i][0].line, outcome);
      return 'refused';
    });
    await options.written?.(created);
    done += chunk.reduce((n, b) => n + b.length, 0);
    options.onProgress?.({ phase: 'import', rows: done, bytes: csv.bytesRead(), total_bytes: csv.totalBytes });
  }
  report.sortByLine();
}
