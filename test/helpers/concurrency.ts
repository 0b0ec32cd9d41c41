import { sql } from 'kysely';
import type { Db, Tx } from '../../src/db/index.ts';
import { AppError } from '../../src/shared/errors.ts';

// What the race tests share: calls made at once, a writer caught in the middle of its
// transaction, and waiting for something a background worker does.

/**
 * Runs `work` in a transaction that stays open, its locks held, until `commit()` or
 * `rollback()`: another writer (a refund, a merge, a job) caught in the middle.
 */
export async function heldOpen(db: Db, work: (trx: Tx) => Promise<unknown>): Promise<{ commit(): Promise<void>; rollback(): Promise<void> }> {
  let end!: (commit: boolean) => void;
  const ended = new Promise<boolean>((r) => (end = r));
  let holding!: () => void;
  const held = new Promise<void>((r) => (holding = r));
  const rolledBack = new Error('rolled back by the test');
  const done = db.transaction().execute(async (trx) => {
    await work(trx);
    // A lock may travel with the transaction's next statement (pipeline.ts): send one.
    await sql`SELECT 1`.execute(trx);
    holding();
    if (!(await ended)) throw rolledBack;
  }).catch((error: unknown) => {
    if (error !== rolledBack) throw error;
  });
  await Promise.race([held, done]);
  return {
    commit: async () => {
      end(true);
      await done;
    },
    rollback: async () => {
      end(false);
      await done;
    },
  };
}

/** Runs the calls at once; answers the successes and the refusals, and fails on anything but an AppError. */
export async function race<T>(calls: (() => Promise<T>)[]): Promise<{ ok: T[]; errors: AppError[] }> {
  const settled = await Promise.allSettled(calls.map((call) => call()));
  const errors = settled.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
  for (const e of errors) if (!(e instanceof AppError)) throw e;
  return { ok: settled.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : [])), errors: errors as AppError[] };
}

export const times = <T>(n: number, f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));

/** Waits until `check` holds, polling; fails after `timeoutMs`. */
export async function until(check: () => boolean | Promise<boolean>, { timeoutMs = 30_000, everyMs = 50 } = {}): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Waits long enough for a request started now to be queued on a lock (there is no signal for it). */
export const queued = (ms = 250): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * A point a wrapped step stops at, its transaction open, until `release()`: wrap the step's
 * promise with `.then(gate.pass)`, wait for `hit`. For holding a whole use-case (a merge,
 * a refund) just before its commit, where heldOpen holds a hand-written transaction.
 */
export function gate() {
  let release!: () => void;
  let reached!: () => void;
  const open = new Promise<void>((r) => (release = r));
  const hit = new Promise<void>((r) => (reached = r));
  return { hit, release, pass: async <T>(value: T) => (reached(), await open, value) };
}
