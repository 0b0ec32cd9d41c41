import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliver } from '../../../../test/helpers/deliver.ts';
import { recordAll } from '../../../../test/helpers/purchases.ts';
import { openTestServices } from '../../../../test/helpers/services.ts';

// A refund that revokes a challenge completion after its bonus expired (per lot) takes
// nothing of the bonus (takeBonusBack's `expired`): the member lost those points once when
// the sweep wrote them off. Before, the 300 were taken from the member's newer points and
// the rest owed (negative_balance): lost twice. The setting is challenge-refunds.test.ts's.
//
//   Dec 1–3 2025: 5.00 in k1, k2, k3: 15 points + 100 first purchase + 300 "Try 3 categories"
//   (completed Dec 3); all these lots expire 2 months on (Feb 1–3), swept on Feb 20.
//   Feb 15 2026: 5.00 in k1: 5 points (to Apr 15). Feb 20: the Dec 3 purchase refunded in
//   full: its 5 expired (not taken), the completion revoked, its 300 expired (not taken):
//   an entry of 0 says so; the member keeps 5.

type Services = Awaited<ReturnType<typeof openTestServices>>;
const actor = { actor: 'test' };

const program = {
  name: 'Challenge refunds, expiring',
  refund_shortfall: 'negative_balance',
  earning: { points_per_currency_unit: 1 },
  bonuses: { first_purchase: 100 },
  expiry: { policy: 'per_lot', months: 2, reminder_days: 7 },
  challenges: [{ code: 'explorer', name: { en: 'Try 3 categories', ru: 'Попробуйте 3 категории' }, goal: { type: 'categories', count: 3, within_days: 90 }, points: 300 }],
};

describe('a refund revoking a challenge completion after its bonus expired', () => {
  let s: Services;
  beforeAll(async () => {
    s = await openTestServices();
    s.clock.set('2025-11-01T00:00:00Z');
    await s.loyalty.applyProgram({ program }, actor);
  });
  afterAll(() => s?.close());

  const buy = async (who: string, key: string, at: string, category: string) => {
    s.clock.set(at);
    return (await recordAll(s, [{ external_id: key, customer: { email: `${who}@example.com` }, occurred_at: at, total: '5.00', lines: [{ sku: category, category, quantity: 1, unit_price: '5.00' }] }]))[0];
  };

  // The same whether the sweep wrote the bonus's lot off before the refund or not: past its
  // date at the refund, it had expired either way (planDebit's `expired`).
  it.each([['x', 'before'], ['y', 'after']] as const)('takes nothing of the expired bonus, and the account says why (%s: swept %s the refund)', async (x, sweptWhen) => {
    const bought = [];
    for (const [i, k] of ['k1', 'k2', 'k3'].entries()) bought.push(await buy(x, `${x}-${i + 1}`, `2025-12-0${i + 1}T10:00:00Z`, k));
    await deliver(s, 'purchase.recorded', { subscriber: 'loyalty.challenges' });
    const id = bought[0].customerId;
    await buy(x, `${x}-4`, '2026-02-15T10:00:00Z', 'k1');
    s.clock.set('2026-02-20T10:00:00Z');
    if (sweptWhen === 'before') await s.loyalty.maintenance.expirePoints(s.clock.now());
    const account = async (language?: 'en' | 'ru') => {
      const a = await s.loyalty.account(id, { language });
      if (!a.member) throw new Error('not a member');
      return a;
    };
    expect((await account()).balance).toBe(5);

    const { loyalty } = await s.commerce.refund(bought[2].purchaseId, { external_id: `${x}-3-r` }, actor);
    expect(loyalty?.challenges).toEqual([expect.objectContaining({ challenge: 'explorer', completion: 1, points_reversed: 0, unsettled: 0 })]);
    // Swept after: the lots of December, bonuses included, are written off whole (15 + 100 + 300).
    if (sweptWhen === 'after') expect((await s.loyalty.maintenance.expirePoints(s.clock.now())).points).toBe(415);
    const a = await account();
    expect(a.balance).toBe(5);
    expect(a.challenges.find((c) => c.code === 'explorer')).toMatchObject({ completed: 0 });
    const taken = await s.db.selectFrom('loyalty_entries').select(['points', 'unsettled', 'details'])
      .where('customer_id', '=', id).where('kind', '=', 'reverse').where('source_id', '=', 'challenge').execute();
    expect(taken.map((e) => [e.points, (e.details as { expired?: number }).expired])).toEqual([[0, 300]]);
    expect(a.explanation.entries.find((e) => e.kind === 'reverse' && e.source.id === 'challenge')!.description)
      .toBe(`Challenge bonus revoked: Try 3 categories; purchase ${x}-3 was refunded, leaving 2 of the 3 it needs; its 300 points had expired already, nothing taken`);
    expect((await account('ru')).explanation.entries.find((e) => e.kind === 'reverse' && e.source.id === 'challenge')!.description)
      .toBe(`Бонус за задание отменён: Попробуйте 3 категории; покупка ${x}-3 возвращена, задание больше не выполнено (2 из 3); ничего не списано, так как уже сгорело: 300 баллов`);
    // Sent again: nothing more.
    await s.commerce.refund(bought[2].purchaseId, { external_id: `${x}-3-r` }, actor);
    expect((await account()).balance).toBe(5);
    expect((await account()).lifetime).toMatchObject({ reversed: 0, expired: 415 });
    expect((await s.loyalty.verify()).problems).toEqual([]);
  });
});

describe('a refund dated before the bonus expired, recorded after the sweep wrote it off', () => {
  let s: Services;
  beforeAll(async () => {
    s = await openTestServices();
    s.clock.set('2025-11-01T00:00:00Z');
    await s.loyalty.applyProgram({ program }, actor);
  });
  afterAll(() => s?.close());

  it("takes the purchase's points and the challenge's bonus back, their write-off undone", async () => {
    const bought = [];
    for (const [i, k] of ['k1', 'k2', 'k3'].entries()) {
      const at = `2025-12-0${i + 1}T10:00:00Z`;
      s.clock.set(at);
      bought.push((await recordAll(s, [{ external_id: `z-${i + 1}`, customer: { email: 'z@example.com' }, occurred_at: at, total: '5.00', lines: [{ sku: k, category: k, quantity: 1, unit_price: '5.00' }] }]))[0]);
    }
    await deliver(s, 'purchase.recorded', { subscriber: 'loyalty.challenges' });
    const id = bought[0].customerId;
    s.clock.set('2026-02-20T10:00:00Z');
    expect((await s.loyalty.maintenance.expirePoints(s.clock.now())).points).toBe(415);

    // Refunded as of 15 January, before the lots' dates (1–3 February): the refund came first.
    const { loyalty } = await s.commerce.refund(bought[2].purchaseId, { external_id: 'z-3-r', occurred_at: '2026-01-15T10:00:00Z' }, actor);
    expect(loyalty).toMatchObject({ points_reversed: 5, unsettled: 0 });
    expect(loyalty?.challenges).toEqual([expect.objectContaining({ challenge: 'explorer', completion: 1, points_reversed: 300, unsettled: 0 })]);
    const a = await s.loyalty.account(id);
    if (!a.member) throw new Error('not a member');
    expect([a.balance, a.owed]).toEqual([0, 0]);
    // Of the 415 written off, the 100 of the first purchase's bonus and the 10 of the two purchases kept stay expired.
    expect(a.lifetime).toMatchObject({ expired: 110 });
    expect(a.explanation.entries.filter((e) => e.kind === 'expire' && e.points > 0).map((e) => e.points).sort((x, y) => x - y)).toEqual([5, 300]);
    expect((await s.loyalty.verify()).problems).toEqual([]);
  });
});
