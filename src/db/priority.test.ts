import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testDatabaseKind } from '../../test/helpers/database.ts';
import type { DatabaseHandle } from './index.ts';
import { createConnectionGate, inBackground } from './priority.ts';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('the connection gate', () => {
  it('gives the next turn to a request before background work that waited longer', async () => {
    const gate = createConnectionGate();
    const order: string[] = [];
    const endFirst = await gate.acquire();
    const background = inBackground(async () => {
      const end = await gate.acquire();
      order.push('background');
      end();
    });
    await tick();
    await tick();
    const request = gate.acquire().then((end) => {
      order.push('request');
      end();
    });
    endFirst();
    await Promise.all([background, request]);
    expect(order).toEqual(['request', 'background']);
  });

  it('lets background work that waited too long go before new requests', async () => {
    const gate = createConnectionGate({ backgroundMaxWaitMs: 30 });
    const order: string[] = [];
    const endFirst = await gate.acquire();
    const background = inBackground(async () => {
      const end = await gate.acquire();
      order.push('background');
      end();
    });
    await new Promise((resolve) => setTimeout(resolve, 60));
    const request = gate.acquire().then((end) => {
      order.push('request');
      end();
    });
    endFirst();
    await Promise.all([background, request]);
    expect(order).toEqual(['background', 'request']);
  });

  it('fails a turn that does not come in time, and the turn after it still comes', async () => {
    const gate = createConnectionGate({ timeoutMs: 50 });
    const endFirst = await gate.acquire();
    await expect(gate.acquire()).rejects.toThrow(/No turn on the embedded database's connection within 0.05 s/);
    endFirst();
    const end = await gate.acquire();
    end();
    end(); // ending a turn twice does not hand out two turns
    const [a, b] = [gate.acquire(), gate.acquire()];
    let second = false;
    void b.then(() => (second = true));
    (await a)();
    await b;
    expect(second).toBe(true);
  });
});

describe.runIf(testDatabaseKind === 'pglite')('background statements on the embedded database', () => {
  let h: DatabaseHandle;
  beforeAll(async () => {
    h = await openTestDatabase();
  });
  afterAll(() => h?.close());

  it('leave the event loop free to answer in between (a timer fires during a long chain)', async () => {
    let statements = 0;
    let statementsWhenTimerFired = -1;
    const chain = inBackground(async () => {
      for (let i = 0; i < 300; i++) {
        await sql`SELECT ${i}::int`.execute(h.db);
        statements++;
      }
    });
    setTimeout(() => (statementsWhenTimerFired = statements), 1);
    await chain;
    expect(statementsWhenTimerFired).toBeGreaterThanOrEqual(0);
    expect(statementsWhenTimerFired).toBeLessThan(300);
  });

  it('let a request through ahead of queued background transactions', async () => {
    const order: string[] = [];
    // A transaction holds the connection while background jobs and then a request queue.
    const holder = h.db.transaction().execute(async (trx) => {
      await sql`SELECT 1`.execute(trx);
      await new Promise((resolve) => setTimeout(resolve, 30));
      order.push('holder');
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const jobs = Array.from({ length: 5 }, (_, i) => inBackground(() => h.db.transaction().execute(async (trx) => {
      await sql`SELECT ${i}::int`.execute(trx);
      order.push(`job ${i}`);
    })));
    await new Promise((resolve) => setTimeout(resolve, 5));
    const request = sql`SELECT 1`.execute(h.db).then(() => order.push('request'));
    await Promise.all([holder, ...jobs, request]);
    expect(order).toEqual(['holder', 'request', 'job 0', 'job 1', 'job 2', 'job 3', 'job 4']);
  });
});
