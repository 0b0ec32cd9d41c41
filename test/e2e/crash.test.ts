import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createScratchDatabase, testDatabaseKind } from '../helpers/database.ts';

// A process killed with SIGKILL in the middle of a large import loses nothing and counts
// nothing twice: after a restart, running the same import again yields exactly the
// file's totals — purchases, revenue, and loyalty points (the ledger verifies). Runs the real CLI against a data folder (PGlite) or a database
// (PostgreSQL).
const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin/regulars.js');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'regulars-crash-'));
const drops: (() => Promise<void>)[] = [];

afterAll(async () => {
  for (const drop of drops) await drop();
  fs.rmSync(work, { recursive: true, force: true });
});

/** A database of its own for each test: a data folder (PGlite) or a scratch database (PostgreSQL). */
async function environment(name: string): Promise<Record<string, string>> {
  if (testDatabaseKind !== 'postgres') return { DATA_DIR: path.join(work, name) };
  const scratch = await createScratchDatabase('crash');
  drops.push(scratch.drop);
  return { DATABASE_URL: scratch.url };
}

/** Runs `regulars import <kind> file`, and kills it (SIGKILL) once `started` says some batches committed — or, on PGlite, whose folder the importer locks, after `pgliteWait` ms. */
async function killMidImport(env: NodeJS.ProcessEnv, kind: string, file: string, started: (status: Record<string, number>) => boolean, pgliteWait: number) {
  const child = spawn(BIN, ['import', kind, file], { env, stdio: 'ignore' });
  if (testDatabaseKind === 'postgres') {
    for (let i = 0; i < 600; i++) {
      const s = status(env);
      if (s && started(s)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
  } else {
    await new Promise((r) => setTimeout(r, pgliteWait));
  }
  child.kill('SIGKILL');
  await new Promise((r) => child.once('exit', r));
}

function status(env: NodeJS.ProcessEnv): Record<string, number> | undefined {
  try {
    return JSON.parse(execFileSync(BIN, ['status', '--json'], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  } catch {
    return undefined; // the folder is locked by the importer (PGlite)
  }
}

describe('crash during an import', () => {
  it('after kill -9 and a re-run, the totals are exactly the file', async () => {
    const rows = 60_000;
    const lines = ['external_id,customer_external_id,occurred_at,total'];
    let cents = 0;
    let points = 0;
    for (let i = 0; i < rows; i++) {
      const amount = 100 + (i % 5000);
      cents += amount;
      points += Math.floor(amount / 100); // 1 point per euro, floor
      lines.push(`k-${i},card-${i % 9000},2026-0${1 + (i % 5)}-1${i % 10},${Math.floor(amount / 100)}.${String(amount % 100).padStart(2, '0')}`);
    }
    const file = path.join(work, 'big.csv');
    fs.writeFileSync(file, lines.join('\n') + '\n');
    const env = { ...process.env, ...(await environment('purchases')), LOG_LEVEL: 'warn' };
    const program = path.join(work, 'program.json');
    fs.writeFileSync(program, JSON.stringify({ name: 'Crash test', earning: { points_per_currency_unit: 1 }, bonuses: { sign_up: 10, first_purchase: 20 } }));
    execFileSync(BIN, ['loyalty', 'apply', program], { env, stdio: 'ignore' });

    // Kill it once some chunks are committed but well before the end.
    await killMidImport(env, 'purchases', file, (s) => s.purchases > 0, 8000);
    const partial = status(env);
    expect(partial).toBeDefined(); // the database opens after the crash (the stale lock is taken over)
    expect(partial!.purchases).toBeLessThan(rows);

    execFileSync(BIN, ['import', 'purchases', file], { env, stdio: 'ignore' });
    const after = JSON.parse(execFileSync(BIN, ['status', '--json'], { env, encoding: 'utf8' }));
    expect(after).toEqual({ customers: 9000, purchases: rows, revenue: `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}` });
    const verify = JSON.parse(execFileSync(BIN, ['loyalty', 'verify', '--json'], { env, encoding: 'utf8' }));
    expect(verify).toMatchObject({ ok: true, members: 9000 });
    const report = JSON.parse(execFileSync(BIN, ['loyalty', 'report', '--json'], { env, encoding: 'utf8' }));
    // Every purchase's points once, and each member's sign-up and first-purchase bonus once.
    expect(report.points).toMatchObject({ earned: points + 9000 * (10 + 20), outstanding: points + 9000 * (10 + 20) });
  }, 300_000);
  it('after kill -9 in a points import and a re-run, each member has exactly the file\'s balance', async () => {
    // A credit of 100 for each member, then, further down, a debit of 30 and one of 20 (each
    // batch of debits is planned against the lots the batch read): 50 each in the end.
    const members = 20_000;
    const lines = ['external_id,points'];
    for (const points of [100, -30, -20]) for (let i = 0; i < members; i++) lines.push(`card-${i},${points}`);
    const file = path.join(work, 'points.csv');
    fs.writeFileSync(file, lines.join('\n') + '\n');
    const env = { ...process.env, ...(await environment('points')), LOG_LEVEL: 'warn' };
    const program = path.join(work, 'points-program.json');
    fs.writeFileSync(program, JSON.stringify({ name: 'Crash test', earning: { points_per_currency_unit: 1 }, bonuses: { sign_up: 10 } }));
    execFileSync(BIN, ['loyalty', 'apply', program], { env, stdio: 'ignore' });

    await killMidImport(env, 'points', file, (s) => s.customers > 0, 8000);
    const partial = status(env);
    expect(partial).toBeDefined();
    expect(partial!.customers).toBeLessThan(members);
    expect(JSON.parse(execFileSync(BIN, ['loyalty', 'verify', '--json'], { env, encoding: 'utf8' }))).toMatchObject({ ok: true });

    execFileSync(BIN, ['import', 'points', file], { env, stdio: 'ignore' });
    expect(JSON.parse(execFileSync(BIN, ['loyalty', 'verify', '--json'], { env, encoding: 'utf8' }))).toMatchObject({ ok: true, members });
    const report = JSON.parse(execFileSync(BIN, ['loyalty', 'report', '--json'], { env, encoding: 'utf8' }));
    // Every row once, and no sign-up bonus (the members got theirs on the old platform).
    expect(report.points).toMatchObject({ adjusted_in: members * 100, adjusted_out: members * 50, outstanding: members * 50 });
  }, 300_000);
});
