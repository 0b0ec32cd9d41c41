// CSV import of customers, purchases, refunds and points (opening balances). This file is the module's only door:
// code outside src/modules/imports imports from here, never from the folders below.
//
// import.service.ts runs an import (importCsv); preview.ts is what the dashboard shows
// before one. The rest, each folder importing only from those above it in this list:
//   file/     reading the file: its encoding, CSV records one at a time, the temporary
//             files (an upload kept, the spool of prepared rows). Knows nothing of columns.
//   rows/     what a row becomes: which column holds which field (mapping.ts), the file's
//             date and number format, a row's field count, its key and time zone, and the
//             rows of one order or refund grouped into one input (baskets, basket-input).
//   report/   what the import tells of its rows: the bad rows (error-report.ts), a dry
//             run's forecast (dry-run.ts).
//   passes/   the validation pass and the import pass, what a caller passes them
//             (import-options.ts) and the answer made from them (import-result.ts); beside
//             them, an order left out for its payment status, an order's refunded amount.

export { CANONICAL, IMPORT_KINDS, isImportKind, parseMapSpec, suggestMap, type ImportKind, type ImportVia } from './rows/mapping.ts';
export { importCsv } from './import.service.ts';
export type { AdjustPoints, ImportProgress, RecordPurchases } from './passes/import-options.ts';
export type { ImportResult } from './passes/import-result.ts';
export { fitMapping, hintGuessedColumns, previewCsv, spoolToFile } from './preview.ts';
export type { RowError } from './report/error-report.ts';
export { COMMON_DATE_FORMATS, fileFormatOf, type FileFormat } from './rows/file-format.ts';
export { encodingOf } from './file/encoding.ts';
