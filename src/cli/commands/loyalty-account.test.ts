import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, useCliBusiness } from '../../../test/helpers/cli-process.ts';
import { testDatabaseKind } from '../../../test/helpers/database.ts';
import { startServeProcess } from '../../../test/helpers/serve-process.ts';

// `regulars loyalty account` and `regulars loyalty adjust` as a user runs them, on the
// embedded database or (REGULARS_TEST_DB=postgres) a PostgreSQL one, with a case worked out
// by hand: 10 beans a euro, 200 for a first purchase; Ana buys for 30.00 and 12.50 (300 +
// 200 + 125 = 625 beans; 42.50 of the 100.00 Silver asks). Each command is a process of its
// own (1–3 s). The purchases are dated before today by the real clock the commands read.
const cli = useCliBusiness('account');
const { run, json, work } = cli;

const PROGRAM = {
  name: 'Test beans',
  points_name: { en: { one: 'bean', other: 'beans' }, sl: { one: 'zrno', two: 'zrni', few: 'zrna', other: 'zrn' } },
  point_value: '0.01', enrolment: 'automatic', pending_days: 0,
  earning: { points_per_currency_unit: 10, rounding: 'floor' },
  bonuses: { first_purchase: 200 },
  expiry: { policy: 'per_lot', months: 24 },
  tiers: {
    metric: 'spend', window: 'rolling_12_months',
    levels: [{ code: 'member', name: { en: 'Member', sl: 'Član' }, threshold: '0' }, { code: 'silver', name: { en: 'Silver', sl: 'Srebrni' }, threshold: '100.00' }],
  },
  rewards: [],
};
const DAY = 86_400_000;
const today = Math.floor(Date.now() / DAY) * DAY;
const bought = [new Date(today - 20 * DAY + 12 * 3_600_000), new Date(today - 10 * DAY + 12 * 3_600_000)];
/** An instant as the CLI writes it: its date and time in Ljubljana. */
const local = (at: Date) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Ljubljana', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(at);

type Account = { customer_id: string; balance: number; lifetime: { adjusted: number }; explanation: { entries: { points: number; description: string; reason: string | null; actor: string | null }[] } };

beforeAll(async () => {
  fs.writeFileSync(path.join(work, 'program.json'), JSON.stringify(PROGRAM));
  expect(run('loyalty', 'apply', 'program.json').status).toBe(0);
  fs.writeFileSync(path.join(work, 'purchases.csv'), [
    'external_id,customer_email,occurred_at,total',
    `o-1,ana@example.com,${bought[0].toISOString()},30.00`,
    `o-2,ana@example.com,${bought[1].toISOString()},12.50`,
    `o-3,ben@example.com,${bought[1].toISOString()},5.00`,
  ].join('\n'));
  const imported = run('import', 'purchases', 'purchases.csv');
  expect(imported.status, imported.stderr).toBe(0);
}, 120_000);

describe('regulars loyalty account', () => {
  it("prints a member's balance, tier, next expiry and entries explained, as worked out by hand, in the language asked", () => {
    const r = run('loyalty', 'account', 'ana@example.com');
    expect(r.status, r.stderr).toBe(0);
    const id = json<Account>(run('loyalty', 'account', 'ana@example.com', '--json')).customer_id;
    const expiry = new Date(bought[0]);
    expiry.setUTCFullYear(expiry.getUTCFullYear() + 2);
    expect(r.stdout.split('\n')).toEqual([
      `ana@example.com (${id}): 625 beans to spend, 0 beans pending`,
      expect.stringMatching(/^Tier: Member, since \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/),
      'Next tier: Silver, €57.50 to go',
      `Next to expire: 500 beans at ${local(expiry)}`,
      'Since joining: earned 625, adjusted 0, redeemed 0, taken back on refunds 0, expired 0',
      '',
      'All entries (3), oldest first:',
      'when              points  balance after  what',
      `${local(bought[0])}    +300            300  Purchase o-1: €30.00 → 300 beans`,
      `${local(bought[0])}    +200            500  First purchase bonus (o-1)`,
      `${local(bought[1])}    +125            625  Purchase o-2: €12.50 → 125 beans`,
      '',
      'The entries add up to 625: the stored balance (625).',
      '',
    ]);

    // By card number or id alike, the latest entries only, in Slovenian.
    const sl = run('loyalty', 'account', id, '--entries', '1', '--language', 'sl');
    expect(sl.status, sl.stderr).toBe(0);
    expect(sl.stdout).toContain(`${id}: 625 zrn za porabo, 0 zrn v čakanju\n`);
    expect(sl.stdout).toContain('Naslednja raven: Srebrni, manjka še 57,50\u00a0€\n');
    expect(sl.stdout).toContain('Zadnji vnosi (1 od 3), najstarejši prvi:\n');
    // Every entry is "all", not "the latest 3 of 3".
    expect(cli.ok(run('loyalty', 'account', id, '--all', '--language', 'ru'))).toContain('\nВсе записи (3), сначала старые:\n');
    expect(sl.stdout).toContain(`${local(bought[1])}   +125        625  Nakup o-2: 12,50\u00a0€ → 125 zrn\n`); // as Intl writes euros in Slovenian
  });

  it('names what it cannot find, and a customer who is no member', () => {
    const nobody = run('loyalty', 'account', 'nobody@example.com');
    expect(nobody.status).toBe(1);
    expect(nobody.stderr).toContain('customer: no customer found for "nobody@example.com"');
    const tooFew = run('loyalty', 'account', 'ana@example.com', '--entries', '0');
    expect(tooFew.status).toBe(1);
    expect(tooFew.stderr).toContain('--entries');
  });
});

describe('regulars loyalty adjust', () => {
  it('adds points with a reason once for one key, takes them back, and is in the activity log as the command line', () => {
    const args = ['loyalty', 'adjust', 'ana@example.com', '250', '--reason', 'Sorry for the wait', '--key', 'sorry-1'];
    const added = run(...args);
    expect(added.status, added.stderr).toBe(0);
    expect(added.stderr).toBe(''); // a key given is not told
    expect(added.stdout).toContain('Adjusted: +250.\n');
    expect(added.stdout).toContain(': 875 beans to spend');
    expect(added.stdout).toMatch(/\+250 +875 +Adjustment by staff: Sorry for the wait\n/);
    // The same key again is the same adjustment: nothing twice.
    expect(json<Account & { idempotency_key: string }>(run(...args, '--json'))).toMatchObject({ balance: 875, lifetime: { adjusted: 250 }, idempotency_key: 'sorry-1' });

    const taken = run('loyalty', 'adjust', 'ana@example.com', '-100', '--reason', 'Double-counted visit');
    expect(taken.status, taken.stderr).toBe(0);
    expect(taken.stderr).toMatch(/^Idempotency key cli-\S+: if this command is interrupted, run it again with --key cli-\S+ and nothing is made twice\.\n$/);
    expect(taken.stdout).toContain(': 775 beans to spend');

    const log = json<{ items: { action: string; by: { kind: string }; details: { points: number; reason: string } }[] }>(run('audit', '--action', 'loyalty.adjust', '--json'));
    expect(log.items.map((e) => [e.by.kind, e.details.points, e.details.reason])).toEqual([['cli', -100, 'Double-counted visit'], ['cli', 250, 'Sorry for the wait']]);
  }, 180_000); // five commands, each starting the embedded database

  // The account printed is the one the adjustment answers, told in the language asked (it was
  // answered in English and read a second time in the command's language).
  it('tells the account after it in the language asked, its entries too', () => {
    const da = run('loyalty', 'adjust', 'ana@example.com', '5', '--reason', 'Tak for ventetiden', '--key', 'tak-1', '--language', 'da');
    expect(da.status, da.stderr).toBe(0);
    expect(da.stdout).toContain('Justeret: +5.\n');
    expect(da.stdout).toMatch(/\+5 +780 +Justering \(personale\): Tak for ventetiden\n/);
    expect(da.stdout).not.toContain('Adjustment by staff');
  }, 120_000);

  it('refuses bad input before anything is sent, naming each field, and a balance taken below zero; nothing changes', () => {
    const before = json<Account>(run('loyalty', 'account', 'ben@example.com', '--json')).balance;
    const bad = run('loyalty', 'adjust', 'ben@example.com', '25x', '--reason', 'x');
    expect(bad.status).toBe(1);
    expect(bad.stderr).not.toContain('Idempotency key'); // refused before a key was told
    expect(bad.stderr).toContain('points: must be a number');
    expect(bad.stderr).toContain('reason: must be at least 3 characters');
    const below = run('loyalty', 'adjust', 'ben@example.com', '-100000', '--reason', 'too much', '--key', 'below-1', '--language', 'sl');
    expect(below.status).toBe(1);
    expect(below.stderr).toContain('points:');
    expect(json<Account>(run('loyalty', 'account', 'ben@example.com', '--json')).balance).toBe(before);
  }, 180_000); // four commands, each starting the embedded database
});

describe.runIf(testDatabaseKind === 'pglite')('through a running server', () => {
  let server: Awaited<ReturnType<typeof startServeProcess>> | undefined;
  afterAll(async () => server?.stop());

  it('reads and adjusts an account the same way, in the language asked', async () => {
    server = await startServeProcess(BIN, cli.env());
    const added = run('loyalty', 'adjust', 'ben@example.com', '40', '--reason', 'Birthday coffee', '--key', 'ben-1', '--language', 'sl');
    expect(added.status, added.stderr).toBe(0);
    expect(added.stdout).toContain('Popravljeno: +40.\n');
    // 50 + 200 first purchase + 40; the account the adjustment answered (?language=sl), its entries in Slovenian.
    expect(added.stdout).toMatch(/\+40 +290 +Popravek \(osebje\): Birthday coffee\n/);
    const shown = run('loyalty', 'account', 'ben@example.com');
    expect(shown.status, shown.stderr).toBe(0);
    expect(shown.stdout).toContain(': 290 beans to spend, 0 beans pending\n');
    expect(shown.stdout).toContain('The entries add up to 290: the stored balance (290).\n');
  }, 180_000); // the server and two commands
});
