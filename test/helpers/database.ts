import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../../src/db/index.ts';
import { migratedPgliteImage, migratedPostgresTemplate } from './migrated-images.ts';

// Tests run against real SQL: PGlite in memory by default, or a fresh PostgreSQL
// database per test file with REGULARS_TEST_DB=postgres (dropped afterwards).
export const testDatabaseKind = process.env.REGULARS_TEST_DB === 'postgres' ? 'postgres' : 'pglite';
export const ADMIN_URL = process.env.REGULARS_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * A new PostgreSQL database for one test file (a server or the CLI may be pointed at its
 * `url`), empty or a copy of `template`; `drop` removes it, connections and all.
 */
export async function createScratchDatabase(prefix: string, { template }: { template?: string } = {}): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `regulars_${prefix}_${randomBytes(6).toString('hex')}`;
  const asAdmin = async (statement: string) => {
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    try {
      await admin.query(statement);
    } finally {
      await admin.end();
    }
  };
  try {
    await asAdmin(template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`);
  } catch (error) {
    // The template dropped under a run of code from before templates were held while in use
    // (stale-images.ts): an empty database, which openTestDatabase migrates.
    if (!template || (error as { code?: string }).code !== '3D000') throw error;
    await asAdmin(`CREATE DATABASE ${name}`);
  }
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => asAdmin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

export async function openTestDatabase({ migrate = true, pipelining = true } = {}): Promise<DatabaseHandle> {
  let handle: DatabaseHandle;
  if (testDatabaseKind === 'postgres') {
    // Migrated already when copied from the template; migrateToLatest then finds nothing to do.
    const scratch = await createScratchDatabase('test', { template: migrate ? migratedPostgresTemplate() : undefined });
    const opened = await openDatabase({ databaseUrl: scratch.url, poolSize: 20, pipelining });
    handle = {
      ...opened,
      close: async () => {
        await opened.close();
        await scratch.drop();
      },
    };
  } else {
    // Migrated already when it starts from the image; migrateToLatest then finds nothing to do.
    handle = await openDatabase({ pgliteImage: migrate ? migratedPgliteImage() : undefined });
  }
  if (migrate) await migrateToLatest(handle.db);
  return handle;
}
