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

export interface ConnectionGate {
  /** Waits for the turn on the connection; the returned function ends the turn. */
  acquire(): Promise<() => void>;
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

  return {
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
      return new Promise((resolve, reject) => {
        const waiter: Waiter = {
          since: Date.now(),
          grant: () => {
            clearTimeout(timer);
            resolve(turn());
          },
        };
        const timer = setTimeout(() => {
          queue.splice(queue.indexOf(waiter), 1);
          reject(new Error(`No turn on the embedded database's connection within ${timeoutMs / 1000} s`));
        }, timeoutMs);
        queue.push(waiter);
      });
    },
  };
}
