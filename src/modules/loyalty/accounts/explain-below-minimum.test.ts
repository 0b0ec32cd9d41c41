import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices } from '../../../../test/helpers/services.ts';
import { recordAll } from '../../../../test/helpers/purchases.ts';
import { LANGUAGES } from '../../customers/index.ts';

// A purchase below the program's minimum purchase earns nothing, and the member's explanation
// said nothing of it: "I bought for 4.00 and got nothing" had no answer in the account. Such a
// purchase now writes an entry of 0 points (no lot, as a purchase the daily cap left without
// points: migration 0018) that says why, in the five languages; the balance and what verify
// proves do not change.
// The program: 10 points a euro from a purchase of 5.00.

let s: Awaited<ReturnType<typeof openTestServices>>;
const actor = { actor: 'test' };

beforeAll(async () => {
  s = await openTestServices();
  s.clock.set('2026-05-01T12:00:00Z');
  await s.loyalty.applyProgram({ program: { name: 'From five', earning: { points_per_currency_unit: 10, rounding: 'floor', minimum_purchase: '5.00' } } }, actor);
});
afterAll(() => s?.close());

describe('a purchase below the minimum purchase', () => {
  it('earns nothing and says why in the account, in every language; the balance and verify as before', async () => {
    const [small] = await recordAll(s, [{ external_id: 'S-1', customer: { email: 'm@example.com' }, occurred_at: '2026-05-01T10:00:00Z', total: '4.00' }]);
    expect(small.loyalty).toMatchObject({ points_earned: 0, balance: 0 });
    const [enough] = await recordAll(s, [{ external_id: 'S-2', customer: { email: 'm@example.com' }, occurred_at: '2026-05-01T11:00:00Z', total: '5.00' }]);
    expect(enough.loyalty).toMatchObject({ points_earned: 50, balance: 50 });

    const said = new Map<string, [number, string][]>();
    for (const language of LANGUAGES) {
      const account = await s.loyalty.account(small.customerId, { language });
      if (!account.member) throw new Error('not a member');
      expect([account.balance, account.explanation.sum_of_entries, account.lifetime.earned]).toEqual([50, 50, 50]);
      said.set(language, account.explanation.entries.map((e) => [e.points, e.description]));
    }
    expect(Object.fromEntries(said)).toEqual({
      en: [[0, 'Purchase S-1: €4.00 → 40 points; none earned: below the minimum purchase of €5.00'], [50, 'Purchase S-2: €5.00 → 50 points']],
      sl: [[0, 'Nakup S-1: 4,00\u00a0€ → 40 točk; nič ni pripisano: nakup ne dosega najnižjega zneska nakupa 5,00\u00a0€'], [50, 'Nakup S-2: 5,00\u00a0€ → 50 točk']],
      tr: [[0, 'Alışveriş S-1: €4,00 → 40 puan; hiç kazanılmadı: alışveriş en düşük alışveriş tutarının (€5,00) altında kaldı'], [50, 'Alışveriş S-2: €5,00 → 50 puan']],
      da: [[0, 'Køb S-1: 4,00\u00a0€ → 40 point; intet optjent: købet er under minimumsbeløbet på 5,00\u00a0€'], [50, 'Køb S-2: 5,00\u00a0€ → 50 point']],
      ru: [[0, 'Покупка S-1: 4,00\u00a0€ → 40 баллов; ничего не начислено: сумма покупки меньше минимальной (5,00\u00a0€)'], [50, 'Покупка S-2: 5,00\u00a0€ → 50 баллов']],
    });
    expect((await s.loyalty.verify()).ok).toBe(true);
  });

  it('refunded, takes nothing back and writes nothing more', async () => {
    const [small] = await recordAll(s, [{ external_id: 'T-1', customer: { email: 't@example.com' }, occurred_at: '2026-05-01T10:00:00Z', total: '4.99' }]);
    const refund = await s.commerce.refund(small.purchaseId, { external_id: 'T-1-r' }, actor);
    expect(refund.loyalty).toMatchObject({ points_reversed: 0, unsettled: 0, balance: 0 });
    const account = await s.loyalty.account(small.customerId);
    if (!account.member) throw new Error('not a member');
    expect(account.explanation.entries.map((e) => [e.kind, e.points])).toEqual([['earn', 0]]);
    expect((await s.loyalty.verify()).ok).toBe(true);
  });
});
