import { invalidField, isAppError } from '../../../shared/errors.ts';
import { counted, say, type Language } from '../../../shared/messages/index.ts';
import { instantOfInput, parseInput } from '../../../shared/validation.ts';
import { CustomerInput, namedCustomer, type Identity, type IdentityOwners, type PreparedProfile } from '../../customers/index.ts';
import { AdjustmentInput, pointsNameOf, pointsWord } from '../../loyalty/index.ts';
import { nameIn, namedForms, type CountedName } from '../../../shared/plural.ts';
import { openCsv, type CsvRecord } from '../file/csv.ts';
import type { ColumnLayout } from '../rows/mapping.ts';
import { createPointsKeys, pointsCells, pointsOf } from '../rows/points-rows.ts';
import type { ErrorReport } from '../report/error-report.ts';
import type { DryRunTally } from '../report/dry-run.ts';
import type { ImportOptions } from './import-options.ts';
import { countWritten, type ImportResult } from './import-result.ts';

// The points kind's two passes (import.service.ts runs them as it runs the others'): opening
// balances from another platform, a row each, each a staff adjustment through the loyalty
// module (workflows/import-points.ts writes it), audited as `import`, keyed by the row
// (points-rows.ts) so running the file again adds nothing. The policy, as Smile.io's and
// LoyaltyLion's imports do it:
// - Points are added to what the member has (a negative number takes points away); a
//   customer the file names who does not exist yet is created, as a purchases import creates
//   one, and enrolled without the program's sign-up bonus (got on the old platform) — and no
//   earning rule runs: an adjustment is no purchase.
// - Imported points are an adjustment in the ledger, so they count neither as lifetime
//   earned nor toward a tier (the ledger counts only earned and bonus points there): a tier
//   is earned in Regulars, as a migrated member's first purchases place them.
// - A credit's lot expires at its expires_at (read in the business's zone; a date alone is
//   its midnight), or by the program's expiry rule from the day of the import.
// - The reason is the row's, or "Opening balance (import)" in the importer's language.
// - A debit larger than what the member can spend (after the file's earlier rows) is a row
//   error naming what they have; under --skip-invalid the other rows go on.

/** A points row read and checked: whom it names, and the adjustment it makes. */
export interface PointsRow {
  line: number;
  key: string;
  identities: Identity[];
  profile: PreparedProfile;
  adjustment: AdjustmentInput;
  /** The credit's lot expiry; undefined: the program's rule. */
  expiresAt: Date | undefined;
}

/** What a points import adds up (ImportResult.points): a dry run's forecast, or what the import did, with the program's name for its points. */
export class PointsTotals {
  private readonly members = new Set<string>();
  credited = 0;
  debited = 0;
  constructor(private readonly pointsName: CountedName, private readonly language: Language) {}
  add(member: string, points: number) {
    this.members.add(member);
    if (points > 0) this.credited += points;
    else this.debited -= points;
  }
  summary(): NonNullable<ImportResult['points']> {
    return {
      members: this.members.size, credited: this.credited, debited: this.debited,
      points_name_forms: namedForms(this.pointsName, this.language), points_name_language: nameIn(this.pointsName, this.language).language as Language,
    };
  }
}

const defaultReason = (language: Language | undefined) => say('import.points_default_reason').in(language ?? 'en');

/**
 * What the program in force calls its points (pointsNameOf: "points" in each language when it
 * names none): a row's refusal and the totals say it as the rest of the product does.
 */
export async function pointsNameNow(options: ImportOptions): Promise<CountedName> {
  return pointsNameOf((await options.deps.loyalty.programAt(options.deps.clock.now()))?.document);
}

/** A row's customer and adjustment, its problems reported (undefined then). `values` are the cells in the API's spelling. */
async function readRow(options: ImportOptions, layout: ColumnLayout, report: ErrorReport, record: CsvRecord, key: string, pointsName: CountedName): Promise<PointsRow | undefined> {
  const { line, values } = record;
  const cells = pointsCells(values, layout);
  const now = options.deps.clock.now();
  const problems = report.badLines.size;
  let customer: PreparedProfile | undefined;
  try {
    customer = await options.deps.customers.prepareProfile(parseInput(CustomerInput, cells.customer, 'customer'), 'import', now);
  } catch (error) {
    if (!isAppError(error)) throw error;
    report.add(line, error);
  }
  const points = pointsOf(cells.points);
  if (points === undefined) report.addReason(line, 'points', say('import.points_not_whole', { text: cells.points ?? '', points_word: pointsWord(pointsName) }));
  let adjustment: AdjustmentInput | undefined;
  try {
    adjustment = parseInput(AdjustmentInput, { points: points ?? 1, reason: cells.reason ?? defaultReason(options.language), idempotency_key: key }, 'adjustment');
  } catch (error) {
    if (!isAppError(error)) throw error;
    report.add(line, error);
  }
  const expiresAt = cells.expires_at === undefined ? undefined : expiryOf(cells.expires_at, points ?? 0, options.deps.config.timeZone, now);
  if (expiresAt instanceof Error) report.add(line, expiresAt);
  if (report.badLines.size > problems || report.badLines.has(line) || !customer || !adjustment || expiresAt instanceof Error) return undefined;
  return { line, key, identities: customer.identities, profile: customer, adjustment, expiresAt };
}

/** A credit's expiry as the row writes it (after the file's date format is read), or its problem. */
function expiryOf(text: string, points: number, timeZone: string, now: Date) {
  if (points < 0) return invalidField('expires_at', say('import.points_expiry_on_debit'));
  const at = instantOfInput(text, timeZone, say('occurrence.format'));
  if (!(at instanceof Date)) return invalidField('expires_at', at);
  if (at <= now) return invalidField('expires_at', say('import.points_expiry_past', { text }));
  return at;
}

/**
 * What the validation pass keeps between chunks of a points file: the rows' keys (made of
 * every row in the file's order), and each member's balance as the file's rows so far leave it.
 */
export function pointsValidation(layout: ColumnLayout, pointsName: CountedName, language: Language | undefined) {
  return {
    keyOf: createPointsKeys(layout), keys: new Map<number, string>(), balances: new Map<string, number>(), newMembers: new Map<string, string>(),
    pointsName, totals: new PointsTotals(pointsName, language ?? 'en'),
  };
}
export type PointsValidation = ReturnType<typeof pointsValidation>;

/**
 * Pass 1 for a chunk of a points file: every row checked as the import would write it —
 * customer, points, reason, expiry — and each debit against what its member can spend then
 * (their balance now, with the file's earlier rows), so a dry run forecasts what the import
 * does. A row whose key the member's ledger has is already there.
 */
export async function validatePoints({ options, layout, chunk, report, tally, state }: {
  options: ImportOptions; layout: ColumnLayout; chunk: CsvRecord[]; report: ErrorReport; tally: DryRunTally | undefined; state: PointsValidation;
}) {
  const rows: PointsRow[] = [];
  for (const r of chunk) {
    const row = await readRow(options, layout, report, r, state.keys.get(r.line)!, state.pointsName);
    if (row) rows.push(row);
  }
  const { customers, loyalty } = options.deps;
  const owners = await customers.findOwners(rows.flatMap((r) => r.identities));
  const refs = rows.map((r) => memberRef(r.identities, owners, state.newMembers));
  const known = [...new Set(refs.filter((ref) => !ref.startsWith('new:')))];
  const made = await loyalty.adjustmentsMade(rows.flatMap((r, i) => (refs[i].startsWith('new:') ? [] : [{ customerId: refs[i], key: r.key }])));
  const unread = known.filter((id) => !state.balances.has(id));
  const spendable = await loyalty.spendable(unread);
  for (const id of unread) state.balances.set(id, spendable.get(id)?.available ?? 0);
  rows.forEach((row, i) => {
    const ref = refs[i];
    if (made.has(`${ref}|${row.key}`)) return void tally?.note(row.line, [row.key], true);
    const balance = state.balances.get(ref) ?? 0;
    const points = row.adjustment.points;
    if (points < 0 && balance < -points) {
      report.addReason(row.line, 'points', say(balance === 1 ? 'import.points_below_zero_one' : 'import.points_below_zero', { available: balance, points: -points, points_name: counted(state.pointsName, balance) }));
      return;
    }
    state.balances.set(ref, balance + points);
    state.totals.add(ref, points);
    tally?.note(row.line, [row.key], false);
  });
  for (const r of chunk) state.keys.delete(r.line);
}

/**
 * Whom a row's adjustment goes to, for the file's running balances: the customer its
 * identities name (as every way customers arrive names them: namedCustomer), or — for a
 * customer the import will create — one name for the identities of all the file's rows that
 * share one.
 */
function memberRef(identities: Identity[], owners: IdentityOwners, newMembers: Map<string, string>): string {
  const owner = namedCustomer(identities, owners);
  if (owner) return owner;
  const keys = identities.filter((i) => !owners.has(`${i.kind}:${i.value}`)).map((i) => `${i.kind}:${i.value}`);
  const ref = keys.map((k) => newMembers.get(k)).find(Boolean) ?? `new:${keys[0]}`;
  for (const k of keys) newMembers.set(k, ref);
  return ref;
}

// Rows a transaction of pass 2 writes. Each takes at most three identity locks (and its
// customer's and member's rows): 250 stay within withLockRoom's small transactions, and a
// batch costs one commit where a row each cost 2,000 commits for 2,000 rows (some 10 ms each,
// on PGlite and PostgreSQL alike: docs/benchmarks.md, "Points import").
const POINTS_BATCH = 250;

/**
 * Pass 2 of a points file: the file read again, every row keyed as in pass 1, the valid ones
 * adjusted in batches (a transaction each, workflows/import-points.ts), one batch after
 * another and each in the file's order, so a member's rows are written in order; a row
 * refused now (the member spent points since pass 1) is reported like a bad row and the
 * others — of its batch too — go on.
 */
export async function importPoints({ options, layout, result, report, convert }: {
  options: ImportOptions; layout: ColumnLayout; result: ImportResult; report: ErrorReport;
  convert: ((values: string[]) => { values: string[] }) | undefined;
}) {
  const adjust = options.adjustPoints;
  if (!adjust) throw new Error('A points import needs adjustPoints (workflows/import-file.ts)');
  const csv = await openCsv(options.file, options.format?.encoding);
  const keyOf = createPointsKeys(layout);
  const pointsName = await pointsNameNow(options);
  const totals = new PointsTotals(pointsName, options.language ?? 'en');
  let done = 0;
  let batch: PointsRow[] = [];
  const write = async () => {
    const outcomes = batch.length ? await adjust(batch) : [];
    const created = countWritten(result, outcomes, (outcome, i) => {
      if (isAppError(outcome)) {
        report.add(batch[i].line, outcome);
        return 'refused';
      }
      if (!outcome.created) return 'duplicate';
      totals.add(outcome.customerId, batch[i].adjustment.points);
      return 'created';
    });
    await options.written?.(created);
    batch = [];
    options.onProgress?.({ phase: 'import', rows: done, bytes: csv.bytesRead(), total_bytes: csv.totalBytes });
  };
  for await (const r of csv.records) {
    const key = keyOf(r.values);
    if (!report.badLines.has(r.line)) {
      const row = await readRow(options, layout, report, { line: r.line, values: convert ? convert(r.values).values : r.values }, key, pointsName);
      if (row) batch.push(row);
    }
    done++;
    if (batch.length >= POINTS_BATCH) await write();
    else if (done % 100 === 0) options.onProgress?.({ phase: 'import', rows: done, bytes: csv.bytesRead(), total_bytes: csv.totalBytes });
  }
  await write();
  result.points = totals.summary();
  report.sortByLine();
}
