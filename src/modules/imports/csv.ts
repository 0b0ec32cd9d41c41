import fs from 'node:fs';
import { pipeline } from 'node:stream';
import { parse } from 'csv-parse';
import { utf8Stream } from './encoding.ts';

// Streaming CSV: one record at a time with the physical line it started on (a quoted
// field may span lines, so the record number is not the line number), in bounded
// memory whatever the file's size.

export interface CsvRecord {
  line: number;
  values: string[];
}

export interface CsvSource {
  header: string[];
  /** The separator the file was read with (detectDelimiter). */
  delimiter: string;
  records: AsyncIterable<CsvRecord>;
  bytesRead(): number;
  totalBytes: number;
}

/** Opens a file in `encoding` (UTF-8 unless told: bytes that are not stop the reading, encoding.ts). */
export async function openCsv(file: string, encoding = 'utf-8'): Promise<CsvSource> {
  const totalBytes = fs.statSync(file).size;
  const input = fs.createReadStream(file);
  let bytes = 0;
  input.on('data', (chunk) => (bytes += chunk.length));
  const delimiter = detectDelimiter(file);
  // Rows may have fewer fields than the header (trailing empty cells left out) or more:
  // the importer refuses a row with more (fieldCountProblem, field-count.ts) rather than
  // let the parser drop its extra fields.
  const parser = parse({ bom: true, info: true, relax_column_count: true, skip_empty_lines: true, trim: true, delimiter });
  // pipeline, not pipe: an encoding error must reach the reader of the records.
  pipeline(input, utf8Stream(encoding), parser, () => {});
  const iterator = parser[Symbol.asyncIterator]() as AsyncIterator<{ record: string[]; info: { lines: number; records: number } }>;
  const first = await iterator.next();
  const header = first.done ? [] : first.value.record;
  let startLine = first.done ? 1 : first.value.info.lines + 1;
  const records: AsyncIterable<CsvRecord> = {
    async *[Symbol.asyncIterator]() {
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
        const line = startLine;
        startLine = next.value.info.lines + 1;
        yield { line, values: next.value.record };
      }
    },
  };
  return { header, delimiter, records, bytesRead: () => bytes, totalBytes };
}

/** Comma by default; semicolon or tab when the header line clearly uses one (European exports). */
function detectDelimiter(file: string): string {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(4096);
    const n = fs.readSync(fd, buffer, 0, buffer.length, 0);
    const firstLine = buffer.subarray(0, n).toString('utf8').split(/\r?\n/)[0];
    const count = (c: string) => firstLine.split(c).length - 1;
    const [best] = [',', ';', '\t'].sort((a, b) => count(b) - count(a));
    return count(best) > 0 ? best : ',';
  } finally {
    fs.closeSync(fd);
  }
}
