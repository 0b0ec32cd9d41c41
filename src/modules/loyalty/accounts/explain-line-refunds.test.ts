import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices } from '../../../../test/helpers/services.ts';
import { recordAll } from '../../../../test/helpers/purchases.ts';
import { LANGUAGES } from '../../customers/index.ts';

// A refund naming the lines returned takes back what those lines earned, each weighed by the
// points multipliers that applied to it (refund-points.ts), not the refunded amount's share.
// The explanation said "60% of it refunded in all: 120 of its 160 points taken back" and left
// the member to wonder why 60% took 75%; it now says the lines were weighed by their multipliers.
// The program: 10 points a euro, coffee ×2. The basket: coffee 6.00 and cake 4.00, 10.00 in
// all: 100 × (60% × 2 + 40%) = 160 points. The coffee returned weighs 1,200 of 1,600: 120 back.

let s: Awaited<ReturnType<typeof openTestServices>>;
const actor = { actor: 'test' };

beforeAll(async () => {
  s = await openTestServices();
  s.clock.set('2026-05-01T12:00:00Z');
  await s.loyalty.applyProgram({ program: {
    name: 'Coffee counts double',
    earning: { points_per_currency_unit: 10, rounding: 'floor', multipliers: [{ name: 'Coffee ×2', when: { categories: ['coffee'] }, factor: 2 }] },
  } }, actor);
});
afterAll(() => s?.close());

describe('a refund by lines in the explanation', () => {
  it('says the lines returned were weighed by their points multipliers, in every language; a refund by amount, or of lines no multiplier set apart, does not', async () => {
    const [bought] = await recordAll(s, [{
      external_id: 'L-1', customer: { email: 'l@example.com' }, occurred_at: '2026-05-01T10:00:00Z', total: '10.00',
      lines: [{ sku: 'ESP', category: 'coffee', quantity: 1, unit_price: '6.00' }, { sku: 'CAKE', category: 'cakes', quantity: 1, unit_price: '4.00' }],
    }]);
    expect(bought.loyalty?.points_earned).toBe(160);
    expect((await s.commerce.refund(bought.purchaseId, { external_id: 'L-1-r', lines: [{ sku: 'ESP', quantity: 1 }] }, actor)).loyalty).toMatchObject({ points_reversed: 120 });
    const [other] = await recordAll(s, [{ external_id: 'A-1', customer: { email: 'l@example.com' }, occurred_at: '2026-05-01T11:00:00Z', total: '10.00' }]);
    await s.commerce.refund(other.purchaseId, { external_id: 'A-1-r', amount: '5.00' }, actor);
    // Lines no multiplier set apart: their points go back at the amount's share, and nothing needs saying.
    const [plain] = await recordAll(s, [{
      external_id: 'P-1', customer: { email: 'l@example.com' }, occurred_at: '2026-05-01T12:00:00Z', total: '10.00',
      lines: [{ sku: 'BUN', category: 'bakery', quantity: 1, unit_price: '6.00' }, { sku: 'CAKE', category: 'cakes', quantity: 1, unit_price: '4.00' }],
    }]);
    await s.commerce.refund(plain.purchaseId, { external_id: 'P-1-r', lines: [{ sku: 'CAKE', quantity: 1 }] }, actor);

    const said = new Map<string, string[]>();
    for (const language of LANGUAGES) {
      const account = await s.loyalty.account(bought.customerId, { language });
      if (!account.member) throw new Error('not a member');
      said.set(language, account.explanation.entries.filter((e) => e.kind === 'reverse').map((e) => e.description));
    }
    expect(Object.fromEntries(said)).toEqual({
      en: [
        'Refund L-1-r of €6.00 on purchase L-1 (60% of it refunded in all): 120 of its 160 points taken back, the lines returned weighed by their points multipliers',
        'Refund A-1-r of €5.00 on purchase A-1 (50% of it refunded in all): 50 of its 100 points taken back',
        'Refund P-1-r of €4.00 on purchase P-1 (40% of it refunded in all): 40 of its 100 points taken back',
      ],
      sl: [
        'Vračilo L-1-r v znesku 6,00\u00a0€ za nakup L-1 (skupaj vrnjenih 60\u00a0% nakupa); nakupu pripisano: 160 točk, odvzeto: 120 (vrnjene postavke, utežene z njihovimi množitelji točk)',
        'Vračilo A-1-r v znesku 5,00\u00a0€ za nakup A-1 (skupaj vrnjenih 50\u00a0% nakupa); nakupu pripisano: 100 točk, odvzeto: 50',
        'Vračilo P-1-r v znesku 4,00\u00a0€ za nakup P-1 (skupaj vrnjenih 40\u00a0% nakupa); nakupu pripisano: 100 točk, odvzeto: 40',
      ],
      tr: [
        'L-1 alışverişinin €6,00 tutarındaki L-1-r iadesi (toplamda alışverişin %60 kadarı iade edildi); alışverişin kazandırdığı: 160 puan, geri alınan: 120 (iade edilen kalemler puan çarpanlarıyla ağırlıklandırıldı)',
        'A-1 alışverişinin €5,00 tutarındaki A-1-r iadesi (toplamda alışverişin %50 kadarı iade edildi); alışverişin kazandırdığı: 100 puan, geri alınan: 50',
        'P-1 alışverişinin €4,00 tutarındaki P-1-r iadesi (toplamda alışverişin %40 kadarı iade edildi); alışverişin kazandırdığı: 100 puan, geri alınan: 40',
      ],
      da: [
        'Refundering L-1-r på 6,00\u00a0€ af købet L-1 (i alt 60\u00a0% af købet refunderet): 120 af købets 160 point trukket tilbage, de returnerede linjer vægtet med deres pointmultiplikatorer',
        'Refundering A-1-r på 5,00\u00a0€ af købet A-1 (i alt 50\u00a0% af købet refunderet): 50 af købets 100 point trukket tilbage',
        'Refundering P-1-r på 4,00\u00a0€ af købet P-1 (i alt 40\u00a0% af købet refunderet): 40 af købets 100 point trukket tilbage',
      ],
      ru: [
        'Возврат L-1-r на сумму 6,00\u00a0€ по покупке L-1 (всего возвращено 60\u00a0% покупки); начислено за покупку: 160 баллов, списано: 120 (возвращённые позиции взвешены по их множителям баллов)',
        'Возврат A-1-r на сумму 5,00\u00a0€ по покупке A-1 (всего возвращено 50\u00a0% покупки); начислено за покупку: 100 баллов, списано: 50',
        'Возврат P-1-r на сумму 4,00\u00a0€ по покупке P-1 (всего возвращено 40\u00a0% покупки); начислено за покупку: 100 баллов, списано: 40',
      ],
    });
    expect((await s.loyalty.verify()).ok).toBe(true);
  });
});
