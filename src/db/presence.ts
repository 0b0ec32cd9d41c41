import fs from 'node:fs';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { say, type Said } from '../shared/messages/index.ts';

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
export function noDatabaseMessage(command: string, where: { dataDir: string; dataDirSet: boolean } | { databaseUrl: string }): Said {
  if ('databaseUrl' in where) return say('cli.no_database_url', { where: describeDatabaseUrl(where.databaseUrl), command });
  return where.dataDirSet ? say('cli.no_database_folder', { folder: where.dataDir, command }) : say('cli.no_database_default_folder', { folder: where.dataDir, command });
}
