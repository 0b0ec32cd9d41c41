import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { firstBytes, openCsv } from './file/csv.ts';
import { COMMON_ENCODINGS, guessEncoding } from './file/encoding.ts';
import { COMMON_DATE_FORMATS, guessFileFormat } from './rows/file-format.ts';
import { withFields } from '../../shared/objects.ts';
import { AppError, invalidField, isAppError } from '../../shared/errors.ts';
import { say, type Language } from '../../shared/messages/index.ts';
import type { RowError } from './report/error-report.ts';
import { CANONICAL, IDENTITY_COLUMNS, resolveColumns, suggestMap, type ImportKind } from './rows/mapping.ts';
import { makeImportTempDir } from './file/temp-files.ts';

// What the dashboard's import page shows before an import: the upload kept in a temporary
// file (it is read twice), its headers, first rows, and the mapping and format it seems to need.

/** An upload is read twice (validate, then import): spool it to a temporary file first. */
export async function spoolToFile(stream: Readable, name = 'upload.csv'): Promise<{ file: string; remove(): void }> {
  const dir = makeImportTempDir('upload');
  const file = path.join(dir, path.basename(name).replace(/[^\w.-]/g, '_') || 'upload.csv');
  await pipeline(stream, fs.createWriteStream(file));
  return { file, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Headers, the first rows and a suggested mapping, for the dashboard's import page. */
export async function previewCsv(file: string, kind: ImportKind, { encoding }: { encoding?: string } = {}) {
  const read = encoding ?? guessEncoding(firstBytes(file, 64 * 1024));
  const csv = await openCsv(file, read);
  // The format is guessed from more rows than are shown: a day past the 12th tells D/M from M/D.
  const rows: string[][] = [];
  for await (const record of csv.records) {
    rows.push(record.values);
    if (rows.length >= 200) break;
  }
  const suggested = suggestMap(csv.header, kind);
  const format = guessFileFormat(rows);
  return {
    headers: csv.header, sample: rows.slice(0, 5), canonical: CANONICAL[kind], identity: IDENTITY_COLUMNS[kind], suggested_map: suggested,
    suggested_format: { date_format: format.dateFormat ?? null, decimal_comma: format.decimalComma ?? false, encoding: read },
    date_formats: COMMON_DATE_FORMATS,
    encodings: COMMON_ENCODINGS,
  };
}

/**
 * The mapping a command line imports with: the one given when the file's columns fit it;
 * when they do not, the columns it leaves out are guessed as the dashboard's preview
 * guesses them (suggestMap) and, if the file then fits, the guesses are answered to be
 * told. A file that fit before is never mapped otherwise; one that fits neither way is
 * refused as given.
 */
export async function fitMapping(file: string, kind: ImportKind, map: Record<string, string>, encoding?: string): Promise<{ map: Record<string, string>; guessed: Record<string, string> }> {
  const csv = await openCsv(file, encoding);
  csv.close();
  const { header } = csv;
  // An empty file is that, not a file missing every column (as the import itself says).
  if (header.length === 0) throw invalidField('file', say('import.file_empty'));
  try {
    resolveColumns({ header, map, kind, via: 'cli' });
    return { map, guessed: {} };
  } catch (error) {
    const guessed = Object.fromEntries(Object.entries(suggestMap(header, kind)).filter(([field]) => !(field in map) && !header.some((h) => h.trim().toLowerCase() === field)));
    const merged = withFields(guessed, map);
    if (Object.keys(guessed).length === 0) throw error;
    try {
      resolveColumns({ header, map: merged, kind, via: 'cli' });
    } catch (still) {
      // What is still missing with the guesses is what to fix; the guesses are told with it.
      if (!isAppError(still)) throw still;
      // In the language asked, as the refusal it extends (QA: it was English in every language).
      const columns = Object.entries(guessed).map(([field, column]) => `${field}=${column}`).join(', ');
      const withGuesses = (told: { message: string; problems: { field: string; reason: string }[] }, language: Language) =>
        ({ message: `${told.message} ${say('import.still_missing_with_guesses', { columns }).in(language)}`, problems: told.problems });
      throw new AppError('invalid', withGuesses(still, 'en').message, still.problems, (language) => withGuesses(still.in(language), language));
    }
    return { map: merged, guessed };
  }
}

/**
 * A report's bad cells in columns fitMapping guessed for an optional field, each told how to
 * leave the column out (`--map field=`): a store column of store names, guessed as codes,
 * failed every row as an unknown store, and the user was not told the column was a guess.
 */
export function hintGuessedColumns<T extends { errors: RowError[] }>(result: T, guessed: Record<string, string>, kind: ImportKind, language: Language): T {
  const optional = new Set(CANONICAL[kind].filter((f) => !f.required).map((f) => f.name));
  const fieldOf = new Map(Object.entries(guessed).filter(([field]) => optional.has(field)).map(([field, column]) => [column, field]));
  if (fieldOf.size === 0) return result;
  const errors = result.errors.map((e) => {
    const field = fieldOf.get(e.column);
    return field ? { ...e, reason: say('import.guessed_column_hint', { reason: e.reason, column: e.column, field }).in(language) } : e;
  });
  return { ...result, errors };
}
