import fs from 'node:fs';
import path from 'node:path';
import type { PreparedPurchase } from '../../commerce/index.ts';
import { makeImportTempDir } from './temp-files.ts';

// The validation pass keeps what it prepared (one JSON line per valid row, with its CSV
// line) in a temporary file, so the import pass reads rows ready to record instead of
// parsing and validating the file a second time.
//
// The import pass reads them in the order they happened, not in the file's: a purchase
// earns at the tier its member held when it was made, and the first-purchase bonus goes
// with the member's first purchase, so a member's purchases must be recorded in their own
// time order — an export sorted by store and then by date, or shuffled, gave a member's
// bonus to a later purchase and earned a later purchase at the tier before an earlier one
// lifted it, whenever the two fell in different chunks. A file already in time order (the
// usual export) is read straight through; another is read record by record in time order
// (equal times in the file's order), from where each was written. What that keeps in
// memory is three numbers a purchase (24 bytes: 24 MB for a million), never the rows.

export interface SpooledRow {
  line: number;
  prepared: PreparedPurchase;
  /** What the file says was refunded of the order since, in minor units (0: nothing, or no such column). */
  refundedMinor: number;
}

export function createPurchaseSpool() {
  const dir = makeImportTempDir('spool');
  const file = path.join(dir, 'prepared.ndjson');
  const out = fs.createWriteStream(file);
  let rows = 0;
  let pending = '';
  let written = 0; // bytes, pending included
  const times: number[] = [];
  const offsets: number[] = [];
  const lengths: number[] = [];
  let inTimeOrder = true;

  const flush = async () => {
    if (!pending) return;
    const text = pending;
    pending = '';
    if (!out.write(text)) await new Promise<void>((r) => out.once('drain', () => r()));
  };

  return {
    get rows() {
      return rows;
    },

    async add(batch: SpooledRow[]) {
      for (const { line, prepared, refundedMinor } of batch) {
        const record = `${line}\t${refundedMinor}\t${JSON.stringify(prepared)}\n`;
        const at = prepared.occurredAt.getTime();
        if (rows > 0 && at < times[rows - 1]) inTimeOrder = false;
        const length = Buffer.byteLength(record);
        times.push(at);
        offsets.push(written);
        lengths.push(length);
        written += length;
        pending += record;
        rows++;
      }
      if (pending.length > 1 << 20) await flush();
    },

    async finish() {
      await flush();
      await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
    },

    /** The spooled rows in batches of `size`, in the order they happened (equal times in file order). */
    async *read(size: number): AsyncIterable<SpooledRow[]> {
      if (inTimeOrder) yield* readInFileOrder(size);
      else yield* readInTimeOrder(size);
    },

    /** The file the rows are spooled to. */
    path: file,

    remove() {
      // Removed before its file was opened (an import that failed at once), the stream
      // reports the folder gone as an 'error' event, which unheard would stop the process.
      out.on('error', () => {});
      out.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };

  async function* readInTimeOrder(size: number): AsyncIterable<SpooledRow[]> {
    const order = Uint32Array.from({ length: rows }, (_, i) => i).sort((a, b) => times[a] - times[b] || a - b);
    const handle = await fs.promises.open(file, 'r');
    try {
      for (let from = 0; from < rows; from += size) {
        const batch: SpooledRow[] = [];
        for (const i of order.subarray(from, from + size)) {
          const buffer = Buffer.allocUnsafe(lengths[i]);
          await handle.read(buffer, 0, lengths[i], offsets[i]);
          batch.push(parseRecord(buffer.toString('utf8', 0, lengths[i] - 1)));
        }
        yield batch;
      }
    } finally {
      await handle.close();
    }
  }

  async function* readInFileOrder(size: number): AsyncIterable<SpooledRow[]> {
    let batch: SpooledRow[] = [];
    let rest = '';
    for await (const chunk of fs.createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
      const text = rest + (chunk as string);
      let start = 0;
      for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
        batch.push(parseRecord(text.slice(start, end)));
        start = end + 1;
        if (batch.length === size) {
          yield batch;
          batch = [];
        }
      }
      rest = text.slice(start);
    }
    if (batch.length) yield batch;
  }
}

/** One spooled line (without its newline): the CSV line, what was refunded, the prepared purchase. */
function parseRecord(text: string): SpooledRow {
  const tab = text.indexOf('\t');
  const second = text.indexOf('\t', tab + 1);
  const prepared = JSON.parse(text.slice(second + 1)) as PreparedPurchase;
  prepared.occurredAt = new Date(prepared.occurredAt);
  return { line: Number(text.slice(0, tab)), prepared, refundedMinor: Number(text.slice(tab + 1, second)) };
}

export type PurchaseSpool = ReturnType<typeof createPurchaseSpool>;
