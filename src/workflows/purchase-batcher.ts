import type { PreparedPurchase } from '../modules/commerce/index.ts';
import { recordPurchases, type PurchaseOutcome, type RecordPurchasesDeps } from './record-purchases.ts';

// Group commit for single purchases. Every request arriving while earlier ones are being
// recorded waits in a queue; the queue is recorded as one batch, through the same path
// as POST /purchases/batch, in one transaction. A transaction costs about ten statements
// whatever its size, so under load (many tills at once) a purchase costs a fraction of
// one, while a lone request still goes out at once (the queue is flushed on the next
// turn of the event loop; only under load does it linger a moment for more). Each
// request gets its own outcome; if the transaction of a batch fails as a whole (a
// database error rather than an item's own error), the batch is split and retried in
// halves, so one bad item fails alone.

export interface PurchaseBatcherOptions {
  source: string;
  /** Largest batch recorded in one transaction. */
  maxBatch?: number;
  /** Batches being recorded at once: while one waits for the database, the next is prepared. */
  maxInFlight?: number;
  /** With a batch in flight and fewer than `minBatch` waiting, wait this long for more. */
  lingerMs?: number;
  minBatch?: number;
}

interface Waiting {
  input: unknown;
  prepared: PreparedPurchase;
  resolve(outcome: PurchaseOutcome): void;
  reject(error: unknown): void;
}

export function createPurchaseBatcher(deps: RecordPurchasesDeps, { source, maxBatch = 200, maxInFlight = 2, lingerMs = 2, minBatch = 32 }: PurchaseBatcherOptions) {
  let queue: Waiting[] = [];
  let inFlight = 0;
  let scheduled = false;

  function schedule() {
    if (scheduled || inFlight >= maxInFlight || queue.length === 0) return;
    scheduled = true;
    // Idle, or enough waiting: go now. Otherwise the requests that are on their way (being
    // read and validated) join if they arrive within the linger time: bigger batches cost
    // less per purchase, for a millisecond or two of latency under load.
    if (inFlight === 0 || queue.length >= minBatch) setImmediate(flush);
    else setTimeout(flush, lingerMs);
  }

  function flush() {
    scheduled = false;
    while (inFlight < maxInFlight && queue.length > 0) {
      const batch = queue.length <= maxBatch ? queue : queue.slice(0, maxBatch);
      queue = queue.length <= maxBatch ? [] : queue.slice(maxBatch);
      inFlight++;
      void record(batch).finally(() => {
        inFlight--;
        schedule();
      });
    }
  }

  async function record(batch: Waiting[]): Promise<void> {
    let outcomes: PurchaseOutcome[];
    try {
      outcomes = await recordPurchases(deps, batch.map((w) => w.input), { source, prepared: batch.map((w) => w.prepared) });
    } catch (error) {
      if (batch.length === 1) return batch[0].reject(error);
      const half = Math.ceil(batch.length / 2);
      await record(batch.slice(0, half));
      await record(batch.slice(half));
      return;
    }
    for (let i = 0; i < batch.length; i++) batch[i].resolve({ ...outcomes[i], index: 0 });
  }

  return {
    /** Records one validated purchase with whatever else is waiting; resolves with its own outcome. */
    record(input: unknown, prepared: PreparedPurchase): Promise<PurchaseOutcome> {
      return new Promise((resolve, reject) => {
        queue.push({ input, prepared, resolve, reject });
        schedule();
      });
    },
  };
}

export type PurchaseBatcher = ReturnType<typeof createPurchaseBatcher>;
