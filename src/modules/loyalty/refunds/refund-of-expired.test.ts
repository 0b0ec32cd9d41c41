import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices } from '../../../../test/helpers/services.ts';
import { recordAll } from '../../../../test/helpers/purchases.ts';

// QA finding: a refund of a purchase whose points had all expired took nothing back
// (points_reversed 0) and left no trace in the member's explanation, although the README
// promises that the explanation says how many of the purchase's points had expired
// already. Such a refund now writes a reverse entry of 0 points (migration 0020) whose
// details say how many had expired; it is explained in the five languages with the
// program's name for the points, and counts for the purchase's next refunds as settled.
// The program: 10 beans per euro, lots expire 2 months after the purchase.

let s: Awaited<ReturnType<typeof openTestServices>>;
const actor = { actor: 'test' };

const program = {
  name: 'Beans that expire',
  points_name: { en: { one: 'bean', other: 'beans' }, sl: { one: 'zrno', two: 'zrni', few: 'zrna', other: 'zrn' }, tr: 'çekirdek', da: { one: 'bønne', other: 'bønner' }, ru: { one: 'зерно', few: 'зерна', many: 'зёрен', other: 'зерна' } },
  earning: { points_per_currency_unit: 10, rounding: 'floor' },
  expiry: { policy: 'per_lot', months: 2, reminder_days: 7 },
  refund_shortfall: 'negative_balance',
};

async function buy(email: string, externalId: string, occurredAt: string, total: string) {
  const [o] = await recordAll(s, [{ customer: { email }, external_id: externalId, occurred_at: occurredAt, total }]);
  return o;
}

async function account(customerId: string, language: 'en' | 'sl' | 'tr' | 'da' | 'ru' = 'en') {
  const a = await s.loyalty.account(customerId, { language });
  if (!a.member) throw new Error('not a member');
  return a;
}

const refundEntries = (a: Awaited<ReturnType<typeof account>>) => a.explanation.entries.filter((e) => e.kind === 'reverse');

beforeAll(async () => {
  s = await openTestServices();
  s.clock.set('2026-02-01T12:00:00Z');
  await s.loyalty.applyProgram({ program }, actor);
});
afterAll(() => s?.close());

describe('a refund of a purchase whose points had all expired', () => {
  let c: string;
  let purchase: string;

  it('takes nothing back and leaves an entry of 0 points that says how many had expired', async () => {
    s.clock.set('2026-03-01T12:00:00Z');
    const bought = await buy('c@example.com', 'C-1', '2026-03-01T10:00:00Z', '30.00');
    c = bought.customerId;
    purchase = bought.purchaseId;
    s.clock.set('2026-06-01T12:00:00Z');
    await buy('c@example.com', 'C-2', '2026-05-25T10:00:00Z', '2.00');
    expect((await s.loyalty.maintenance.runAll(s.clock.now())).expired).toEqual({ members: 1, points: 300 });

    const refund = await s.commerce.refund(purchase, { external_id: 'C-1-r', amount: '5.00' }, actor);
    expect(refund.loyalty).toMatchObject({ points_reversed: 0, unsettled: 0 });
    const after = await account(c);
    expect([after.balance, after.owed]).toEqual([20, 0]);
    expect(after.lifetime).toMatchObject({ reversed: 0, expired: 300 });
    const [entry] = refundEntries(after);
    expect(entry).toMatchObject({ points: 0, unsettled: null, balance_after: 20, source: { type: 'purchase', id: purchase } });
    expect(entry).not.toHaveProperty('took_from');
    // 5.00 of 30.00: 50 of its 300 beans to take back, all of them expired.
    expect(entry.description).toBe('Refund C-1-r of €5.00 on purchase C-1 (16.7% of it refunded in all): nothing taken back of its 300 beans: 50 beans to take back had expired already');
    expect((await s.loyalty.verify()).ok).toBe(true);
  });

  it('says so in the five languages, with the program’s name for the points in the form for each number', async () => {
    const said = async (language: 'sl' | 'tr' | 'da' | 'ru') => refundEntries(await account(c, language))[0].description;
    expect(await said('sl')).toBe('Vračilo C-1-r v znesku 5,00\u00a0€ za nakup C-1 (skupaj vrnjenih 16,7\u00a0% nakupa); nakupu pripisano: 300 zrn; nič ni odvzeto, ker je že poteklo: 50 zrn');
    expect(await said('tr')).toBe('C-1 alışverişinin €5,00 tutarındaki C-1-r iadesi (toplamda alışverişin %16,7 kadarı iade edildi); alışverişin kazandırdığı: 300 çekirdek; hiçbiri geri alınmadı: geri alınacak 50 çekirdek zaten geçerliliğini yitirmişti');
    expect(await said('da')).toBe('Refundering C-1-r på 5,00\u00a0€ af købet C-1 (i alt 16,7\u00a0% af købet refunderet): intet af købets 300 bønner trukket tilbage: 50 bønner, der skulle trækkes tilbage, var allerede udløbet');
    expect(await said('ru')).toBe('Возврат C-1-r на сумму 5,00\u00a0€ по покупке C-1 (всего возвращено 16,7\u00a0% покупки); начислено за покупку: 300 зёрен; ничего не списано, так как уже сгорело: 50 зёрен');
  });

  it('answers a retry as it answered first, and writes nothing more', async () => {
    const again = await s.commerce.refund(purchase, { external_id: 'C-1-r', amount: '5.00' }, actor);
    expect(again.created).toBe(false);
    expect(again.loyalty).toEqual({ points_reversed: 0, unsettled: 0, referral: null, challenges: [], balance: 20, pending: 0, tier: null, tier_change: null });
    expect(Object.is(again.loyalty?.points_reversed, 0)).toBe(true);
    expect(refundEntries(await account(c))).toHaveLength(1);
  });

  it('counts for the next refund of the purchase: the rest writes its own entry of 0 for the 250 left', async () => {
    const rest = await s.commerce.refund(purchase, { external_id: 'C-1-r2' }, actor);
    expect(rest.loyalty).toMatchObject({ points_reversed: 0, unsettled: 0 });
    const after = await account(c);
    expect(after.balance).toBe(20);
    expect(refundEntries(after).map((e) => [e.points, e.description])).toEqual([
      [0, 'Refund C-1-r of €5.00 on purchase C-1 (16.7% of it refunded in all): nothing taken back of its 300 beans: 50 beans to take back had expired already'],
      [0, 'Refund C-1-r2 of €25.00 on purchase C-1 (100% of it refunded in all): nothing taken back of its 300 beans: 250 beans to take back had expired already'],
    ]);
    expect((await s.loyalty.verify()).ok).toBe(true);
  });

  it('says a number of one with the name’s form for one', async () => {
    // 0.10 of 30.00: 1 bean to take back, expired.
    s.clock.set('2026-06-01T12:00:00Z');
    const one = await buy('one@example.com', 'O-1', '2026-03-01T10:00:00Z', '30.00');
    await s.loyalty.maintenance.expirePoints(s.clock.now());
    await s.commerce.refund(one.purchaseId, { external_id: 'O-1-r', amount: '0.10' }, actor);
    const [en] = refundEntries(await account(one.customerId));
    expect(en.description).toContain('nothing taken back of its 300 beans: 1 bean to take back had expired already');
    expect(refundEntries(await account(one.customerId, 'sl'))[0].description).toContain('že poteklo: 1 zrno');
    expect(refundEntries(await account(one.customerId, 'ru'))[0].description).toContain('уже сгорело: 1 зерно');
    expect(refundEntries(await account(one.customerId, 'da'))[0].description).toContain('1 bønne, der skulle');
  });
});

describe('a refund that takes nothing back for another reason', () => {
  it('writes nothing when earlier refunds took back all it would', async () => {
    s.clock.set('2026-06-01T12:00:00Z');
    // 20.00 → 200 beans; 19.99 of it refunded takes back 199.9 → 200; the last 0.01 has nothing left to take.
    const bought = await buy('d@example.com', 'D-1', '2026-05-30T10:00:00Z', '20.00');
    expect((await s.commerce.refund(bought.purchaseId, { external_id: 'D-1-r1', amount: '19.99' }, actor)).loyalty).toMatchObject({ points_reversed: 200 });
    expect((await s.commerce.refund(bought.purchaseId, { external_id: 'D-1-r2', amount: '0.01' }, actor)).loyalty).toMatchObject({ points_reversed: 0 });
    expect(refundEntries(await account(bought.customerId)).map((e) => e.points)).toEqual([-200]);
    expect((await s.loyalty.verify()).ok).toBe(true);
  });

  it('under refund_shortfall forgive, records what expired and what it forgave when nothing was left to take', async () => {
    s.clock.set('2026-07-01T12:00:00Z');
    await s.loyalty.applyProgram({ program: { ...program, refund_shortfall: 'forgive' } }, actor);
    // 10 beans on 1 May (expiring 1 July); 4 spent on 2 June; the other 6 expire in the sweep.
    const bought = await buy('f@example.com', 'F-1', '2026-05-01T10:00:00Z', '1.00');
    s.clock.set('2026-06-02T12:00:00Z');
    await s.loyalty.adjust(bought.customerId, { points: -4, reason: 'test: spent at the counter', idempotency_key: 'f-spend' }, actor);
    s.clock.set('2026-07-02T12:00:00Z');
    await s.loyalty.maintenance.expirePoints(s.clock.now());
    const refund = await s.commerce.refund(bought.purchaseId, { external_id: 'F-1-r' }, actor);
    expect(refund.loyalty).toMatchObject({ points_reversed: 0, unsettled: 0 });
    const [entry] = refundEntries(await account(bought.customerId));
    expect([entry.points, entry.description]).toEqual([0, 'Refund F-1-r of €1.00 on purchase F-1 (100% of it refunded in all): nothing taken back of its 10 beans: 6 beans to take back had expired already; 4 already spent and forgiven']);
    expect((await s.loyalty.verify()).ok).toBe(true);
  });
});
