import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/helpers/database.ts';
import type { DatabaseHandle } from './index.ts';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase({ migrate: false });
});
afterAll(async () => handle.close());

describe('openDatabase', () => {
  it("runs PostgreSQL's connections without JIT, in and out of transactions", async () => {
    // Several connections at once: each is opened with the setting, not only the first.
    const outside = await Promise.all([1, 2, 3].map(() => sql<{ jit: string }>`SHOW jit`.execute(handle.db)));
    const inside = await handle.db.transaction().execute(async (trx) => (await sql<{ jit: string }>`SHOW jit`.execute(trx)).rows[0].jit);
    // PGlite is built without JIT; whatever it reports, it never compiles.
    if (handle.kind === 'postgres') expect([...outside.map((r) => r.rows[0].jit), inside]).toEqual(['off', 'off', 'off', 'off']);
    else expect(outside).toHaveLength(3);
  });
});
