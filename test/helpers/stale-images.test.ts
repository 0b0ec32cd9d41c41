import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_URL, testDatabaseKind } from './database.ts';
import { dropOtherTemplates, holdImage, holdTemplate, removeOtherImages } from './stale-images.ts';

// The migrated databases of other migrations go when a new one is made (stale-images.ts):
// only those named as ours, and none that a run still uses.

const fingerprint = () => randomBytes(8).toString('hex');

describe('PGlite images', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regulars-images-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const touch = (name: string) => fs.writeFileSync(path.join(dir, name), 'x');

  it('removes the images of other migrations, leaving the current one, those in use and files not ours', async () => {
    const [current, stale, used, making] = [fingerprint(), fingerprint(), fingerprint(), fingerprint()];
    // A process that has ended: its partial image and its in-use mark are left over.
    const ended = spawn(process.execPath, ['-e', '']);
    const gone = ended.pid!;
    await new Promise((resolve) => ended.on('exit', resolve));
    const ours = [`migrated-${current}.tar`, `migrated-${stale}.tar`, `migrated-${stale}.tar.${gone}.partial`, `migrated-${stale}.tar.${gone}.in-use`,
      `migrated-${used}.tar`, `migrated-${making}.tar.${process.pid}.partial`];
    const others = ['notes.txt', 'migrated-abc.tar', `migrated-${stale}.tar.bak`, `old-migrated-${stale}.tar`];
    for (const name of [...ours, ...others]) touch(name);
    const release = holdImage(path.join(dir, `migrated-${used}.tar`));

    expect(removeOtherImages(dir, current)).toEqual([`migrated-${stale}.tar`, `migrated-${stale}.tar.${gone}.in-use`, `migrated-${stale}.tar.${gone}.partial`].sort());
    expect(fs.readdirSync(dir).sort()).toEqual([`migrated-${current}.tar`, `migrated-${used}.tar`, `migrated-${used}.tar.${process.pid}.in-use`, `migrated-${making}.tar.${process.pid}.partial`, ...others].sort());

    // Once its run has ended, the image in use goes too.
    release();
    expect(removeOtherImages(dir, current)).toEqual([`migrated-${used}.tar`]);
  });
});

describe.runIf(testDatabaseKind === 'postgres')('PostgreSQL templates', () => {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  const created: string[] = [];
  const create = async (name: string) => {
    await admin.query(`CREATE DATABASE "${name}"`);
    created.push(name);
  };
  const exists = async (name: string) => Boolean((await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount);
  beforeAll(() => admin.connect());
  afterAll(async () => {
    for (const name of created) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  });

  it('drops the templates of other migrations, leaving the current one, those in use and databases not named as ours', async () => {
    const [current, stale, held, copied] = [fingerprint(), fingerprint(), fingerprint(), fingerprint()];
    const suffix = randomBytes(4).toString('hex');
    const ours = [`regulars_template_${stale}`, `regulars_template_${stale}_partial_4242`, `regulars_template_${held}`, `regulars_template_${copied}`];
    const others = [`regulars_template_keep_${suffix}`, `regulars_template_${stale}_copy_${suffix}`, `my_regulars_template_${stale}`];
    for (const name of [`regulars_template_${current}`, ...ours, ...others]) await create(name);

    // A run of other migrations holds its template; another copies from its template now (a
    // session in it stands for the CREATE DATABASE … TEMPLATE, which refuses the drop alike).
    const run = new pg.Client({ connectionString: ADMIN_URL });
    await run.connect();
    await holdTemplate(run, held);
    const url = new URL(ADMIN_URL);
    url.pathname = `/regulars_template_${copied}`;
    const copying = new pg.Client({ connectionString: url.toString() });
    await copying.connect();
    try {
      const dropped = await dropOtherTemplates(admin, current);
      expect(dropped.filter((name) => created.includes(name))).toEqual([`regulars_template_${stale}`, `regulars_template_${stale}_partial_4242`]);
      for (const name of [`regulars_template_${current}`, `regulars_template_${held}`, `regulars_template_${copied}`, ...others]) expect(await exists(name), name).toBe(true);
      for (const name of dropped) expect(await exists(name), name).toBe(false);
    } finally {
      await copying.end();
      await run.end();
    }
    // Once no run uses them, they go as well.
    const later = await dropOtherTemplates(admin, current);
    expect(later.filter((name) => created.includes(name)).sort()).toEqual([`regulars_template_${copied}`, `regulars_template_${held}`].sort());
  });
});
