import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices } from '../../../test/helpers/services.ts';
import { recordAll } from '../../../test/helpers/purchases.ts';

// The daily cap counts the points a member earned from purchases on the purchase's local
// date, in its store's time zone. The look-up reads only the member's entries near that
// date (migration 0008), so these cases sit at the edges of the widest zones: UTC+14,
// where a local day starts at 10:00 UTC the day before, and UTC−11, where it ends at
// 11:00 UTC the day after.

let s: Awaited<ReturnType<typeof openTestServices>>;
const actor = { actor: 'test' };

const program = {
  name: 'Capped program',
  earning: { points_per_currency_unit: 1, rounding: 'floor', daily_cap: 100 },
  expiry: { policy: 'none' },
};

let buyer = '';

/** Records the purchases as one batch; answers the points each earned. */
async function buy(email: string, purchases: { key: string; at: string; total: string; store?: string }[]) {
  const outcomes = await recordAll(s, purchases.map((p) => ({ external_id: p.key, customer: { email }, occurred_at: p.at, total: p.total, store: p.store })));
  return outcomes.map((o) => {
    buyer = o.customerId;
    return o.loyalty?.points_earned;
  });
}

beforeAll(async () => {
  s = await openTestServices();
  await s.stores.upsert({ code: 'kiritimati', name: 'Kiritimati', time_zone: 'Pacific/Kiritimati' });
  await s.stores.upsert({ code: 'pago', name: 'Pago Pago', time_zone: 'Pacific/Pago_Pago' });
  await s.loyalty.applyProgram({ program }, actor);
});
afterAll(() => s?.close());

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
