import fs from 'node:fs';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';

// Whether a database is there before a command opens it. Opening the embedded database
// creates its folder, and migrating sets up an empty PostgreSQL database: right for the
// commands that start a business (serve, migrate, demo, the first key), wrong for one that
// reads or maintains data, where a mistyped DATA_DIR or DATABASE_URL (or none: ./data of
// the current folder) would answer from an empty database — `loyalty verify` said
// "OK: 0 members". Those refuse with noDatabaseMessage (cli/context.ts decides which).

/** An embedded (PGlite) database has been created in the data folder. */
export function embeddedDatabaseExists(dataDir: string): boolean {
  return fs.existsSync(path.join(dataDir, 'pglite', 'PG_VERSION'));
}

/** The database has Regulars' schema (the migrations' table: kysely's default name). */
export async function hasRegularsSchema(db: Kysely<any>): Promise<boolean> {
  const { rows } = await sql<{ found: boolean }>`SELECT to_regclass('kysely_migration') IS NOT NULL AS found`.execute(db);
  return rows[0]?.found === true;
}

/** A PostgreSQL URL without its credentials: host, port and database. */
export function describeDatabaseUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname || '/'}`;
  } catch {
    return 'an unreadable URL';
  }
}

/** Why `regulars <command>` refuses to run where there is no database, and how to point it at one. */
export function noDatabaseMessage(command: string, where: { dataDir: string; dataDirSet: boolean } | { databaseUrl: string }): string {
  if ('databaseUrl' in where) {
    return `The PostgreSQL database at DATABASE_URL (${describeDatabaseUrl(where.databaseUrl)}) has no Regulars data: \`regulars ${command}\` works on an existing database and changed nothing.\n` +
      'Set DATABASE_URL to the database your server uses, or run `regulars migrate` to set up a new one there.';
  }
  const named = where.dataDirSet ? `DATA_DIR=${where.dataDir}` : `${where.dataDir} (DATA_DIR is not set, so ./data of the current folder)`;
  return `No Regulars database in ${named}: \`regulars ${command}\` works on an existing database and created nothing.\n` +
    'Set DATA_DIR to the folder your server keeps its data in (`npm start` in the checkout: its ./data), or DATABASE_URL to its PostgreSQL database; ' +
    '`regulars migrate` (or `npm start`) creates a new database here.';
}
