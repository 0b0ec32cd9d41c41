export { CANONICAL, IMPORT_KINDS, isImportKind, parseMapSpec, suggestMap, type ImportKind, type ImportVia } from './mapping.ts';
export { importCsv } from './import.service.ts';
export type { ImportProgress, RecordPurchases } from './import-options.ts';
export type { ImportResult } from './import-result.ts';
export { fitMapping, previewCsv, spoolToFile } from './preview.ts';
export type { RowError } from './error-report.ts';
export { COMMON_DATE_FORMATS, fileFormatOf, type FileFormat } from './file-format.ts';
export { encodingOf } from './encoding.ts';
