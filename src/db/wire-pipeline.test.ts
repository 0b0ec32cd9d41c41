import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testDatabaseKind } from '../../test/helpers/database.ts';
import type { DatabaseHandle } from './index.ts';
import { createStatementNamer } from './prepared.ts';
import { sendPipeline, supportsPipelining } from './wire-pipeline.ts';

// The pipeline with one Sync, on a real connection: results as `client.query` gives them,
// a failure in the middle, prepared statements across pipelines. PostgreSQL only: PGlite
// runs statements one at a time (connect.ts).
describe.runIf(testDatabaseKind === 'postgres')('a pipeline of statements with one Sync', () => {
  let handle: DatabaseHandle;
  let client: pg.PoolClient;
  // Names every statement with parameters from its second use on, as the product does.
  const namer = createStatementNamer();
  const texts = (settled: PromiseSettledResult<pg.QueryResult>[]) =>
    settled.map((s) => (s.status === 'fulfilled' ? s.value.rows : `rejected: ${(s.reason as Error).message}`));

  beforeAll(async () => {
    handle = await openTestDatabase({ migrate: false });
    client = await handle.pool.connect();
    await client.query('CREATE TABLE wire_probe (id int PRIMARY KEY, amount bigint, day date)');
  });
  afterAll(async () => {
    client.release();
    await handle.close();
  });

  it('is available on the driver the product uses', () => {
    expect(supportsPipelining(client)).toBe(true);
  });

  it('answers each statement with its own rows, parsed as client.query parses them', async () => {
    const statements = [
      { text: 'begin', values: [] },
      { text: 'INSERT INTO wire_probe (id, amount, day) VALUES ($1, $2, $3)', values: [1, 9_007_199_254_740_000, '2026-05-01'] },
      { text: 'SELECT id, amount, day FROM wire_probe WHERE id = $1', values: [1] },
      { text: 'SELECT $1::text AS a, $2::int[] AS b, $3::jsonb AS c', values: ['x', [1, 2], JSON.stringify({ k: 1 })] },
      { text: 'rollback', values: [] },
    ];
    const settled = await sendPipeline(client, namer, statements);
    expect(texts(settled)).toEqual([[], [], [{ id: 1, amount: 9_007_199_254_740_000, day: '2026-05-01' }], [{ a: 'x', b: [1, 2], c: { k: 1 } }], []]);
    expect(settled.map((s) => (s as PromiseFulfilledResult<pg.QueryResult>).value.command)).toEqual(['BEGIN', 'INSERT', 'SELECT', 'SELECT', 'ROLLBACK']);
    // The same again: by now the statements with parameters run under their names.
    expect(texts(await sendPipeline(client, namer, statements))).toEqual(texts(settled));
    const prepared = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_prepared_statements');
    expect(prepared.rows[0].n).toBeGreaterThanOrEqual(3);
    // No pipeline leaves a listener behind on the connection.
    const connection = (client as unknown as { connection: { listenerCount(event: string): number } }).connection;
    const listeners = connection.listenerCount('parseComplete');
    for (let i = 0; i < 3; i++) {
      // A new text twice: its second use gets a name, so the pipeline waits for its Parse to be confirmed.
      const fresh = { text: `SELECT $1::int + ${i} AS n`, values: [i] };
      await sendPipeline(client, namer, [...statements, fresh, fresh]);
    }
    expect(connection.listenerCount('parseComplete')).toBe(listeners);
  });

  it('a failing statement fails alone; the ones after it are reported as not run; the connection stays usable', async () => {
    const statements = [
      { text: 'begin', values: [] },
      { text: 'INSERT INTO wire_probe (id, amount) VALUES ($1, $2)', values: [2, 20] },
      { text: 'INSERT INTO wire_probe (id, amount) VALUES ($1, $2)', values: [2, 21] },
      { text: 'SELECT count(*)::int AS n FROM wire_probe WHERE amount > $1', values: [0] },
    ];
    for (let round = 0; round < 3; round++) {
      // Rounds 2 and 3: the statements have names; the one after the failure was never parsed on the server.
      const settled = await sendPipeline(client, namer, statements);
      expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'rejected']);
      expect(((settled[2] as PromiseRejectedResult).reason as { code: string }).code).toBe('23505');
      expect(((settled[3] as PromiseRejectedResult).reason as Error).message).toMatch(/not run/i);
      await client.query('rollback');
    }
    expect((await client.query('SELECT count(*)::int AS n FROM wire_probe')).rows[0].n).toBe(0);
    // Every statement of the pipeline works afterwards, under its name where it has one.
    const settled = await sendPipeline(client, namer, [statements[0], statements[1], statements[3], { text: 'commit', values: [] }]);
    expect(texts(settled)).toEqual([[], [], [{ n: 1 }], []]);
  });

  it('a parameter that cannot be sent fails the pipeline before any of it reaches the server', async () => {
    const unsendable = { toPostgres: () => { throw new Error('cannot send this'); } };
    const settled = await sendPipeline(client, namer, [
      { text: 'INSERT INTO wire_probe (id, amount) VALUES ($1, $2)', values: [3, 30] },
      { text: 'SELECT $1::text AS a', values: [unsendable] },
    ]);
    expect(settled[0]).toMatchObject({ status: 'rejected', reason: { message: 'cannot send this' } });
    expect(settled[1].status).toBe('rejected');
    expect((await client.query('SELECT count(*)::int AS n FROM wire_probe WHERE id = 3')).rows[0].n).toBe(0);
  });
});
