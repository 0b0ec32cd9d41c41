import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices } from '../../../../test/helpers/services.ts';
import { MemberAccount } from '../../../http/responses/loyalty.ts';
import { recordPurchases } from '../../../workflows/record-purchases.ts';

// What the account calls the points when the program does not name them in the language
// asked: the program's fallback (English, else the first language it gives), as its
// tiers' and rewards' names fall back, with the language those forms are in, whose plural
// rules choose among them (Slovenian forms chosen by Danish rules read "2 zrn" where the
// café writes "2 zrni"). A program that names no points says the product's own word in
// the language asked, in the sentences too ("→ 5 točk"), not the English "points".
let s: Awaited<ReturnType<typeof openTestServices>>;
let ana: string;

const account = async (language: 'en' | 'sl' | 'tr' | 'da' | 'ru') => {
  const a = await s.loyalty.account(ana, { language });
  if (!a.member) throw new Error('not a member');
  expect(() => MemberAccount.parse(a)).not.toThrow();
  return a;
};
const named = (a: Awaited<ReturnType<typeof account>>) => [a.points_name, a.points_name_forms, a.points_name_language];

beforeAll(async () => {
  s = await openTestServices();
  await s.loyalty.applyProgram({ program: { name: 'Zrna', points_name: { sl: { one: 'zrno', two: 'zrni', few: 'zrna', other: 'zrn' } }, earning: { points_per_currency_unit: 1 }, bonuses: { sign_up: 2 } } }, { actor: 'test' });
  ana = (await s.customers.upsert({ email: 'ana@example.com' }, { actor: 'test' })).customer.id;
  await s.loyalty.enrol(ana, { actor: 'test' });
  await s.loyalty.adjust(ana, { points: 3, reason: 'A kind word', idempotency_key: 'adj-1' }, { actor: 'test' });
});
afterAll(() => s?.close());

describe("the points' name in an account of a language the program does not name them in", () => {
  it("answers the program's own name with its forms, and says they are Slovenian", async () => {
    const sl = { one: 'zrno', two: 'zrni', few: 'zrna', other: 'zrn' };
    expect(named(await account('sl'))).toEqual(['zrn', sl, 'sl']);
    expect(named(await account('da'))).toEqual(['zrn', sl, 'sl']);
    expect(named(await account('en'))).toEqual(['zrn', sl, 'sl']);
  });

  it('says the product\'s own word, in the language asked, for a program that names no points', async () => {
    const rewards = [1, 2, 5].map((points) => ({ code: `r${points}`, name: `Reward ${points}`, type: 'free_product', sku: 'X', points }));
    await s.loyalty.applyProgram({ program: { name: 'Plain', earning: { points_per_currency_unit: 1 }, bonuses: { sign_up: 2 }, rewards } }, { actor: 'test' });
    expect(named(await account('en'))).toEqual(['points', { one: 'point', other: 'points' }, 'en']);
    expect(named(await account('sl'))).toEqual(['točk', { one: 'točka', two: 'točki', few: 'točke', other: 'točk' }, 'sl']);
    expect(named(await account('tr'))).toEqual(['puan', { other: 'puan' }, 'tr']);
    const catalogue = async (language: 'en' | 'sl' | 'ru') => (await s.loyalty.rewards({ language })).rewards.map((r) => r.points_name);
    expect(await catalogue('en')).toEqual(['point', 'points', 'points']);
    expect(await catalogue('sl')).toEqual(['točka', 'točki', 'točk']);
    expect(await catalogue('ru')).toEqual(['балл', 'балла', 'баллов']);
    // The explanation says the same word with a number.
    const [bought] = await recordPurchases(s, [{ external_id: 'P1', customer: { email: 'ana@example.com' }, occurred_at: '2026-05-01T10:00:00Z', total: '3.00' }], { source: 'import' });
    expect(bought.status).toBe('created');
    expect((await account('sl')).explanation.entries.map((e) => e.description)).toContain('Nakup P1: 3,00\u00a0€ → 3 točke');
    expect((await account('ru')).explanation.entries.map((e) => e.description)).toContain('Покупка P1: 3,00\u00a0€ → 3 балла');
  });

  it('says each entry\'s points by the name of the version that wrote it, after a later version drops the name', async () => {
    const grains = { ru: { one: 'зерно', few: 'зерна', many: 'зёрен', other: 'зерна' }, en: { one: 'grain', other: 'grains' } };
    await s.loyalty.applyProgram({ program: { name: 'Grains', points_name: grains, earning: { points_per_currency_unit: 1 } } }, { actor: 'test' });
    await recordPurchases(s, [{ external_id: 'G1', customer: { email: 'ana@example.com' }, occurred_at: '2026-05-02T10:00:00Z', total: '1000.00' }], { source: 'import' });
    await s.loyalty.applyProgram({ program: { name: 'Plain again', earning: { points_per_currency_unit: 1 } } }, { actor: 'test' });
    await recordPurchases(s, [{ external_id: 'G2', customer: { email: 'ana@example.com' }, occurred_at: '2026-05-03T10:00:00Z', total: '5.00' }], { source: 'import' });
    const ru = (await account('ru')).explanation.entries.map((e) => e.description);
    expect(ru).toContain('Покупка G1: 1\u00a0000,00\u00a0€ → 1000 зёрен');
    expect(ru).toContain('Покупка G2: 5,00\u00a0€ → 5 баллов');
    expect((await account('en')).explanation.entries.map((e) => e.description)).toContain('Purchase G1: €1,000.00 → 1000 grains');
  });
});
