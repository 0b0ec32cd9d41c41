import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/helpers/app.ts';

// The customers list sorted by points (GET /customers?sort=points) takes off the cached
// balance both kinds of held-back lots — still pending, and expired but not yet swept (no
// maintenance runs here) — and a lot that is both at once only once. Points expire a month
// after they are earned and wait 40 days, so a purchase of 20 February is, on 25 March,
// expired (20 March) and still pending (1 April):
//
//   customer  purchase                    gift (10 Mar)  spendable on 25 March
//   Ana       100.00 on 2 Jan: 1000, expired    100      100
//   Bo         30.00 on 20 Feb: 300, both        200      200 (-100 if counted twice)
//   Cy         20.00 on 1 Mar: 200, pending       50       50
const api = useTestApp({ keys: { owner: ['read', 'write', 'admin'] } });
const clock = () => api.services.clock as typeof api.services.clock & { set(at: string): void };
const id = { ana: '', bo: '', cy: '' };
type Name = keyof typeof id;

beforeAll(async () => {
  clock().set('2026-01-01T09:00:00Z');
  const example = JSON.parse(fs.readFileSync('examples/program.json', 'utf8'));
  const program = {
    name: example.name, point_value: example.point_value, enrolment: 'automatic', pending_days: 40, refund_shortfall: 'negative_balance',
    earning: { points_per_currency_unit: 10, rounding: 'floor' }, bonuses: {}, expiry: { policy: 'per_lot', months: 1 },
  };
  const applied = await api.call('POST', '/api/v1/loyalty/program', { body: { program } });
  expect(applied.statusCode, applied.body).toBe(201);
  const purchases: [Name, string, string][] = [['ana', '100.00', '2026-01-02T10:00:00Z'], ['bo', '30.00', '2026-02-20T10:00:00Z'], ['cy', '20.00', '2026-03-01T10:00:00Z']];
  for (const [who, total, at] of purchases) {
    clock().set(at);
    const res = await api.call('POST', '/api/v1/purchases', { body: { external_id: `${who}-1`, customer: { email: `${who}@example.com`, first_name: who }, occurred_at: at, total } });
    expect(res.statusCode, res.body).toBe(201);
    id[who] = res.json().customer_id;
  }
  clock().set('2026-03-10T10:00:00Z');
  for (const [who, points] of [['ana', 100], ['bo', 200], ['cy', 50]] as const) {
    const gift = await api.call('POST', `/api/v1/customers/${id[who]}/loyalty/adjustments`, { body: { points, reason: 'Gift', idempotency_key: `${who}-gift` } });
    expect(gift.statusCode, gift.body).toBe(201);
  }
  clock().set('2026-03-25T08:00:00Z');
});

describe('GET /customers?sort=points with held-back lots', () => {
  it('orders by the points spendable now, as the list shows them', async () => {
    const shown = (await api.call('GET', '/api/v1/customers')).json().items as { id: string; loyalty: { points: number } | null }[];
    const points = (who: Name) => shown.find((c) => c.id === id[who])!.loyalty?.points;
    expect([points('ana'), points('bo'), points('cy')]).toEqual([100, 200, 50]);
    for (const [sort, order] of [['-points', ['bo', 'ana', 'cy']], ['points', ['cy', 'ana', 'bo']]] as const) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await api.call('GET', `/api/v1/customers?sort=${sort}&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
        expect(res.statusCode, res.body).toBe(200);
        seen.push(...res.json().items.map((c: { id: string }) => (Object.keys(id) as Name[]).find((n) => id[n] === c.id)));
        cursor = res.json().next_cursor;
      } while (cursor);
      expect(seen, sort).toEqual(order);
    }
  });
});
