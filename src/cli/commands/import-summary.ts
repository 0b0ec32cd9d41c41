import type { ImportResult } from '../../modules/imports/index.ts';
import { CLI_COUNTS, counted, counting, say, type Language } from '../../shared/messages/index.ts';
import { decimal } from '../language.ts';

// What `regulars import` prints of an import or a check, in the command line's language,
// every count with the words that agree with it (CLI_COUNTS): "Nothing imported: 1 row has
// errors (1 row in the file)", "Nič ni bilo uvoženo: 2 vrstici imata napake (5 vrstic v
// datoteki)". A line-item file's created and already-there count orders, its skipped rows.

const n = (key: keyof typeof CLI_COUNTS, count: number) => counting(CLI_COUNTS[key], count);

/** A points file's sums, the points added named as the program names them, in the form their number takes ("1,750 beans", "5 zrn"). */
const pointsSums = (p: NonNullable<ImportResult['points']>) => ({
  credited: p.credited, points_name: counted({ [p.points_name_language]: p.points_name_forms }, p.credited), debited: p.debited, members: n('membersAdjusted', p.members),
});

/**
 * Whether a file's rows were all refused, so that nothing at all was (or would be) imported
 * from it although --skip-invalid went on past them: the command fails then, as it does
 * without the option (data.ts) — a script importing with it must see that nothing came in.
 */
export function nothingImported(r: ImportResult): boolean {
  return r.invalid > 0 && r.created === 0 && r.duplicates === 0;
}

export function describeImport(r: ImportResult, skipInvalid: boolean, language: Language): string {
  const tell = (...lines: { in(language: Language): string }[]) => lines.map((line) => line.in(language));
  const errors = r.errors.map((e) => `  ${say('cli.import.error_line', { line: e.line, column: e.column, reason: e.reason }).in(language)}`);
  const more = r.errors_truncated ? [`  ${say('cli.import.more_errors').in(language)}`] : [];
  const refused = { errors: n('rowsWithErrors', r.invalid), rows: n('rows', r.rows) };
  if (r.dry_run && r.invalid > 0 && !skipInvalid) return [...tell(say('cli.import.dry_run_refused', refused)), ...errors, ...more].join('\n');
  const notPaid = r.not_paid ? tell(say('cli.import.not_paid', { orders: n('orders', r.not_paid) })) : [];
  if ((r.dry_run || r.imported) && nothingImported(r)) {
    return [...tell(say(r.dry_run ? 'cli.import.dry_run_nothing_valid' : 'cli.import.nothing_valid', refused)), ...notPaid, ...errors, ...more].join('\n');
  }
  const orders = r.orders;
  if (r.dry_run) {
    const counts = {
      file: say(`cli.import.file.${r.kind}`),
      created: orders === undefined ? n('wouldAddRows', r.created) : n('wouldAddOrders', r.created),
      duplicates: orders === undefined ? n('wouldFindRows', r.duplicates) : n('wouldFindOrders', r.duplicates),
      skipped: r.invalid > 0 ? say('cli.import.would_skip', { rows: n('wouldSkip', r.invalid) }) : '',
    };
    const checked = orders === undefined
      ? say('cli.import.dry_run', Object.assign({ rows: n('rows', r.rows) }, counts))
      : say('cli.import.dry_run_orders', Object.assign({ rows: n('rowsOfLineItems', r.rows), orders: n('orders', orders) }, counts));
    const refunds = r.refunds_recorded ? [say('cli.import.would_record_refunds', { refunds: n('refunds', r.refunds_recorded) })] : [];
    const points = r.points ? [say('cli.import.points_forecast', pointsSums(r.points))] : [];
    return [...tell(checked), ...notPaid, ...tell(...refunds, ...points), ...errors, ...more].join('\n');
  }
  if (!r.imported) return [...tell(say('cli.import.refused', refused)), ...errors, ...more].join('\n');
  const seconds = decimal(r.duration_ms / 1000, 1, language);
  const imported = say(`cli.import.done.${r.kind}`);
  const done = orders === undefined
    ? say('cli.import.done', { imported, rows: n('rows', r.rows), created: n('newRows', r.created), duplicates: n('rowsWereThere', r.duplicates), invalid: n('skippedRows', r.invalid), seconds })
    : say('cli.import.done_orders', {
      imported, rows: n('rowsOfLineItems', r.rows), orders: n('orders', orders), created: n('newOrders', r.created), duplicates: n('ordersWereThere', r.duplicates), invalid: n('skippedRowsNamed', r.invalid), seconds,
    });
  const refunds = r.refunds_recorded ? [say('cli.import.refunds_recorded', { refunds: n('refunds', r.refunds_recorded) })] : [];
  // A file's refunds that left nothing of their purchases (a refunds file's, an orders export's refunded amounts') gave their orders' coupon uses back: those codes can be used again.
  const couponUses = r.coupon_uses_rolled_back ? [say('cli.import.coupon_uses_rolled_back', { count: r.coupon_uses_rolled_back })] : [];
  const points = r.points ? [say('cli.import.points_done', pointsSums(r.points))] : [];
  return [...tell(done), ...notPaid, ...tell(...refunds, ...couponUses, ...points), ...errors, ...more].join('\n');
}
