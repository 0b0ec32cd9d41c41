import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/helpers/app.ts';

// A redemption naming a reward the program does not have says which reward it likely meant,
// as an unknown field and an unknown store do. Regression: a till's "Coffee" for "coffee"
// (codes are compared as written) was told only that there is no such reward.

const api = useTestApp({ keys: { till: ['read', 'write'] } });
const program = {
  name: 'Typos', earning: { points_per_currency_unit: 10 },
  rewards: [
    { code: 'coffee', name: 'Coffee', type: 'free_product', sku: 'COF', points: 100 },
    { code: 'five-off', name: '5 off', type: 'fixed_discount', amount: '5.00', points: 200 },
  ],
};
let mia: string;

beforeAll(async () => {
  await api.services.loyalty.applyProgram({ program }, { actor: 'test' });
  mia = (await api.call('POST', '/api/v1/purchases', { body: { external_id: 't-1', customer: { email: 'mia@example.com' }, occurred_at: '2026-05-30T10:00:00Z', total: '100.00' } })).json().customer_id;
});

const redeem = (reward: string, key: string, language = 'en') =>
  api.call('POST', `/api/v1/customers/${mia}/loyalty/redemptions`, { body: { reward, idempotency_key: key }, headers: { 'accept-language': language } });

describe('a reward the program does not have', () => {
  it('is refused naming the reward it was likely meant as, in the request\'s language; nothing spent', async () => {
    const before = (await api.call('GET', `/api/v1/customers/${mia}/loyalty`)).json().balance;
    const res = await redeem('Coffee', 'typo-1');
    expect([res.statusCode, res.json().errors]).toEqual([422, [{ field: 'reward', reason: 'no reward "Coffee" in the program (version 1) — did you mean "coffee"?' }]]);
    expect((await redeem('fiveoff', 'typo-2', 'sl')).json().errors).toEqual([{ field: 'reward', reason: 'v programu (različica 1) ni nagrade "fiveoff" — ste mislili "five-off"?' }]);
    expect((await api.call('GET', `/api/v1/customers/${mia}/loyalty`)).json().balance).toBe(before);
  });

  it('like none of the program\'s is told so alone', async () => {
    expect((await redeem('gift-card-50', 'typo-3')).json().errors).toEqual([{ field: 'reward', reason: 'no reward "gift-card-50" in the program (version 1)' }]);
  });
});
