import { AsyncLocalStorage } from 'node:async_hooks';

// The embedded database (PGlite) is one session, so the whole process takes turns on one
// connection, and runs its statements on this thread. During a demo of 20,000 customers
// (94,000 purchases) and the event backlog's jobs after it, the server answered nothing
// for two to three minutes, not even a static page (see acquire). Work marked
// `inBackground` (jobs, the outbox dispatcher, a demo or an import) now lets the others go
// first: a waiting request gets the connection as soon as the holder releases it. So
// that a busy API cannot stall the background for good, background work that has waited
// longer than `backgroundMaxWaitMs` (2 s) goes next anyway.
// PostgreSQL has a pool of connections and needs none of this.

const background = new AsyncLocalStorage<true>();
/** Whether this process has a gate (an embedded database); without one, nothing asks who is background. */
let gated = false;

/** Runs `work` (and everything it starts) as background work: it yields the embedded database's connection to requests. */
export function inBackground<T>(work: () => Promise<T>): Promise<T> {
  // On Node 20 the first AsyncLocalStorage.run installs promise hooks that every promise
  // of the process then pays for: 3 % of the server's CPU under a load of purchases on
  // PostgreSQL, where no gate reads the mark.
  return gated ? background.run(true, work) : work();
}

// A self-wait: code inside `db.transaction().execute(async (trx) => …)` that awaits a
// query through `db` (not `trx`) waits for the turn its own transaction holds, and the
// transaction waits for it: before, the turn's timeout broke the knot after 120 s, while
// every other request of the server waited behind it (session 60: a refund read its store
// through `db`). The transaction's callback runs marked as holding the turn (`holdingTurn`,
// used by the handle's `transaction()`: holding-kysely.ts). A turn asked for under that
// mark while the callback runs may also be work the callback started and does not await
// (it used to wait for the commit, which is right), so it waits as any other, but while
// the holder sends no statement on the connection: a holder that sends nothing for
// SELF_WAIT_MS while such a turn waits is waiting for it, and the turn fails.
/** How long a holder may send nothing while a turn asked for under its mark waits: a self-wait fails after this. */
const SELF_WAIT_MS = 100;

interface Hold {
  gate: ConnectionGate;
  /** The transaction's callback has not settled yet. */
  open: boolean;
}
const holding = new AsyncLocalStorage<Hold>();

/** A query through the database handle awaited inside its own transaction (embedded database): a bug at the call site. */
export class SelfWaitError extends Error {
  constructor() {
    super(
      "Deadlock avoided: a query through the database handle while this work's own transaction holds the embedded database's only connection; " +
        'pass the transaction (trx) to that query instead of the database handle (db)',
    );
    this.name = 'SelfWaitError';
  }
}

export interface ConnectionGate {
  /** Waits for the turn on the connection; the returned function ends the turn. */
  acquire(): Promise<() => void>;
  /** Runs a transaction's callback as the holder of the turn (see SelfWaitError). */
  holdingTurn<T>(callback: () => Promise<T>): Promise<T>;
  /** A statement the holder sends on the connection: the holder is at work, not waiting for a turn. */
  sending<T>(statement: Promise<T>): Promise<T>;
}

/**
 * One turn at a time, requests before background work. A turn not granted within
 * `timeoutMs` fails (the pool's own checkout timeout did that before: a query on the pool
 * from inside a transaction would otherwise wait for ever).
 */
export function createConnectionGate({ timeoutMs = 120_000, backgroundMaxWaitMs = 2_000 }: { timeoutMs?: number; backgroundMaxWaitMs?: number } = {}): ConnectionGate {
  gated = true;
  interface Waiter { grant(): void; since: number }
  const waiting = { foreground: [] as Waiter[], background: [] as Waiter[] };
  let busy = false;
  // The holder's statements: sent so far, and not answered yet.
  let sent = 0;
  let unanswered = 0;

  const overdue = () => waiting.background.length > 0 && Date.now() - waiting.background[0].since > backgroundMaxWaitMs;

  /** The turn ends: a waiting request goes at once; background work after the event loop has turned (see acquire). */
  function next() {
    if (!overdue() && waiting.foreground.length > 0) waiting.foreground.shift()!.grant();
    else if (waiting.background.length > 0) setImmediate(nextAfterTurn);
    else busy = false;
  }

  function nextAfterTurn() {
    const waiter = (overdue() ? waiting.background.shift() : undefined) ?? waiting.foreground.shift() ?? waiting.background.shift();
    if (waiter) waiter.grant();
    else busy = false;
  }

  function turn(): () => void {
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      next();
    };
  }

  /** While `hold` lasts, fails `waiter` once the holder has sent nothing for SELF_WAIT_MS. */
  function watchForSelfWait(hold: Hold, fail: () => void): () => void {
    let seen = sent;
    const watch = setInterval(() => {
      if (!hold.open) clearInterval(watch);
      else if (unanswered === 0 && sent === seen) {
        clearInterval(watch);
        fail();
      } else seen = sent;
    }, SELF_WAIT_MS);
    return () => clearInterval(watch);
  }

  const gate: ConnectionGate = {
    async holdingTurn(callback) {
      const hold: Hold = { gate, open: true };
      try {
        return await holding.run(hold, callback);
      } finally {
        hold.open = false;
      }
    },

    sending(statement) {
      sent++;
      unanswered++;
      return statement.finally(() => {
        unanswered--;
        sent++;
      });
    },

    async acquire() {
      const inTheBackground = background.getStore() === true;
      // PGlite runs a statement on this thread and answers through promises, so a chain of
      // background statements can run from one microtask to the next without the event
      // loop ever reading a socket: the server then answers nothing at all until the chain
      // ends. Background work lets the event loop turn first, so a request that has
      // arrived is read and queues (ahead) before the next statement.
      if (inTheBackground) await new Promise((resolve) => setImmediate(resolve));
      if (!busy) {
        busy = true;
        return turn();
      }
      const queue = inTheBackground ? waiting.background : waiting.foreground;
      const hold = holding.getStore();
      return new Promise((resolve, reject) => {
        const giveUp = (error: Error) => {
          clearTimeout(timer);
          stopWatching();
          queue.splice(queue.indexOf(waiter), 1);
          reject(error);
        };
        const waiter: Waiter = {
          since: Date.now(),
          grant: () => {
            clearTimeout(timer);
            stopWatching();
            resolve(turn());
          },
        };
        const timer = setTimeout(() => giveUp(new Error(`No turn on the embedded database's connection within ${timeoutMs / 1000} s`)), timeoutMs);
        const stopWatching = hold?.gate === gate && hold.open ? watchForSelfWait(hold, () => giveUp(new SelfWaitError())) : () => undefined;
        queue.push(waiter);
      });
    },
  };
  return gate;
}
