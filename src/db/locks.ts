import { sql } from 'kysely';
import type { Tx } from './index.ts';
import { sendLater } from './pipeline.ts';

// Serialises writers that touch the same natural key (an idempotency key, an email) for
// the rest of the transaction. All keys a transaction needs are locked in one call, in
// hash order, so two transactions can never wait on each other in a cycle. The lock goes
// out with the transaction's next statement (pipeline.ts): it is taken before that
// statement runs, without a round trip of its own.
export async function lockKeys(trx: Tx, keys: Iterable<string>): Promise<void> {
  const unique = [...new Set(keys)];
  if (unique.length === 0) return;
  await sendLater(trx, sql`
    SELECT pg_advisory_xact_lock(h)
    FROM (SELECT DISTINCT hashtextextended(k, 0) AS h FROM unnest(${unique}::text[]) AS k ORDER BY 1) AS sorted
  `);
}

/**
 * Takes, without waiting, the keys' locks that no other transaction holds, and answers
 * the keys whose locks another transaction holds (not taken). For a large batch that
 * would rather write what it can at once than wait for every batch it shares one key with
 * (and have the next batch wait behind it). Never waits, so never part of a wait cycle.
 * A round trip of its own: the caller needs the answer to go on.
 */
export async function lockFreeKeys(trx: Tx, keys: Iterable<string>): Promise<Set<string>> {
  const unique = [...new Set(keys)];
  if (unique.length === 0) return new Set();
  const { rows } = await sql<{ k: string }>`
    SELECT k FROM unnest(${unique}::text[]) AS k WHERE NOT pg_try_advisory_xact_lock(hashtextextended(k, 0))`.execute(trx);
  return new Set(rows.map((r) => r.k));
}

// Room in PostgreSQL's shared lock table. Advisory locks are entries in that table, which
// holds about max_locks_per_transaction × max_connections of them for the whole server
// (6,400 by default, with some slack), and a transaction keeps its keys' locks until it
// ends: a batch of 1,000 purchases takes some 3,000 (its order ids and identities). Four
// such batches at once fitted; eight ran the table out ("out of shared memory") and four of
// them failed. So a transaction that locks more than SMALL_TRANSACTION_KEYS keys first waits
// here, in arrival order, until the large ones of this process in flight leave room within
// LARGE_TRANSACTIONS_KEYS. Smaller ones never wait: the group commit's (at most 200
// purchases a group, each an order id and at most three identities; four groups in flight)
// stay within the rest, and a batch upload cannot hold up the tills.
const SMALL_TRANSACTION_KEYS = 800;
const LARGE_TRANSACTIONS_KEYS = 6_000;
let largeKeysInFlight = 0;
const waitingForRoom: { keys: number; enter(): void }[] = [];

/** Runs `transaction`, which locks `keys` keys, once the lock table has room for them (see above). */
export async function withLockRoom<T>(keys: number, transaction: () => Promise<T>): Promise<T> {
  if (keys <= SMALL_TRANSACTION_KEYS) return transaction();
  // A transaction larger than the whole room runs alone.
  const need = Math.min(keys, LARGE_TRANSACTIONS_KEYS);
  if (waitingForRoom.length > 0 || largeKeysInFlight + need > LARGE_TRANSACTIONS_KEYS) {
    await new Promise<void>((enter) => waitingForRoom.push({ keys: need, enter }));
  } else {
    largeKeysInFlight += need;
  }
  try {
    return await transaction();
  } finally {
    largeKeysInFlight -= need;
    while (waitingForRoom.length > 0 && largeKeysInFlight + waitingForRoom[0].keys <= LARGE_TRANSACTIONS_KEYS) {
      const next = waitingForRoom.shift()!;
      largeKeysInFlight += next.keys;
      next.enter();
    }
  }
}
