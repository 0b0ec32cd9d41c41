import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../../src/db/index.ts';

// Tests run against real SQL: PGlite in memory by default, or a fresh PostgreSQL
// database per test file with REGULARS_TEST_DB=postgres (dropped afterwards).
export const testDatabaseKind = process.env.REGULARS_TEST_DB === 'postgres' ? 'postgres' : 'pglite';
const ADMIN_URL = process.env.REGULARS_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export async function openTestDatabase({ migrate = true, pipelining = true } = {}): Promise<DatabaseHandle> {
  let handle: DatabaseHandle;
  if (testDatabaseKind === 'postgres') {
    const name = `regulars_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(ADMIN_URL);
    url.pathname = `/${name}`;
    const opened = await openDatabase({ databaseUrl: url.toString(), poolSize: 20, pipelining });
    handle = {
      ...opened,
      close: async () => {
        await opened.close();
        const dropper = new pg.Client({ connectionString: ADMIN_URL });
        await dropper.connect();
        await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await dropper.end();
      },
    };
  } else {
    handle = await openDatabase({});
  }
  if (migrate) await migrateToLatest(handle.db);
  return handle;
}
