import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAll } from '../../../test/helpers/purchases.ts';
import { openTestServices } from '../../../test/helpers/services.ts';
import { localDate } from '../../shared/clock.ts';

// A refund dated by its day alone ("2026-05-03", as a till's or a POS export's returns
// often are) means the start of that day where the purchase was made: its store's time
// zone, else the business's (Europe/Ljubljana here), as a purchase dated by its day does.
// Regression: it was stored at UTC midnight, which in New York is 20:00 the day before —
// a refund dated the day after a late purchase was stored before the purchase, and its
// points were taken back (in the member's account, in time order) before they were earned.
// "Now" is 2026-06-01T12:00:00Z: already 2 June, 02:00, on Kiritimati (UTC+14).

let s: Awaited<ReturnType<typeof openTestServices>>;
const actor = { actor: 'test' };

beforeAll(async () => {
  s = await openTestServices();
  await s.stores.upsert({ code: 'nyc', name: 'New York', time_zone: 'America/New_York' }, { actor: 'test' });
  await s.stores.upsert({ code: 'kir', name: 'Kiritimati', time_zone: 'Pacific/Kiritimati' }, { actor: 'test' });
  await s.loyalty.applyProgram({ program: { name: 'Refunds', earning: { points_per_currency_unit: 1, rounding: 'floor' }, expiry: { policy: 'none' } } }, actor);
  await recordAll(s, [
    // 22:00 on 2 May in New York: 02:00 on 3 May in UTC.
    { external_id: 'ny-1', customer: { email: 'nia@example.com' }, occurred_at: '2026-05-02T22:00:00-04:00', store: 'nyc', total: '20.00' },
    { external_id: 'ny-2', customer: { email: 'nia@example.com' }, occurred_at: '2026-05-02T22:00:00-04:00', store: 'nyc', total: '20.00' },
    { external_id: 'ki-1', customer: { email: 'kai@example.com' }, occurred_at: '2026-05-31T09:00:00+14:00', store: 'kir', total: '10.00' },
    { external_id: 'lj-1', customer: { email: 'lea@example.com' }, occurred_at: '2026-05-20T10:00:00+02:00', total: '10.00' },
    // Two hours ahead of now: a till's clock running ahead (allowed up to a day).
    { external_id: 'ahead-1', customer: { email: 'ada@example.com' }, occurred_at: '2026-06-01T14:00:00Z', total: '10.00' },
    { external_id: 'ahead-2', customer: { email: 'ada@example.com' }, occurred_at: '2026-06-01T14:00:00Z', total: '10.00' },
  ]);
});
afterAll(() => s?.close());

const refund = (ref: string, body: Record<string, unknown>) => s.commerce.refund(ref, body, actor);
const refusal = (promise: Promise<unknown>) => promise.then(() => { throw new Error('accepted'); }, (error: { kind: string; problems?: unknown[]; message: string }) => error);

describe('a refund dated by its day alone', () => {
  it('is the start of that day in the store\'s time zone, after the purchase, and its points go back after they were earned', async () => {
    const { refund: r, purchase } = await refund('ny-1', { external_id: 'ny-r1', amount: '5.00', occurred_at: '2026-05-03' });
    expect(r.occurred_at).toBe('2026-05-03T04:00:00.000Z'); // midnight in New York (EDT, −04:00)
    expect(localDate(new Date(r.occurred_at), 'America/New_York')).toBe('2026-05-03');
    expect(new Date(r.occurred_at).getTime()).toBeGreaterThan(new Date(purchase.occurred_at).getTime());
    const account = await s.loyalty.account(purchase.customer_id);
    if (!account.member) throw new Error('not a member');
    expect(account.explanation.entries.map((e) => [e.kind, e.points, e.at])).toEqual([
      ['earn', 20, '2026-05-03T02:00:00.000Z'],
      ['earn', 20, '2026-05-03T02:00:00.000Z'],
      ['reverse', -5, '2026-05-03T04:00:00.000Z'],
    ]);
  });

  it('may be the purchase\'s own local day (compared by day), stored on that day in the store\'s zone; the day before is refused', async () => {
    const sameDay = await refund('ny-2', { external_id: 'ny-r2', amount: '1.00', occurred_at: '2026-05-02' });
    expect(sameDay.refund.occurred_at).toBe('2026-05-02T04:00:00.000Z');
    expect(localDate(new Date(sameDay.refund.occurred_at), 'America/New_York')).toBe('2026-05-02');
    const dayBefore = await refusal(refund('ny-2', { external_id: 'ny-r3', amount: '1.00', occurred_at: '2026-05-01' }));
    expect(dayBefore).toMatchObject({ kind: 'invalid', problems: [{ field: 'occurred_at', reason: 'is before the purchase it refunds (2026-05-02)' }] });
  });

  it('is "tomorrow" by the store\'s calendar, not UTC\'s, for the day\'s allowance ahead', async () => {
    // 3 June begins on Kiritimati at 2026-06-02T10:00Z, 22 hours from now: allowed, as a purchase dated so would be.
    const tomorrow = await refund('ki-1', { external_id: 'ki-r1', amount: '1.00', occurred_at: '2026-06-03' });
    expect(tomorrow.refund.occurred_at).toBe('2026-06-02T10:00:00.000Z');
    const later = await refusal(refund('ki-1', { external_id: 'ki-r2', amount: '1.00', occurred_at: '2026-06-04' }));
    expect(later).toMatchObject({ kind: 'invalid', problems: [{ field: 'occurred_at', reason: 'is more than a day in the future' }] });
  });

  it('is the start of the day in the business time zone for a purchase without a store', async () => {
    const { refund: r } = await refund('lj-1', { external_id: 'lj-r1', amount: '1.00', occurred_at: '2026-05-21' });
    expect(r.occurred_at).toBe('2026-05-20T22:00:00.000Z');
  });

  it('is no difference, sent again as the same day, when another field makes the retry a conflict', async () => {
    const other = await refusal(refund('ny-1', { external_id: 'ny-r1', amount: '6.00', occurred_at: '2026-05-03' }));
    expect(other).toMatchObject({ kind: 'conflict', problems: [{ field: 'amount', reason: '5.00 (this request: 6.00)' }] });
  });
});

describe('a file of refunds dated by their days (the CSV import\'s check)', () => {
  it('reads each day in its purchase\'s store\'s zone, as the API does', async () => {
    const check = s.commerce.refundChecker();
    const results = await check([
      { purchase: 'ki-1', input: { external_id: 'ki-csv-1', amount: '1.00', occurred_at: '2026-06-03' } },
      { purchase: 'ki-1', input: { external_id: 'ki-csv-2', amount: '1.00', occurred_at: '2026-06-04' } },
      { purchase: 'ny-1', input: { external_id: 'ny-csv-1', amount: '1.00', occurred_at: '2026-05-01' } },
      { purchase: 'ny-1', input: { external_id: 'ny-csv-2', amount: '1.00', occurred_at: '2026-05-02' } },
      // Recorded through the API above: the same refund, not another one.
      { purchase: 'ny-1', input: { external_id: 'ny-r1', amount: '5.00', occurred_at: '2026-05-03' } },
    ]);
    expect(results).toMatchObject([
      { duplicate: false },
      { kind: 'invalid', problems: [{ field: 'occurred_at', reason: 'is more than a day in the future' }] },
      { kind: 'invalid', problems: [{ field: 'occurred_at', reason: 'is before the purchase it refunds (2026-05-02)' }] },
      { duplicate: false },
      { duplicate: true },
    ]);
    // The import's second pass writes each row as the API does.
    const written = await s.commerce.recordRefund('ki-1', { external_id: 'ki-csv-1', amount: '1.00', occurred_at: '2026-06-03' }, { actor: 'import' });
    const ki = await s.commerce.get('ki-1');
    expect(ki.refunds.find((r) => r.id === written.refundId)?.occurred_at).toBe('2026-06-02T10:00:00.000Z');
    expect((await s.loyalty.verify()).ok).toBe(true);
  });
});

// QA: a refund sent without a time was dated now, even for a purchase dated after now (a
// till's clock ahead): it read as made before the sale it refunds — one dated so
// explicitly is refused — and its points went back before they were earned.
describe('a refund sent without a time, for a purchase dated after now', () => {
  it('is dated as its purchase, not before it, and its points go back after they were earned', async () => {
    const { refund: r, purchase } = await refund('ahead-1', { external_id: 'ahead-r1', amount: '4.00' });
    expect(r.occurred_at).toBe('2026-06-01T14:00:00.000Z');
    const account = await s.loyalty.account(purchase.customer_id);
    if (!account.member) throw new Error('not a member');
    expect(account.explanation.entries.map((e) => [e.kind, e.points, e.at])).toEqual([
      ['earn', 10, '2026-06-01T14:00:00.000Z'],
      ['earn', 10, '2026-06-01T14:00:00.000Z'],
      ['reverse', -4, '2026-06-01T14:00:00.000Z'],
    ]);
    expect((await s.loyalty.verify()).ok).toBe(true);
  });

  it('is dated as its purchase in a file of refunds too', async () => {
    expect(await s.commerce.recordRefunds([{ purchase: 'ahead-2', input: { external_id: 'ahead-r2', amount: '1.00' } }], { actor: 'import' })).toEqual([{ created: true }]);
    expect((await s.commerce.get('ahead-2')).refunds.map((r) => r.occurred_at)).toEqual(['2026-06-01T14:00:00.000Z']);
  });

  it('is dated now for a purchase dated before now, as before', async () => {
    const { refund: r } = await refund('lj-1', { external_id: 'lj-r2', amount: '1.00' });
    expect(r.occurred_at).toBe('2026-06-01T12:00:00.000Z');
  });
});
