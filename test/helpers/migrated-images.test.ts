import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openTestDatabase, testDatabaseKind } from './database.ts';

// A PGlite test database opens from the migrated image with 32 MB of shared buffers, not
// PGlite's 128 MB: PostgreSQL zeroes them at every start, which was half the CPU of opening
// one (migrated-images.ts). Regression guard: an image made without the setting opens in
// twice the time, and only this would notice.
describe.runIf(testDatabaseKind === 'pglite')('the migrated PGlite image', () => {
  it('opens with 32 MB of shared buffers and the schema migrated', async () => {
    const database = await openTestDatabase();
    try {
      const { rows } = await sql<{ shared_buffers: string; customers: boolean }>`
        select current_setting('shared_buffers') as shared_buffers, to_regclass('customers') is not null as customers`.execute(database.db);
      expect(rows[0]).toEqual({ shared_buffers: '32MB', customers: true });
    } finally {
      await database.close();
    }
  });
});
