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
let dropDatabase: (() => Promise<void>) | undefined;

afterAll(async () => {
  await dropDatabase?.();
  fs.rmSync(work, { recursive: true, force: true });
});

async function environment(): Promise<Record<string, string>> {
  if (testDatabaseKind !== 'postgres') return { DATA_DIR: path.join(work, 'data') };
  const scratch = await createScratchDatabase('crash');
  dropDatabase = scratch.drop;
  return { DATABASE_URL: scratch.url };
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
    const env = { ...process.env, ...(await environment()), LOG_LEVEL: 'warn' };
    const program = path.join(work, 'program.json');
    fs.writeFileSync(program, JSON.stringify({ name: 'Crash test', earning: { points_per_currency_unit: 1 }, bonuses: { sign_up: 10, first_purchase: 20 } }));
    execFileSync(BIN, ['loyalty', 'apply', program], { env, stdio: 'ignore' });

    const child = spawn(BIN, ['import', 'purchases', file], { env, stdio: 'ignore' });
    // Kill it once some chunks are committed but well before the end.
    const status = () => {
      try {
        return JSON.parse(execFileSync(BIN, ['status', '--json'], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })) as { purchases: number };
      } catch {
        return undefined; // the folder is locked by the importer (PGlite)
      }
    };
    if (testDatabaseKind === 'postgres') {
      for (let i = 0; i < 600; i++) {
        const s = status();
        if (s && s.purchases > 0) break;
        await new Promise((r) => setTimeout(r, 100));
      }
    } else {
      await new Promise((r) => setTimeout(r, 8000));
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const partial = status();
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
});
