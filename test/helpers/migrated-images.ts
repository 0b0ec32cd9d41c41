import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { migrateToLatest, openDatabase } from '../../src/db/index.ts';
import { dropOtherTemplates, holdImage, holdTemplate, removeOtherImages } from './stale-images.ts';

// A test file's database starts migrated: made once and copied, not migrated again in every
// file. On PGlite, PGlite's initdb and the 26 migrations are most of a file's start (about
// 3 s of CPU a file against loading a dumped image); on PostgreSQL, the migrations take 1–1.8
// s a file against 0.3 s for CREATE DATABASE … TEMPLATE. Both are named by what makes them —
// the migrations' sources and this file, and PGlite's version — so a changed migration makes a
// new one and a stale one is never used. vitest's global setup makes them
// (migrated-images.setup.ts) and hands them to the test processes in the variables below.
// A run marks the one it uses as in use until it ends, and the run that makes a new one
// removes those of other migrations that no run uses (stale-images.ts).

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const MIGRATIONS = path.join(root, 'src/db/migrations');
const IMAGES = path.join(root, '.tmp/pglite-images');

export const PGLITE_IMAGE_VARIABLE = 'REGULARS_TEST_PGLITE_IMAGE';
export const POSTGRES_TEMPLATE_VARIABLE = 'REGULARS_TEST_PG_TEMPLATE';

function fingerprint(): string {
  const hash = createHash('sha256');
  const pglite = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')) as { version: string };
  hash.update(`pglite ${pglite.version}\n`);
  for (const file of fs.readdirSync(MIGRATIONS).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).sort()) {
    hash.update(`${file}\n`).update(fs.readFileSync(path.join(MIGRATIONS, file)));
  }
  for (const file of ['src/db/migrate.ts', 'test/helpers/migrated-images.ts']) hash.update(fs.readFileSync(path.join(root, file)));
  return hash.digest('hex').slice(0, 16);
}

/**
 * The path of the migrated PGlite image (PGlite's dumpDataDir), made when it is not there
 * yet (and then the images of other migrations not in use removed), marked as in use by this
 * process until `release`.
 */
export async function useMigratedPgliteImage(): Promise<{ image: string; release: () => void }> {
  const print = fingerprint();
  const file = path.join(IMAGES, `migrated-${print}.tar`);
  fs.mkdirSync(IMAGES, { recursive: true });
  const release = holdImage(file);
  try {
    if (fs.existsSync(file)) return { image: file, release };
    await makePgliteImage(file);
    removeOtherImages(IMAGES, print);
    return { image: file, release };
  } catch (error) {
    release();
    throw error;
  }
}

async function makePgliteImage(file: string): Promise<void> {
  // PGlite as openDatabase opens it (connect.ts: pg_trgm, one connection), without the
  // handle's statement naming and turns, which the migrations do not need.
  const lite = await PGlite.create({ extensions: { pg_trgm } });
  const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: new pg.Pool({ ...(createPgConfig(lite) as unknown as pg.PoolConfig), max: 1 }) }) });
  try {
    await migrateToLatest(db);
    // PostgreSQL zeroes its shared buffers at every start: PGlite's default 128 MB took half of
    // the CPU of opening a test file's database (about 0.5 of 1.1 s, a memset in the profile).
    // A test's database is a few MB; 32 MB holds it (docs/benchmarks.md, The test suite).
    await lite.exec("ALTER SYSTEM SET shared_buffers = '32MB'");
    // Dumped while running, the image opens as after a crash: PostgreSQL replays the WAL
    // since the last checkpoint, all the migrations' (some 2 MB), at every open. After a
    // checkpoint there is nothing after it to replay.
    await lite.exec('CHECKPOINT');
    const image = Buffer.from(await (await lite.dumpDataDir('none')).arrayBuffer());
    // Written aside and renamed: a run that stops halfway leaves no half image behind.
    const partial = `${file}.${process.pid}.partial`;
    fs.writeFileSync(partial, image);
    fs.renameSync(partial, file);
  } finally {
    await db.destroy();
    await lite.close();
  }
}

/**
 * The image's bytes as PGlite reads a `loadDataDir` (`await image.arrayBuffer()`, then
 * untarred into its own file system by copies): the same bytes every time, read from the
 * disk once a process. A Blob's own arrayBuffer copies all 42 MB through a stream each
 * time: with the file read each time as well, some 100 ms of CPU of each database opened
 * from the image (of some 500), in a worker that opens one or more a test file.
 */
class SharedImage extends Blob {
  readonly #tar: ArrayBuffer;
  constructor(tar: ArrayBuffer) {
    super();
    this.#tar = tar;
  }
  override arrayBuffer(): Promise<ArrayBuffer> {
    return Promise.resolve(this.#tar);
  }
}
const sharedImages = new Map<string, SharedImage>();

/** The migrated image for `openDatabase({ pgliteImage })`, when the global setup made one. */
export function migratedPgliteImage(): Blob | undefined {
  const file = process.env[PGLITE_IMAGE_VARIABLE];
  if (!file) return undefined;
  const shared = sharedImages.get(file);
  if (shared) return shared;
  try {
    const bytes = fs.readFileSync(file);
    const image = new SharedImage(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    sharedImages.set(file, image);
    return image;
  } catch (error) {
    // Removed by a run of newer migrations (stale-images.ts): the file's database is migrated instead.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * The name of the migrated PostgreSQL template database, made when it is not there yet (and
 * then the templates of other migrations that no run uses dropped), marked as in use until
 * `release` (`adminUrl`: a database of the same server to connect to; the mark is a session
 * lock there, stale-images.ts).
 */
export async function useMigratedPostgresTemplate(adminUrl: string): Promise<{ template: string; release: () => Promise<void> }> {
  const print = fingerprint();
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const release = () => admin.end();
  try {
    await holdTemplate(admin, print);
    const template = await ensureTemplate(admin, adminUrl, print);
    return { template, release };
  } catch (error) {
    await release();
    throw error;
  }
}

async function ensureTemplate(admin: pg.Client, adminUrl: string, print: string): Promise<string> {
  const name = `regulars_template_${print}`;
  const existing = await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name]);
  if (existing.rowCount) return name;
  // Made under another name and renamed: a run that stops halfway leaves no half template
  // under the name a later run would take.
  const partial = `${name}_partial_${process.pid}`;
  await admin.query(`CREATE DATABASE ${partial}`);
  const url = new URL(adminUrl);
  url.pathname = `/${partial}`;
  const handle = await openDatabase({ databaseUrl: url.toString(), poolSize: 1 });
  try {
    await migrateToLatest(handle.db);
  } finally {
    await handle.close();
  }
  try {
    await admin.query(`ALTER DATABASE ${partial} RENAME TO ${name}`);
  } catch (error) {
    // Another run made it at the same time (duplicate_database): theirs is as good.
    if ((error as { code?: string }).code !== '42P04') throw error;
    await admin.query(`DROP DATABASE ${partial}`);
    return name;
  }
  await dropOtherTemplates(admin, print);
  return name;
}

/** The migrated template for createScratchDatabase, when the global setup made one. */
export const migratedPostgresTemplate = (): string | undefined => process.env[POSTGRES_TEMPLATE_VARIABLE] || undefined;
