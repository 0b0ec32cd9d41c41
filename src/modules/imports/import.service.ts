import type { Db } from '../../db/index.ts';
import type { Clock } from '../../shared/clock.ts';
import { AppError, invalidField, isAppError } from '../../shared/errors.ts';
import { say, told, type Language } from '../../shared/messages/index.ts';
import { withFields } from '../../shared/objects.ts';
import { parseInput } from '../../shared/validation.ts';
import { withOrderId, type CommerceService, type PreparedPurchase, type RefundChecker } from '../commerce/index.ts';
import { CustomerInput, type CustomerService, type Identity } from '../customers/index.ts';
import { openCsv, type CsvRecord } from './csv.ts';
import { hasLineItems, resolveColumns, type ColumnLayout, type ImportKind, type ImportVia } from './mapping.ts';
import { basketChunks, basketsOf, type Basket } from './baskets.ts';
import { basketInput, refundBasketInput, type BasketProblem } from './basket-input.ts';
import { createRowKeys, customerInput, KEY_BY_MEANING, purchaseInput } from './rows.ts';
import { createPurchaseSpool, type SpooledRow } from './spool.ts';
import { noteRefundedAmounts, refundedAmountOf, settleRefundedAmounts, type RefundedOrder } from './refunded-amounts.ts';
import { fieldCountCheck } from './field-count.ts';
import { formatConverter, missingDateFormat, type FileFormat } from './file-format.ts';
import { ErrorReport, ROW, type RowError } from './error-report.ts';
import { DryRunTally } from './dry-run.ts';
import { wallClockZones } from './zones.ts';
import { paymentFilter } from './payment-status.ts';

// CSV import in two passes. The first validates every row with the same rules as the
// API and writes nothing (a purchases file with line items has a purchase in the rows of
// its order id, one after another: baskets.ts); a file with any bad row imports nothing (unless skipInvalid)
// and the report names every bad line, column and reason (a row with more fields than
// the header is one: field-count.ts). For purchases, the first pass also keeps each valid
// row as prepared (spool.ts), and the second records those in chunks, each chunk one
// transaction, exactly once by key — so an interrupted import is finished by running it
// again. Two chunks are recorded at once: while one waits for the database, the next is
// built. Refunds are checked against their purchases with the file's earlier refunds
// counted (commerce's refund checker), then written each once by its refund id, those of
// one purchase in the file's order.

export interface ImportDeps {
  db: Db;
  /**
   * The business currency (a file with line items adds them up in it when it has no total)
   * and time zone (a row's wall-clock time without a store is read in it: file-format.ts).
   */
  config: { currency: string; timeZone: string };
  stores: { list(): Promise<{ code: string; time_zone: string }[]> };
  clock: Clock;
  customers: CustomerService;
  commerce: CommerceService;
}

/** `recordPurchases` from the workflows layer, passed in so this module does not depend upward. */
export type RecordPurchases = (
  inputs: unknown[],
  options: { source: string; withViews: boolean; prepared?: (PreparedPurchase | AppError)[] },
) => Promise<({ status: 'created' | 'duplicate' } | { status: 'error'; error: AppError })[]>;

export interface ImportProgress {
  phase: 'validate' | 'import';
  rows: number;
  bytes: number;
  total_bytes: number;
}

export interface ImportResult {
  kind: ImportKind;
  rows: number;
  /** A purchases file with line items: the purchases its rows make (created and duplicates count these). */
  orders?: number;
  /** A purchases file with a payment status column: its orders left out as not paid (payment-status.ts). */
  not_paid?: number;
  /** A purchases file with a refunded amount column: the refunds recorded to make its orders' refunds add up to it (refunded-amounts.ts); a dry run's, those the import would record. */
  refunds_recorded?: number;
  created: number;
  duplicates: number;
  invalid: number;
  errors: RowError[];
  errors_truncated: boolean;
  imported: boolean;
  /** Only checked (dry-run.ts): created and duplicates say what the import would do. */
  dry_run: boolean;
  duration_ms: number;
}

export interface ImportOptions {
  deps: ImportDeps;
  record: RecordPurchases;
  kind: ImportKind;
  file: string;
  map?: Record<string, string>;
  /** Where the import came from, for how a refusal of a missing column says to map one (mapping.ts); the command line's --map by default. */
  via?: ImportVia;
  /** How the file writes dates and numbers, when not as the API does. */
  format?: FileFormat;
  skipInvalid?: boolean;
  /** Check the file and tell what it would import; write nothing (dry-run.ts). */
  dryRun?: boolean;
  onProgress?: (progress: ImportProgress) => void;
  /** The language of the report's reasons (the dashboard's); English by default. */
  language?: Language;
  /** Rows validated at a time. */
  chunkSize?: number;
  /**
   * Purchases recorded per transaction. Each holds an advisory lock per order id and
   * identity until it commits, in PostgreSQL's shared lock table; large transactions take
   * turns for room in it (withLockRoom, src/db/locks.ts).
   */
  recordSize?: number;
}

// Each recorded chunk holds an advisory lock per order id and identity until it commits,
// and PostgreSQL's shared lock table has room for about 64 × max_connections locks in
// all (6,400 by default) — shared with every other writer. Two chunks of 500 (1,000–1,500
// locks each) fit in the room large transactions share (withLockRoom) without waiting; two of
// 1,000 ran the table out ("out of shared memory") when two imports overlapped, before
// large transactions took turns.
const RECORDS_IN_FLIGHT = 2;

export async function importCsv(options: ImportOptions): Promise<ImportResult> {
  const started = Date.now();
  const { kind, file, chunkSize = 2000, recordSize = 500 } = options;
  const first = await openCsv(file, options.format?.encoding);
  if (first.header.length === 0) throw invalidField('file', say('import.file_empty'));
  const layout = resolveColumns({ header: first.header, map: options.map ?? {}, kind, via: options.via ?? 'cli' });
  if (!options.format?.dateFormat) {
    const problem = missingDateFormat(kind, layout, await firstRecords(file, options.format?.encoding, 200));
    if (problem) throw problem;
  }
  const report = new ErrorReport(layout, kind, options.language);
  const spool = kind === 'purchases' && !options.dryRun ? createPurchaseSpool() : undefined;
  const tally = options.dryRun ? new DryRunTally() : undefined;
  try {
    // Pass 1: validate everything, write nothing.
    let rows = 0;
    const keys = createRowKeys(kind, layout);
    const keysInFile = new Map<string, { hash: string; line: number }>();
    const checkRefunds = kind === 'refunds' ? options.deps.commerce.refundChecker() : undefined;
    const tooManyFields = fieldCountCheck(kind, layout, first.header, first.delimiter);
    const convert = await converterFor(options, layout);
    // Its fields shifted, such a row is not read further, nor keyed: a file's identical
    // rows keep their keys when it is fixed and imported again.
    const records = mapRecords(first.records, (r) => {
      const problem = tooManyFields(r.values);
      if (problem) report.addInColumn(r.line, problem.column ?? ROW, problem.reason);
      if (problem || !convert) return r;
      const converted = convert(r.values);
      for (const p of converted.problems) report.addReason(r.line, p.column, p.reason);
      return { line: r.line, values: converted.values, written: r.values };
    });
    const lineItems = hasLineItems(kind, layout);
    const splitCheck = splitGroups(layout, kind, report);
    const payment = paymentFilter(kind, layout, report);
    let orders = 0;
    for await (const baskets of basketChunks(basketsOf(records, lineItems ? layout.index.get('external_id') : undefined), chunkSize)) {
      const whole = baskets.filter((basket) => {
        rows += basket.length;
        if (lineItems) splitCheck(basket);
        if (payment && !payment.wanted(basket)) return false;
        return !report.leftOut(basket, layout);
      });
      orders += baskets.length;
      if (whole.length > 0) {
        if (kind === 'purchases') {
          const valid = await validatePurchases({ options, layout, baskets: whole, lineItems, keys, keysInFile, report, tally });
          await spool?.add(valid);
          if (tally && layout.index.has('refunded_amount')) await noteRefundedAmounts(options.deps, valid, tally);
        } else if (checkRefunds) await validateRefunds({ layout, baskets: whole, lineItems, report, check: checkRefunds, tally });
        else await validateCustomers({ options, layout, chunk: whole.flat(), report, tally });
      }
      options.onProgress?.({ phase: 'validate', rows, bytes: first.bytesRead(), total_bytes: first.totalBytes });
    }
    await spool?.finish();
    report.sortByLine();
    const result: ImportResult = { kind, rows, created: 0, duplicates: keys.duplicates, invalid: report.badLines.size, errors: report.errors, errors_truncated: report.truncated, imported: false, dry_run: Boolean(tally), duration_ms: 0 };
    if (lineItems && kind === 'purchases') result.orders = orders;
    if (payment) result.not_paid = payment.notPaid;
    if (tally) {
      const wouldBe = tally.counts(report.badLines);
      if (layout.index.has('refunded_amount')) result.refunds_recorded = wouldBe.refunds;
      return { ...result, created: wouldBe.created, duplicates: result.duplicates + wouldBe.duplicates, duration_ms: Date.now() - started };
    }
    if (spool && layout.index.has('refunded_amount')) result.refunds_recorded = 0;
    if (report.badLines.size > 0 && !options.skipInvalid) return { ...result, duration_ms: Date.now() - started };

    // Pass 2: record the valid rows.
    if (spool) await recordSpooled({ options, spool, result, report, recordSize, totalBytes: first.totalBytes });
    else await importRowByRow(withFields(rowWriter(kind, layout, lineItems, options.deps), { options, result, report, chunkSize, convert }));
    return { ...result, invalid: report.badLines.size, errors: report.errors, errors_truncated: report.truncated, imported: true, duration_ms: Date.now() - started };
  } finally {
    spool?.remove();
  }
}

/**
 * In a file of line items, the rows of one order (or refund) are one after another: rows of
 * its id again after other ids' rows would make a second purchase of one order id, or take
 * the order's first rows alone. Both parts are refused, whole — the first may already have
 * passed validation (its rows are left out by the import pass, which skips bad lines).
 */
function splitGroups(layout: ColumnLayout, kind: ImportKind, report: ErrorReport) {
  const seen = new Map<string, number[]>();
  const split = kind === 'refunds' ? 'import.refund_split' : 'import.order_split';
  return (basket: Basket) => {
    const id = basket[0].values[layout.index.get('external_id')!]?.trim();
    if (!id) return;
    const earlier = seen.get(id);
    const lines = basket.map((r) => r.line);
    if (!earlier) return void seen.set(id, lines);
    report.addReason(basket[0].line, 'external_id', say(split, { id, line: earlier[0] }));
    if (!report.badLines.has(earlier[0])) {
      report.addReason(earlier[0], 'external_id', say(split, { id, line: basket[0].line }));
      report.leftOut(earlier.map((line) => ({ line, values: basket[0].values })), layout);
    }
    earlier.push(...lines);
  };
}

/** The file's dates and numbers in the API's spelling (file-format.ts), or undefined when they are already. */
async function converterFor(options: ImportOptions, layout: ColumnLayout) {
  const { deps, kind, format = {} } = options;
  if (!format.dateFormat && !format.decimalComma) return undefined;
  const zoneOf = await wallClockZones({
    kind, layout, file: options.file, encoding: format.encoding, business: deps.config.timeZone, stores: await deps.stores.list(), commerce: deps.commerce,
  });
  return formatConverter({ format, layout, kind, zoneOf });
}

/** A file's first records, read apart from the import's own pass. */
async function firstRecords(file: string, encoding: string | undefined, count: number): Promise<CsvRecord[]> {
  const csv = await openCsv(file, encoding);
  const records: CsvRecord[] = [];
  for await (const record of csv.records) {
    records.push(record);
    if (records.length >= count) break;
  }
  return records;
}

async function* mapRecords(records: AsyncIterable<CsvRecord>, f: (r: CsvRecord) => CsvRecord): AsyncIterable<CsvRecord> {
  for await (const r of records) yield f(r);
}

async function recordSpooled({ options, spool, result, report, recordSize, totalBytes }: {
  options: ImportOptions; spool: ReturnType<typeof createPurchaseSpool>; result: ImportResult; report: ErrorReport; recordSize: number; totalBytes: number;
}) {
  let done = 0;
  const inFlight = new Set<Promise<void>>();
  let failure: unknown;
  for await (const read of spool.read(recordSize)) {
    // An order found split by other orders' rows after its first rows were spooled is left out whole.
    const batch = read.filter((b) => !report.badLines.has(b.line));
    while (inFlight.size >= RECORDS_IN_FLIGHT) await Promise.race(inFlight);
    if (failure) break;
    const recording: Promise<void> = options
      .record([], { source: 'import', withViews: false, prepared: batch.map((b) => b.prepared) })
      .then(async (outcomes) => {
        const refundedOrders: RefundedOrder[] = [];
        outcomes.forEach((o, i) => {
          // An order id recorded with other values after pass 1 checked it (by the API or
          // another import meanwhile) is reported as pass 1 reports it: under the file's
          // order id column, not as a problem of the whole row.
          if (o.status === 'error' && o.error.kind === 'conflict') report.addReason(batch[i].line, 'external_id', say('import.order_recorded_otherwise', { id: batch[i].prepared.externalId }));
          else if (o.status === 'error') report.add(batch[i].line, o.error);
          else if (o.status === 'created') result.created++;
          else result.duplicates++;
          if (o.status !== 'error' && batch[i].refundedMinor > 0) refundedOrders.push({ line: batch[i].line, externalId: batch[i].prepared.externalId, currency: batch[i].prepared.currency, refundedMinor: batch[i].refundedMinor });
        });
        // After the chunk's purchases committed: the refunds name them.
        if (refundedOrders.length) result.refunds_recorded = (result.refunds_recorded ?? 0) + (await settleRefundedAmounts(options.deps, refundedOrders, report));
        done += batch.length;
        options.onProgress?.({ phase: 'import', rows: done, bytes: Math.round((done / Math.max(1, spool.rows)) * totalBytes), total_bytes: totalBytes });
      })
      // A failed chunk stops the import; the chunks before it are committed, and a re-run
      // finishes the file.
      .catch((error: unknown) => void (failure ??= error))
      .finally(() => inFlight.delete(recording));
    inFlight.add(recording);
  }
  await Promise.all(inFlight);
  if (failure) throw failure;
}

/** How the second pass writes a customer or a refund (importRowByRow); purchases go through the spool. */
function rowWriter(kind: ImportKind, layout: ColumnLayout, lineItems: boolean, { customers, commerce }: ImportDeps): RowWriter {
  if (kind === 'refunds') {
    return {
      prepare: (basket) => {
        const { purchase, input } = refundBasketInput(basket, layout, lineItems).row;
        return { orderKey: purchase, write: () => commerce.recordRefund(purchase, input, { actor: 'import' }) };
      },
      inFlight: REFUNDS_IN_FLIGHT,
      groupBy: lineItems ? layout.index.get('external_id') : undefined,
    };
  }
  return { prepare: ([row]) => ({ orderKey: '', write: () => customers.upsert(customerInput(row.values, layout), { actor: 'import', source: 'import' }) }), inFlight: 1, groupBy: undefined };
}

/** A customer or refund (its row, or a refund's rows of items) of the second pass: its write, and which it must follow (the same orderKey). */
interface RowWriter {
  prepare(basket: Basket): { orderKey: string; write(): Promise<{ created: boolean }> };
  inFlight: number;
  /** The column whose consecutive equal values make one (a refund's id, when its rows are items). */
  groupBy: number | undefined;
}

/**
 * Refunds written at once by the second pass, each in its own transaction: one at a time,
 * the server and PostgreSQL took turns on one core (247 a second on PostgreSQL here, 328
 * four at a time). Refunds of one purchase still go one after another, in the file's order.
 */
const REFUNDS_IN_FLIGHT = 4;

/**
 * The second pass of customers and refunds: the valid rows, each in its own transaction and
 * exactly once by its key (a customer's identity, a refund's id), as through the API, so an
 * interrupted import is finished by running the file again. Rows with the same `orderKey`
 * (a refund's purchase: its refunds add up in order) are written one after another in the
 * file's order, `inFlight` of the others side by side (customers share one key: every row in
 * turn). A
 * row refused now (a refund through the API meanwhile took what it was to refund) is
 * reported like a bad row.
 */
async function importRowByRow({ options, result, report, chunkSize, prepare, inFlight, groupBy, convert }: RowWriter & {
  options: ImportOptions; result: ImportResult; report: ErrorReport; chunkSize: number; convert: ((values: string[]) => { values: string[] }) | undefined;
}) {
  const csv = await openCsv(options.file, options.format?.encoding);
  const records = convert ? mapRecords(csv.records, (r) => ({ line: r.line, values: convert(r.values).values })) : csv.records;
  let done = 0;
  for await (const chunk of basketChunks(basketsOf(records, groupBy), chunkSize)) {
    const queues = new Map<string, { line: number; write(): Promise<{ created: boolean }> }[]>();
    for (const basket of chunk) {
      if (basket.some((r) => report.badLines.has(r.line))) continue;
      const { orderKey, write } = prepare(basket);
      const queue = queues.get(orderKey);
      if (queue) queue.push({ line: basket[0].line, write });
      else queues.set(orderKey, [{ line: basket[0].line, write }]);
    }
    const waiting = [...queues.values()];
    // A failure that is not the row's stops every worker before its next row.
    let failure: unknown;
    const worker = async () => {
      for (let queue = waiting.shift(); queue && !failure; queue = waiting.shift()) {
        for (const r of queue) {
          if (failure) return;
          try {
            const { created } = await r.write();
            if (created) result.created++;
            else result.duplicates++;
          } catch (error) {
            if (!isAppError(error)) failure ??= error;
            else report.add(r.line, error);
          }
        }
      }
    };
    await Promise.all(Array.from({ length: inFlight }, worker));
    if (failure) throw failure;
    done += chunk.reduce((n, b) => n + b.length, 0);
    options.onProgress?.({ phase: 'import', rows: done, bytes: csv.bytesRead(), total_bytes: csv.totalBytes });
  }
  report.sortByLine();
}

/** Checks refunds — a row each, or the rows of a refund's items — in the file's order; a refund's problem at its row, its other rows left out with it. */
async function validateRefunds({ layout, baskets, lineItems, report, check, tally }: {
  layout: ColumnLayout; baskets: Basket[]; lineItems: boolean; report: ErrorReport; check: RefundChecker; tally: DryRunTally | undefined;
}) {
  const built = baskets.map((b) => refundBasketInput(b, layout, lineItems));
  const checks = await check(built.map((b, i) => ({ purchase: b.row.purchase, input: b.row.input, line: baskets[i][0].line })));
  checks.forEach((c, i) => {
    for (const problem of built[i].problems) report.addReason(problem.line, problem.column, problem.reason);
    if (c instanceof AppError) report.addInBasket(baskets[i], c);
    // The checker tells a refund id earlier in the file with the same values as a duplicate.
    if (!report.leftOut(baskets[i], layout) && !(c instanceof AppError)) tally?.note(baskets[i][0].line, [], c.duplicate);
  });
}

/**
 * Validates purchases — a row each, or the rows of an order's line items (a basket) — and
 * returns the valid ones, prepared, for the import pass. A basket's problem is reported at
 * its row (a line's price at that line, the order's fields at the first), and its other rows
 * as left out with it.
 */
async function validatePurchases({ options, layout, baskets, lineItems, keys: keying, keysInFile, report, tally }: {
  options: ImportOptions; layout: ColumnLayout; baskets: Basket[]; lineItems: boolean; keys: ReturnType<typeof createRowKeys>;
  keysInFile: Map<string, { hash: string; line: number }>; report: ErrorReport; tally: DryRunTally | undefined;
}): Promise<SpooledRow[]> {
  // An order id, or for a file without them the key of the row's content as keyed before
  // keys were by meaning: a purchase imported then is found by it.
  const keys = baskets.map((b) => keying.ofRow(b[0].values));
  const built = baskets.map((b, i) => (lineItems
    ? basketInput(b, layout, keys[i], options.deps.config.currency)
    : { input: purchaseInput(b[0].values, layout, keying.keyless ? KEY_BY_MEANING : keys[i]), problems: [] as BasketProblem[] }));
  let prepared = await options.deps.commerce.prepare(built.map((b) => b.input), 'import');
  if (keying.keyless) prepared = prepared.map((p) => (p instanceof AppError ? p : withOrderId(p, keying.ofMeaning(p))));
  const byMeaning = keying.keyless ? prepared.flatMap((p) => (p instanceof AppError ? [] : [p.externalId])) : [];
  const stored = await options.deps.commerce.findKeys(options.deps.db, [...keys.filter(Boolean), ...byMeaning]);
  // An order id recorded before with other values: what differs is read for these alone.
  const reused = layout.index.has('external_id')
    ? prepared.flatMap((p) => (p instanceof AppError || keysInFile.has(p.externalId) || (stored.get(p.externalId)?.request_hash ?? p.requestHash) === p.requestHash ? [] : [p]))
    : [];
  const differences = new Map((await options.deps.commerce.purchaseConflicts(reused.map((request) => ({ request, earlierInBatch: null })))).map((e, i) => [reused[i], e]));
  const valid: SpooledRow[] = [];
  const refunded = layout.index.has('refunded_amount');
  prepared.forEach((p, i) => {
    const basket = baskets[i];
    const line = basket[0].line;
    for (const problem of built[i].problems) report.addReason(problem.line, problem.column, problem.reason);
    if (p instanceof AppError) report.addInBasket(basket, p);
    else if (keying.keyless && (stored.has(p.externalId) || stored.has(keys[i]))) {
      // Imported before (its profile columns may differ now: they are not what the purchase is).
      keying.duplicates++;
      return;
    } else {
      const hash = p.requestHash;
      const inFile = keysInFile.get(p.externalId);
      const seen = inFile?.hash ?? stored.get(p.externalId)?.request_hash;
      // Only a file with its own order ids can repeat one with other values (an order's rows split by others' are refused by splitGroups).
      if (seen !== undefined && seen !== hash && layout.index.has('external_id')) {
        const difference = differences.get(p);
        const named = told((language) => (difference?.in(language).problems ?? []).map((d) => `${d.field} ${d.reason}`).join('; '));
        report.addReason(line, 'external_id', inFile
          ? say('import.order_twice_in_file', { id: p.externalId, line: inFile.line })
          : difference?.problems.length ? say('import.order_recorded_otherwise_named', { id: p.externalId, differences: named }) : say('import.order_recorded_otherwise', { id: p.externalId }));
      }
      if (layout.index.has('external_id') && !inFile) keysInFile.set(p.externalId, { hash, line });
    }
    const refund = refunded && !(p instanceof AppError) ? refundedAmountOf(basket, layout, p) : { minor: 0 };
    if ('reason' in refund) report.addReason(refund.line, 'refunded_amount', refund.reason);
    if (report.leftOut(basket, layout)) return;
    const purchase = p as PreparedPurchase;
    valid.push({ line, prepared: purchase, refundedMinor: 'minor' in refund ? refund.minor : 0 });
    // Stored under its order id with other values, it was reported above: stored here is the same purchase.
    tally?.note(line, [purchase.externalId], stored.has(purchase.externalId));
  });
  return valid;
}

async function validateCustomers({ options, layout, chunk, report, tally }: {
  options: ImportOptions; layout: ColumnLayout; chunk: CsvRecord[]; report: ErrorReport; tally: DryRunTally | undefined;
}) {
  const now = options.deps.clock.now();
  const valid: { line: number; identities: Identity[] }[] = [];
  for (const r of chunk) {
    try {
      const input = parseInput(CustomerInput, customerInput(r.values, layout), 'customer');
      const { identities } = await options.deps.customers.prepareProfile(input, 'import', now);
      valid.push({ line: r.line, identities });
    } catch (error) {
      if (!isAppError(error)) throw error;
      report.add(r.line, error);
    }
  }
  if (!tally) return;
  // As the import's upsert: a row updates the customer any of its identities names, else adds one.
  const owners = await options.deps.customers.findOwners(valid.flatMap((v) => v.identities));
  for (const { line, identities } of valid) {
    const keys = identities.map((i) => `${i.kind}:${i.value}`);
    tally.note(line, keys, keys.some((k) => owners.has(k)));
  }
}
