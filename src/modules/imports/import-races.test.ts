import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKind } from '../../../test/helpers/database.ts';
import { openTestServices } from '../../../test/helpers/services.ts';
import { openDatabase, type DatabaseHandle } from '../../db/index.ts';
import { createServices, type Services } from '../../services.ts';
import { silentLogger } from '../../shared/logger.ts';
import { importFile } from '../../workflows/import-file.ts';
import { recordPurchases } from '../../workflows/record-purchases.ts';
import { importCsv, type ImportProgress } from './index.ts';

// Imports that overlap: the same file twice at once, a re-run of a crashed import picked
// up by two servers, an API refund during a re-import. Whatever the interleaving, the
// store ends with the file's totals — purchases, customers, revenue, points — once. On
// PostgreSQL the second server is its own pool on the same database; PGlite is one
// session, so there the two run interleaved in one process.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regulars-import-races-'));
let s: Awaited<ReturnType<typeof openTestServices>>;
let t: Services;
let second: DatabaseHandle | undefined;

beforeAll(async () => {
  s = await openTestServices();
  if (testDatabaseKind === 'postgres') {
    const url = (s.database.pool as unknown as { options: { connectionString: string } }).options.connectionString;
    second = await openDatabase({ databaseUrl: url, poolSize: 10 });
    t = createServices({ config: s.config, database: second, clock: s.clock, logger: silentLogger });
  } else {
    t = s;
  }
  await s.loyalty.applyProgram({ program: { name: 'Races', earning: { points_per_currency_unit: 1, rounding: 'floor' }, bonuses: { sign_up: 10, first_purchase: 20 }, expiry: { policy: 'none' } } }, { actor: 'test' });
});
afterAll(async () => {
  await second?.close();
  await s?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/**
 * The file, and the same rows in reverse order (another export of the same data): two
 * imports of one file walk it in step, the second waiting for the first's keys; in
 * opposite orders they meet in the middle, each creating part of it.
 */
function writeBothWays(name: string, [header, ...rows]: string[]) {
  const file = path.join(dir, `${name}.csv`);
  const reversed = path.join(dir, `${name}-reversed.csv`);
  fs.writeFileSync(file, [header, ...rows].join('\n') + '\n');
  fs.writeFileSync(reversed, [header, ...rows.reverse()].join('\n') + '\n');
  return { file, reversed };
}

/** A purchases file of `n` rows over `customers` customers; with what it must add to the store. */
function purchasesFile(name: string, n: number, customers: number, { orderIds = true } = {}) {
  const lines = [orderIds ? 'external_id,customer_external_id,occurred_at,total' : 'customer_external_id,occurred_at,total'];
  let cents = 0;
  let points = 0;
  const cards = new Set<number>();
  for (let i = 0; i < n; i++) {
    // Without order ids, every tenth row repeats the one before: two identical purchases.
    const j = !orderIds && i % 10 === 9 ? i - 1 : i;
    const amount = 150 + (j % 700);
    cents += amount;
    points += Math.floor(amount / 100);
    cards.add(j % customers);
    lines.push(`${orderIds ? `${name}-${i},` : ''}${name}-card-${j % customers},2026-05-${10 + (j % 10)},${(amount / 100).toFixed(2)}`);
  }
  // Each member's sign-up and first-purchase bonus, once.
  return { ...writeBothWays(name, lines), n, customers: cards.size, cents, points: points + cards.size * (10 + 20) };
}

async function state() {
  const totals = await s.commerce.totals();
  const report = await s.loyalty.report();
  const verify = await s.loyalty.verify();
  expect(verify.problems).toEqual([]);
  return { customers: Number(totals.customers), purchases: Number(totals.purchases), cents: Math.round(Number(totals.revenue) * 100), points: report.points.earned as number };
}
const added = (before: Awaited<ReturnType<typeof state>>, after: Awaited<ReturnType<typeof state>>) =>
  ({ customers: after.customers - before.customers, purchases: after.purchases - before.purchases, cents: after.cents - before.cents, points: after.points - before.points });
const sum = (results: { created: number; duplicates: number }[], field: 'created' | 'duplicates') => results.reduce((a, r) => a + r[field], 0);

describe('the same purchases imported twice at once', () => {
  it.each([
    ['with order ids, in the same order', true, false],
    ['with order ids, in opposite orders', true, true],
    ['without order ids (keyed by content and repeat), in opposite orders', false, true],
  ])('%s: counted once, each import reporting every row', async (_, orderIds, reverse) => {
    const f = purchasesFile(`twice-${orderIds}-${reverse}`, 1_800, 150, { orderIds });
    const before = await state();
    const results = await Promise.all([importFile(s, { kind: 'purchases', file: f.file }), importFile(t, { kind: 'purchases', file: reverse ? f.reversed : f.file })]);
    for (const r of results) expect(r).toMatchObject({ rows: f.n, invalid: 0, errors: [], imported: true, created: expect.any(Number) });
    for (const r of results) expect(r.created + r.duplicates).toBe(f.n);
    expect(sum(results, 'created')).toBe(f.n);
    expect(added(before, await state())).toEqual({ customers: f.customers, purchases: f.n, cents: f.cents, points: f.points });
  }, 120_000);
});

describe('an import re-run after a crash', () => {
  it('finishes the file once when two servers pick it up at once, with progress up to every row', async () => {
    const f = purchasesFile('crashed', 2_000, 300);
    const before = await state();
    // The first run dies at its third chunk: the chunks before it are committed.
    let chunk = 0;
    const crashed = importCsv({
      deps: s, kind: 'purchases', file: f.file, recordSize: 250,
      record: (inputs, o) => (chunk++ === 2 ? Promise.reject(new Error('killed')) : recordPurchases(s, inputs, { ...o, deferContended: true })),
    });
    await expect(crashed).rejects.toThrow('killed');
    const partial = added(before, await state()).purchases;
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(f.n);

    const progress: ImportProgress[][] = [[], []];
    const results = await Promise.all([s, t].map((services, i) => importFile(services, { kind: 'purchases', file: i ? f.reversed : f.file, onProgress: (p) => progress[i].push(p) })));
    for (const r of results) expect(r).toMatchObject({ rows: f.n, invalid: 0, imported: true });
    for (const r of results) expect(r.created + r.duplicates).toBe(f.n);
    expect(sum(results, 'created')).toBe(f.n - partial);
    for (const p of progress) {
      const rows = p.filter((x) => x.phase === 'import').map((x) => x.rows);
      expect(rows).toEqual([...rows].sort((a, b) => a - b));
      expect(rows.at(-1)).toBe(f.n);
    }
    expect(added(before, await state())).toEqual({ customers: f.customers, purchases: f.n, cents: f.cents, points: f.points });
  }, 120_000);
});

describe('refunds imported twice at once', () => {
  it('records each refund once, many to a transaction, with the points taken back once', async () => {
    const f = purchasesFile('refundable', 900, 90);
    await importFile(s, { kind: 'purchases', file: f.file });
    const before = await state();
    // Customer after customer, as a till lists returns: a customer's refunds one after
    // another; each purchase 1.00, every third then the rest.
    const rows: string[] = [];
    let cents = 0;
    for (let c = 0; c < 90; c++) {
      for (let i = c; i < 900; i += 90) {
        rows.push(`refundable-${i},rr-${i},1.00`);
        cents += 100;
        if (i % 3 === 0) {
          rows.push(`refundable-${i},rr-${i}-rest,`);
          cents += 150 + (i % 700) - 100;
        }
      }
    }
    const file = path.join(dir, 'refunds-twice.csv');
    fs.writeFileSync(file, ['purchase,external_id,amount', ...rows].join('\n') + '\n');
    const results = await Promise.all([importFile(s, { kind: 'refunds', file }), importFile(t, { kind: 'refunds', file })]);
    for (const r of results) expect(r).toMatchObject({ rows: rows.length, invalid: 0, errors: [], imported: true });
    for (const r of results) expect(r.created + r.duplicates).toBe(rows.length);
    expect(sum(results, 'created')).toBe(rows.length);
    const after = await state();
    expect(added(before, after)).toMatchObject({ customers: 0, purchases: 0, cents: -cents });
    expect(await importFile(t, { kind: 'refunds', file })).toMatchObject({ created: 0, duplicates: rows.length });
    expect(await state()).toEqual(after);
  }, 120_000);
});

describe('customers imported twice at once', () => {
  it('creates each customer once', async () => {
    const n = 400;
    const { file, reversed } = writeBothWays('customers', ['email,first_name,external_id', ...Array.from({ length: n }, (_, i) => `c${i}@races.example,C${i},cust-${i}`)]);
    const before = await state();
    const results = await Promise.all([importFile(s, { kind: 'customers', file }), importFile(t, { kind: 'customers', file: reversed })]);
    for (const r of results) expect(r).toMatchObject({ rows: n, invalid: 0, imported: true });
    expect(sum(results, 'created')).toBe(n);
    expect(sum(results, 'duplicates')).toBe(n);
    expect(added(before, await state()).customers).toBe(n);
  }, 60_000);
});

describe('an API refund during a re-import of its purchase', () => {
  it('is kept, once, and the re-import adds nothing', async () => {
    const f = purchasesFile('refunded', 600, 60);
    await importFile(s, { kind: 'purchases', file: f.file });
    const before = await state();
    const refund = (services: Services, i: number) => services.commerce.refund(`refunded-${i}`, { external_id: `rf-${i}`, amount: '1.00' }, { actor: 'test' });
    // Each refund is sent twice (a till retrying), once to each server, while both re-import.
    const [again, other, ...refunds] = await Promise.all([
      importFile(s, { kind: 'purchases', file: f.file }),
      importFile(t, { kind: 'purchases', file: f.file }),
      ...Array.from({ length: 40 }, (_, i) => refund(i % 2 ? s : t, i >> 1)),
    ]);
    for (const r of [again, other]) expect(r).toMatchObject({ created: 0, duplicates: f.n, invalid: 0 });
    expect(refunds.filter((r) => r.created)).toHaveLength(20);
    const after = await state();
    expect(added(before, after)).toMatchObject({ customers: 0, purchases: 0, cents: -20 * 100 });
    expect(await importFile(t, { kind: 'purchases', file: f.file })).toMatchObject({ created: 0, duplicates: f.n });
    expect(await state()).toEqual(after);
  }, 60_000);

  it('with the same order id and other values in two files at once: one wins, the other reports the line', async () => {
    const a = path.join(dir, 'a.csv');
    const b = path.join(dir, 'b.csv');
    fs.writeFileSync(a, 'external_id,customer_external_id,occurred_at,total\nsame-1,card-a,2026-05-20,10.00\n');
    fs.writeFileSync(b, 'external_id,customer_external_id,occurred_at,total\nsame-1,card-a,2026-05-20,99.00\n');
    const results = await Promise.all([importFile(s, { kind: 'purchases', file: a }), importFile(t, { kind: 'purchases', file: b })]);
    expect(sum(results, 'created')).toBe(1);
    const loser = results.find((r) => r.created === 0)!;
    expect(loser).toMatchObject({ invalid: 1, errors: [{ line: 2, column: 'external_id', reason: expect.stringMatching(/already recorded with (other values|a different body)/) }] });
    expect(['10.00', '99.00']).toContain((await s.commerce.get('same-1')).total);
  });
});
