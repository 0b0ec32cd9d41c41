import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedData } from '../helpers/shared-data.ts';

// The `regulars` command as a user runs it, on a fresh embedded data folder.
const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin/regulars.js');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'regulars-cli-'));
const env = { ...process.env, DATA_DIR: path.join(work, 'data'), LOG_LEVEL: 'warn' };
const run = (...args: string[]) => spawnSync(BIN, args, { env, encoding: 'utf8' });
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('regulars CLI', () => {
  it('imports a file, refuses a bad one with every error named, and reports status', () => {
    const good = path.join(work, 'good.csv');
    fs.writeFileSync(good, 'Order,Email,Date,Amount\n1,a@example.com,2026-01-02,10.50\n2,b@example.com,2026-01-03,4.25\n');
    const bad = path.join(work, 'bad.csv');
    fs.writeFileSync(bad, 'external_id,customer_email,occurred_at,total\n3,c@example.com,2026-01-04,1.999\n4,nope,2026-01-05,2\n');
    const map = 'external_id=Order,customer_email=Email,occurred_at=Date,total=Amount';
    const checked = run('import', 'purchases', good, '--map', map, '--dry-run');
    expect(checked.status, checked.stderr).toBe(0);
    expect(checked.stdout).toContain('Dry run, nothing written: purchases file of 2 rows. The import would add 2 and find 0 already there.');
    const imported = run('import', 'purchases', good, '--map', map);
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('2 new');
    const rejected = run('import', 'purchases', bad);
    expect(rejected.status).toBe(1);
    expect(rejected.stdout).toContain('line 2, column total');
    expect(rejected.stdout).toContain('line 3, column customer_email');
    expect(JSON.parse(run('status', '--json').stdout)).toEqual({ customers: 2, purchases: 2, revenue: '14.75' });
    const rfm = JSON.parse(run('analyze', 'rfm', '--json').stdout);
    expect(rfm.customers).toHaveLength(2);
    expect(rfm.segments.reduce((n: number, s: { customers: number }) => n + s.customers, 0)).toBe(2);
    const unknownField = run('import', 'purchases', good, '--map', 'amount=Amount');
    expect(unknownField.status).toBe(1);
    expect(unknownField.stderr).toContain('"amount" is not a purchases field');
    // Six processes, each opening the embedded database and its WebAssembly module: some
    // 3 s each on a quiet machine, 10 s and more on a loaded one.
  }, 180_000);

  it('fits the customer-base models and prints the published CDNOW parameters', () => {
    const summary = sharedData('cdnow', 'cdnow_customers_summary.csv');
    const out = JSON.parse(execFileSync(BIN, ['analyze', 'clv', '--summary', summary, '--model', 'bgnbd', '--json'], { env, encoding: 'utf8' }));
    expect(out.models.bgnbd.params.r).toBeCloseTo(0.243, 3);
    expect(out.models.bgnbd.params.alpha).toBeCloseTo(4.414, 2);
    expect(out.models.bgnbd.log_likelihood).toBeCloseTo(-9582.4, 0);
  });

  it('explains bad configuration and bad options', () => {
    const badEnv = spawnSync(BIN, ['status'], { env: { ...env, CURRENCY: 'EURO' }, encoding: 'utf8' });
    expect(badEnv.status).toBe(2);
    expect(badEnv.stderr).toContain('CURRENCY');
    const badScope = run('keys', 'create', '--name', 'x', '--scopes', 'read,root');
    expect(badScope.status).toBe(1);
    expect(badScope.stderr).toContain('scopes');
    const missing = run('import', 'purchases', path.join(work, 'missing.csv'));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain(`file: no such file: ${path.join(work, 'missing.csv')}`);
    // A column missing: the command line maps another with --map.
    const noDate = path.join(work, 'no-date.csv');
    fs.writeFileSync(noDate, 'external_id,customer_email,total,refunded_amount\n9,z@example.com,20.00,5.00\n');
    const missingColumn = run('import', 'purchases', noDate);
    expect(missingColumn.status).toBe(1);
    expect(missingColumn.stderr).toContain('required column "occurred_at" is missing (map another column with --map occurred_at=COLUMN)');
    // Mapped, a dry run tells the refund its refunded amount would record.
    fs.writeFileSync(noDate, 'external_id,customer_email,total,refunded_amount,day\n9,z@example.com,20.00,5.00,2026-01-06\n');
    const wouldRefund = run('import', 'purchases', noDate, '--map', 'occurred_at=day', '--dry-run');
    expect(wouldRefund.status, wouldRefund.stderr).toBe(0);
    expect(wouldRefund.stdout).toContain("It would record 1 refund so that the orders' refunds add up to their refunded amounts.");
    const badTotal = path.join(work, 'bad-total.csv');
    fs.writeFileSync(badTotal, 'customer_email,occurred_at,total\nana@example.com,2026-01-02,10.00\nbo@example.com,2026-01-03,ten\n');
    const notANumber = run('analyze', 'clv', '--purchases', badTotal);
    expect(notANumber.status).toBe(1);
    expect(notANumber.stderr).toContain(`${badTotal}: line 3: total is not a number`);
  });
});

describe('regulars CLI beside a running server on the embedded database', () => {
  const data = path.join(work, 'served');
  let port = 0;
  let server: ChildProcess | undefined;
  const serverEnv = () => ({ ...env, DATA_DIR: data, PORT: String(port), HOST: '127.0.0.1', JOBS: 'off' });
  const cli = (...args: string[]) => spawnSync(BIN, args, { env: serverEnv(), encoding: 'utf8' });
  // One connection a request: `cli` blocks this process's event loop, so a kept-alive
  // connection the server closes meanwhile is not seen closed before the next request is
  // written to it ("other side closed", seen on a loaded machine).
  const serverFetch = (apiPath: string, init: RequestInit = {}) =>
    fetch(`http://127.0.0.1:${port}/api/v1${apiPath}`, withConnectionClose(init));
  const readLock = (): Record<string, unknown> | undefined => {
    try {
      return JSON.parse(fs.readFileSync(path.join(data, 'regulars.lock'), 'utf8'));
    } catch {
      return undefined;
    }
  };

  beforeAll(async () => {
    // PORT=0: the system picks the port, and the commands learn it from the lock file.
    server = spawn(BIN, ['serve'], { env: serverEnv(), stdio: 'ignore' });
    for (let i = 0; ; i++) {
      port = (readLock()?.port as number | undefined) ?? 0;
      if (port && (await serverFetch('/health').then((r) => r.ok, () => false))) break;
      if (i > 240) throw new Error('the server did not start');
      await new Promise((r) => setTimeout(r, 250));
    }
  }, 90_000);
  const stop = async () => {
    if (!server || server.exitCode !== null || server.signalCode !== null) return;
    const exited = new Promise((r) => server!.once('exit', r));
    server.kill('SIGTERM');
    await exited;
  };
  afterAll(stop);

  it('imports, reports status, analyzes, manages keys, users and stores, applies a program and makes the demo through the server; other commands refuse naming it', async () => {
    // Only the server and its owner may read the lock file: it holds the server's token.
    expect(fs.statSync(path.join(data, 'regulars.lock')).mode & 0o077).toBe(0);
    const file = path.join(work, 'served.csv');
    fs.writeFileSync(file, 'external_id,customer_email,occurred_at,total\n1,a@example.com,2026-01-02,10.50\n2,b@example.com,2026-01-03,4.25\n3,a@example.com,2026-01-04,1.00\n');
    const imported = cli('import', 'purchases', file, '--json');
    expect(imported.status, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ kind: 'purchases', rows: 3, created: 3, imported: true });
    const bad = path.join(work, 'served-bad.csv');
    fs.writeFileSync(bad, 'external_id,customer_email,occurred_at,total\n4,c@example.com,2026-01-05,-1\n');
    const rejected = cli('import', 'purchases', bad);
    expect(rejected.status).toBe(1);
    expect(rejected.stdout).toContain('line 2, column total');
    expect(JSON.parse(cli('status', '--json').stdout)).toEqual({ customers: 2, purchases: 3, revenue: '15.75' });
    // The analyze commands that read the database go through the server too.
    const analyze = (...args: string[]) => {
      const r = cli('analyze', ...args, '--json');
      expect(r.status, r.stderr).toBe(0);
      return JSON.parse(r.stdout);
    };
    expect(analyze('metrics', '--year', '2026')).toMatchObject({
      period: { from: '2026-01-01' }, customers: 2, purchases: 3, revenue: '15.75', repeat_purchase_ratio: { value: 0.5, repeat_customers: 1 },
    });
    // A named period, as the dashboard asks it: the dates the server resolved, and the same figures as those dates.
    const named = analyze('metrics', '--period', 'quarter');
    expect(named.period.name).toBe('quarter');
    const dated = analyze('metrics', '--from', named.period.from, '--to', named.period.to);
    expect({ ...named, period: { ...named.period, name: null } }).toEqual(dated);
    const both = cli('analyze', 'metrics', '--period', 'year', '--year', '2026');
    expect(both.status).toBe(1);
    expect(both.stderr).toContain('--period: give either --period or --year/--from/--to, not both');
    // Two customers rank 1 and 3 (floor(rank × 5 / 2) + 1): a@ bought last, on more days, for more.
    const rfm = analyze('rfm') as { segments: { segment: string; customers: number }[]; customers: Record<string, number | string>[] };
    expect(rfm.customers.map(({ frequency, monetary, r, f, m, segment }) => ({ frequency, monetary, r, f, m, segment })).sort((x, y) => Number(x.frequency) - Number(y.frequency))).toEqual([
      { frequency: 1, monetary: '4.25', r: 1, f: 1, m: 1, segment: 'Lost' },
      { frequency: 2, monetary: '11.50', r: 3, f: 3, m: 3, segment: 'Need attention' },
    ]);
    expect(rfm.segments.filter((x) => x.customers)).toEqual([{ segment: 'Need attention', customers: 1 }, { segment: 'Lost', customers: 1 }]);
    const clv = analyze('clv', '--model', 'bgnbd');
    expect(clv).toMatchObject({ customers: 2, unit: 'week', models: { bgnbd: { customers: 2, params: { r: expect.any(Number) } } }, validation: null });
    // The same numbers through the API: the CLI wrote to the server's database, not beside it.
    const key = JSON.parse(cli('keys', 'create', '--name', 'till 1', '--scopes', 'read', '--json').stdout) as { key: string };
    const status = await serverFetch('/status', { headers: { authorization: `Bearer ${key.key}` } });
    expect(await status.json()).toMatchObject({ customers: 2, purchases: 3, revenue: '15.75' });
    const badScope = cli('keys', 'create', '--name', 'x', '--scopes', 'read,root');
    expect(badScope.status).toBe(1);
    expect(badScope.stderr).toContain('scopes');
    const applied = cli('loyalty', 'apply', path.join(ROOT, 'examples/program.json'), '--json');
    expect(applied.status, applied.stderr).toBe(0);
    expect(JSON.parse(applied.stdout)).toMatchObject({ version: 1 });
    const verified = JSON.parse(cli('loyalty', 'verify', '--json').stdout);
    expect(verified).toMatchObject({ ok: true, problems: [] });
    // Returns from a till's export, through the server; the second row would take more than is left.
    const refunds = path.join(work, 'served-refunds.csv');
    fs.writeFileSync(refunds, 'purchase,external_id,amount\n1,r-1,0.50\n1,r-2,10.50\n');
    const overRefunded = cli('import', 'refunds', refunds);
    expect(overRefunded.status).toBe(1);
    expect(overRefunded.stdout).toContain('line 3, column amount: exceeds the refundable €10.00 of purchase 1');
    fs.writeFileSync(refunds, 'purchase,external_id,amount\n1,r-1,0.50\n');
    const refunded = cli('import', 'refunds', refunds);
    expect(refunded.status, refunded.stderr).toBe(0);
    expect(refunded.stdout).toContain('Imported refunds: 1 row, 1 new');
    expect(JSON.parse(cli('status', '--json').stdout)).toMatchObject({ revenue: '15.25' });
    // The owner's password is lost while the server runs: the command the first start names still works.
    const reset = cli('users', 'reset-password', 'owner@regulars.local');
    expect(reset.status, reset.stderr).toBe(0);
    const password = /New password for owner@regulars.local: (\S+)/.exec(reset.stdout)![1];
    const login = await serverFetch('/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'owner@regulars.local', password }) });
    expect(login.status).toBe(200);
    expect(cli('stores', 'create', '--code', 'lj', '--name', 'Ljubljana', '--time-zone', 'Europe/Ljubljana').status).toBe(0);
    expect(cli('stores', 'list').stdout).toMatch(/^lj\s+Ljubljana/);
    const demo = cli('demo', '--customers', '30', '--json');
    expect(demo.status, demo.stderr).toBe(0);
    const made = JSON.parse(demo.stdout) as { stores: number; purchases: number; created: number };
    expect(made).toMatchObject({ stores: 3, created: made.purchases });
    const totals = JSON.parse(cli('status', '--json').stdout) as { customers: number; purchases: number };
    expect(totals.purchases).toBe(3 + made.purchases);
    // The score run is recorded as the command line's, as without a server.
    expect(analyze('scores')).toMatchObject({ trigger: 'cli', customers: totals.customers });
    const refused = cli('migrate');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`in use by another Regulars process: pid ${server!.pid}, "serve" (serving on port ${port})`);
  }, 180_000);

  it('accepts the token of its lock file as the operator, and no other', async () => {
    const token = (JSON.parse(fs.readFileSync(path.join(data, 'regulars.lock'), 'utf8')) as { cliToken: string }).cliToken;
    const withToken = await serverFetch('/status', { headers: { authorization: `Bearer ${token}` } });
    expect(withToken.status).toBe(200);
    const wrong = await serverFetch('/status', { headers: { authorization: `Bearer ${token}x` } });
    expect(wrong.status).toBe(401);
  });

  it('prints the analyze commands\' answers through the server as it prints them without one', async () => {
    // Read through the server first (the demo's data), then alone on the same folder.
    // Only the fits' times differ.
    const withoutTimes = (text: string) => JSON.parse(text, (key, value) => (key === 'fit_ms' ? undefined : value));
    const commands = [['analyze', 'metrics'], ['analyze', 'clv', '--json']];
    const through = commands.map((args) => cli(...args));
    await stop();
    const alone = commands.map((args) => cli(...args));
    for (const r of [...through, ...alone]) expect(r.status, r.stderr).toBe(0);
    expect(through[0].stdout).toMatch(/^Loyalty metrics /);
    expect(through[0].stdout).toBe(alone[0].stdout);
    expect(withoutTimes(through[1].stdout)).toEqual(withoutTimes(alone[1].stdout));
  }, 60_000);
});

/** The request with `Connection: close`: its connection is not kept for the next one. */
function withConnectionClose(init: RequestInit): RequestInit {
  const headers = new Headers(init.headers);
  headers.set('connection', 'close');
  return { ...init, headers };
}
