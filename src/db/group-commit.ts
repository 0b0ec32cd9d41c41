// Group commit: requests that arrive while earlier ones are being written wait in a
// queue, and the queue is written as one group, in one transaction. A transaction costs a
// handful of round trips whatever its size, so under load (many tills at once) a request
// costs a fraction of one, while a lone request still goes out at once (the queue is
// flushed on the next turn of the event loop; only under load does it linger a moment for
// more). Each request gets its own outcome; if a group fails as a whole (a database error
// rather than an item's own outcome), it is split and retried in halves, so one bad item
// fails alone.

export interface GroupCommitOptions {
  /** Largest group written in one transaction. */
  maxBatch?: number;
  /** Groups being written at once: while one waits for the database, the next is prepared. */
  maxInFlight?: number;
  /**
   * With a group in flight and fewer than `minBatch` waiting, wait this long for more.
   * 1 ms, the shortest a Node timer waits: where the database commits in a fraction of a
   * millisecond, the clients' round trips are the limit and 2 ms cost 7–9 % of the
   * purchases a second; where the cores are the limit, 1 and 2 ms measured the same
   * (docs/benchmarks.md, sessions 21 and 28).
   */
  lingerMs?: number;
  minBatch?: number;
}

/**
 * Where one request's time went: purchases and redemptions answer with it as a
 * Server-Timing header, so a slow answer shows whether it waited for a group or for the
 * database (and the API benchmark reports both).
 */
export interface GroupTiming {
  /** From submitting to its group starting to write (waiting for a slot or for more to join). */
  queuedMs: number;
  /** Its group's transaction, start to commit. */
  writeMs: number;
  /** Requests written in that group. */
  groupSize: number;
}

interface Waiting<Item, Outcome> {
  item: Item;
  resolve(written: { outcome: Outcome; timing: GroupTiming }): void;
  reject(error: unknown): void;
  submittedAt: number;
}

/** `commit` writes a group in one transaction and returns an outcome per item, in order. */
export function createGroupCommit<Item, Outcome>(
  commit: (items: Item[]) => Promise<Outcome[]>,
  { maxBatch = 200, maxInFlight = 2, lingerMs = 1, minBatch = 32 }: GroupCommitOptions = {},
) {
  let queue: Waiting<Item, Outcome>[] = [];
  let inFlight = 0;
  let scheduled = false;

  function schedule() {
    if (scheduled || inFlight >= maxInFlight || queue.length === 0) return;
    scheduled = true;
    // Idle, or enough waiting: go now. Otherwise the requests that are on their way (being
    // read and validated) join if they arrive within the linger time: bigger groups cost
    // less per request, for a millisecond of latency under load.
    if (inFlight === 0 || queue.length >= minBatch) setImmediate(flush);
    else setTimeout(flush, lingerMs);
  }

  function flush() {
    scheduled = false;
    while (inFlight < maxInFlight && queue.length > 0) {
      const group = queue.slice(0, maxBatch);
      queue = queue.slice(maxBatch);
      inFlight++;
      void write(group).finally(() => {
        inFlight--;
        schedule();
      });
    }
  }

  async function write(group: Waiting<Item, Outcome>[]): Promise<void> {
    let outcomes: Outcome[];
    const startedAt = performance.now();
    try {
      outcomes = await commit(group.map((w) => w.item));
    } catch (error) {
      if (group.length === 1) return group[0].reject(error);
      const half = Math.ceil(group.length / 2);
      await write(group.slice(0, half));
      await write(group.slice(half));
      return;
    }
    const writtenAt = performance.now();
    group.forEach((w, i) => w.resolve({ outcome: outcomes[i], timing: { queuedMs: startedAt - w.submittedAt, writeMs: writtenAt - startedAt, groupSize: group.length } }));
  }

  return {
    /** Writes one item with whatever else is waiting; resolves with its own outcome and where the time went. */
    submit(item: Item): Promise<{ outcome: Outcome; timing: GroupTiming }> {
      return new Promise((resolve, reject) => {
        queue.push({ item, resolve, reject, submittedAt: performance.now() });
        schedule();
      });
    },
  };
}
