import { CompiledQuery, sql, type RawBuilder } from 'kysely';
import type pg from 'pg';
import type { Tx } from './index.ts';

// Statements sent later, together. Each statement of a transaction normally costs a round
// trip: the server waits for the next statement while the application takes its turn on
// the CPU, and the application waits for the answer. On two busy cores a group of
// purchases made nine round trips (BEGIN, the key locks, the key look-up, the identities,
// the customers, the purchases, the members, the ledger, COMMIT).
//
// Many of those statements are writes whose result nobody reads (BEGIN, a lock, an
// insert), or reads whose result is needed only later. Such a statement waits in a queue
// on the transaction's connection, and the queue goes out with the next statement whose
// result is awaited: on PostgreSQL in one write, as a pipeline (wire-pipeline.ts: the
// server runs the statements in order, each with its own result). The order of
// the statements on the server is the order of the calls, so a lock still comes before
// the read it protects; only the client stops waiting in between. The purchase path
// makes two round trips instead of nine. On PGlite (in this process: no round trips to
// save), or with DATABASE_PIPELINING=off, the queue goes out one statement at a time, in
// the same order and with the same errors.
//
// What a caller sees: a statement sent later that fails makes the statement that flushed
// the queue (or the COMMIT) fail with its error, mapped by the `mapError` it was queued
// with; the transaction then rolls back as usual.

/** Rides along with a statement as an extra parameter; the connection's queue takes it off. */
class Later {
  constructor(
    readonly mapError?: (error: unknown) => unknown,
    readonly deliver?: { resolve(result: pg.QueryResult): void; reject(error: unknown): void },
  ) {}
}
/** Sends the queue now, with no statement of its own. */
const FLUSH = new Later();

/**
 * Runs `query` in `trx` after everything before it and before anything after it, without
 * waiting for it: it goes out with the next statement whose result is awaited (or the
 * COMMIT). An error it raises is thrown there, passed through `mapError` first. One
 * statement, not a script of several: in a pipeline each text is parsed as one.
 */
export async function sendLater(trx: Tx, query: RawBuilder<unknown>, mapError?: (error: unknown) => unknown): Promise<void> {
  await enqueue(trx, query, new Later(mapError));
}

/** Hands the statement to its connection's queue (the marker tells the queue to keep it). */
async function enqueue(trx: Tx, query: RawBuilder<unknown>, later: Later): Promise<void> {
  const compiled = query.compile(trx);
  await trx.executeQuery(CompiledQuery.raw(compiled.sql, [...compiled.parameters, later]));
}

/** A read sent later: its rows, once the queue it waits in has gone out (asking for them sends it). */
export interface LaterRows<R> {
  rows(): Promise<R[]>;
}

/**
 * Queues a read like `sendLater`, so that it goes out with the next statement; `rows()`
 * returns its result, sending the queue first if nothing has sent it yet.
 *
 * `genericPlan`: the read runs on its prepared statement's generic plan (plan_cache_mode,
 * for this statement only). For a statement whose generic plan is right for every input
 * but whose estimated cost varies with the size of its array parameters, PostgreSQL's
 * `auto` mode keeps weighing the two and plans it again on many executions: the accrual's
 * member read was planned on 446 of 1,027 executions, at 0.7–1.6 ms a plan, more than it
 * took to run.
 */
export async function readLater<R>(trx: Tx, query: RawBuilder<R>, { genericPlan = false }: { genericPlan?: boolean } = {}): Promise<LaterRows<R>> {
  let sent = false;
  let deliver!: Later['deliver'];
  const result = new Promise<pg.QueryResult>((resolve, reject) => {
    deliver = {
      resolve(r) {
        sent = true;
        resolve(r);
      },
      reject(e) {
        sent = true;
        reject(e);
      },
    };
  });
  // A read whose rows nobody asks for (its transaction failed first) is no unhandled rejection.
  result.catch(() => undefined);
  if (genericPlan) await sendLater(trx, sql`SET LOCAL plan_cache_mode = force_generic_plan`);
  await enqueue(trx, query, new Later(undefined, deliver));
  if (genericPlan) await sendLater(trx, sql`SET LOCAL plan_cache_mode TO DEFAULT`);
  return {
    async rows() {
      if (!sent) await trx.executeQuery(CompiledQuery.raw('', [FLUSH]));
      return (await result).rows as R[];
    },
  };
}

type Send = (text: string, values: unknown[]) => Promise<pg.QueryResult>;
/** Sends statements as one pipeline (wire-pipeline.ts); settles each in order. */
type SendTogether = (statements: { text: string; values: unknown[] }[]) => Promise<PromiseSettledResult<pg.QueryResult>[]>;
interface Queued {
  text: string;
  values: unknown[];
  later?: Later;
  /** The transaction's BEGIN: while it is still queued, nothing of the transaction has been sent. */
  begin?: boolean;
}

const nothing = (command: string): pg.QueryResult => ({ command, rowCount: 0, oid: 0, rows: [], fields: [] });

/**
 * What a connection's statements go through: statements sent later, and a transaction's
 * BEGIN, wait in a queue that goes out with the next statement. One per connection;
 * Kysely sends a connection one statement at a time.
 */
export function createStatementQueue({ send, sendTogether }: { send: Send; sendTogether?: SendTogether }) {
  let queued: Queued[] = [];

  /** Sends the queue, then `own` (when given); throws the first failure, mapped. */
  async function flush(own?: Queued): Promise<pg.QueryResult> {
    const batch = own ? [...queued, own] : queued;
    queued = [];
    if (batch.length === 0) return nothing('');
    const settled = sendTogether && batch.length > 1 ? await sendTogether(batch) : await sendOneByOne(batch);
    let failure: { error: unknown } | undefined;
    settled.forEach((s, i) => {
      const later = batch[i].later;
      if (s.status === 'fulfilled') later?.deliver?.resolve(s.value);
      else {
        later?.deliver?.reject(s.reason);
        // The first failure is the cause: the statements after it failed because the
        // transaction was aborted.
        failure ??= { error: later?.mapError ? later.mapError(s.reason) : s.reason };
      }
    });
    if (failure) throw failure.error;
    return own ? (settled[settled.length - 1] as PromiseFulfilledResult<pg.QueryResult>).value : nothing('');
  }

  async function sendOneByOne(batch: Queued[]): Promise<PromiseSettledResult<pg.QueryResult>[]> {
    const settled: PromiseSettledResult<pg.QueryResult>[] = [];
    for (const q of batch) {
      try {
        settled.push({ status: 'fulfilled', value: await send(q.text, q.values) });
      } catch (reason) {
        settled.push({ status: 'rejected', reason });
        const aborted = new Error('Not sent: an earlier statement of the transaction failed');
        while (settled.length < batch.length) settled.push({ status: 'rejected', reason: aborted });
        break;
      }
    }
    return settled;
  }

  /** Drops the queue (rollback, release): its reads will never have rows. */
  function discard(why: string) {
    for (const q of queued) q.later?.deliver?.reject(new Error(why));
    queued = [];
  }

  return {
    async query(text: string, values: unknown[]): Promise<pg.QueryResult> {
      const marker = values[values.length - 1];
      if (marker === FLUSH) return flush();
      if (marker instanceof Later) {
        queued.push({ text, values: values.slice(0, -1), later: marker });
        return nothing('');
      }
      const statement = { text, values };
      if (values.length === 0) {
        const command = text.trim().toLowerCase();
        if (command === 'begin') {
          queued.push({ text, values, begin: true });
          return nothing('BEGIN');
        }
        if (command === 'rollback') {
          // Nothing of this transaction reached the server: there is nothing to roll back.
          const unsent = queued[0]?.begin === true;
          discard('Not sent: the transaction was rolled back');
          if (unsent) return nothing('ROLLBACK');
        }
        // A transaction of nothing but its BEGIN: nothing to send.
        if (command === 'commit' && queued.length === 1 && queued[0].begin) {
          queued = [];
          return nothing('COMMIT');
        }
      }
      return queued.length === 0 ? send(text, values) : flush(statement);
    },
    waiting: () => queued.length > 0,
    /** The connection goes back to the pool: nothing may stay queued on it. */
    reset() {
      discard('Not sent: the connection went back to the pool');
    },
  };
}
