import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliver } from '../../../../test/helpers/deliver.ts';
import { openTestServices } from '../../../../test/helpers/services.ts';
import { MemberAccount } from '../../../http/responses/loyalty.ts';
import { recordPurchases } from '../../../workflows/record-purchases.ts';

// QA finding: `GET /customers/{id}/loyalty?language=sl` answered the program's names in
// English ("beans", "Silver tier", "Double points weekend", "Try 3 categories", "A coffee
// on us") beside Slovenian sentences, and its numbers with a decimal point ("9.00 EUR",
// "129.6", "× 1.25") beside shares with a comma ("45,5 %"). The café's own program
// (examples/program.json) gives every one of those names in the five languages.
let s: Awaited<ReturnType<typeof openTestServices>>;
let ana: string;

beforeAll(async () => {
  s = await openTestServices();
  const program = JSON.parse(readFileSync(new URL('../../../../examples/program.json', import.meta.url), 'utf8'));
  delete program.$schema;
  s.clock.set('2026-12-20T12:00:00Z');
  await s.loyalty.applyProgram({ program, effective_from: '2026-01-01' }, { actor: 'test' });
  const line = (sku: string, category: string, unit_price: string) => ({ sku, category, unit_price, quantity: 1 });
  const [first] = await recordPurchases(s, [
    // 300.00 × 10 = 3000 points, at the Member tier; it makes Ana Silver (from 250.00 spent).
    { external_id: 'P1', customer: { email: 'ana@example.com' }, occurred_at: '2026-11-02T10:00:00Z', total: '300.00', lines: [line('BEANS', 'beans', '300.00')] },
    // On the Double points weekend, as Silver: 9.10 × 10 = 91; coffee is half the basket (4.55 of 9.10) and counts
    // double: 91 × (0.5 × 2 + 0.5) = 136.5; × 1.25 (Silver) × 2 (weekend) = 341.25 → 341. Its three categories
    // with P1's complete "Try 3 categories" (300 points).
    { external_id: 'P2', customer: { email: 'ana@example.com' }, occurred_at: '2026-12-05T10:00:00Z', total: '9.10', lines: [line('COF-ESP', 'coffee', '4.55'), line('CAK', 'cakes', '3.00'), line('BUN', 'bakery', '1.55')] },
  ], { source: 'import' });
  if (first.status === 'error') throw first.error;
  ana = first.customerId;
  await deliver(s, 'purchase.recorded');
  await s.loyalty.redeemReward(ana, { reward: 'coffee', idempotency_key: 'ana-coffee' }, { actor: 'test' });
});
afterAll(() => s?.close());

const read = async (language: 'en' | 'sl' | 'tr' | 'da' | 'ru') => {
  const account = await s.loyalty.account(ana, { language });
  if (!account.member) throw new Error('not a member');
  return account;
};
const descriptions = async (language: 'en' | 'sl' | 'tr' | 'da' | 'ru') => (await read(language)).explanation.entries.map((e) => e.description.replace(/kupon \w{4}-\w{4}-\w{4}|coupon \w{4}-\w{4}-\w{4}/, '…'));

describe("the account in the member's language", () => {
  it('names the points, the tiers, the promotion, the challenge and the reward as the program does in Slovenian, numbers with a decimal comma', async () => {
    const sl = await read('sl');
    expect([sl.points_name, sl.points_name_forms]).toEqual(['zrn', { one: 'zrno', two: 'zrni', few: 'zrna', other: 'zrn' }]);
    expect(sl.tier).toMatchObject({ code: 'silver', name: 'Srebrni', qualifying: '309.10', next: { code: 'gold', name: 'Zlati', threshold: '750.00', missing: '440.90' } });
    expect(sl.challenges.map((c) => c.name)).toEqual(['5 obiskov v 30 dneh', 'Preizkusi 3 kategorije']);
    expect(await descriptions('sl')).toEqual([
      'Nakup P1: 300,00\u00a0€ → 3000 zrn',
      'Bonus za prvi nakup (P1)',
      // The multiplier's name is given per language in the program, as the tiers' and the promotion's.
      'Nakup P2: 9,10\u00a0€ → 91 zrn × 1,25 raven Srebrni × 2 Kava šteje dvojno (na 50\u00a0% košarice) × 2 Vikend dvojnih točk = 341,25 → 341 (zaokroženo navzdol)',
      'Izziv opravljen: Preizkusi 3 kategorije',
      'Bonus dobrodošlice ob včlanitvi',
      'Unovčena nagrada: Kava na naš račun (…)',
    ]);
    // Machine fields stay as they are: amounts as decimal strings, numbers as numbers.
    expect(sl.balance).toBe(3000 + 200 + 341 + 300 + 100 - 500);
    expect(() => MemberAccount.parse(sl)).not.toThrow();
  });

  // The purchases' points are the program's beans in every language ("→ 3000 zrn", "→ 91 beans"), not the product's word.
  it('does the same in Turkish, Danish and English', async () => {
    const tr = await read('tr');
    expect([tr.points_name, tr.tier?.name, tr.tier?.next?.name]).toEqual(['çekirdek', 'Gümüş', 'Altın']);
    expect(await descriptions('tr')).toEqual([
      'Alışveriş P1: €300,00 → 3000 çekirdek',
      'İlk alışveriş bonusu (P1)',
      'Alışveriş P2: €9,10 → 91 çekirdek × 1,25 Gümüş seviyesi × 2 Kahve çift sayılır (sepetin %50 kısmına) × 2 Çift puan hafta sonu = 341,25 → 341 (aşağı yuvarlandı)',
      'Görev tamamlandı: 3 kategori dene',
      'Katılım hoş geldin bonusu',
      'Ödül kullanıldı: Bizden bir kahve (…)',
    ]);
    const da = await read('da');
    expect([da.points_name, da.tier?.name, da.challenges[1].name]).toEqual(['bønner', 'Sølv', 'Prøv 3 kategorier']);
    expect((await descriptions('da'))[2]).toBe('Køb P2: 9,10\u00a0€ → 91 bønner × 1,25 niveau Sølv × 2 Kaffe tæller dobbelt (på 50\u00a0% af kurven) × 2 Dobbeltpoint-weekend = 341,25 → 341 (rundet ned)');
    expect((await descriptions('da'))[5]).toBe('Belønning indløst: En kop kaffe på os (…)');
    const en = await read('en');
    expect([en.points_name, en.tier?.name, en.challenges[1].name]).toEqual(['beans', 'Silver', 'Try 3 categories']);
    expect(await descriptions('en')).toEqual([
      'Purchase P1: €300.00 → 3000 beans',
      'First purchase bonus (P1)',
      'Purchase P2: €9.10 → 91 beans × 1.25 Silver tier × 2 Coffee counts double (on 50% of the basket) × 2 Double points weekend = 341.25 → 341 (floor)',
      'Challenge completed: Try 3 categories',
      'Welcome bonus for joining',
      'Reward redeemed: A coffee on us (…)',
    ]);
  });

  it("reads an entry's names in the program version it was written under, after the program renamed them", async () => {
    // A new version renames the weekend and the reward: the entries written under the first keep the first's names.
    const program = JSON.parse(readFileSync(new URL('../../../../examples/program.json', import.meta.url), 'utf8'));
    delete program.$schema;
    program.earning.promotions[0].name = { en: 'Weekend x2', sl: 'Vikend x2' };
    program.rewards[0].name = { en: 'Free espresso', sl: 'Brezplačen espresso' };
    await s.loyalty.applyProgram({ program }, { actor: 'test' });
    const said = await descriptions('sl');
    expect(said[2]).toContain('× 2 Vikend dvojnih točk');
    expect(said[5]).toBe('Unovčena nagrada: Kava na naš račun (…)');
  });

  // `regulars loyalty adjust` prints the account the adjustment answers, in the command's language.
  it('answers an adjustment with the account in the language asked, in English when none is', async () => {
    const sl = await s.loyalty.adjust(ana, { points: 5, reason: 'Hvala za potrpljenje', idempotency_key: 'ana-sl' }, { actor: 'test', language: 'sl' });
    if (!sl.account.member) throw new Error('not a member');
    expect([sl.created, sl.account.points_name, sl.account.tier?.name]).toEqual([true, 'zrn', 'Srebrni']);
    expect(sl.account.explanation.entries.at(-1)?.description).toBe('Popravek (osebje): Hvala za potrpljenje');
    const en = await s.loyalty.adjust(ana, { points: 5, reason: 'Hvala za potrpljenje', idempotency_key: 'ana-sl' }, { actor: 'test' });
    if (!en.account.member) throw new Error('not a member');
    expect([en.created, en.account.points_name, en.account.explanation.entries.at(-1)?.description]).toEqual([false, 'beans', 'Adjustment by staff: Hvala za potrpljenje']);
  });
});
