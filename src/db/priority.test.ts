import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testDatabaseKind } from '../../test/helpers/database.ts';
import type { DatabaseHandle } from './index.ts';
import { createConnectionGate, inBackground, type ConnectionGate } from './priority.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** While a turn is held, background work asks for one, then `waitMs` later a request does; the order they get them. */
async function orderOfTurns(gate: ConnectionGate, waitMs: number): Promise<string[]> {
  const order: string[] = [];
  const take = (who: string) => gate.acquire().then((end) => {
    order.push(who);
    end();
  });
  const endFirst = await gate.acquire();
  const background = inBackground(() => take('background'));
  await sleep(waitMs);
  const request = take('request');
  endFirst();
  await Promise.all([background, request]);
  return order;
}

describe('the connection gate', () => {
  it('gives the next turn to a request before background work that waited longer', async () => {
    expect(await orderOfTurns(createConnectionGate(), 5)).toEqual(['request', 'background']);
  });

  it('lets background work that waited too long go before new requests', async () => {
    expect(await orderOfTurns(createConnectionGate({ backgroundMaxWaitMs: 30 }), 60)).toEqual(['background', 'request']);
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
      await sleep(30);
      order.push('holder');
    });
    await sleep(5);
    const jobs = Array.from({ length: 5 }, (_, i) => inBackground(() => h.db.transaction().execute(async (trx) => {
      await sql`SELECT ${i}::int`.execute(trx);
      order.push(`job ${i}`);
    })));
    await sleep(5);
    const request = sql`SELECT 1`.execute(h.db).then(() => order.push('request'));
    await Promise.all([holder, ...jobs, request]);
    expect(order).toEqual(['holder', 'request', 'job 0', 'job 1', 'job 2', 'job 3', 'job 4']);
  });
});
