import { beforeAll, expect, it } from 'vitest';
import { useTestApp } from '../../../test/helpers/app.ts';

// QA finding, as reported: a refund of a purchase whose points had all expired answered
// points_reversed 0 and the member's explanation had no entry for it. It now has one of
// 0 points saying how many had expired (modules/loyalty/refunds/refund-of-expired.test.ts).

const api = useTestApp({ keys: { owner: ['read', 'write', 'admin'] } });

beforeAll(async () => {
  api.services.clock.set('2025-09-01T12:00:00Z');
  await api.services.loyalty.applyProgram({ program: { name: 'Expiry', earning: { points_per_currency_unit: 10 }, expiry: { policy: 'per_lot', months: 6, reminder_days: 7 } } }, { actor: 'test' });
});

it('leaves an entry of 0 for a refund of a purchase whose points all expired, and answers its retry alike', async () => {
  api.services.clock.set('2026-06-01T12:00:00Z');
  const bought = await api.call('POST', '/api/v1/purchases', { body: { external_id: 'C-1', customer: { external_id: 'card-C' }, occurred_at: '2025-10-01T10:00:00Z', total: '30.00' } });
  expect(bought.statusCode, bought.body).toBe(201);
  const customer = bought.json().customer_id as string;
  await api.services.loyalty.maintenance.runAll(api.services.clock.now());

  const refund = await api.call('POST', '/api/v1/purchases/C-1/refunds', { body: { external_id: 'C-1-r', amount: '5.00' } });
  expect(refund.statusCode, refund.body).toBe(201);
  expect(refund.json().loyalty).toMatchObject({ points_reversed: 0, unsettled: 0 });
  const retry = await api.call('POST', '/api/v1/purchases/C-1/refunds', { body: { external_id: 'C-1-r', amount: '5.00' } });
  expect(retry.json().loyalty).toMatchObject({ points_reversed: 0, unsettled: 0 });

  for (const [language, text] of [
    ['en', 'nothing taken back of its 300 points: 50 points to take back had expired already'],
    ['ru', 'ничего не списано, так как уже сгорело: 50 баллов'],
  ] as const) {
    const account = await api.call('GET', `/api/v1/customers/${customer}/loyalty?language=${language}`);
    expect(account.statusCode, account.body).toBe(200);
    const entries = account.json().explanation.entries as { kind: string; points: number; description: string; source: { id: string } }[];
    const refunds = entries.filter((e) => e.kind === 'reverse');
    expect(refunds).toHaveLength(1);
    expect(refunds[0]).toMatchObject({ points: 0, unsettled: null });
    expect(refunds[0].description).toContain('C-1-r');
    expect(refunds[0].description).toContain(text);
  }
});
