export { CANONICAL, parseMapSpec, suggestMap, type ImportKind } from './mapping.ts';
export { importCsv, previewCsv, spoolToFile, type ImportResult, type ImportProgress, type RowError, type RecordPurchases } from './import.service.ts';
