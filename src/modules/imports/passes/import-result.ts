import type { Language } from '../../../shared/messages/index.ts';
import type { PluralForms } from '../../../shared/plural.ts';
import type { DryRunTally } from '../report/dry-run.ts';
import type { ErrorReport, RowError } from '../report/error-report.ts';
import type { ColumnLayout, ImportKind } from '../rows/mapping.ts';
import type { ValidatedFile } from './validation-pass.ts';

// What an import answers: the CLI prints it, the upload returns it. It is made when the
// validation pass ends (checkedResult), because three answers start there: a file refused for
// its bad rows is answered with it as it is, a dry run with the tally's forecast in place of
// writes (forecastResult), and an import with what the import pass then counted in it and
// reported (importedResult).

export interface ImportResult {
  kind: ImportKind;
  rows: number;
  /** A purchases file with line items: the purchases its rows make (created and duplicates count these). */
  orders?: number;
  /** A purchases file with a payment status column: its orders left out as not paid (payment-status.ts). */
  not_paid?: number;
  /** A purchases file with a refunded amount column: the refunds recorded to make its orders' refunds add up to it (refunded-amounts.ts); a dry run's, those the import would record. */
  refunds_recorded?: number;
  /** A refunds file, or a purchases file with a refunded amount column: the coupon uses its refunds gave back, those that left nothing of their purchases (coupon-rollbacks.ts); absent when none. */
  coupon_uses_rolled_back?: number;
  /** A points file: the members its new adjustments go to and the points they credit and debit (a dry run's, those the import would). */
  points?: {
    members: number; credited: number; debited: number;
    /** The program's name for its points in the import's language (its forms, by plural category), and the language they are in (the program's fallback where it does not name them in that one). */
    points_name_forms: PluralForms; points_name_language: Language;
  };
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

/** The validation pass's answer: nothing written yet. */
export function checkedResult({ kind, checked, report, dryRun }: { kind: ImportKind; checked: ValidatedFile; report: ErrorReport; dryRun: boolean }): ImportResult {
  const result: ImportResult = { kind, rows: checked.rows, created: 0, duplicates: checked.duplicates, invalid: report.badLines.size, errors: report.errors, errors_truncated: report.truncated, imported: false, dry_run: dryRun, duration_ms: 0 };
  if (checked.lineItems && kind === 'purchases') result.orders = checked.orders;
  if (checked.payment) result.not_paid = checked.payment.notPaid;
  if (checked.points) result.points = checked.points.summary();
  return result;
}

/** A dry run's answer: what the import pass would create and find there, as the tally counts it (dry-run.ts). */
export function forecastResult({ result, tally, report, layout }: { result: ImportResult; tally: DryRunTally; report: ErrorReport; layout: ColumnLayout }): ImportResult {
  const wouldBe = tally.counts(report.badLines);
  if (layout.index.has('refunded_amount')) result.refunds_recorded = wouldBe.refunds;
  return { ...result, created: wouldBe.created, duplicates: result.duplicates + wouldBe.duplicates };
}

/** The import's answer: the import pass counted what it wrote in `result`; the rows it found refused meanwhile are in the report since. */
export function importedResult(result: ImportResult, report: ErrorReport): ImportResult {
  return { ...result, invalid: report.badLines.size, errors: report.errors, errors_truncated: report.truncated, imported: true };
}

/** What became of one row a chunk wrote: written now, found written already, or refused (the caller reported it). */
export type RowOutcome = 'created' | 'duplicate' | 'refused';

/**
 * Counts a written chunk's rows into `result` as `outcomeOf` tells each, and answers how many
 * it created — the rows it wrote, as the statistics' refresh counts them (options.written).
 * Counted at once, before the caller awaits anything: another chunk in flight counts its own
 * meanwhile.
 */
export function countWritten<T>(result: ImportResult, outcomes: readonly T[], outcomeOf: (outcome: T, index: number) => RowOutcome): number {
  let created = 0;
  outcomes.forEach((outcome, i) => {
    const row = outcomeOf(outcome, i);
    if (row === 'created') created++;
    else if (row === 'duplicate') result.duplicates++;
  });
  result.created += created;
  return created;
}
