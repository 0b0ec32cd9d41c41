import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/helpers/app.ts';
import { recordAll } from '../../../../test/helpers/purchases.ts';
import { LANGUAGES } from '../../customers/index.ts';

// The daily cap counts the points a member earned from purchases on the purchase's local
// date, in its store's time zone. The look-up reads only the member's entries near that
// date (migration 0008), so these cases sit at the edges of the widest zones: UTC+14,
// where a local day starts at 10:00 UTC the day before, and UTC−11, where it ends at
// 11:00 UTC the day after.

// The HTTP app too: a member's account is read as GET /customers/{id}/loyalty answers it,
// checked against the schema the route declares (response-check.ts).
const api = useTestApp({ keys: { owner: ['read', 'write', 'admin'] } });
let s: typeof api.services;
const actor = { actor: 'test' };

const program = {
  name: 'Capped program',
  earning: { points_per_currency_unit: 1, rounding: 'floor', daily_cap: 100 },
  expiry: { policy: 'none' },
};

let buyer = '';
const purchaseIds = new Map<string, string>();

/** Records the purchases as one batch; answers the points each earned. */
async function buy(email: string, purchases: { key: string; at: string; total: string; store?: string }[]) {
  const outcomes = await recordAll(s, purchases.map((p) => ({ external_id: p.key, customer: { email }, occurred_at: p.at, total: p.total, store: p.store })));
  return outcomes.map((o, i) => {
    buyer = o.customerId;
    purchaseIds.set(purchases[i].key, o.purchaseId);
    return o.loyalty?.points_earned;
  });
}

beforeAll(async () => {
  s = api.services;
  await s.stores.upsert({ code: 'kiritimati', name: 'Kiritimati', time_zone: 'Pacific/Kiritimati' }, { actor: 'test' });
  await s.stores.upsert({ code: 'pago', name: 'Pago Pago', time_zone: 'Pacific/Pago_Pago' }, { actor: 'test' });
  await s.loyalty.applyProgram({ program }, actor);
});

describe('daily cap', () => {
  it('caps what one local day earns, across requests, and starts again the next day', async () => {
    expect(await buy('cap@example.com', [{ key: 'c1', at: '2026-05-01T08:00:00Z', total: '60.00' }])).toEqual([60]);
    expect(await buy('cap@example.com', [{ key: 'c2', at: '2026-05-01T12:00:00Z', total: '60.00' }])).toEqual([40]);
    expect(await buy('cap@example.com', [{ key: 'c3', at: '2026-05-01T18:00:00Z', total: '5.00' }])).toEqual([0]);
    expect(await buy('cap@example.com', [{ key: 'c4', at: '2026-05-02T08:00:00Z', total: '70.00' }])).toEqual([70]);
    const account = await s.loyalty.account(buyer);
    expect(account.member && account.balance).toBe(170);
  });

  it('counts a day in the store’s zone: UTC+14 starts the day ten hours before UTC', async () => {
    // Local 2026-05-12 in Kiritimati runs from 2026-05-11T10:00Z to 2026-05-12T10:00Z.
    expect(await buy('east@example.com', [{ key: 'k1', at: '2026-05-11T10:30:00Z', total: '80.00', store: 'kiritimati' }])).toEqual([80]);
    expect(await buy('east@example.com', [{ key: 'k2', at: '2026-05-12T09:30:00Z', total: '80.00', store: 'kiritimati' }])).toEqual([20]);
    // 00:30 on 2026-05-13, local: a new day.
    expect(await buy('east@example.com', [{ key: 'k3', at: '2026-05-12T10:30:00Z', total: '80.00', store: 'kiritimati' }])).toEqual([80]);
  });

  it('counts a day in the store’s zone: UTC−11 ends the day eleven hours after UTC', async () => {
    // Local 2026-05-20 in Pago Pago runs from 2026-05-20T11:00Z to 2026-05-21T11:00Z.
    // 23:30 local first; then 00:30 of the same day, sent late by a till that was offline.
    expect(await buy('west@example.com', [{ key: 'w1', at: '2026-05-21T10:30:00Z', total: '90.00', store: 'pago' }])).toEqual([90]);
    expect(await buy('west@example.com', [{ key: 'w2', at: '2026-05-20T11:30:00Z', total: '90.00', store: 'pago' }])).toEqual([10]);
    expect(await buy('west@example.com', [{ key: 'w3', at: '2026-05-21T11:30:00Z', total: '90.00', store: 'pago' }])).toEqual([90]);
  });

  it('caps each local date of one batch on its own, with what earlier requests earned that day', async () => {
    expect(await buy('batch@example.com', [{ key: 'b0', at: '2026-05-25T09:00:00Z', total: '95.00' }])).toEqual([95]);
    // A batch (an import chunk, say) spanning three days, the first of them weeks earlier.
    const earned = await buy('batch@example.com', [
      { key: 'b1', at: '2026-04-01T09:00:00Z', total: '70.00' },
      { key: 'b2', at: '2026-04-01T15:00:00Z', total: '70.00' },
      { key: 'b3', at: '2026-05-25T15:00:00Z', total: '70.00' },
      { key: 'b4', at: '2026-05-26T09:00:00Z', total: '70.00' },
    ]);
    expect(earned).toEqual([70, 30, 5, 70]);
  });
});

describe('a capped purchase in the account', () => {
  // Regression: a purchase the cap left without points wrote no ledger entry, so the account
  // said nothing of it and staff could not tell why it earned nothing; one capped partly
  // said only "capped at 100 a day: 40", not which day nor what had used the cap.
  it('says why each capped purchase earned what it did, in every language, and the ledger still proves', async () => {
    expect(await buy('told@example.com', [{ key: 't1', at: '2026-05-01T08:00:00Z', total: '60.00' }])).toEqual([60]);
    expect(await buy('told@example.com', [{ key: 't2', at: '2026-05-01T12:00:00Z', total: '60.00' }])).toEqual([40]);
    const reportBefore = await s.loyalty.report();
    expect(await buy('told@example.com', [{ key: 't3', at: '2026-05-01T18:00:00Z', total: '5.00' }])).toEqual([0]);
    // A batch: one purchase of it capped to nothing, the next day's earning in full.
    expect(await buy('told@example.com', [
      { key: 't4', at: '2026-05-01T19:00:00Z', total: '7.00' },
      { key: 't5', at: '2026-05-02T09:00:00Z', total: '3.00' },
    ])).toEqual([0, 3]);
    // A till's retry of the purchase the cap left without points answers the same receipt.
    expect(await buy('told@example.com', [{ key: 't3', at: '2026-05-01T18:00:00Z', total: '5.00' }])).toEqual([0]);
    const told = buyer;
    // The report counts t5's 3 points, and nothing for the entries of 0.
    const report = await s.loyalty.report();
    expect([report.points.earned - reportBefore.points.earned, report.points.outstanding - reportBefore.points.outstanding]).toEqual([3, 3]);

    const read = async (language: string) => {
      const res = await api.call('GET', `/api/v1/customers/${told}/loyalty?language=${language}`);
      expect(res.statusCode).toBe(200);
      return res.json();
    };
    const account = await read('en');
    const entries = account.explanation.entries as { id: number; points: number; balance_after: number; description: string; source: { id: string } }[];
    expect(entries.map((e) => [e.source.id, e.points, e.balance_after, e.description])).toEqual([
      [purchaseIds.get('t1'), 60, 60, 'Purchase t1: €60.00 → 60 points'],
      [purchaseIds.get('t2'), 40, 100, 'Purchase t2: €60.00 → 60 points; only 40 earned: other purchases on 1\u00a0May\u00a02026 had already earned 60 of the daily cap of 100 points'],
      [purchaseIds.get('t3'), 0, 100, 'Purchase t3: €5.00 → 5 points; none earned: the daily cap of 100 points for 1\u00a0May\u00a02026 was already reached by other purchases that day'],
      [purchaseIds.get('t4'), 0, 100, 'Purchase t4: €7.00 → 7 points; none earned: the daily cap of 100 points for 1\u00a0May\u00a02026 was already reached by other purchases that day'],
      [purchaseIds.get('t5'), 3, 103, 'Purchase t5: €3.00 → 3 points'],
    ]);
    // An entry of 0 points is no lot: nothing to spend, expire or take back.
    const nothing = entries[2];
    expect(nothing).toMatchObject({ kind: 'earn', unsettled: null });
    expect(nothing).not.toHaveProperty('remaining');
    expect(account.lots.map((l: { entry: number }) => l.entry)).toEqual([entries[0].id, entries[1].id, entries[4].id]);
    expect(account).toMatchObject({ balance: 103, pending: 0, lifetime: { earned: 103, adjusted: 0, redeemed: 0, reversed: 0, expired: 0 } });
    expect(account.explanation).toMatchObject({ sum_of_entries: 103, stored_points: 103 });

    // Each language in its own words, with the cap and the purchase's figures.
    for (const language of LANGUAGES.filter((l) => l !== 'en')) {
      const said = (await read(language)).explanation.entries.map((e: { description: string }) => e.description) as string[];
      for (const i of [1, 2]) {
        expect(said[i], language).not.toBe(entries[i].description);
        expect(said[i], language).toContain(`100 `);
        expect(said[i], language).toMatch(/2026/);
      }
      expect(said[1], language).toMatch(/40\D[\s\S]*60|60\D[\s\S]*40/);
      expect(said[2], language).not.toBe(said[1]);
    }

    // Refunded, the purchase the cap left without points takes nothing back.
    const refund = await s.commerce.refund(purchaseIds.get('t3')!, { external_id: 'r-t3' }, actor);
    expect(refund.loyalty).toMatchObject({ points_reversed: 0, unsettled: 0 });
    const after = await s.loyalty.account(told);
    expect(after.member && after.explanation.stored_points).toBe(103);
    expect(await s.loyalty.verify()).toMatchObject({ ok: true, problems: [] });
  });
});
