import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testDatabaseKind } from '../../test/helpers/database.ts';
import type { DatabaseHandle } from './index.ts';
import { problemOf } from '../http/problem.ts';
import { silentLogger } from '../shared/logger.ts';
import { inBackground, SelfWaitError } from './priority.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const SELF_WAIT = /a query through the database handle while this work's own transaction holds the embedded database's only connection; pass the transaction/;

let h: DatabaseHandle;
beforeAll(async () => {
  h = await openTestDatabase();
});
afterAll(() => h?.close());

const storeCount = async (code: string) => Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM stores WHERE code = ${code}`.execute(h.db)).rows[0].n);
const insertStore = (code: string) => sql`INSERT INTO stores (id, code, name, time_zone) VALUES (gen_random_uuid(), ${code}, ${code}, 'UTC')`;

/** Rejections nobody handled while `work` ran (a detached query's would crash the server). */
async function unhandledDuring(work: () => Promise<void>): Promise<unknown[]> {
  const seen: unknown[] = [];
  const note = (reason: unknown) => seen.push(reason);
  process.on('unhandledRejection', note);
  try {
    await work();
    await sleep(50);
  } finally {
    process.off('unhandledRejection', note);
  }
  return seen;
}

// On PostgreSQL the pool has ten connections: a query through `db` inside a transaction
// runs on another one (outside the transaction) and nothing waits, so there is no guard
// and nothing to guard against (see the last describe).
describe.runIf(testDatabaseKind === 'pglite')('a query through the handle inside its own transaction (embedded database)', () => {
  it('fails at once, naming the cause; the transaction rolls back and a concurrent request gets its turn right after', async () => {
    const started = Date.now();
    const inside = h.db.transaction().execute(async (trx) => {
      await insertStore('SW1').execute(trx);
      return (await sql<{ n: number }>`SELECT 1 AS n`.execute(h.db)).rows[0].n;
    });
    await sleep(5);
    const request = sql<{ n: number }>`SELECT 2 AS n`.execute(h.db).then((r) => ({ n: r.rows[0].n, at: Date.now() - started }));
    await expect(inside).rejects.toThrow(SELF_WAIT);
    const failedAfter = Date.now() - started;
    expect(failedAfter).toBeLessThan(1_000);
    const answered = await request;
    expect(answered.n).toBe(2);
    expect(answered.at).toBeLessThan(failedAfter + 500);
    expect(await storeCount('SW1')).toBe(0);
  }, 5_000);

  it('fails at once through the raw query too, and through a transaction begun inside it', async () => {
    const started = Date.now();
    await expect(h.db.transaction().execute(async (trx) => {
      await insertStore('SW2').execute(trx);
      await h.query('SELECT 1');
    })).rejects.toThrow(SELF_WAIT);
    await expect(h.db.transaction().execute(async () => {
      await h.db.transaction().execute((inner) => sql`SELECT 1`.execute(inner));
    })).rejects.toThrow(SELF_WAIT);
    await expect(h.db.transaction().setIsolationLevel('serializable').setAccessMode('read only').execute(async () => {
      await sql`SELECT 1`.execute(h.db);
    })).rejects.toThrow(SELF_WAIT);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await storeCount('SW2')).toBe(0);
  }, 5_000);

  it('answers a request that does it with a 500, logged with the cause as any bug', async () => {
    const logged: { message: string; fields?: Record<string, unknown> }[] = [];
    const logger = { ...silentLogger, error: (message: string, fields?: Record<string, unknown>) => void logged.push({ message, fields }) };
    const error = await h.db.transaction().execute(() => sql`SELECT 1`.execute(h.db)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SelfWaitError);
    expect(problemOf(error, logger, { method: 'POST', url: '/api/v1/refunds', headers: {} } as never).status).toBe(500);
    expect(logged).toEqual([{ message: 'unhandled error', fields: expect.objectContaining({ error: expect.stringMatching(SELF_WAIT) }) }]);
  });

  it('lets a query started and not awaited inside a transaction run after the commit, seeing it', async () => {
    const seenAfter: number[] = [];
    const unhandled = await unhandledDuring(async () => {
      let detached!: Promise<void>;
      await h.db.transaction().execute(async (trx) => {
        await insertStore('SW3').execute(trx);
        detached = storeCount('SW3').then((n) => void seenAfter.push(n));
        // The transaction goes on working meanwhile, longer than the guard's look.
        for (let i = 0; i < 20; i++) {
          await sql`SELECT pg_sleep(0.01)`.execute(trx);
        }
      });
      await detached;
    });
    expect(unhandled).toEqual([]);
    expect(seenAfter).toEqual([1]);
  }, 5_000);

  it('lets a detached query wait while its transaction sleeps briefly, then commits', async () => {
    const unhandled = await unhandledDuring(async () => {
      let detached!: Promise<unknown>;
      await h.db.transaction().execute(async (trx) => {
        detached = sql`SELECT 1`.execute(h.db);
        await sleep(20);
        await sql`SELECT 1`.execute(trx);
      });
      await detached;
    });
    expect(unhandled).toEqual([]);
  }, 5_000);

  it('leaves ordinary use alone: the transaction\'s own queries, transactions one after another or at once, background work', async () => {
    const unhandled = await unhandledDuring(async () => {
      const n = await h.db.transaction().execute(async (trx) => {
        await insertStore('SW4').execute(trx);
        return Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM stores WHERE code = 'SW4'`.execute(trx)).rows[0].n);
      });
      expect(n).toBe(1);
      for (let i = 0; i < 3; i++) await h.db.transaction().execute((trx) => sql`SELECT ${i}::int`.execute(trx));
      await Promise.all([
        ...Array.from({ length: 3 }, (_, i) => inBackground(() => h.db.transaction().execute((trx) => sql`SELECT ${i}::int`.execute(trx)))),
        h.db.transaction().setIsolationLevel('serializable').execute(async (trx) => sql`SELECT 1`.execute(trx)),
        sql`SELECT 1`.execute(h.db),
        h.query('SELECT 1'),
      ]);
    });
    expect(unhandled).toEqual([]);
    expect(await storeCount('SW4')).toBe(1);
  }, 10_000);
});

describe.runIf(testDatabaseKind === 'postgres')('a query through the handle inside a transaction (PostgreSQL)', () => {
  it('runs on another of the pool\'s connections, outside the transaction: no guard, nothing waits', async () => {
    const seen = await h.db.transaction().execute(async (trx) => {
      await insertStore('SW5').execute(trx);
      return storeCount('SW5');
    });
    expect(seen).toBe(0);
    expect(await storeCount('SW5')).toBe(1);
  });
});
