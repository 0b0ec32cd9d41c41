import pg from 'pg';
import type { DatabaseHandle } from './connect.ts';

// `regulars demo` records years of backdated history in rounds: a round's purchases,
// then refunds that may take back earlier rounds' purchases, and the loyalty maintenance
// at its end. The server's hourly maintenance sweeping in between expired the history's
// points before the later rounds' refunds came, so they took back nothing, and one seed
// made different businesses (expired 109,086 or 109,219 points). So while history is
// being written, the scheduled run stands aside: the next hour's run, or the demo's own at
// its end, does the work, and a skipped sweep loses nothing. It is a readers–writer lock:
// any number of writers of history at once (shared), a scheduled run only alone (exclusive).
//
// In one process (the embedded database, which is one session whose advisory locks never
// conflict with each other; a demo sent to a server by POST /demo), a count per database
// handle. On PostgreSQL the CLI runs the demo in its own process beside the server's jobs,
// so an advisory lock as well, held for the run in a transaction left open on a connection
// of its own (not the pool's: with DATABASE_POOL_SIZE=1 the demo would wait for its own
// connection). A transaction's lock rather than the session's: behind a pooler in
// transaction mode (PgBouncer) a session's lock would stay on a server connection after
// ours closed. The transaction writes nothing, so it holds no vacuum back. Closing the
// connection, or a crash of the process, ends the transaction and the lock.

const KEY = `hashtextextended('regulars: history being written', 0)`;

interface Holders {
  /** Writers of history in this process. */
  writers: number;
  /** Scheduled runs under way in this process (a writer waits for them). */
  runs: Set<Promise<unknown>>;
}
const byHandle = new WeakMap<DatabaseHandle, Holders>();
const holdersOf = (database: DatabaseHandle) => {
  let holders = byHandle.get(database);
  if (!holders) byHandle.set(database, (holders = { writers: 0, runs: new Set() }));
  return holders;
};

/** A connection of its own to the pool's database, in a transaction whose locks live as long as it. */
async function openSession(database: DatabaseHandle): Promise<pg.Client> {
  const session = new pg.Client(database.pool.options);
  // A connection dropped by the server only ends the lock; it must not crash the process.
  session.on('error', () => undefined);
  await session.connect();
  try {
    // Idle on purpose for as long as the demo or the run lasts: a database that ends idle
    // transactions (idle_in_transaction_session_timeout) would otherwise end the lock early.
    await session.query('BEGIN; SET LOCAL idle_in_transaction_session_timeout = 0');
  } catch (error) {
    await closeSession(session);
    throw error;
  }
  return session;
}
const closeSession = async (session: pg.Client) => {
  await session.query('ROLLBACK').catch(() => undefined);
  await session.end().catch(() => undefined);
};

/**
 * Runs `write` (a demo's history) with scheduled maintenance held off. It first waits for a
 * scheduled run already under way (in this process, or on PostgreSQL in any), so that no
 * sweep overlaps the history at either end.
 */
export async function whileWritingHistory<T>(database: DatabaseHandle, write: () => Promise<T>): Promise<T> {
  const holders = holdersOf(database);
  // Counted before waiting: a scheduled run starting meanwhile skips.
  holders.writers += 1;
  let session: pg.Client | undefined;
  try {
    await Promise.allSettled([...holders.runs]);
    if (database.kind === 'postgres') {
      session = await openSession(database);
      await session.query(`SELECT pg_advisory_xact_lock_shared(${KEY})`);
    }
    return await write();
  } finally {
    holders.writers -= 1;
    if (session) await closeSession(session);
  }
}

/**
 * Runs `run` (a scheduled job) unless history is being written (whileWritingHistory), in
 * this process or on PostgreSQL in another; `{ skipped: true }` then, without waiting.
 * Only the schedule asks: an explicit run (`regulars loyalty maintenance`, the demo's own
 * at its end) is meant to run now.
 */
export async function unlessWritingHistory<T>(database: DatabaseHandle, run: () => Promise<T>): Promise<{ skipped: true } | { skipped: false; result: T }> {
  const holders = holdersOf(database);
  if (holders.writers > 0) return { skipped: true };
  let session: pg.Client | undefined;
  if (database.kind === 'postgres') {
    session = await openSession(database);
    let free = false;
    try {
      ({ rows: [{ free }] } = await session.query<{ free: boolean }>(`SELECT pg_try_advisory_xact_lock(${KEY}) AS free`));
    } finally {
      if (!free) await closeSession(session);
    }
    if (!free) return { skipped: true };
  }
  const running = run();
  holders.runs.add(running);
  try {
    return { skipped: false, result: await running };
  } finally {
    holders.runs.delete(running);
    if (session) await closeSession(session);
  }
}
