import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/helpers/app.ts';

// A refund's answer carried only what it took back (points_reversed, unsettled, referral,
// challenges): a till printing the refund slip could not print the member's balance and tier
// after it, as a purchase's receipt does — and, since a refund on a lifetime window moves the
// member down at once (refund-tier.ts), the answer did not say it had. It now carries the
// balance, pending points and tier after the refund (as a purchase's receipt reads them) and
// the move it made; a retry answers the move again, and the standing as it is then.

const api = useTestApp({ keys: { till: ['read', 'write'], owner: ['read', 'write', 'admin'] } });
const s = () => api.services;

const program = (window: string) => ({
  name: 'Slips', pending_days: 14, refund_shortfall: 'negative_balance',
  earning: { points_per_currency_unit: 1, rounding: 'floor' }, bonuses: { sign_up: 100 }, expiry: { policy: 'none' },
  tiers: { metric: 'spend', window, grace_days: 0, levels: [{ code: 'member', name: 'Member', threshold: '0' }, { code: 'gold', name: 'Gold', threshold: '500.00' }] },
});

beforeAll(async () => {
  s().clock.set('2026-03-01T10:00:00Z');
  await s().loyalty.applyProgram({ program: program('lifetime') }, { actor: 'test' });
});

async function buy(key: string, card: string, total: string) {
  const res = await api.call('POST', '/api/v1/purchases', { body: { external_id: key, customer: { external_id: card }, occurred_at: s().clock.now().toISOString(), total } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { customer_id: string; loyalty: { tier: string } };
}

async function refund(key: string, body: Record<string, unknown>) {
  const res = await api.call('POST', `/api/v1/purchases/${key}/refunds`, { body });
  expect([200, 201], res.body).toContain(res.statusCode);
  return res.json().loyalty as { points_reversed: number; balance: number; pending: number; tier: string | null; tier_change: unknown };
}

/** The member's balance and pending points as their account answers them. */
async function account(customerId: string) {
  const res = await api.call('GET', `/api/v1/customers/${customerId}/loyalty`);
  expect(res.statusCode, res.body).toBe(200);
  const { balance, pending, tier } = res.json();
  return { balance, pending, tier: tier?.code ?? null };
}

describe('a refund answers the member\'s standing after it and the tier change it made', () => {
  it('a partial refund that keeps the tier: no change, the tier held, the balance and pending the account shows', async () => {
    const bought = await buy('S-1', 'card-1', '800.00');
    expect(bought.loyalty.tier).toBe('gold');
    s().clock.set('2026-03-02T10:00:00Z');
    const answer = await refund('S-1', { external_id: 'S-1-r1', amount: '100.00' });
    expect(answer).toMatchObject({ points_reversed: 100, tier: 'gold', tier_change: null });
    const now = await account(bought.customer_id);
    expect(now).toEqual({ balance: 100, pending: 700, tier: 'gold' });
    expect({ balance: answer.balance, pending: answer.pending, tier: answer.tier }).toEqual(now);
    expect(await refund('S-1', { external_id: 'S-1-r1', amount: '100.00' })).toEqual(answer);
  });

  it('a full refund on a lifetime window: down to the base tier, said as the tier history says it, and again on a retry', async () => {
    const bought = await buy('S-2', 'card-2', '800.00');
    expect(bought.loyalty.tier).toBe('gold');
    s().clock.set('2026-03-03T10:00:00Z');
    const answer = await refund('S-2', { external_id: 'S-2-r' });
    expect(answer).toMatchObject({ points_reversed: 800, tier: 'member', tier_change: { from: 'gold', to: 'member', reason: 'refunded' } });
    const now = await account(bought.customer_id);
    expect(now).toEqual({ balance: 100, pending: 0, tier: 'member' });
    expect({ balance: answer.balance, pending: answer.pending, tier: answer.tier }).toEqual(now);
    const history = (await api.call('GET', `/api/v1/customers/${bought.customer_id}/loyalty/tiers`)).json();
    expect(history.items.at(-1)).toMatchObject({ from: 'gold', to: 'member', reason: 'refunded' });
    // The retry finds the move the refund made (not a move of its own: nothing moves twice).
    s().clock.set('2026-03-04T10:00:00Z');
    expect(await refund('S-2', { external_id: 'S-2-r' })).toEqual(answer);
  });

  it('the partial refund\'s retry after a later refund: the move it did not make stays null, the standing is of now', async () => {
    const first = await refund('S-1', { external_id: 'S-1-r1', amount: '100.00' });
    const rest = await refund('S-1', { external_id: 'S-1-r2' });
    expect(rest).toMatchObject({ points_reversed: 700, tier: 'member', tier_change: { from: 'gold', to: 'member', reason: 'refunded' } });
    expect(await refund('S-1', { external_id: 'S-1-r1', amount: '100.00' })).toEqual({ ...first, balance: rest.balance, pending: rest.pending, tier: 'member' });
  });

  it('on a rolling window a refund moves nobody: the review decides', async () => {
    await s().loyalty.applyProgram({ program: program('rolling_12_months') }, { actor: 'test' });
    const bought = await buy('S-3', 'card-3', '800.00');
    expect(bought.loyalty.tier).toBe('gold');
    const answer = await refund('S-3', { external_id: 'S-3-r' });
    expect(answer).toMatchObject({ points_reversed: 800, tier: 'gold', tier_change: null });
    expect({ balance: answer.balance, pending: answer.pending, tier: answer.tier }).toEqual(await account(bought.customer_id));
  });
});
