import { AppError, isAppError } from '../../../shared/errors.ts';
import { say, told } from '../../../shared/messages/index.ts';
import { parseInput } from '../../../shared/validation.ts';
import { isSameRequest, keptRequestOf, withOrderId, type KeptRequest, type PreparedPurchase, type RefundChecker } from '../../commerce/index.ts';
import { CustomerInput, namedCustomer, type Identity } from '../../customers/index.ts';
import { mapRecords, type CsvRecord, type CsvSource } from '../file/csv.ts';
import { hasLineItems, type ColumnLayout, type ImportKind } from '../rows/mapping.ts';
import { basketChunks, basketsOf, type Basket } from '../rows/baskets.ts';
import { basketInput, refundBasketInput, type BasketProblem } from '../rows/basket-input.ts';
import { createRowKeys, customerInput, fieldsHoldingNul, KEY_BY_MEANING, purchaseInput } from '../rows/rows.ts';
import type { PurchaseSpool, SpooledRow } from '../file/spool.ts';
import { noteRefundedAmounts, refundedAmountOf } from './refunded-amounts.ts';
import { fieldCountCheck } from '../rows/field-count.ts';
import { formatConverter } from '../rows/file-format.ts';
import { ROW, type ErrorReport } from '../report/error-report.ts';
import type { DryRunTally } from '../report/dry-run.ts';
import { wallClockZones } from '../rows/zones.ts';
import { paymentFilter } from './payment-status.ts';
import { pointsNameNow, pointsValidation, validatePoints, type PointsTotals } from './points-pass.ts';
import type { ImportOptions } from './import-options.ts';

// The first pass of an import (import.service.ts): every row validated with the same rules
// as the API, nothing written. Its bad rows go to the report; for purchases, the valid rows
// are kept as prepared in the spool, so the import pass (import-pass.ts) records them without
// parsing and validating the file again; a dry run notes each valid row in its tally instead
// (dry-run.ts). Kept apart from the import pass because a dry run, and a file refused for its
// bad rows, end here.

/** What the validation pass found besides the report's bad rows: the result's counts (import-result.ts) and how the import pass is to read the file. */
export interface ValidatedFile {
  rows: number;
  /** The purchases a file of line items makes: its baskets. */
  orders: number;
  lineItems: boolean;
  /** Purchases of a file without order ids found imported before (createRowKeys). */
  duplicates: number;
  /** A purchases file with a payment status column: its filter, which counted the orders not paid. */
  payment: ReturnType<typeof paymentFilter>;
  /** A points file: what its valid rows not imported before add up to (points-pass.ts). */
  points: PointsTotals | undefined;
  /** The file's cells in the API's spelling (file-format.ts): the import pass reads the file again with it. */
  convert: ReturnType<typeof formatConverter>;
}

/** Pass 1: validates the whole file, `chunkSize` rows at a time, and writes nothing. */
export async function validateFile({ options, csv, layout, report, spool, tally, chunkSize }: {
  options: ImportOptions; csv: CsvSource; layout: ColumnLayout; report: ErrorReport;
  spool: PurchaseSpool | undefined; tally: DryRunTally | undefined; chunkSize: number;
}): Promise<ValidatedFile> {
  const { kind } = options;
  let rows = 0;
  const keys = createRowKeys(kind, layout);
  const keysInFile = new Map<string, { kept: KeptRequest; line: number }>();
  const checkRefunds = kind === 'refunds' ? options.deps.commerce.refundChecker() : undefined;
  const tooManyFields = fieldCountCheck(kind, layout, csv.header, csv.delimiter);
  const convert = await converterFor(options, layout);
  // Its fields shifted, such a row is not read further, nor keyed: a file's identical
  // rows keep their keys when it is fixed and imported again.
  const records = mapRecords(csv.records, (r) => {
    const problem = tooManyFields(r.values);
    if (problem) report.addInColumn(r.line, problem.column ?? ROW, problem.reason);
    // Refused before its cells are converted, read or looked up: the database would fail on it (rows.ts).
    const withNul = problem ? [] : fieldsHoldingNul(r.values, layout);
    for (const field of withNul) report.addReason(r.line, field, say('text.unstorable_char', { char: 'U+0000' }));
    if (problem || withNul.length > 0 || !convert) return r;
    const converted = convert(r.values);
    for (const p of converted.problems) report.addReason(r.line, p.column, p.reason);
    return { line: r.line, values: converted.values, written: r.values };
  });
  const lineItems = hasLineItems(kind, layout);
  const splitCheck = splitGroups(layout, kind, report);
  const payment = paymentFilter(kind, layout, report);
  const points = kind === 'points' ? pointsValidation(layout, await pointsNameNow(options), options.language) : undefined;
  let orders = 0;
  for await (const baskets of basketChunks(basketsOf(records, lineItems ? layout.index.get('external_id') : undefined), chunkSize)) {
    // A points row's key counts the identical rows before it, bad ones too: keyed as written, before any is left out.
    if (points) for (const [r] of baskets) points.keys.set(r.line, points.keyOf(r.written ?? r.values));
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
      } else if (points) await validatePoints({ options, layout, chunk: whole.flat(), report, tally, state: points });
      else if (checkRefunds) await validateRefunds({ layout, baskets: whole, lineItems, report, check: checkRefunds, tally });
      else await validateCustomers({ options, layout, chunk: whole.flat(), report, tally });
    }
    options.onProgress?.({ phase: 'validate', rows, bytes: csv.bytesRead(), total_bytes: csv.totalBytes });
  }
  await spool?.finish();
  report.sortByLine();
  return { rows, orders, lineItems, duplicates: keys.duplicates, payment, points: points?.totals, convert };
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
  keysInFile: Map<string, { kept: KeptRequest; line: number }>; report: ErrorReport; tally: DryRunTally | undefined;
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
  const recordedOtherwise = (p: PreparedPurchase) => {
    const kept = stored.get(p.externalId);
    return kept !== undefined && !isSameRequest(kept, p);
  };
  const reused = layout.index.has('external_id')
    ? prepared.flatMap((p) => (p instanceof AppError || keysInFile.has(p.externalId) || !recordedOtherwise(p) ? [] : [p]))
    : [];
  const differences = new Map((await options.deps.commerce.purchaseConflicts(reused.map((request) => ({ request, earlierInBatch: null, recordedReferralCode: stored.get(request.externalId)?.referral_code })))).map((e, i) => [reused[i], e]));
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
      const inFile = keysInFile.get(p.externalId);
      const seen = inFile?.kept ?? stored.get(p.externalId);
      // Only a file with its own order ids can repeat one with other values (an order's rows split by others' are refused by splitGroups).
      if (seen !== undefined && !isSameRequest(seen, p) && layout.index.has('external_id')) {
        const difference = differences.get(p);
        const named = told((language) => (difference?.in(language).problems ?? []).map((d) => `${d.field} ${d.reason}`).join('; '));
        report.addReason(line, 'external_id', inFile
          ? say('import.order_twice_in_file', { id: p.externalId, line: inFile.line })
          : difference?.problems.length ? say('import.order_recorded_otherwise_named', { id: p.externalId, differences: named }) : say('import.order_recorded_otherwise', { id: p.externalId }));
      }
      if (layout.index.has('external_id') && !inFile) keysInFile.set(p.externalId, { kept: keptRequestOf(p), line });
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
  // As the import's upsert: a row updates the customer its identities name (namedCustomer:
  // not the holder of a phone shared with someone of another email), else adds one.
  const owners = await options.deps.customers.findOwners(valid.flatMap((v) => v.identities));
  for (const { line, identities } of valid) {
    const named = namedCustomer(identities, owners);
    const keys = identities.filter((i) => named || !owners.has(`${i.kind}:${i.value}`)).map((i) => `${i.kind}:${i.value}`);
    tally.note(line, keys, named !== undefined);
  }
}
