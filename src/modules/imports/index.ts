export { CANONICAL, IMPORT_KINDS, isImportKind, parseMapSpec, suggestMap, type ImportKind } from './mapping.ts';
export { importCsv, previewCsv, spoolToFile, type ImportResult, type ImportProgress, type RowError, type RecordPurchases } from './import.service.ts';
export { COMMON_DATE_FORMATS, fileFormatOf, type FileFormat } from './file-format.ts';
export { encodingOf } from './encoding.ts';
