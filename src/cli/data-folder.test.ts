import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { testDatabaseKind } from '../../test/helpers/database.ts';

// A command run where there is no database (QA: `regulars loyalty verify` in a folder with
// no DATA_DIR created ./data and printed "OK: 0 members"). Commands that read or maintain
// data refuse, name the folder and how to point at the right one, exit non-zero and
// create nothing; those that set a business up create the database, as README's first
// steps run them on a fresh checkout, and say so (context.ts MAY_CREATE_DATABASE).
const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin/regulars.js');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'regulars-data-folder-'));
const baseEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'DATA_DIR' && k !== 'DATABASE_URL'));
const run = (env: Record<string, string>, cwd: string, ...args: string[]) =>
  spawnSync(process.execPath, [BIN, ...args], { env: { ...baseEnv, LOG_LEVEL: 'warn', ...env }, cwd, encoding: 'utf8' });
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('a command where there is no database', () => {
  it('refuses to read or maintain one, naming the folder and DATA_DIR, and creates nothing', () => {
    const dir = path.join(work, 'mistyped');
    for (const args of [['loyalty', 'verify'], ['status'], ['loyalty', 'report', '--json'], ['keys', 'list'], ['loyalty', 'maintain']]) {
      const r = run({ DATA_DIR: dir }, work, ...args);
      expect(r.status, `${args.join(' ')}: ${r.stdout}`).not.toBe(0);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`No Regulars database in DATA_DIR=${dir}: \`regulars ${args.slice(0, args[0] === 'status' ? 1 : 2).join(' ')}\` works on an existing database and created nothing.`);
      expect(r.stderr).toContain('Set DATA_DIR to the folder your server keeps its data in');
      expect(r.stderr).toContain('DATABASE_URL');
    }
    expect(fs.existsSync(dir)).toBe(false);
  });

  // QA: `stores create` with a mistyped time zone printed "Created a new Regulars database" before refusing it.
  it('refuses a store it would create a database for without creating the database', () => {
    const dir = path.join(work, 'new-business');
    const r = run({ DATA_DIR: dir }, work, 'stores', 'create', '--code', 'x1', '--name', 'X', '--time-zone', 'Europe/Nowhere');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('time_zone: must be an IANA time zone such as Europe/Ljubljana');
    expect(r.stdout + r.stderr).not.toContain('Created a new Regulars database');
    expect(fs.existsSync(dir)).toBe(false);
  });

  it('says so when DATA_DIR is not set, and leaves no ./data behind', () => {
    const cwd = fs.mkdtempSync(path.join(work, 'cwd-'));
    const r = run({}, cwd, 'loyalty', 'verify');
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain(`No Regulars database in ${path.join(fs.realpathSync(cwd), 'data')} (DATA_DIR is not set, so ./data of the current folder)`);
    expect(fs.readdirSync(cwd)).toEqual([]);
  });

  it('creates it for README\'s first steps on a fresh folder, which then read it', () => {
    const env = { DATA_DIR: path.join(work, 'fresh') };
    const key = run(env, ROOT, 'keys', 'create', '--name', 'POS', '--scopes', 'read,write,admin', '--json');
    expect(key.status, key.stderr).toBe(0);
    expect(key.stderr).toContain(`Created a new Regulars database in ${env.DATA_DIR} (DATA_DIR).`);
    expect(JSON.parse(key.stdout)).toMatchObject({ name: 'POS' });
    const applied = run(env, ROOT, 'loyalty', 'apply', 'examples/program.json');
    expect(applied.status, applied.stderr).toBe(0);
    expect(applied.stderr).not.toContain('Created');
    const store = run(env, ROOT, 'stores', 'create', '--code', 'lj-center', '--name', 'Ljubljana centre', '--time-zone', 'Europe/Ljubljana');
    expect(store.status, store.stderr).toBe(0);
    const verify = run(env, ROOT, 'loyalty', 'verify');
    expect(verify.status, verify.stderr).toBe(0);
    expect(verify.stdout).toMatch(/^OK: 0 points accounts/);
  }, 180_000); // four commands, each starting the embedded database

  it.runIf(testDatabaseKind === 'postgres')('refuses a PostgreSQL database without Regulars\' tables, and leaves it empty', async () => {
    const adminUrl = process.env.REGULARS_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    const name = `regulars_empty_${process.pid}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    try {
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      const r = run({ DATABASE_URL: url.toString() }, work, 'loyalty', 'verify');
      expect(r.status).not.toBe(0);
      expect(r.stderr).toContain(`The PostgreSQL database at DATABASE_URL (${url.hostname}${url.port ? `:${url.port}` : ''}/${name}) has no Regulars data: \`regulars loyalty verify\``);
      const db = new pg.Client({ connectionString: url.toString() });
      await db.connect();
      const tables = await db.query(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'`);
      await db.end();
      expect(tables.rows[0].n).toBe(0);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  }, 60_000);
});
