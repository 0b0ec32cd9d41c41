import { Migrator, sql, type Kysely, type MigrationResultSet } from 'kysely';
import { migrations } from './migrations/index.ts';

const migratorOf = (db: Kysely<any>) => new Migrator({ db, provider: { getMigrations: async () => migrations } });

/** The migrations a run applied, or the one that failed, named in the error. */
function applied({ error, results }: MigrationResultSet): string[] {
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new Error(`Migration ${failed ?? ''} failed: ${(error as Error).message}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/**
 * Whether the database has run every migration and no other: what nearly every start
 * finds. Kysely's migrator first asks the catalogue for every table and column of the
 * schema, twice, to see whether its own tables exist (on PGlite some 0.5–1.5 s of each
 * `regulars` command on a slow machine); one read of its table answers the usual case.
 * Anything else — no table yet, a migration to run, one this version does not know — goes
 * to the migrator, which locks, applies or refuses as it always did.
 */
async function upToDate(db: Kysely<any>): Promise<boolean> {
  const { rows: [table] } = await sql<{ found: boolean }>`SELECT to_regclass('kysely_migration') IS NOT NULL AS found`.execute(db);
  if (!table?.found) return false;
  const { rows } = await sql<{ name: string }>`SELECT name FROM kysely_migration`.execute(db);
  const known = Object.keys(migrations);
  const ran = new Set(rows.map((r) => r.name));
  return ran.size === known.length && known.every((name) => ran.has(name));
}

export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  if (await upToDate(db)) return [];
  return applied(await migratorOf(db).migrateToLatest());
}

/** Up to and including `migrationName`: a test of an upgrade starts from the schema before it. */
export async function migrateTo(db: Kysely<any>, migrationName: string): Promise<string[]> {
  return applied(await migratorOf(db).migrateTo(migrationName));
}
