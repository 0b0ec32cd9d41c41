import { sql } from 'kysely';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/helpers/database.ts';
import { lockKeys, readLater, sendLater, type DatabaseHandle } from './index.ts';
import { createStatementQueue } from './pipeline.ts';
import { supportsPipelining } from './wire-pipeline.ts';

describe('the statement queue of a connection', () => {
  /** A connection whose statements are answered on the next turn; records what was sent together. */
  function fakeConnection(fail?: (text: string) => boolean) {
    const sent: { text: string; pipelined: boolean; turn: number }[] = [];
    let turn = 0;
    const answer = (text: string): Promise<pg.QueryResult> =>
      new Promise((resolve, reject) =>
        setImmediate(() => {
          turn++;
          if (fail?.(text)) reject(new Error(`failed: ${text}`));
          else resolve({ command: 'SELECT', rowCount: 1, oid: 0, rows: [{ text }], fields: [] });
        }),
      );
    const send = (text: string) => {
      sent.push({ text, pipelined: false, turn });
      return answer(text);
    };
    const sendTogether = (batch: { text: string }[]) => {
      for (const { text } of batch) sent.push({ text, pipelined: true, turn });
      return Promise.allSettled(batch.map(({ text }) => answer(text)));
    };
    return { sent, queue: (pipelining: boolean) => createStatementQueue({ send, sendTogether: pipelining ? sendTogether : undefined }) };
  }
  // What sendLater hands the connection: the statement with its marker as the last parameter.
  const later = async (queue: ReturnType<typeof createStatementQueue>, text: string, mapError?: (e: unknown) => unknown) =>
    queue.query(text, [await markerOf(mapError)]);
  // The marker class is private to pipeline.ts: take one from what sendLater sends.
  async function markerOf(mapError?: (e: unknown) => unknown): Promise<unknown> {
    let captured: unknown;
    const trx = {
      executeQuery: async (q: { parameters: readonly unknown[] }) => {
        captured = q.parameters[q.parameters.length - 1];
        return { rows: [] };
      },
    };
    await sendLater(trx as never, { compile: () => ({ sql: 'x', parameters: [] }) } as never, mapError);
    return captured;
  }

  it('sends BEGIN and the statements sent later with the next statement, in order, in one pipeline', async () => {
    const { sent, queue: queueOf } = fakeConnection();
    const queue = queueOf(true);
    await queue.query('begin', []);
    await later(queue, 'lock');
    await later(queue, 'insert');
    expect(sent).toEqual([]);
    const result = await queue.query('select', [1]);
    expect(result.rows).toEqual([{ text: 'select' }]);
    expect(sent.map((s) => s.text)).toEqual(['begin', 'lock', 'insert', 'select']);
    // All written before the first answer came back, as one pipeline.
    expect(sent.every((s) => s.turn === 0 && s.pipelined)).toBe(true);
    await queue.query('commit', []);
    expect(sent.map((s) => s.text)).toEqual(['begin', 'lock', 'insert', 'select', 'commit']);
  });

  it('without pipelining, sends the same statements in the same order, one at a time', async () => {
    const { sent, queue: queueOf } = fakeConnection();
    const queue = queueOf(false);
    await queue.query('begin', []);
    await later(queue, 'lock');
    await queue.query('select', [1]);
    expect(sent.map((s) => `${s.text}@${s.turn}`)).toEqual(['begin@0', 'lock@1', 'select@2']);
    expect(sent.some((s) => s.pipelined)).toBe(false);
  });

  it('throws the error of a statement sent later at the statement that sent it, mapped', async () => {
    for (const pipelining of [true, false]) {
      const queue = fakeConnection((text) => text === 'insert').queue(pipelining);
      await queue.query('begin', []);
      await later(queue, 'insert', (e) => new Error(`mapped ${(e as Error).message}`));
      await expect(queue.query('commit', [])).rejects.toThrow('mapped failed: insert');
    }
  });

  it('sends nothing for a transaction that never reached the server', async () => {
    const { sent, queue: queueOf } = fakeConnection();
    const queue = queueOf(true);
    await queue.query('begin', []);
    await queue.query('commit', []);
    await queue.query('begin', []);
    await later(queue, 'insert');
    await queue.query('rollback', []);
    expect(sent).toEqual([]);
    // Once the transaction reached the server, its rollback goes out, without the queue.
    await queue.query('begin', []);
    await queue.query('select', [1]);
    await later(queue, 'insert');
    await queue.query('rollback', []);
    expect(sent.map((s) => s.text)).toEqual(['begin', 'select', 'rollback']);
  });
});

// DATABASE_PIPELINING=off (PostgreSQL) sends the same queue one statement at a time, as PGlite does.
describe.each([true, false])('statements sent later, on the database (pipelining: %s)', (pipelining) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openTestDatabase({ migrate: false, pipelining });
    await sql`CREATE TABLE pipeline_probe (id int PRIMARY KEY, note text)`.execute(handle.db);
  });
  afterAll(async () => {
    await sql`DROP TABLE IF EXISTS pipeline_probe`.execute(handle.db);
    await handle.close();
  });

  it("finds the driver's extended-protocol messages (an upgrade that renames them would silently stop pipelining)", async () => {
    const client = await handle.pool.connect();
    try {
      expect(supportsPipelining(client)).toBe(true);
    } finally {
      client.release();
    }
  });

  it('runs them in the order of the calls: a write is seen by the read after it, a lock is held', async () => {
    const seen = await handle.db.transaction().execute(async (trx) => {
      await lockKeys(trx, ['pipeline-test']);
      await sendLater(trx, sql`INSERT INTO pipeline_probe (id, note) VALUES (${1}, ${'first'})`);
      const early = await readLater(trx, sql<{ n: number }>`SELECT count(*)::int AS n FROM pipeline_probe`);
      await sendLater(trx, sql`INSERT INTO pipeline_probe (id, note) VALUES (${2}, ${'second'})`);
      const rows = (await sql<{ id: number }>`SELECT id FROM pipeline_probe ORDER BY id`.execute(trx)).rows;
      const locks = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()`.execute(trx)).rows;
      return { rows, early: (await early.rows())[0].n, locks: locks[0].n };
    });
    expect(seen.rows.map((r) => r.id)).toEqual([1, 2]);
    expect(seen.early).toBe(1);
    if (handle.kind === 'postgres') expect(seen.locks).toBe(1);
    expect((await sql<{ n: number }>`SELECT count(*)::int AS n FROM pipeline_probe`.execute(handle.db)).rows[0].n).toBe(2);
  });

  it('a read sent later gives its rows when asked, sending the queue itself if nothing else did', async () => {
    const n = await handle.db.transaction().execute(async (trx) => {
      const read = await readLater(trx, sql<{ n: number }>`SELECT ${41}::int + 1 AS n`);
      return (await read.rows())[0].n;
    });
    expect(n).toBe(42);
  });

  it('a read sent later on its generic plan runs under force_generic_plan, and only that read', async () => {
    const modes = await handle.db.transaction().execute(async (trx) => {
      const mode = sql<{ mode: string }>`SELECT current_setting('plan_cache_mode') || ${''} AS mode`;
      const before = await readLater(trx, mode);
      const generic = await readLater(trx, mode, { genericPlan: true });
      const after = await readLater(trx, mode);
      return [(await before.rows())[0].mode, (await generic.rows())[0].mode, (await after.rows())[0].mode];
    });
    expect(modes).toEqual(['auto', 'force_generic_plan', 'auto']);
  });

  it('a failing statement sent later fails the transaction at its COMMIT, with its mapped error, and nothing is kept', async () => {
    await sql`DELETE FROM pipeline_probe`.execute(handle.db);
    await expect(
      handle.db.transaction().execute(async (trx) => {
        await sendLater(trx, sql`INSERT INTO pipeline_probe (id, note) VALUES (${7}, ${'kept?'})`);
        await sendLater(trx, sql`INSERT INTO pipeline_probe (id, note) VALUES (${7}, ${'duplicate'})`, (e) =>
          Object.assign(new Error('seven twice'), { cause: e }));
      }),
    ).rejects.toThrow('seven twice');
    expect((await sql<{ n: number }>`SELECT count(*)::int AS n FROM pipeline_probe`.execute(handle.db)).rows[0].n).toBe(0);
    // The connection is clean for the next transaction.
    await handle.db.transaction().execute(async (trx) => {
      await sendLater(trx, sql`INSERT INTO pipeline_probe (id, note) VALUES (${8}, ${'after'})`);
    });
    expect((await sql<{ id: number }>`SELECT id FROM pipeline_probe`.execute(handle.db)).rows).toEqual([{ id: 8 }]);
  });

  it('an error thrown by the application drops what was never sent', async () => {
    await sql`DELETE FROM pipeline_probe`.execute(handle.db);
    await expect(
      handle.db.transaction().execute(async (trx) => {
        await sendLater(trx, sql`INSERT INTO pipeline_probe (id, note) VALUES (${9}, ${'never'})`);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect((await sql<{ n: number }>`SELECT count(*)::int AS n FROM pipeline_probe`.execute(handle.db)).rows[0].n).toBe(0);
  });
});
