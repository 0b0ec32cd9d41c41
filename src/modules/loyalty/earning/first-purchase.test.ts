import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices } from '../../../../test/helpers/services.ts';
import { recordAll } from '../../../../test/helpers/purchases.ts';
import { importFile } from '../../../workflows/import-file.ts';
import { mergeCustomers } from '../../../workflows/customer-lifecycle.ts';

// The first-purchase bonus is one rule however the purchases come (first-purchase.ts).
// Regression (QA F1): a 0.00 first purchase sent one call at a time left the next purchase
// without the bonus, as documented; sent in one batch, or in one import chunk, the next
// purchase took the bonus (the 0.00 purchase writes no entry, and the group's "first
// bonus given" set never heard of it), and `loyalty simulate` followed the ledger there.

type Services = Awaited<ReturnType<typeof openTestServices>>;
const actor = { actor: 'test' };

// QA's program: 10 points a euro, floor; sign-up 50, first purchase 100; no expiry.
const program = {
  name: 'Firsts',
  earning: { points_per_currency_unit: 10, rounding: 'floor' },
  bonuses: { sign_up: 50, first_purchase: 100 },
  expiry: { policy: 'none' },
};

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regulars-first-purchase-'));
let s: Services;
beforeAll(async () => {
  s = await openTestServices();
  s.clock.set('2026-01-01T00:00:00Z');
  await s.loyalty.applyProgram({ program }, actor);
  s.clock.set('2026-12-04T12:00:00Z');
});
afterAll(async () => {
  await s?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Each call records at a later moment, as a live system does (a purchase's created_at tells what was recorded before it). */
let minutes = 0;
const record = (inputs: unknown[]) => {
  s.clock.set(new Date(Date.parse('2026-12-04T12:00:00Z') + ++minutes * 60_000).toISOString());
  return recordAll(s, inputs);
};

const purchase = (key: string, card: string, at: string, total: string) => ({ external_id: key, customer: { external_id: card }, occurred_at: at, total });

/** What each purchase earned, as the ledger has it: its points and its first-purchase bonus. */
async function earned(...keys: string[]) {
  const out: Record<string, { points: number; bonus: number }> = {};
  for (const key of keys) {
    const { id } = await s.commerce.get(key);
    const rows = await s.db.selectFrom('loyalty_entries').select(['kind', 'points']).where('source_type', '=', 'purchase').where('source_id', '=', id).execute();
    out[key] = { points: rows.filter((r) => r.kind === 'earn').reduce((t, r) => t + Number(r.points), 0), bonus: rows.filter((r) => r.kind === 'bonus').reduce((t, r) => t + Number(r.points), 0) };
  }
  return out;
}

async function importRows(name: string, rows: string[]) {
  const file = path.join(dir, name);
  fs.writeFileSync(file, ['external_id,customer_external_id,occurred_at,total', ...rows, ''].join('\n'));
  s.clock.set(new Date(Date.parse('2026-12-04T12:00:00Z') + ++minutes * 60_000).toISOString());
  const r = await importFile(s, { kind: 'purchases', file });
  expect(r).toMatchObject({ invalid: 0, imported: true });
}

describe('a first purchase of 0.00, then one of 10.00', () => {
  it('earns no bonus with the 10.00 whether sent one by one, in one batch or in one import', async () => {
    // One call each.
    await record([purchase('S-a', 'card-s', '2026-12-03T10:00:00Z', '0.00')]);
    const [single] = await record([purchase('S-b', 'card-s', '2026-12-03T12:00:00Z', '10.00')]);
    // One batch.
    const [, batch] = await record([purchase('T-a', 'card-t', '2026-12-03T10:00:00Z', '0.00'), purchase('T-b', 'card-t', '2026-12-03T12:00:00Z', '10.00')]);
    // One import: the 10.00 row first (a file sorted by something else than time).
    await importRows('u.csv', ['U1-b,card-u1,2026-12-03T12:00:00Z,10.00', 'U1-a,card-u1,2026-12-03T10:00:00Z,0.00']);

    expect(single.loyalty).toMatchObject({ points_earned: 100, balance: 50 + 100 });
    expect(batch.loyalty).toMatchObject({ points_earned: 100, balance: 50 + 100 });
    const none = { points: 0, bonus: 0 };
    const hundred = { points: 100, bonus: 0 };
    expect(await earned('S-a', 'S-b', 'T-a', 'T-b', 'U1-a', 'U1-b')).toEqual({ 'S-a': none, 'S-b': hundred, 'T-a': none, 'T-b': hundred, 'U1-a': none, 'U1-b': hundred });
    expect((await s.loyalty.verify()).ok).toBe(true);
  });

  it('gives the bonus to a first purchase of more than 0.00 in a batch, whatever precedes it in the batch', async () => {
    // V's 10.00 is dated before the 0.00 sent ahead of it: it is the first purchase.
    await record([purchase('V-a', 'card-v', '2026-12-03T10:00:00Z', '0.00'), purchase('V-b', 'card-v', '2026-12-02T10:00:00Z', '10.00'), purchase('V-c', 'card-v', '2026-12-03T11:00:00Z', '20.00')]);
    expect(await earned('V-a', 'V-b', 'V-c')).toEqual({ 'V-a': { points: 0, bonus: 0 }, 'V-b': { points: 100, bonus: 100 }, 'V-c': { points: 200, bonus: 0 } });
  });
});

describe('a purchase dated before one already recorded (a history imported afterwards)', () => {
  it('is the first purchase when it is dated before a recorded first purchase of 0.00: it earns the bonus, once', async () => {
    await record([purchase('W-a', 'card-w', '2026-12-03T10:00:00Z', '0.00')]);
    // Imported later, dated two days earlier: 10.00 is the first purchase; 5.00 after it is not.
    await importRows('w.csv', ['W-c,card-w,2026-12-01T11:00:00Z,5.00', 'W-b,card-w,2026-12-01T10:00:00Z,10.00']);
    // And one more, dated earlier still: the bonus was given, so not again.
    await record([purchase('W-d', 'card-w', '2026-11-20T10:00:00Z', '30.00')]);
    expect(await earned('W-a', 'W-b', 'W-c', 'W-d')).toEqual({
      'W-a': { points: 0, bonus: 0 }, 'W-b': { points: 100, bonus: 100 }, 'W-c': { points: 50, bonus: 0 }, 'W-d': { points: 300, bonus: 0 },
    });
    // Dated before it, of 0.00 too: no bonus, and none later.
    await record([purchase('X-a', 'card-x', '2026-12-03T10:00:00Z', '0.00')]);
    await record([purchase('X-b', 'card-x', '2026-12-01T10:00:00Z', '0.00'), purchase('X-c', 'card-x', '2026-12-02T10:00:00Z', '10.00')]);
    expect(await earned('X-b', 'X-c')).toEqual({ 'X-b': { points: 0, bonus: 0 }, 'X-c': { points: 100, bonus: 0 } });
  });

  it('does not take the bonus from the purchase that earned it (the ledger only adds)', async () => {
    await record([purchase('Y-a', 'card-y', '2026-12-03T10:00:00Z', '10.00')]);
    await record([purchase('Y-b', 'card-y', '2026-12-01T10:00:00Z', '20.00')]);
    expect(await earned('Y-a', 'Y-b')).toEqual({ 'Y-a': { points: 100, bonus: 100 }, 'Y-b': { points: 200, bonus: 0 } });
  });
});

describe('loyalty simulate', () => {
  it('replays the first purchases as the ledger earned them', async () => {
    const ledger = await sql<{ points: number; n: number }>`
      SELECT COALESCE(sum(points), 0)::float8 AS points, count(*)::int AS n FROM loyalty_entries WHERE kind = 'bonus' AND details->>'bonus' = 'first_purchase'`.execute(s.db);
    // V, W and Y: one bonus each.
    expect(ledger.rows[0]).toEqual({ points: 300, n: 3 });
    const r = await s.loyalty.simulate(program, { since: '2026-01-01' });
    expect(r.current!.bonus_points_by_kind.first_purchase).toBe(300);
    expect(r.bonus_triggers.first_purchase).toBe(3);
    const purchasePoints = await sql<{ points: number }>`SELECT COALESCE(sum(points), 0)::float8 AS points FROM loyalty_entries WHERE source_type = 'purchase'`.execute(s.db);
    expect(r.current!.purchase_points + r.current!.bonus_points_by_kind.first_purchase).toBe(Number(purchasePoints.rows[0].points));
    expect(r.difference).toEqual({ points: 0, value: '0.00' });
  });
});

describe('after a merge', () => {
  it('gives no bonus to a purchase dated before the person\'s earliest when the merged customer had it', async () => {
    // M1 bought for 0.00 on 3 December; M2, the same person, 10.00 on 2 December (bonus).
    const [m1] = await record([purchase('M1-a', 'card-m1', '2026-12-03T10:00:00Z', '0.00')]);
    const [m2] = await record([purchase('M2-a', 'card-m2', '2026-12-02T10:00:00Z', '10.00')]);
    s.clock.set(new Date(Date.parse('2026-12-04T12:00:00Z') + ++minutes * 60_000).toISOString());
    await mergeCustomers(s, m1.customerId, { from: m2.customerId }, actor);
    // A purchase of M1's dated 1 December is the person's first in time, but the person has the bonus.
    const [back] = await record([purchase('M1-b', 'card-m1', '2026-12-01T10:00:00Z', '20.00')]);
    expect(back.loyalty).toMatchObject({ points_earned: 200 });
    expect(await earned('M1-a', 'M2-a', 'M1-b')).toEqual({ 'M1-a': { points: 0, bonus: 0 }, 'M2-a': { points: 100, bonus: 100 }, 'M1-b': { points: 200, bonus: 0 } });
    expect((await s.loyalty.verify()).ok).toBe(true);
  });
});
