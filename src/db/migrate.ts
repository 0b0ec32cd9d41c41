import { Migrator, type Kysely, type MigrationResultSet } from 'kysely';
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

export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  return applied(await migratorOf(db).migrateToLatest());
}

/** Up to and including `migrationName`: a test of an upgrade starts from the schema before it. */
export async function migrateTo(db: Kysely<any>, migrationName: string): Promise<string[]> {
  return applied(await migratorOf(db).migrateTo(migrationName));
}
