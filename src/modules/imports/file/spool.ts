import fs from 'node:fs';
import path from 'node:path';
import type { PreparedPurchase } from '../../commerce/index.ts';
import { makeImportTempDir } from './temp-files.ts';

// The validation pass keeps what it prepared (one JSON line per valid row, with its CSV
// line) in a temporary file, so the import pass reads rows ready to record instead of
// parsing and validating the file a second time. Memory stays bounded whatever the
// file's size.

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
        pending += `${line}\t${refundedMinor}\t${JSON.stringify(prepared)}\n`;
        rows++;
      }
      if (pending.length > 1 << 20) await flush();
    },

    async finish() {
      await flush();
      await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
    },

    /** The spooled rows in batches of `size`, in file order. */
    async *read(size: number): AsyncIterable<SpooledRow[]> {
      let batch: SpooledRow[] = [];
      let rest = '';
      for await (const chunk of fs.createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
        const text = rest + (chunk as string);
        let start = 0;
        for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
          const tab = text.indexOf('\t', start);
          const second = text.indexOf('\t', tab + 1);
          const prepared = JSON.parse(text.slice(second + 1, end)) as PreparedPurchase;
          prepared.occurredAt = new Date(prepared.occurredAt);
          batch.push({ line: Number(text.slice(start, tab)), prepared, refundedMinor: Number(text.slice(tab + 1, second)) });
          start = end + 1;
          if (batch.length === size) {
            yield batch;
            batch = [];
          }
        }
        rest = text.slice(start);
      }
      if (batch.length) yield batch;
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
}

export type PurchaseSpool = ReturnType<typeof createPurchaseSpool>;
