import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/helpers/database.ts';
import type { DatabaseHandle } from './index.ts';
import { createStatementNamer } from './prepared.ts';

describe('createStatementNamer', () => {
  it('names a text with parameters from its second run on, always the same name', () => {
    const namer = createStatementNamer();
    expect(namer('SELECT $1::int', 1)).toBeUndefined();
    const name = namer('SELECT $1::int', 1);
    expect(name).toMatch(/^regulars_\d+$/);
    expect(namer('SELECT $1::int', 1)).toBe(name);
    expect(namer('SELECT $1::int + 1', 1)).toBeUndefined();
    expect(namer('SELECT $1::int + 1', 1)).not.toBe(name);
  });

  it('never names a text without parameters (it may be several statements) or one built for its input', () => {
    const namer = createStatementNamer({ maxParameters: 3 });
    for (let i = 0; i < 5; i++) {
      expect(namer('BEGIN', 0)).toBeUndefined();
      expect(namer('SELECT 1 WHERE 1 IN ($1, $2, $3, $4)', 4)).toBeUndefined();
    }
  });

  it('names at most maxStatements texts however many come back', () => {
    const namer = createStatementNamer({ maxStatements: 3 });
    const names = new Set<string>();
    for (let t = 0; t < 10; t++) {
      for (let run = 0; run < 3; run++) {
        const name = namer(`SELECT $1::int + ${t}`, 1);
        if (name) names.add(name);
      }
    }
    expect(names.size).toBe(3);
  });
});

describe('named statements on the database', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openTestDatabase({ migrate: false });
  });
  afterAll(async () => handle.close());

  it('prepares a statement that comes back, once per connection, with the same results', async () => {
    const prepared = await handle.db.transaction().execute(async (trx) => {
      const results: number[] = [];
      for (let n = 1; n <= 8; n++) {
        const { rows } = await sql<{ doubled: number }>`SELECT ${n}::int * 2 AS doubled`.execute(trx);
        results.push(rows[0].doubled);
      }
      expect(results).toEqual([2, 4, 6, 8, 10, 12, 14, 16]);
      // Same connection: the transaction's.
      return (await sql<{ name: string; statement: string }>`SELECT name, statement FROM pg_prepared_statements`.execute(trx)).rows;
    });
    expect(prepared).toHaveLength(1);
    expect(prepared[0].statement).toContain('AS doubled');
  });

  it('serves queries outside Kysely (pg-boss) the same way', async () => {
    for (let n = 0; n < 4; n++) {
      const result = await handle.query('SELECT $1::text AS echoed', [`v${n}`]);
      expect(result.rows).toEqual([{ echoed: `v${n}` }]);
    }
  });

  it('keeps working when a table a prepared statement reads changes shape', async () => {
    await sql`CREATE TABLE prepared_probe (id int PRIMARY KEY, label text)`.execute(handle.db);
    await sql`INSERT INTO prepared_probe VALUES (1, 'one')`.execute(handle.db);
    const read = async () => (await sql<{ label: string }>`SELECT label FROM prepared_probe WHERE id = ${1}`.execute(handle.db)).rows;
    for (let i = 0; i < 3; i++) expect(await read()).toEqual([{ label: 'one' }]);
    // PostgreSQL replans a prepared statement when a table it reads changes.
    await sql`ALTER TABLE prepared_probe ADD COLUMN extra int`.execute(handle.db);
    await sql`CREATE INDEX prepared_probe_label ON prepared_probe (label)`.execute(handle.db);
    expect(await read()).toEqual([{ label: 'one' }]);
  });
});
