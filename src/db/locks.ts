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
