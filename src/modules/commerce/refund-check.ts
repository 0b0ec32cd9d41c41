import { sql } from 'kysely';
import type { Db, Tx } from '../../db/index.ts';
import { FUTURE_ALLOWANCE_MS, instantOf, isDateOnly, timeIn, type Clock } from '../../shared/clock.ts';
import { recordedAndRequested } from '../../shared/differences.ts';
import { AppError, invalidField } from '../../shared/errors.ts';
import { isUuid } from '../../shared/ids.ts';
import { moneyOfMinor, toMajor } from '../../shared/money.ts';
import { say, told, type Said, type Told } from '../../shared/messages/index.ts';
import { withFields } from '../../shared/objects.ts';
import { parseInput } from '../../shared/validation.ts';
import type { StoreService } from '../stores/index.ts';
import { RefundInput } from './purchase.schema.ts';
import { describeRefundDifference, refundConflict } from './purchase-difference.ts';
import { amountOfReturnedLines, linesOfPurchase, type ReturnedLine } from './refund-lines.ts';
import { isHashOfRefund, refundMeaning, refundRequestHash, type RefundMeaning } from './refund-meaning.ts';

// A file of refunds is checked whole before any is written (the CSV import's first pass),
// by the rules a refund through the API meets when it is written (refund-record.ts
// refundOnce), with the file's earlier refunds counted: three refunds of one purchase
// that together exceed it are refused at the line that goes over, not after two are in.

/**
 * A refund dated before the purchase it refunds, or more than a day ahead (as a purchase
 * may not be), is refused. A refund dated by its day alone is compared by day with the
 * purchase's local date: returned the day it was bought is not "before" it. The day is
 * the purchase's store's (`timeZone`), so "a day ahead" is counted from that day's start
 * there, as for a purchase dated by its day.
 */
export function refundTimeProblem(written: string | undefined, purchase: { occurredAt: Date; localDate: string; timeZone: string }, now: Date): AppError | null {
  if (written === undefined) return null;
  const isDate = isDateOnly(written);
  const at = instantOf(written, purchase.timeZone);
  if (isDate ? written < purchase.localDate : at.getTime() < purchase.occurredAt.getTime()) {
    return invalidField('occurred_at', say('refund.before_purchase', { at: isDate ? purchase.localDate : purchase.occurredAt.toISOString() }));
  }
  if (at.getTime() > now.getTime() + FUTURE_ALLOWANCE_MS) return invalidField('occurred_at', say('occurrence.in_future'));
  return null;
}

/**
 * The 409 for a refund id recorded with other values, naming what differs. The refund (and
 * its purchase's currency and store, for the amounts and times) is read on this path
 * alone: a retry reads nothing more.
 */
export async function refundConflictOf(
  db: Db | Tx, { stores, timeZone }: { stores: StoreService; timeZone: string }, key: { customer_id: string; refund_id: string; request_hash?: string }, data: RefundInput,
): Promise<AppError> {
  const row = await db.selectFrom('refunds as r')
    .innerJoin('purchases as p', (j) => j.onRef('p.customer_id', '=', 'r.customer_id').onRef('p.id', '=', 'r.purchase_id'))
    .select(['r.amount_minor', 'r.reason', 'r.lines', 'r.occurred_at', 'p.currency', 'p.store_id', 'p.external_id'])
    .where('r.customer_id', '=', key.customer_id).where('r.id', '=', key.refund_id).executeTakeFirst();
  if (!row) return refundConflict(data.external_id, []);
  const store = row.store_id ? await stores.byId(row.store_id, db) : undefined;
  const context = { currency: row.currency, timeZone: store?.time_zone ?? timeZone };
  const recorded = {
    currency: row.currency, amountMinor: Number(row.amount_minor), occurredAt: new Date(row.occurred_at), reason: row.reason, lines: (row.lines as ReturnedLine[] | null) ?? [],
  };
  const differences = describeRefundDifference({ recorded, request: data, timeZone: context.timeZone });
  if (differences.length === 0 && key.request_hash && row.external_id) differences.push(...sentOnceOnly(key.request_hash, row.external_id, refundMeaning(data, context), recorded, context.timeZone));
  return refundConflict(data.external_id, differences);
}

/**
 * An amount or a time sent with one of the two requests and left out of the other: the
 * values compare equal (one left out was worked out when the refund was recorded), yet
 * the requests are two — "the rest" is not an amount, "now" not a time —, and the 409 must
 * say which field rather than that a field not stored differs. Found by the hash of the
 * request with that field as the first one had it; empty when none matches.
 */
function sentOnceOnly(storedHash: string, purchaseExternalId: string, meaning: RefundMeaning, recorded: { amountMinor: number; occurredAt: Date; currency: string }, timeZone: string) {
  const amount = meaning.amountMinor === null ? recorded.amountMinor : null;
  const occurredAt = meaning.occurredAt === null ? recorded.occurredAt : null;
  for (const fields of [['amount'], ['occurred_at'], ['amount', 'occurred_at']]) {
    const variant = withFields(meaning, {
      amountMinor: fields.includes('amount') ? amount : meaning.amountMinor, occurredAt: fields.includes('occurred_at') ? occurredAt : meaning.occurredAt,
    });
    if (refundRequestHash(purchaseExternalId, variant) !== storedHash) continue;
    return fields.map((field) => {
      const value = field === 'amount' ? toMajor(recorded.amountMinor, recorded.currency) : timeIn(recorded.occurredAt, timeZone);
      const given = field === 'amount' ? meaning.amountMinor !== null : meaning.occurredAt !== null;
      return { field, reason: given ? recordedAndRequested(say('refund.not_sent_worked_out', { value }), value) : recordedAndRequested(value, say('refund.not_sent')) };
    });
  }
  return [];
}

export interface RefundRow {
  /** The purchase: its order id (external_id) or its Regulars id. */
  purchase: string;
  input: unknown;
  /** The row's line in the file: a refund refused for what earlier rows took names them. */
  line?: number;
}

/** A row that passes: `duplicate` when its refund id is already recorded (by an earlier run, or earlier in the file) with the same body. */
export type RefundCheck = AppError | { duplicate: boolean };

/**
 * The id of a refund recorded from an orders export's refunded amount (purchase.service.ts
 * refundUpTo): the order's id, then the amount its refunds add up to with it. It stands
 * for refunds the export does not itemise, so a refunds file's refund of that order would
 * count the same money again (the check below refuses it).
 */
const EXPORT_REFUND = '#refunded-';
export const exportRefundId = (purchaseExternalId: string, refundedTotal: string) => `${purchaseExternalId}${EXPORT_REFUND}${refundedTotal}`;

interface PurchaseLeft {
  externalId: string;
  purchaseId: string;
  customerId: string;
  totalMinor: number;
  occurredAt: Date;
  localDate: string;
  currency: string;
  /** Its store's, else the business's: a refund dated by its day alone begins then there. */
  timeZone: string;
  /** What is left to refund after the refunds recorded and those earlier in the file. */
  refundableMinor: number;
  /** Its lines and those returned by its refunds recorded and earlier in the file; read when a row names lines. */
  lines?: Awaited<ReturnType<typeof linesOfPurchase>>;
  /** The file's lines of its refunds passed so far. */
  refundedOnLines: number[];
  /** What its refunds recorded from an orders export's refunded amount add up to (exportRefundId). */
  exportRefundedMinor: number;
}

/** Which earlier rows of the file refunded part of a purchase, for a refusal of what is left: " after this file's refunds on lines 3, 7". */
function afterEarlierRows(purchase: PurchaseLeft): Told | string {
  const lines = purchase.refundedOnLines;
  if (lines.length === 0) return '';
  const listed = `${lines.slice(0, 5).join(', ')}${lines.length > 5 ? ', …' : ''}`;
  return say(lines.length === 1 ? 'refund.after_file_line' : 'refund.after_file_lines', { lines: listed });
}

/** A refund that takes more than its purchase has left (`refundable`: what is left, as refund.exceeds names it), named as the field the client can change. */
export function exceedsRefundable({ byLines, amountMinor, currency, refundable }: { byLines: boolean; amountMinor: number; currency: string; refundable: Said }): AppError {
  return byLines
    ? invalidField('lines', say('refund.lines_exceed', { value: moneyOfMinor(amountMinor, currency), refundable }))
    : invalidField('amount', say('refund.exceeds', { refundable }));
}

/**
 * Checks rows of refunds in file order, chunk after chunk; the checker remembers the
 * file's earlier rows (their refund ids and what they took from each purchase).
 */
export type RefundChecker = (rows: RefundRow[]) => Promise<RefundCheck[]>;

export function createRefundChecker({ db, clock, stores, timeZone }: { db: Db; clock: Clock; stores: StoreService; timeZone: string }): RefundChecker {
  const left = new Map<string, PurchaseLeft | null>();
  const hashesInFile = new Map<string, { hash: string; line: number | undefined }>();

  async function readPurchases(refs: string[]) {
    const wanted = refs.filter((r) => !left.has(r));
    if (wanted.length === 0) return;
    for (const r of wanted) left.set(r, null);
    const found = async (column: 'external_id' | 'purchase_id', refsOf: Map<string, string>) => {
      const values = [...refsOf.keys()];
      if (values.length === 0) return;
      const rows = await db.selectFrom('purchase_keys as k')
        .innerJoin('purchases as p', (j) => j.onRef('p.customer_id', '=', 'k.customer_id').onRef('p.id', '=', 'k.purchase_id'))
        .select(['k.external_id', 'k.purchase_id', 'k.customer_id', 'p.currency', 'p.store_id', 'p.total_minor', 'p.refunded_minor', 'p.occurred_at', 'p.local_date'])
        .select(sql<string>`(SELECT coalesce(sum(r.amount_minor), 0) FROM refunds r
                             WHERE r.customer_id = p.customer_id AND r.purchase_id = p.id AND starts_with(r.external_id, k.external_id || ${EXPORT_REFUND}))`.as('export_refunded'))
        .where(`k.${column}`, '=', sql<string>`ANY(${values}::${sql.raw(column === 'purchase_id' ? 'uuid' : 'text')}[])`).execute();
      for (const r of rows) {
        const ref = refsOf.get(column === 'external_id' ? r.external_id : r.purchase_id)!;
        if (!left.get(ref)) {
          left.set(ref, {
            externalId: r.external_id, purchaseId: r.purchase_id, customerId: r.customer_id, totalMinor: Number(r.total_minor), occurredAt: new Date(r.occurred_at), localDate: String(r.local_date),
            currency: r.currency, timeZone: (r.store_id ? (await stores.byId(r.store_id))?.time_zone : undefined) ?? timeZone,
            refundableMinor: Number(r.total_minor) - Number(r.refunded_minor),
            refundedOnLines: [],
            exportRefundedMinor: Number(r.export_refunded),
          });
        }
      }
    };
    // As the API reads a purchase reference (findPurchaseRef): an order id, or a Regulars id.
    await found('external_id', new Map(wanted.map((r) => [r, r])));
    await found('purchase_id', new Map(wanted.filter((r) => left.get(r) === null && isUuid(r)).map((r) => [r.toLowerCase(), r])));
  }

  return async function check(rows: RefundRow[]): Promise<RefundCheck[]> {
    const parsed = rows.map((row) => {
      try {
        return parseInput(RefundInput, row.input, 'refund');
      } catch (error) {
        return error as AppError;
      }
    });
    await readPurchases([...new Set(rows.map((r) => r.purchase).filter(Boolean))]);
    // A row naming lines is valued by the purchase's lines, less those returned before it.
    for (const [i, row] of rows.entries()) {
      const purchase = left.get(row.purchase);
      const data = parsed[i];
      if (purchase && !purchase.lines && !(data instanceof AppError) && data.lines?.length) {
        purchase.lines = await linesOfPurchase(db, { customer_id: purchase.customerId, purchase_id: purchase.purchaseId });
      }
    }
    const ids = parsed.flatMap((p) => (p instanceof AppError ? [] : [p.external_id]));
    const recorded = ids.length
      ? new Map((await db.selectFrom('refund_keys').select(['external_id', 'request_hash', 'customer_id', 'refund_id']).where('external_id', '=', sql<string>`ANY(${ids}::text[])`).execute())
        .map((k) => [k.external_id, k]))
      : new Map<string, { request_hash: string; customer_id: string; refund_id: string }>();
    // Refund ids recorded with other values: what differs is read after the rows are checked, for these alone.
    const conflicts: { index: number; key: { customer_id: string; refund_id: string }; data: RefundInput; purchaseId: string }[] = [];

    const checks = rows.map((row, i): RefundCheck => {
      const data = parsed[i];
      if (data instanceof AppError) return data;
      if (!row.purchase) return invalidField('purchase', say('refund.purchase_required'));
      const purchase = left.get(row.purchase);
      if (!purchase) return invalidField('purchase', say('refund.no_such_purchase', { purchase: row.purchase }));
      let meaning: RefundMeaning;
      try {
        meaning = refundMeaning(data, purchase);
      } catch (error) {
        if (error instanceof AppError) return error;
        throw error;
      }
      // As the API tells a retry (refund-record.ts refundOnce): by what it means, or by a hash of a refund recorded before that form.
      const inFile = hashesInFile.get(data.external_id);
      const stored = recorded.get(data.external_id);
      const earlier = inFile?.hash ?? stored?.request_hash;
      if (earlier !== undefined) {
        if (isHashOfRefund(earlier, { purchase: { externalId: purchase.externalId, id: purchase.purchaseId }, data, meaning })) return { duplicate: true };
        if (inFile) return invalidField('external_id', inFile.line === undefined ? say('refund.earlier_in_file', { id: data.external_id }) : say('refund.on_line_too', { id: data.external_id, line: inFile.line }));
        conflicts.push({ index: i, key: stored!, data, purchaseId: purchase.purchaseId });
        return invalidField('external_id', say('refund.recorded_otherwise_in_file', { id: data.external_id }));
      }
      if (purchase.exportRefundedMinor > 0) {
        return invalidField('purchase', say('refund.counted_by_export', { purchase: row.purchase, amount: moneyOfMinor(purchase.exportRefundedMinor, purchase.currency) }));
      }
      const late = refundTimeProblem(data.occurred_at, purchase, clock.now());
      if (late) return late;
      if (purchase.refundableMinor === 0) return invalidField('amount', say('refund.purchase_fully_refunded', { purchase: row.purchase, after: afterEarlierRows(purchase) }));
      // As the API decides (refund-lines.ts amountOfReturnedLines), the file's earlier returns counted.
      const returned = meaning.lines.length && purchase.lines
        ? amountOfReturnedLines(withFields(purchase.lines, {
          returned: meaning.lines, amountMinor: meaning.amountMinor, totalMinor: purchase.totalMinor, currency: purchase.currency, purchase: row.purchase,
        }))
        : null;
      if (returned instanceof AppError) return returned;
      const amount = returned?.amountMinor ?? meaning.amountMinor ?? purchase.refundableMinor;
      const byLines = meaning.amountMinor === null && returned !== null;
      if (amount <= 0) return invalidField('amount', say('field.positive'));
      if (amount > purchase.refundableMinor) {
        const refundable = say('refund.refundable_of', { amount: moneyOfMinor(purchase.refundableMinor, purchase.currency), purchase: row.purchase, after: afterEarlierRows(purchase) });
        return exceedsRefundable({ byLines, amountMinor: amount, currency: purchase.currency, refundable });
      }
      purchase.refundableMinor -= amount;
      if (row.line !== undefined) purchase.refundedOnLines.push(row.line);
      purchase.lines?.returnedBefore.push(...meaning.lines);
      hashesInFile.set(data.external_id, { hash: refundRequestHash(purchase.externalId, meaning), line: row.line });
      return { duplicate: false };
    });
    for (const { index, key, data, purchaseId } of conflicts) {
      // Recorded on another purchase: that is what differs, whatever the amounts (as the API tells it, refund-record.ts).
      const other = await db.selectFrom('refunds as r').innerJoin('purchases as p', (j) => j.onRef('p.customer_id', '=', 'r.customer_id').onRef('p.id', '=', 'r.purchase_id'))
        .select(['p.id', 'p.external_id']).where('r.customer_id', '=', key.customer_id).where('r.id', '=', key.refund_id).executeTakeFirst();
      if (other && other.id !== purchaseId) {
        checks[index] = invalidField('external_id', say('refund.recorded_for_other_purchase', { id: data.external_id, purchase: other.external_id ?? other.id }));
        continue;
      }
      const conflict = await refundConflictOf(db, { stores, timeZone }, key, data);
      if (conflict.problems.length === 0) continue;
      const named = told((language) => conflict.in(language).problems.map((d) => `${d.field} ${d.reason}`).join('; '));
      checks[index] = invalidField('external_id', say('refund.recorded_otherwise_in_file_named', { id: data.external_id, differences: named }));
    }
    return checks;
  };
}
