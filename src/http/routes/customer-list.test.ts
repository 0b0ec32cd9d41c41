import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/helpers/app.ts';

// The customers list as the dashboard's Customers page shows it: beside each customer, when
// they last bought, what they spent net of refunds, and — for a member — the points they
// can spend now and their tier, named as the program names it.
const api = useTestApp({ keys: { owner: ['read', 'write', 'admin'] } });
const clock = () => api.services.clock as typeof api.services.clock & { set(at: string): void };

let mia: string;
let leo: string;

beforeAll(async () => {
  clock().set('2026-06-01T10:00:00Z');
  // Leo signs up before there is a program: a customer, never a member.
  const signUp = await api.call('POST', '/api/v1/customers', { body: { email: 'leo@example.com', first_name: 'Leo' } });
  expect(signUp.statusCode, signUp.body).toBe(201);
  leo = signUp.json().id;

  const program = JSON.parse(fs.readFileSync('examples/program.json', 'utf8'));
  expect((await api.call('POST', '/api/v1/loyalty/program', { body: { program } })).statusCode).toBe(201);
  for (const [id, total, at] of [['mia-1', '30.00', '2026-06-01T11:00:00Z'], ['mia-2', '12.50', '2026-06-20T17:30:00Z']]) {
    clock().set(at);
    const res = await api.call('POST', '/api/v1/purchases', { body: { external_id: id, customer: { email: 'mia@example.com', first_name: 'Mia' }, occurred_at: at, total } });
    expect(res.statusCode, res.body).toBe(201);
    mia = res.json().customer_id;
  }
  const refund = await api.call('POST', '/api/v1/purchases/mia-2/refunds', { body: { external_id: 'mia-2-r', amount: '2.50' } });
  expect(refund.statusCode, refund.body).toBe(201);
  clock().set('2026-06-21T12:00:00Z');
  const adjusted = await api.call('POST', `/api/v1/customers/${mia}/loyalty/adjustments`, { body: { points: 250, reason: 'Welcome back gift', idempotency_key: 'mia-gift' } });
  expect(adjusted.statusCode, adjusted.body).toBe(201);
});

describe('GET /customers', () => {
  it("lists each customer with their stats and, for a member, the points they can spend and their tier", async () => {
    const res = await api.call('GET', '/api/v1/customers');
    expect(res.statusCode, res.body).toBe(200);
    const byId = new Map(res.json().items.map((c: { id: string }) => [c.id, c]));
    // Mia: 30.00 + 12.50 − 2.50 refunded = 40.00 net over two purchases, the last on 20 June.
    // Spendable now (GET …/loyalty's `balance`): the sign-up bonus (100, at once), the gift
    // (250), and the first purchase's 300 with its first-purchase bonus 200, whose 14-day
    // return window ended on 15 June — 850. The second purchase's 125 − 25 taken back by the
    // refund wait until 4 July (pending 100).
    expect(byId.get(mia)).toMatchObject({
      first_name: 'Mia',
      stats: { purchases: 2, net_spend: '40.00', refunded: '2.50', last_purchase_at: '2026-06-20T17:30:00.000Z' },
      loyalty: { tier: 'member', tier_name: expect.objectContaining({ en: 'Member', sl: 'Član' }) },
    });
    const account = (await api.call('GET', `/api/v1/customers/${mia}/loyalty`)).json();
    expect(account).toMatchObject({ balance: 850, pending: 100 });
    expect((byId.get(mia) as { loyalty: { points: number } }).loyalty.points).toBe(account.balance);
    // Leo: no purchase, no membership.
    expect(byId.get(leo)).toMatchObject({ stats: { purchases: 0, net_spend: '0.00', last_purchase_at: null }, loyalty: null });
  });
});
