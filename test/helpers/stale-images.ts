import fs from 'node:fs';
import path from 'node:path';
import type pg from 'pg';

// The migrated databases of other migrations (migrated-images.ts), removed when a new one is
// made: each is named by the fingerprint of the migrations that made it, so a changed
// migration leaves the old one behind for good — 40 MB of PGlite image in .tmp/pglite-images
// and a database on the developer's server each time. Only what is named as ours is touched,
// and only when no run of its migrations uses it: another checkout's test run may be copying
// from it right now.
//
// A run holds its fingerprint's lock from its global setup to its end (migrated-images.ts):
// on PostgreSQL a shared advisory lock, on the admin database, which the cleaner must take
// alone before it drops; for a PGlite image a file `<image>.<pid>.in-use`, whose process the
// cleaner finds alive. A run of code older than these locks may still lose its template or
// image halfway: its files then start from an empty database and migrate it
// (test/helpers/database.ts), slower but the same.

/** Our template databases: `regulars_template_<fingerprint>`, or one being made (`_partial_<pid>`). */
const TEMPLATE = /^regulars_template_([0-9a-f]{16})(?:_partial_\d+)?$/;
/** Our PGlite images: `migrated-<fingerprint>.tar`, one being written (`.<pid>.partial`), a run's mark (`.<pid>.in-use`). */
const IMAGE = /^migrated-([0-9a-f]{16})\.tar(?:\.(\d+)\.(partial|in-use))?$/;

// Advisory lock keys: this class, and the fingerprint's first 32 bits.
const LOCK_CLASS = 0x52_54_4d_50; // "RTMP"
const lockKey = (fingerprint: string): [number, number] => [LOCK_CLASS, Number.parseInt(fingerprint.slice(0, 8), 16) | 0];

/** Marks the fingerprint's template as in use by this connection's session, until it ends. */
export async function holdTemplate(admin: pg.Client, fingerprint: string): Promise<void> {
  await admin.query('SELECT pg_advisory_lock_shared($1, $2)', lockKey(fingerprint));
}

/**
 * Drops the template databases of fingerprints other than `keep` that no run holds; a drop
 * refused because the database is in use (a CREATE DATABASE … TEMPLATE or a session in it)
 * leaves it for a later cleaning. Answers the names dropped.
 */
export async function dropOtherTemplates(admin: pg.Client, keep: string): Promise<string[]> {
  const { rows } = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'regulars\\_template\\_%' ORDER BY datname`);
  const dropped: string[] = [];
  for (const { datname } of rows) {
    const fingerprint = TEMPLATE.exec(datname)?.[1];
    if (!fingerprint || fingerprint === keep) continue;
    const { rows: [lock] } = await admin.query<{ got: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS got', lockKey(fingerprint));
    if (!lock.got) continue;
    try {
      await admin.query(`DROP DATABASE IF EXISTS "${datname}"`);
      dropped.push(datname);
    } catch (error) {
      // object_in_use: being copied from, or being made (a partial's migrations).
      if ((error as { code?: string }).code !== '55006') throw error;
    } finally {
      await admin.query('SELECT pg_advisory_unlock($1, $2)', lockKey(fingerprint));
    }
  }
  return dropped;
}

/** Marks the image as used by this process until `release`d (or the process is gone). */
export function holdImage(image: string): () => void {
  const mark = `${image}.${process.pid}.in-use`;
  fs.writeFileSync(mark, '');
  return () => fs.rmSync(mark, { force: true });
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, another user's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Removes from `dir` the PGlite images of fingerprints other than `keep` that no living
 * process marks as in use, with their partial files and the marks of processes gone.
 * Answers the file names removed.
 */
export function removeOtherImages(dir: string, keep: string): string[] {
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
  const named = files.flatMap((file) => {
    const match = IMAGE.exec(file);
    return match ? [{ file, fingerprint: match[1], pid: match[2] === undefined ? undefined : Number(match[2]), kind: match[3] }] : [];
  });
  const inUse = new Set(named.filter((f) => f.kind === 'in-use' && alive(f.pid!)).map((f) => f.fingerprint));
  const removed: string[] = [];
  for (const f of named) {
    if (f.fingerprint === keep || inUse.has(f.fingerprint)) continue;
    // A partial image of a living process is being written: it renames it when done.
    if (f.kind === 'partial' && alive(f.pid!)) continue;
    fs.rmSync(path.join(dir, f.file), { force: true });
    removed.push(f.file);
  }
  return removed;
}
