import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testDatabaseKind } from '../../test/helpers/database.ts';
import { notifyOnCommit, type DatabaseHandle } from './index.ts';

// LISTEN/NOTIFY between processes, on PostgreSQL (PGlite has one process: nothing to hear).
describe.runIf(testDatabaseKind === 'postgres')('notifications on commit', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openTestDatabase({ migrate: false });
  });
  afterAll(async () => {
    await handle.close();
  });

  const until = async (check: () => boolean, what: string) => {
    for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 50));
    if (!check()) throw new Error(`never happened: ${what}`);
  };

  it('reaches a listener when the transaction commits, and not when it rolls back', async () => {
    let heard = 0;
    const stop = await handle.listen('regulars_test_channel', () => heard++);
    try {
      await expect(handle.db.transaction().execute(async (trx) => {
        await notifyOnCommit(trx, 'regulars_test_channel');
        throw new Error('rolled back');
      })).rejects.toThrow('rolled back');
      await handle.db.transaction().execute(async (trx) => {
        await notifyOnCommit(trx, 'regulars_test_channel');
        await sql`SELECT 1`.execute(trx);
      });
      await until(() => heard === 1, 'the committed notification');
      await new Promise((r) => setTimeout(r, 200));
      expect(heard).toBe(1);
    } finally {
      await stop();
    }
  });

  it('counts a lost connection as a change, and listens again after it', async () => {
    let heard = 0;
    const stop = await handle.listen('regulars_test_channel', () => heard++);
    try {
      await sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query ILIKE 'LISTEN%'`.execute(handle.db);
      await until(() => heard === 1, 'the lost connection');
      // It reconnects after a second: from then on a notification is heard again.
      for (let i = 0; i < 60 && heard === 1; i++) {
        await sql`SELECT pg_notify('regulars_test_channel', '')`.execute(handle.db);
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(heard).toBeGreaterThan(1);
    } finally {
      await stop();
    }
  });
});
