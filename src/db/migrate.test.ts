import { sql, type KyselyPlugin } from 'kysely';
import { expect, it } from 'vitest';
import { openTestDatabase } from '../../test/helpers/database.ts';
import { migrateToLatest } from './index.ts';
import { migrations } from './migrations/index.ts';

// Every start of the product and every `regulars` command migrates first, and nearly always
// finds nothing to do: that answer costs two small statements, not Kysely's migrator with its
// reads of the whole catalogue. What is not up to date still goes through the migrator.

/** A Kysely plugin that counts the statements sent through it. */
function counting(): KyselyPlugin & { count: number } {
  const plugin = {
    count: 0,
    transformQuery: (args: Parameters<KyselyPlugin['transformQuery']>[0]) => {
      plugin.count++;
      return args.node;
    },
    transformResult: async (args: Parameters<KyselyPlugin['transformResult']>[0]) => args.result,
  };
  return plugin;
}

it('finds a database with every migration run in two statements, and changes nothing', async () => {
  const database = await openTestDatabase();
  try {
    const counter = counting();
    expect(await migrateToLatest(database.db.withPlugin(counter))).toEqual([]);
    expect(counter.count).toBe(2);
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM kysely_migration`.execute(database.db);
    expect(rows[0].n).toBe(Object.keys(migrations).length);
  } finally {
    await database.close();
  }
});

it('still refuses a database that ran a migration this version does not know (a newer version migrated it)', async () => {
  const database = await openTestDatabase();
  try {
    await sql`INSERT INTO kysely_migration (name, timestamp) VALUES ('9999_from_the_future', '2099-01-01T00:00:00.000Z')`.execute(database.db);
    await expect(migrateToLatest(database.db)).rejects.toThrow(/9999_from_the_future/);
  } finally {
    await database.close();
  }
});

it('runs what is missing on a database with no migrations yet', async () => {
  const database = await openTestDatabase({ migrate: false });
  try {
    expect(await migrateToLatest(database.db)).toEqual(Object.keys(migrations));
    expect(await migrateToLatest(database.db)).toEqual([]);
  } finally {
    await database.close();
  }
});
