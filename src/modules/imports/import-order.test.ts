import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices } from '../../../test/helpers/services.ts';
import { recordPurchases } from '../../workflows/record-purchases.ts';
import { withFields } from '../../shared/objects.ts';
import { importCsv } from './index.ts';

// A member's purchases are recorded in the order they happened, wherever their rows sit in
// the file (spool.ts): an export sorted by store and then date, or shuffled, put a member's
// later purchase in an earlier chunk, which then took the first-purchase bonus and earned
// at the tier an earlier purchase was yet to lift. Chunks of two rows here make any two rows
// apart land in different chunks, as 500-row chunks do in a real file.

const program = {
  name: 'Order matters',
  earning: { points_per_currency_unit: 10, rounding: 'floor' },
  bonuses: { first_purchase: 200 },
  expiry: { policy: 'none' },
  tiers: {
    metric: 'spend', window: 'rolling_12_months', grace_days: 0,
    levels: [{ code: 'member', name: 'Member', threshold: '0' }, { code: 'silver', name: 'Silver', threshold: '250.00', benefits: { points_multiplier: 1.25 } }],
  },
};

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regulars-import-order-'));
let s: Awaited<ReturnType<typeof openTestServices>>;
beforeAll(async () => {
  s = await openTestServices();
  s.clock.set('2025-12-01T00:00:00Z');
  await s.loyalty.applyProgram({ program }, { actor: 'test' });
  s.clock.set('2026-06-01T12:00:00Z');
});
afterAll(async () => {
  await s?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('a file not in time order', () => {
  it('earns as if sorted: the bonus with the first purchase, the later one at the tier the first reached', async () => {
    const filler = Array.from({ length: 6 }, (_, i) => `F-${i},card-f${i},2026-03-0${i + 1}T10:00:00Z,10.00`);
    const file = path.join(dir, 'by-store.csv');
    fs.writeFileSync(file, ['external_id,customer_external_id,occurred_at,total', 'TT-2,card-tt,2026-02-10T10:00:00Z,100.00', ...filler, 'TT-1,card-tt,2026-01-10T10:00:00Z,300.00', ''].join('\n'));
    const r = await importCsv({
      deps: s, kind: 'purchases', file, recordSize: 2,
      record: (inputs, o) => recordPurchases(s, inputs, withFields(o, { deferContended: true })),
    });
    expect(r).toMatchObject({ created: 8, invalid: 0, imported: true });
    const earned = async (id: string) => (await s.db.selectFrom('loyalty_entries').select(['kind', 'points']).where('source_type', '=', 'purchase')
      .where('source_id', '=', (await s.commerce.get(id)).id).orderBy('id').execute()).map((e) => [e.kind, e.points]);
    // 300.00 crosses Silver and earns at Member with the first-purchase bonus; 100.00 a month later earns at Silver.
    expect(await earned('TT-1')).toEqual([['earn', 3000], ['bonus', 200]]);
    expect(await earned('TT-2')).toEqual([['earn', 1250]]);
    expect((await s.loyalty.verify()).ok).toBe(true);
  });
});

describe('two chunks in flight', () => {
  // Two chunks are recorded at once; if the earlier one is slow to start (a busy
  // connection, its keys held by another writer), the later one must not record a
  // member's later purchase before the earlier chunk records their first.
  it('never records a member ahead of an earlier chunk still in flight', async () => {
    const file = path.join(dir, 'in-order.csv');
    fs.writeFileSync(file, [
      'external_id,customer_external_id,occurred_at,total',
      'SL-1,card-sl,2026-01-10T10:00:00Z,300.00', 'G-1,card-g1,2026-01-11T10:00:00Z,10.00',
      'SL-2,card-sl,2026-02-10T10:00:00Z,100.00', 'G-2,card-g2,2026-02-11T10:00:00Z,10.00',
      'G-3,card-g3,2026-03-11T10:00:00Z,10.00', '',
    ].join('\n'));
    let calls = 0;
    const recorded: string[] = [];
    const r = await importCsv({
      deps: s, kind: 'purchases', file, recordSize: 2,
      record: async (inputs, o) => {
        // The first chunk starts late: the second is sent meanwhile.
        if (calls++ === 0) await new Promise((wake) => setTimeout(wake, 150));
        const outcomes = await recordPurchases(s, inputs, withFields(o, { deferContended: true }));
        recorded.push(...(o.prepared ?? []).map((p) => (p instanceof Error ? '?' : p.externalId)));
        return outcomes;
      },
    });
    expect(r).toMatchObject({ created: 5, invalid: 0, imported: true });
    expect(recorded.indexOf('SL-1')).toBeLessThan(recorded.indexOf('SL-2'));
    const earned = async (id: string) => (await s.db.selectFrom('loyalty_entries').select(['kind', 'points']).where('source_type', '=', 'purchase')
      .where('source_id', '=', (await s.commerce.get(id)).id).orderBy('id').execute()).map((e) => [e.kind, e.points]);
    expect(await earned('SL-1')).toEqual([['earn', 3000], ['bonus', 200]]);
    expect(await earned('SL-2')).toEqual([['earn', 1250]]);
    expect((await s.loyalty.verify()).ok).toBe(true);
  });
});

describe('members in every chunk', () => {
  // Held-back rows must not pile up: a file whose few members buy in every chunk once kept
  // back nearly all of it while the first chunk was in flight, then recorded the rest as one
  // transaction (the crash test's 60,000 rows ran past its time limit).
  it('records chunks of at most one and a half reads, in time order', async () => {
    const file = path.join(dir, 'regulars.csv');
    const rows = Array.from({ length: 40 }, (_, i) => `R-${i},card-r${i % 3},2026-04-${String(1 + Math.floor(i / 2)).padStart(2, '0')}T1${i % 2}:00:00Z,5.00`);
    fs.writeFileSync(file, ['external_id,customer_external_id,occurred_at,total', ...rows, ''].join('\n'));
    const sizes: number[] = [];
    const r = await importCsv({
      deps: s, kind: 'purchases', file, recordSize: 4,
      record: async (inputs, o) => {
        sizes.push(o.prepared?.length ?? 0);
        return recordPurchases(s, inputs, withFields(o, { deferContended: true }));
      },
    });
    expect(r).toMatchObject({ created: 40, invalid: 0, imported: true });
    expect(Math.max(...sizes)).toBeLessThanOrEqual(6);
    const purchases = await s.db.selectFrom('purchases').select(['id', 'external_id', 'customer_id']).where('external_id', 'like', 'R-%').execute();
    const byId = new Map(purchases.map((p) => [String(p.id), p]));
    const entries = await s.db.selectFrom('loyalty_entries').select(['id', 'source_id']).where('source_type', '=', 'purchase').where('kind', '=', 'earn').orderBy('id').execute();
    // Each member's purchases were written (entry ids) in the order they happened (R-n: n in time order).
    const written = entries.map((e) => byId.get(String(e.source_id))).filter((p) => p !== undefined);
    expect(written).toHaveLength(40);
    for (const customer of new Set(purchases.map((p) => p.customer_id))) {
      const mine = written.filter((p) => p.customer_id === customer).map((p) => Number(p.external_id.slice(2)));
      expect(mine).toEqual([...mine].sort((x, y) => x - y));
    }
    expect((await s.loyalty.verify()).ok).toBe(true);
  });
});
