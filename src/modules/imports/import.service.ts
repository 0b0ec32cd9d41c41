import { invalidField } from '../../shared/errors.ts';
import { say } from '../../shared/messages/index.ts';
import { firstRecords, openCsv } from './file/csv.ts';
import { resolveColumns } from './rows/mapping.ts';
import { createPurchaseSpool } from './file/spool.ts';
import { missingDateFormat } from './rows/file-format.ts';
import { ErrorReport } from './report/error-report.ts';
import { DryRunTally } from './report/dry-run.ts';
import type { ImportOptions } from './passes/import-options.ts';
import { checkedResult, forecastResult, importedResult, type ImportResult } from './passes/import-result.ts';
import { validateFile } from './passes/validation-pass.ts';
import { importValidRows } from './passes/import-pass.ts';

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
// one purchase in the file's order, many to a transaction (commerce's refund-batch.ts).
//
// This file runs the course of an import: the file's header and format checked before any
// row is read, then the validation pass (validation-pass.ts), then — unless a dry run or a
// bad row ends it there — the import pass (import-pass.ts), and the answer (import-result.ts).

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
  const report = new ErrorReport(layout, kind, options.language, options.format?.decimalComma);
  const spool = kind === 'purchases' && !options.dryRun ? createPurchaseSpool() : undefined;
  const tally = options.dryRun ? new DryRunTally() : undefined;
  try {
    // Pass 1: validate everything, write nothing.
    const checked = await validateFile({ options, csv: first, layout, report, spool, tally, chunkSize });
    const result = checkedResult({ kind, checked, report, dryRun: Boolean(tally) });
    if (tally) return { ...forecastResult({ result, tally, report, layout }), duration_ms: Date.now() - started };
    if (spool && layout.index.has('refunded_amount')) result.refunds_recorded = 0;
    if (report.badLines.size > 0 && !options.skipInvalid) return { ...result, duration_ms: Date.now() - started };

    // Pass 2: record the valid rows.
    await importValidRows({ options, layout, checked, spool, result, report, chunkSize, recordSize, totalBytes: first.totalBytes });
    return { ...importedResult(result, report), duration_ms: Date.now() - started };
  } finally {
    spool?.remove();
  }
}
