import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { migrateToLatest } from '../../src/db/index.ts';

// A PGlite database already migrated, dumped once (PGlite's dumpDataDir) and loaded by every
// test file that opens an in-memory database (database.ts): PGlite's initdb and the
// migrations take most of a file's start — 5–10 s on a busy two-core machine against 2.5–4.5
// s from the image. The image is named by what makes it: the migrations' sources and
// PGlite's version, so a changed migration makes a new one and a stale one is never used.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const MIGRATIONS = path.join(root, 'src/db/migrations');
const IMAGES = path.join(root, '.tmp/pglite-images');

/** The environment variable through which vitest's global setup hands the image to the test files. */
export const PGLITE_IMAGE_VARIABLE = 'REGULARS_TEST_PGLITE_IMAGE';

function imageName(): string {
  const hash = createHash('sha256');
  const pglite = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')) as { version: string };
  hash.update(`pglite ${pglite.version}\n`);
  for (const file of fs.readdirSync(MIGRATIONS).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).sort()) {
    hash.update(`${file}\n`).update(fs.readFileSync(path.join(MIGRATIONS, file)));
  }
  for (const file of ['src/db/migrate.ts', 'test/helpers/pglite-image.ts']) hash.update(fs.readFileSync(path.join(root, file)));
  return `migrated-${hash.digest('hex').slice(0, 16)}.tar`;
}

/** The path of the migrated image, made when it is not there yet. */
export async function ensureMigratedPgliteImage(): Promise<string> {
  const file = path.join(IMAGES, imageName());
  if (fs.existsSync(file)) return file;
  fs.mkdirSync(IMAGES, { recursive: true });
  // PGlite as openDatabase opens it (connect.ts: pg_trgm, one connection), without the
  // handle's statement naming and turns, which the migrations do not need.
  const lite = await PGlite.create({ extensions: { pg_trgm } });
  const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: new pg.Pool({ ...(createPgConfig(lite) as unknown as pg.PoolConfig), max: 1 }) }) });
  try {
    await migrateToLatest(db);
    const image = Buffer.from(await (await lite.dumpDataDir('none')).arrayBuffer());
    // Written aside and renamed: a run that stops halfway leaves no half image behind.
    const partial = `${file}.${process.pid}.partial`;
    fs.writeFileSync(partial, image);
    fs.renameSync(partial, file);
  } finally {
    await db.destroy();
    await lite.close();
  }
  return file;
}

/** The migrated image for `openDatabase({ pgliteImage })`, when the global setup made one. */
export function migratedPgliteImage(): Blob | undefined {
  const file = process.env[PGLITE_IMAGE_VARIABLE];
  if (!file || !fs.existsSync(file)) return undefined;
  return new Blob([fs.readFileSync(file)]);
}
