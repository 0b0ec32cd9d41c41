import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { createScratchDatabase, testDatabaseKind } from './database.ts';

/** The command line's entry point, as `npx regulars` runs it. */
export const BIN = path.resolve(import.meta.dirname, '../../bin/regulars.js');

/** What a test's environment would point the commands elsewhere with: left out, so each file's business is its own. */
const POINTERS = ['DATA_DIR', 'DATABASE_URL', 'REGULARS_LANGUAGE', 'PORT', 'TIMEZONE', 'CURRENCY'];

/**
 * The `regulars` command as a user runs it, each call a process of its own (1–3 s), on a
 * business of the test file's own: a data folder in a temporary directory, or
 * (REGULARS_TEST_DB=postgres) a scratch PostgreSQL database — made before the file's tests
 * (this hook runs before the file's own beforeAll, which may then set the business up) and
 * removed after them. The business is in Ljubljana and keeps its books in euros.
 */
export function useCliBusiness(prefix: string) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), `regulars-${prefix}-`));
  const baseEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !POINTERS.includes(k)));
  let where: Record<string, string> = {};
  let dropDatabase: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    if (testDatabaseKind === 'postgres') {
      const scratch = await createScratchDatabase(prefix.replace(/\W/g, '_'));
      dropDatabase = scratch.drop;
      where = { DATABASE_URL: scratch.url };
    } else {
      where = { DATA_DIR: path.join(work, 'data') };
    }
  });
  afterAll(async () => {
    await dropDatabase?.();
    fs.rmSync(work, { recursive: true, force: true });
  });

  /** The business's environment: where its data is, its zone and currency; `more` on top (a terminal in another zone). */
  const env = (more: Record<string, string> = {}) => ({ ...baseEnv, LOG_LEVEL: 'warn', TIMEZONE: 'Europe/Ljubljana', CURRENCY: 'EUR', ...where, ...more });
  /** The command in the business's environment with `more` on top, in the work folder. */
  const runIn = (more: Record<string, string>, ...args: string[]): SpawnSyncReturns<string> =>
    spawnSync(process.execPath, [BIN, ...args], { env: env(more), cwd: work, encoding: 'utf8' });
  const run = (...args: string[]) => runIn({}, ...args);
  /** A command's output, once it has succeeded (its stderr told when not). */
  const ok = (r: SpawnSyncReturns<string>) => {
    expect(r.status, r.stderr).toBe(0);
    return r.stdout;
  };
  return {
    /** The temporary folder the commands run in: the files they read and write go here. */
    work,
    /** DATA_DIR or DATABASE_URL of the business, once the file's tests run. */
    get where(): Readonly<Record<string, string>> {
      return where;
    },
    env,
    run,
    runIn,
    ok,
    /** A command's --json output, once it has succeeded. */
    json: <T>(r: SpawnSyncReturns<string>): T => JSON.parse(ok(r)) as T,
  };
}
