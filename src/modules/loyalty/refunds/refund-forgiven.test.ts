import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices } from '../../../../test/helpers/services.ts';
import { recordAll } from '../../../../test/helpers/purchases.ts';

// Under refund_shortfall "forgive", a refund of a purchase whose points were all spent
// takes nothing and forgives its share. Regression: it wrote no entry, so nothing recorded
// the share forgiven, and the purchase's next refund took back the whole purchase's points
// again — from points the member earned since (the first half counted twice). Now such a
// refund leaves an entry of 0 points that records what it forgave, and the next refund
// takes only its own share.

let s: Awaited<ReturnType<typeof openTestServices>>;
const actor = { actor: 'test' };

const program = {
  name: 'Forgiving',
  earning: { points_per_currency_unit: 10, rounding: 'floor' },
  expiry: { policy: 'none' },
  refund_shortfall: 'forgive',
};

beforeAll(async () => {
  s = await openTestServices();
  await s.loyalty.applyProgram({ program }, actor);
});
afterAll(() => s?.close());

describe('refunds of a purchase whose points were spent, under forgive', () => {
  it('forgives the first half once, and the second refund takes only its own half', async () => {
    const [first] = await recordAll(s, [{ customer: { email: 'f@example.com' }, external_id: 'F-1', occurred_at: '2026-05-01T10:00:00Z', total: '30.00' }]);
    const customer = first.customerId;
    await s.loyalty.adjust(customer, { points: -300, reason: 'test: spent', idempotency_key: 'spend-all' }, actor);

    const half = await s.commerce.refund(first.purchaseId, { external_id: 'F-1-r1', amount: '15.00' }, actor);
    expect(half.loyalty).toMatchObject({ points_reversed: 0, unsettled: 0 });
    const a = await s.loyalty.account(customer);
    if (!a.member) throw new Error('a member');
    const entry = a.explanation.entries.find((e) => e.kind === 'reverse');
    expect(entry).toMatchObject({ points: 0 });
    // Nothing had expired: the sentence says what was forgiven and nothing about expiry, in every language.
    expect(entry?.description).toBe('Refund F-1-r1 of €15.00 on purchase F-1 (50% of it refunded in all): nothing taken back of its 300 points: 150 already spent and forgiven');
    const said = new Map<string, string | undefined>();
    for (const language of ['sl', 'tr', 'da', 'ru'] as const) {
      const x = await s.loyalty.account(customer, { language });
      if (!x.member) throw new Error('a member');
      said.set(language, x.explanation.entries.find((e) => e.kind === 'reverse')?.description);
    }
    expect(Object.fromEntries(said)).toEqual({
      sl: 'Vračilo F-1-r1 v znesku 15,00\u00a0€ za nakup F-1 (skupaj vrnjenih 50\u00a0% nakupa); nakupu pripisano: 300 točk; nič ni odvzeto; že porabljeno in odpuščeno: 150',
      tr: "F-1 alışverişinin €15,00 tutarındaki F-1-r1 iadesi (toplamda alışverişin %50 kadarı iade edildi); alışverişin kazandırdığı: 300 puan; hiçbiri geri alınmadı; zaten harcanmış 150 puan silindi",
      da: 'Refundering F-1-r1 på 15,00\u00a0€ af købet F-1 (i alt 50\u00a0% af købet refunderet): intet af købets 300 point trukket tilbage: 150 allerede brugt og eftergivet',
      ru: 'Возврат F-1-r1 на сумму 15,00\u00a0€ по покупке F-1 (всего возвращено 50\u00a0% покупки); начислено за покупку: 300 баллов; ничего не списано; уже потрачено и прощено: 150',
    });
    for (const text of said.values()) expect(text).not.toMatch(/\b0 /);

    // Earned since: 500. The rest of F-1 refunded: its other half, 150, is taken; 150 was forgiven.
    await recordAll(s, [{ customer: { email: 'f@example.com' }, external_id: 'F-2', occurred_at: '2026-05-20T10:00:00Z', total: '50.00' }]);
    const rest = await s.commerce.refund(first.purchaseId, { external_id: 'F-1-r2', amount: '15.00' }, actor);
    expect(rest.loyalty).toMatchObject({ points_reversed: 150 });
    const b = await s.loyalty.account(customer);
    if (!b.member) throw new Error('a member');
    expect(b.balance + b.pending).toBe(350);

    // A retry of either refund changes nothing.
    await s.commerce.refund(first.purchaseId, { external_id: 'F-1-r1', amount: '15.00' }, actor);
    const c = await s.loyalty.account(customer);
    if (!c.member) throw new Error('a member');
    expect(c.balance + c.pending).toBe(350);
    const proof = await s.loyalty.verify();
    expect(proof.problems).toEqual([]);
  });
});
