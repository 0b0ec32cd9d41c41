import fs from 'node:fs';
import { pipeline } from 'node:stream';
import { parse } from 'csv-parse';
import { parse as parseText } from 'csv-parse/sync';
import { invalidField } from '../../../shared/errors.ts';
import { say } from '../../../shared/messages/index.ts';
import { utf8Stream } from './encoding.ts';

// Streaming CSV: one record at a time with the physical line it started on (a quoted
// field may span lines, so the record number is not the line number), in bounded
// memory whatever the file's size.

export interface CsvRecord {
  line: number;
  values: string[];
  /** The cells as the file wrote them, when a format option rewrote them (file-format.ts): an error quotes the file's text. */
  written?: string[];
}

export interface CsvSource {
  header: string[];
  /** The separator the file was read with (detectDelimiter). */
  delimiter: string;
  records: AsyncIterable<CsvRecord>;
  bytesRead(): number;
  totalBytes: number;
  /** Stops reading (a reader that wanted the header alone). */
  close(): void;
}

/** Opens a file in `encoding` (UTF-8 unless told: bytes that are not stop the reading, encoding.ts). */
export async function openCsv(file: string, told = 'utf-8'): Promise<CsvSource> {
  const totalBytes = fs.statSync(file).size;
  // The first bytes tell both the byte order mark and the separator: one read for the two.
  const head = firstBytes(file, 4096);
  const encoding = byteOrderMark(head) ?? told;
  const input = fs.createReadStream(file);
  let bytes = 0;
  input.on('data', (chunk) => (bytes += chunk.length));
  const delimiter = detectDelimiter(head, encoding);
  // Rows may have fewer fields than the header (trailing empty cells left out) or more:
  // the importer refuses a row with more (fieldCountProblem, field-count.ts) rather than
  // let the parser drop its extra fields.
  const parser = parse({ bom: true, info: true, relax_column_count: true, skip_empty_lines: true, trim: true, delimiter });
  // pipeline, not pipe: an encoding error must reach the reader of the records.
  pipeline(input, utf8Stream(encoding), parser, () => {});
  const parsed = parser[Symbol.asyncIterator]() as AsyncIterator<{ record: string[]; info: { lines: number; records: number } }>;
  let header: string[] = [];
  let startLine = 1;
  // The parser's refusals of a quote, told where and why in the catalogue's words. An error in
  // the first chunk rejects the first read, before the header is had: it is read from the head.
  const iterator = {
    next: () => parsed.next().catch((error: unknown) => {
      throw quoteProblem(error, startLine, header.length > 0 ? header : headerIn(head, encoding, delimiter));
    }),
  };
  const first = await iterator.next();
  // Columns without a name at the end of the header are no columns: a header ending in a
  // separator would otherwise make room for a decimal comma's second half (field-count.ts).
  header = first.done ? [] : first.value.record;
  while (header.length > 0 && header[header.length - 1] === '') header.pop();
  startLine = first.done ? 1 : first.value.info.lines + 1;
  const records: AsyncIterable<CsvRecord> = {
    async *[Symbol.asyncIterator]() {
      // A reader that stops early (a preview's first rows) closes the file.
      try {
        yield* read();
      } finally {
        parser.destroy();
      }
    },
  };
  async function* read(): AsyncIterable<CsvRecord> {
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      const line = startLine;
      startLine = next.value.info.lines + 1;
      // A row of separators alone (",,,": a spreadsheet's empty table row) is an empty line.
      if (next.value.record.every((v) => v === '')) continue;
      yield { line, values: next.value.record };
    }
  }
  return { header, delimiter, records, bytesRead: () => bytes, totalBytes, close: () => parser.destroy() };
}

const QUOTE_PROBLEMS = {
  INVALID_OPENING_QUOTE: 'import.csv_stray_quote',
  CSV_INVALID_CLOSING_QUOTE: 'import.csv_after_quote',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'import.csv_after_quote',
  CSV_QUOTE_NOT_CLOSED: 'import.csv_quote_not_closed',
} as const;

/**
 * A quote the parser cannot read past, as a problem of the file naming its line and column
 * (QA: csv-parse's own words reached the user in English in every language, counting fields
 * from 0 — "Invalid Opening Quote: a quote is found on field 1 at line 2" for the column
 * first_name — and a quote left open was placed at the file's last line, not the one it
 * opened on). Other errors pass unchanged.
 */
function quoteProblem(error: unknown, recordLine: number, header: string[]): unknown {
  const { code, lines, column } = error as { code?: string; lines?: number; column?: unknown };
  if (!code || !Object.hasOwn(QUOTE_PROBLEMS, code)) return error;
  const kind = QUOTE_PROBLEMS[code as keyof typeof QUOTE_PROBLEMS];
  // A quote left open took the rest of the file: its record began where the reading stood.
  const line = kind === 'import.csv_quote_not_closed' || typeof lines !== 'number' ? recordLine : lines;
  const name = typeof column === 'number' ? header[column] : undefined;
  const at = name ? say('import.csv_at', { line, column: name }) : say('import.csv_at_line', { line });
  return invalidField('file', say(kind, { at }));
}

/** The header line's names in a file's first bytes, or none where they do not read. */
function headerIn(head: Uint8Array, encoding: string, delimiter: string): string[] {
  try {
    const [first] = parseText(new TextDecoder(encoding).decode(head), { bom: true, delimiter, trim: true, relax_column_count: true, to: 1 }) as string[][];
    return first ?? [];
  } catch {
    return [];
  }
}

/** A file's first records, read by a reader of their own (the import checks the date format on them before its pass reads the file). */
export async function firstRecords(file: string, encoding: string | undefined, count: number): Promise<CsvRecord[]> {
  const csv = await openCsv(file, encoding);
  const records: CsvRecord[] = [];
  for await (const record of csv.records) {
    records.push(record);
    if (records.length >= count) break;
  }
  return records;
}

/** The records, each as `f` makes it (a row's cells in the API's spelling: file-format.ts), as they are read. */
export async function* mapRecords(records: AsyncIterable<CsvRecord>, f: (r: CsvRecord) => CsvRecord): AsyncIterable<CsvRecord> {
  for await (const r of records) yield f(r);
}

/** The first bytes of a file. */
export function firstBytes(file: string, size: number): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(size);
    return buffer.subarray(0, fs.readSync(fd, buffer, 0, size, 0));
  } finally {
    fs.closeSync(fd);
  }
}

/** UTF-16 by its byte order mark (Excel's "Unicode text"): the mark leaves no doubt, whatever encoding was assumed. */
function byteOrderMark(head: Uint8Array): string | undefined {
  const [a, b] = head;
  return a === 0xff && b === 0xfe ? 'utf-16le' : a === 0xfe && b === 0xff ? 'utf-16be' : undefined;
}

/** Comma by default; semicolon or tab when the header line clearly uses one (European exports). */
function detectDelimiter(head: Uint8Array, encoding: string): string {
  const firstLine = new TextDecoder(encoding).decode(head).split(/\r?\n/)[0];
  const count = (c: string) => firstLine.split(c).length - 1;
  const [best] = [',', ';', '\t'].sort((a, b) => count(b) - count(a));
  return count(best) > 0 ? best : ',';
}
