import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices } from '../../../../test/helpers/services.ts';
import { recordPurchases } from '../../../workflows/record-purchases.ts';
import { LANGUAGES } from '../../customers/index.ts';
import * as explain from './explain.ts';
import { describeEntry } from './explain.ts';

// Every kind of ledger entry, as the ledger writes them.
const ENTRIES = [
  { kind: 'earn', points: 39, details: { purchase: 'p1', total: '29.99', base: 29.99, exact: 39.99, rounding: 'floor', factors: [{ name: 'category coffee', factor: 2, share: 0.33 }] } },
  { kind: 'earn', points: 100, details: { purchase: 'p2', local_date: '2026-05-01', total: '300.00', base: 300, exact: 300, uncapped: 300, capped_at: 150 } },
  { kind: 'bonus', points: 100, details: { bonus: 'sign_up' } },
  { kind: 'bonus', points: 50, details: { bonus: 'first_purchase', purchase: 'p1' } },
  { kind: 'bonus', points: 200, details: { bonus: 'birthday', year: 2026 } },
  { kind: 'bonus', points: 300, details: { bonus: 'referral', role: 'referrer' } },
  { kind: 'bonus', points: 300, details: { bonus: 'referral', role: 'friend' } },
  { kind: 'bonus', points: 500, details: { bonus: 'challenge', challenge: 'Five visits' } },
  { kind: 'bonus', points: 50, details: { bonus: 'profile_completion' } },
  { kind: 'bonus', points: 20, details: { bonus: 'survey' } },
  { kind: 'reverse', points: -20, details: { refunded_share: 0.5, credited: 40, forgiven: 5 } },
  { kind: 'redeem', points: -500, details: { reward_name: 'Free coffee', coupon: 'ABCDEFGHJKLM' } },
  { kind: 'redeem', points: -1000, details: { reward_name: 'Gift card', gift_card: 'ABCDEFGHJKLM' } },
  { kind: 'redeem', points: -300, details: { reservation: 'r1', order_ref: 'till-9' } },
  { kind: 'release', points: 300, details: { why: 'checkout reservation timed out' } },
  { kind: 'release', points: 300, details: { why: 'checkout reservation released' } },
  { kind: 'expire', points: -80, details: { policy: 'inactivity', months: 12 } },
  { kind: 'expire', points: -80, details: { policy: 'per_lot', months: 24 } },
  { kind: 'adjust', points: 200, reason: 'Sorry for the wait', source_type: 'staff', details: {} },
  { kind: 'adjust', points: 40, reason: 'merged', source_type: 'merge', details: {} },
  { kind: 'reverse', points: -250, source_type: 'bonus', details: { bonus: 'referral', role: 'friend', purchase: 'E-1', credited: 250, forgiven: 100 } },
  { kind: 'reverse', points: -500, source_type: 'bonus', details: { bonus: 'referral', role: 'referrer', purchase_id: 'p-9', credited: 500 } },
  { kind: 'reverse', points: -5, details: { refund: 'u-1', refund_id: 'ret-1', amount: '4.50', purchase: 'till-1', credited: 18, refunded_share: 0.25 } },
  { kind: 'earn', points: 0, details: { purchase: 'till-9', local_date: '2026-05-01', total: '12.00', base: 12, exact: 12, uncapped: 12, capped_at: 150 } },
  { kind: 'reverse', points: 0, details: { refund: 'u-2', refund_id: 'ret-2', amount: '5.00', purchase: 'C-1', credited: 300, refunded_share: 0.1667, expired: 50 } },
].map((e) => ({ source_type: 'purchase', source_id: 'x', reason: null, ...e }) as Parameters<typeof describeEntry>[0]);

describe('describeEntry', () => {
  it('keeps the English explanations word for word', () => {
    expect(describeEntry(ENTRIES[0], 'EUR')).toBe('Purchase p1: €29.99 → 29.99 points × 2 category coffee (on 33% of the basket) = 39.99 → 39 (floor)');
    // A purchase the daily cap cut short, and one it left without points (an entry of 0): which day, and why.
    expect(describeEntry(ENTRIES[1], 'EUR')).toBe('Purchase p2: €300.00 → 300 points; only 100 earned: other purchases on 1\u00a0May\u00a02026 had already earned 50 of the daily cap of 150 points');
    expect(describeEntry(ENTRIES[23], 'EUR')).toBe('Purchase till-9: €12.00 → 12 points; none earned: the daily cap of 150 points for 1\u00a0May\u00a02026 was already reached by other purchases that day');
    expect(describeEntry(ENTRIES[10], 'EUR')).toBe('Refund: 50% of the purchase refunded, 20 of its 40 points taken back; 5 already spent and forgiven');
    expect(describeEntry(ENTRIES[14], 'EUR')).toBe('Points returned: checkout reservation timed out');
    expect(describeEntry(ENTRIES[18], 'EUR')).toBe('Adjustment by staff: Sorry for the wait');
    // A referral revoked by a refund: the friend is told which purchase; the referrer is not shown the friend's order.
    expect(describeEntry(ENTRIES[20], 'EUR')).toBe('Referral bonus taken back: the qualifying purchase E-1 was refunded; 100 already spent and forgiven');
    expect(describeEntry(ENTRIES[21], 'EUR')).toBe("Referral bonus taken back: your friend's qualifying purchase was refunded");
    // A refund recorded with its id, amount and order says which one it was and how much of the purchase is back in all.
    expect(describeEntry(ENTRIES[22], 'EUR')).toBe('Refund ret-1 of €4.50 on purchase till-1 (25% of it refunded in all): 5 of its 18 points taken back');
    // A refund that found what it would take back expired already (an entry of 0): nothing taken, and how many had expired.
    expect(describeEntry(ENTRIES[24], 'EUR')).toBe('Refund ret-2 of €5.00 on purchase C-1 (16.7% of it refunded in all): nothing taken back of its 300 points: 50 points to take back had expired already');
  });

  it('says every kind of entry in each of the five languages, each in its own words', () => {
    for (const language of LANGUAGES.filter((l) => l !== 'en')) {
      for (const entry of ENTRIES) {
        const said = describeEntry(entry, 'EUR', language);
        expect(said.length, `${language} ${entry.kind}`).toBeGreaterThan(5);
        expect(said, `${language} ${entry.kind} ${JSON.stringify(entry.details)}`).not.toBe(describeEntry(entry, 'EUR', 'en'));
      }
      // The numbers and the program's own names come through unchanged.
      expect(describeEntry(ENTRIES[0], 'EUR', language)).toContain('× 2 category coffee');
      expect(describeEntry(ENTRIES[11], 'EUR', language)).toContain('Free coffee');
      expect(describeEntry(ENTRIES[20], 'EUR', language)).toContain('E-1');
      expect(describeEntry(ENTRIES[21], 'EUR', language)).not.toContain('p-9');
      // The amount as the language writes money, with its decimal separator (moneyIn).
      for (const part of ['ret-1', '4,50', '€', 'till-1', '25']) expect(describeEntry(ENTRIES[22], 'EUR', language)).toContain(part);
      // The cap, its day in the language's words, and what the others of the day earned.
      for (const part of ['p2', '150', '100', '50', '2026']) expect(describeEntry(ENTRIES[1], 'EUR', language)).toContain(part);
      for (const part of ['till-9', '150', '2026']) expect(describeEntry(ENTRIES[23], 'EUR', language)).toContain(part);
      expect(describeEntry(ENTRIES[23], 'EUR', language)).not.toContain('2026-05-01');
      for (const part of ['ret-2', '5,00', '€', 'C-1', '16,7', '300', '50']) expect(describeEntry(ENTRIES[24], 'EUR', language)).toContain(part);
    }
  });

  // Audit: a purchase that went over the daily cap on its own read "the daily cap of 1000 points … left 1000: other
  // purchases that day earned 0" — as if others had earned something. It says that this purchase alone went over it.
  it('says a purchase went over the daily cap on its own, in each language, and names the others only when they earned', () => {
    const alone = { ...ENTRIES[1], points: 150, details: { ...ENTRIES[1].details, capped_at: 150 } };
    expect(describeEntry(alone, 'EUR')).toBe('Purchase p2: €300.00 → 300 points; only 150 earned: this purchase alone went over the daily cap of 150 points for 1\u00a0May\u00a02026');
    expect(describeEntry(alone, 'EUR', 'sl')).toBe('Nakup p2: 300,00\u00a0€ → 300 točk; pripisano le 150: ta nakup je sam presegel dnevno omejitev za 1.\u00a0maj\u00a02026 (150 točk)');
    expect(describeEntry(alone, 'EUR', 'tr')).toBe('Alışveriş p2: €300,00 → 300 puan; yalnızca 150 puan kazanıldı: bu alışveriş 1\u00a0May\u00a02026 için günlük 150 puan sınırını tek başına aştı');
    expect(describeEntry(alone, 'EUR', 'da')).toBe('Køb p2: 300,00\u00a0€ → 300 point; kun 150 optjent: dette køb alene gik over dagsloftet på 150 point for 1.\u00a0maj\u00a02026');
    expect(describeEntry(alone, 'EUR', 'ru')).toBe('Покупка p2: 300,00\u00a0€ → 300 баллов; начислено только 150: одна эта покупка превысила дневной лимит на 1\u00a0мая\u00a02026\u00a0г. (150 баллов)');
    for (const language of LANGUAGES) {
      expect(describeEntry(alone, 'EUR', language)).not.toMatch(/\b0\b/);
      expect(describeEntry(ENTRIES[1], 'EUR', language)).toContain('50'); // others earned 50: said with their number
    }
  });

  it('says a checkout reservation was spent once it is captured, and held until then, in each language', () => {
    const reservation = ENTRIES[13];
    const captured = new Map([['r1', 'captured' as const]]);
    expect(describeEntry(reservation, 'EUR')).toBe('Points held at checkout (till-9)');
    expect(describeEntry(reservation, 'EUR', 'en', { reservations: new Map([['r1', 'held' as const]]) })).toBe('Points held at checkout (till-9)');
    expect(describeEntry(reservation, 'EUR', 'en', { reservations: captured })).toBe('Points spent at checkout (till-9)');
    // A released one gave its points back with an entry of its own; its debit still says it held them.
    expect(describeEntry(reservation, 'EUR', 'en', { reservations: new Map([['r1', 'released' as const]]) })).toBe('Points held at checkout (till-9)');
    for (const language of LANGUAGES) {
      const spent = describeEntry(reservation, 'EUR', language, { reservations: captured });
      expect(spent).toContain('till-9');
      expect(spent, language).not.toBe(describeEntry(reservation, 'EUR', language));
      if (language !== 'en') expect(spent, language).not.toBe(describeEntry(reservation, 'EUR', 'en', { reservations: captured }));
    }
  });

  // QA: a reservation made without order_ref read "Points spent at checkout (01a24157-…)".
  it('names no id in a reservation made without an order reference, in any language', () => {
    const id = '01a24157-0000-4000-8000-000000000001';
    const withoutOrder = { kind: 'redeem' as const, points: -300, source_type: 'reservation', source_id: id, reason: null, details: { reservation: id, order_ref: null } };
    const captured = new Map([[id, 'captured' as const]]);
    expect(describeEntry(withoutOrder, 'EUR', 'en')).toBe('Points held at checkout');
    expect(describeEntry(withoutOrder, 'EUR', 'en', { reservations: captured })).toBe('Points spent at checkout');
    for (const language of LANGUAGES) {
      for (const said of [describeEntry(withoutOrder, 'EUR', language), describeEntry(withoutOrder, 'EUR', language, { reservations: captured })]) {
        expect(said, language).not.toContain('01a24157');
        expect(said, language).not.toMatch(/\(|\)$/);
      }
    }
  });

  it('says the points a partial capture gave back were not spent by the order, in each language', () => {
    const back = { kind: 'release' as const, points: 40, source_type: 'reservation', source_id: 'r1', reason: null, details: { why: 'checkout reservation partly captured' } };
    const released = { ...back, details: { why: 'checkout reservation released' } };
    expect(describeEntry(back, 'EUR', 'en')).toBe('Points returned: not spent by the order at checkout');
    for (const language of LANGUAGES) {
      expect(describeEntry(back, 'EUR', language), language).not.toBe(describeEntry(released, 'EUR', language));
      if (language !== 'en') expect(describeEntry(back, 'EUR', language), language).not.toBe(describeEntry(back, 'EUR', 'en'));
    }
  });
});

describe('basket shares', () => {
  const coffee = (share: number) => ({ ...ENTRIES[0], details: { ...ENTRIES[0].details, factors: [{ name: 'category coffee', factor: 2, share }] } });

  // Regression: shares were rounded to whole per cent, so 84.5% of the basket read as 85%.
  it('says a share that is not whole with one decimal, in each language with its own decimal separator', () => {
    const said = Object.fromEntries(LANGUAGES.map((l) => [l, describeEntry(coffee(0.845), 'EUR', l)]));
    expect(said.en).toContain('(on 84.5% of the basket)');
    expect(said.sl).toContain('(na 84,5\u00a0% košarice)');
    expect(said.tr).toContain('(sepetin %84,5 kısmına)');
    expect(said.da).toContain('(på 84,5\u00a0% af kurven)');
    expect(said.ru).toContain('(на 84,5\u00a0% корзины)');
    // 1/3 to one decimal; whole shares as before.
    expect(describeEntry(coffee(1 / 3), 'EUR')).toContain('(on 33.3% of the basket)');
    expect(describeEntry(coffee(0.5), 'EUR')).toContain('(on 50% of the basket)');
    expect(describeEntry(coffee(0.5), 'EUR', 'sl')).toContain('(na 50\u00a0% košarice)');
    // A refunded share, already one decimal, takes the language's separator too.
    expect(describeEntry({ ...ENTRIES[10], details: { refunded_share: 1 / 3, credited: 30, forgiven: 0 } }, 'EUR', 'da')).toContain('33,3\u00a0% af købet refunderet');
  });
});

describe('numbers in a sentence', () => {
  // QA: "→ 1 points", "1 točk / 2 točk / 3 točk".
  it('gives the word for points the plural form its number takes in the language', () => {
    const earned = (base: number, language: 'en' | 'sl' | 'ru' | 'da' | 'tr') =>
      describeEntry({ ...ENTRIES[0], points: base, details: { purchase: 'p', total: `${base}.00`, base, exact: base, rounding: 'floor' } }, 'EUR', language).replace(/^.*→ /, '');
    expect([1, 2, 5].map((n) => earned(n, 'en'))).toEqual(['1 point', '2 points', '5 points']);
    expect([1, 2, 3, 5, 101, 102].map((n) => earned(n, 'sl'))).toEqual(['1 točka', '2 točki', '3 točke', '5 točk', '101 točka', '102 točki']);
    expect([1, 3, 5, 21, 22, 25].map((n) => earned(n, 'ru'))).toEqual(['1 балл', '3 балла', '5 баллов', '21 балл', '22 балла', '25 баллов']);
    expect([1, 5].map((n) => earned(n, 'da'))).toEqual(['1 point', '5 point']);
    expect([1, 5].map((n) => earned(n, 'tr'))).toEqual(['1 puan', '5 puan']);
  });

  // QA: "points earned more than 1 months ago", "pred več kot 1 meseci", "intet køb i 1 måneder".
  it('gives the word for months the form its number takes, in the expiry sentences', () => {
    const expired = (policy: 'inactivity' | 'per_lot', months: number, language: 'en' | 'sl' | 'da') =>
      describeEntry({ ...ENTRIES.find((e) => e.kind === 'expire')!, details: { policy, months } }, 'EUR', language);
    expect([1, 2].map((n) => expired('per_lot', n, 'en'))).toEqual(['Expired: points earned more than 1 month ago', 'Expired: points earned more than 2 months ago']);
    expect([1, 6].map((n) => expired('inactivity', n, 'en'))).toEqual(['Expired: no purchase for 1 month', 'Expired: no purchase for 6 months']);
    expect([1, 2, 3, 5].map((n) => expired('inactivity', n, 'sl'))).toEqual(['Poteklo: 1 mesec brez nakupa', 'Poteklo: 2 meseca brez nakupa', 'Poteklo: 3 mesece brez nakupa', 'Poteklo: 5 mesecev brez nakupa']);
    expect([1, 2, 3, 12].map((n) => expired('per_lot', n, 'sl').replace(/^.*več kot /, ''))).toEqual(['1 mesecem', '2 mesecema', '3 meseci', '12 meseci']);
    expect([1, 12].map((n) => expired('inactivity', n, 'da'))).toEqual(['Udløbet: intet køb i 1 måned', 'Udløbet: intet køb i 12 måneder']);
    expect(expired('per_lot', 1, 'da')).toBe('Udløbet: point optjent for mere end 1 måned siden');
  });

  // QA: a café that calls its points "zrna" read "→ 5 točk" in its Slovenian account, "→ 21 балл." in Russian,
  // and refunds "od 40 točk", "из 40 балл.": the product's word, not the café's, in a form no program could give.
  it("names the program's points in the form each number takes, in every sentence with a number of points", () => {
    const beans = { en: { one: 'bean', other: 'beans' }, sl: { one: 'zrno', two: 'zrni', few: 'zrna', other: 'zrn' }, tr: 'çekirdek', da: { one: 'bønne', other: 'bønner' }, ru: { one: 'зерно', few: 'зерна', many: 'зёрен', other: 'зерна' } };
    const say = (entry: Parameters<typeof describeEntry>[0], language: (typeof LANGUAGES)[number]) => describeEntry(entry, 'EUR', language, { points: beans });
    const earned = (base: number, language: (typeof LANGUAGES)[number]) => say({ ...ENTRIES[0], points: base, details: { purchase: 'p', total: `${base}.00`, base, exact: base, rounding: 'floor' } }, language).replace(/^.*→ /, '');
    expect([1, 2, 3, 5, 101, 102].map((n) => earned(n, 'sl'))).toEqual(['1 zrno', '2 zrni', '3 zrna', '5 zrn', '101 zrno', '102 zrni']);
    expect([1, 3, 5, 21].map((n) => earned(n, 'ru'))).toEqual(['1 зерно', '3 зерна', '5 зёрен', '21 зерно']);
    expect([1, 5].map((n) => earned(n, 'en'))).toEqual(['1 bean', '5 beans']);
    expect([1, 5].map((n) => earned(n, 'da'))).toEqual(['1 bønne', '5 bønner']);
    expect(earned(5, 'tr')).toBe('5 çekirdek');
    // A daily cap, a refund and what was forgiven: the count with the name as a label, or the count alone.
    const capped = { ...ENTRIES[1], details: { ...ENTRIES[1].details, capped_at: 102 }, points: 2 };
    expect(say(capped, 'sl')).toBe('Nakup p2: 300,00\u00a0€ → 300 zrn; dnevna omejitev za 1.\u00a0maj\u00a02026 (102 zrni) je dopustila še 2, ker so drugi nakupi tega dne prinesli že 100');
    expect(say(capped, 'ru')).toContain('; дневной лимит на 1\u00a0мая\u00a02026\u00a0г. (102 зерна) оставил 2');
    expect(say(capped, 'tr')).toContain('günlük 102 çekirdek sınırı: o günün diğer alışverişleri 100 çekirdek kazandırdığından 2 çekirdek kazanıldı');
    const refund = { ...ENTRIES[10], points: -1, details: { refunded_share: 0.5, credited: 2, forgiven: 1, expired: 1 } };
    expect(say(refund, 'sl')).toBe('Vračilo: vrnjenih 50\u00a0% nakupa; nakupu pripisano: 2 zrni, odvzeto: 1; že porabljeno in odpuščeno: 1; že poteklo, ne odvzamemo znova: 1');
    expect(say(refund, 'ru')).toBe('Возврат: возвращено 50\u00a0% покупки; начислено за покупку: 2 зерна, списано: 1; уже потрачено и прощено: 1; уже сгорело и не списывается повторно: 1');
    expect(say(refund, 'tr')).toBe('İade: alışverişin %50 kadarı iade edildi; alışverişin kazandırdığı: 2 çekirdek, geri alınan: 1; zaten harcanmış 1 çekirdek silindi; süresi zaten dolmuş 1 çekirdek yeniden geri alınmadı');
    expect(say({ ...refund, details: { ...refund.details, credited: 1 } }, 'da')).toContain('1 af købets 1 bønne trukket tilbage');
    expect(say({ ...refund, details: { ...refund.details, credited: 1 } }, 'en')).toContain('1 of its 1 bean taken back');
    expect(say(ENTRIES[22], 'ru')).toBe('Возврат ret-1 на сумму 4,50\u00a0€ по покупке till-1 (всего возвращено 25\u00a0% покупки); начислено за покупку: 18 зёрен, списано: 5');
    // No sentence keeps the product's word beside a number once the program names its points.
    for (const language of ['sl', 'ru', 'tr', 'da'] as const) {
      for (const entry of ENTRIES) expect(say(entry, language), `${language} ${JSON.stringify(entry.details)}`).not.toMatch(/\d+ (točk\w*|балл\w*|puan|point)\b/);
    }
  });

  // QA: "9.00 EUR", "129.6" and "× 1.25" kept a decimal point in Slovenian beside "45,5 %".
  it("writes bases, factors and exact values with the language's decimal separator, the digits as stored, no grouping", () => {
    // 1296.00 at 0.1 points a euro: 129.6 × 1.25 = 162.
    const earn = { ...ENTRIES[0], points: 162, details: { purchase: 'p9', total: '1296.00', base: 129.6, exact: 162, rounding: 'floor', factors: [{ name: 'Online orders', factor: 1.25, share: 1 }] } };
    expect(describeEntry(earn, 'EUR', 'en')).toBe('Purchase p9: €1,296.00 → 129.6 points × 1.25 Online orders = 162');
    // A decimal takes its own form of the word: 129,6 točke, 129,6 балла.
    expect(describeEntry(earn, 'EUR', 'sl')).toBe('Nakup p9: 1296,00\u00a0€ → 129,6 točke × 1,25 Online orders = 162');
    expect(describeEntry(earn, 'EUR', 'ru')).toBe('Покупка p9: 1\u00a0296,00\u00a0€ → 129,6 балла × 1,25 Online orders = 162');
    expect(explain.numberIn('da', '9.00')).toBe('9,00');
    expect(explain.numberIn('tr', 2026)).toBe('2026');
    // Not a number: as it is.
    expect(explain.numberIn('sl', 'P-1.5')).toBe('P-1.5');
  });
  // QA: the Russian member tab read "(на 53% корзины)" beside "0,1 %" on the rest of the
  // dashboard, and every language "6.30 EUR" in its sentences beside "€398.19" or
  // "398,19 €" on its cards. A share and an amount read as the dashboard writes them
  // (i18n.percent, i18n.money: Intl in the language's locale), with its no-break spaces.
  it('writes a share as the language writes a percentage and an amount as it writes money, as the dashboard does', () => {
    const purchase = { ...ENTRIES[0], details: { ...ENTRIES[0].details, total: '6.30', factors: [{ name: 'category coffee', factor: 2, share: 0.574 }] } };
    const said = Object.fromEntries(LANGUAGES.map((l) => [l, describeEntry(purchase, 'EUR', l)]));
    expect(said.en).toMatch(/^Purchase p1: €6\.30 → .* \(on 57\.4% of the basket\)/);
    expect(said.sl).toMatch(/^Nakup p1: 6,30\u00a0€ → .* \(na 57,4\u00a0% košarice\)/);
    expect(said.tr).toMatch(/^Alışveriş p1: €6,30 → .* \(sepetin %57,4 kısmına\)/);
    expect(said.da).toMatch(/^Køb p1: 6,30\u00a0€ → .* \(på 57,4\u00a0% af kurven\)/);
    expect(said.ru).toMatch(/^Покупка p1: 6,30\u00a0€ → .* \(на 57,4\u00a0% корзины\)/);
    // A refund's amount and share alike; another currency by its own sign, in its own place.
    expect(describeEntry(ENTRIES[22], 'DKK', 'da')).toBe('Refundering ret-1 på 4,50\u00a0kr. af købet till-1 (i alt 25\u00a0% af købet refunderet): 5 af købets 18 point trukket tilbage');
    expect(describeEntry(ENTRIES[22], 'TRY', 'tr')).toContain('till-1 alışverişinin ₺4,50 tutarındaki ret-1 iadesi (toplamda alışverişin %25 kadarı iade edildi)');
    // An amount's digits as stored (no float rounding), grouped as the dashboard groups them.
    expect(describeEntry({ ...ENTRIES[22], details: { ...ENTRIES[22].details, amount: '12345678901234.57' } }, 'EUR', 'en')).toContain('Refund ret-1 of €12,345,678,901,234.57 on');
    // No sentence of any kind names the currency by its code, nor puts "%" against its number where the language spaces them.
    for (const language of LANGUAGES) {
      for (const entry of ENTRIES) {
        const text = describeEntry(entry, 'EUR', language);
        expect(text, `${language} ${text}`).not.toContain('EUR');
        if (language !== 'en' && language !== 'tr') expect(text, `${language} ${text}`).not.toMatch(/\d%/);
      }
    }
  });
});

// The account read the way the ledger stores it: rows with their occurrence (occurred_at:
// the purchase's or refund's own time, or when a bonus was given) and the allocations
// between debits and the credits they took from.
const NOW = new Date('2026-06-01T12:00:00Z');
type Row = Parameters<typeof explain.explainLedger>[0]['rows'][number];
const row = (r: Partial<Row> & Pick<Row, 'id' | 'kind' | 'points' | 'occurred_at'>): Row => ({
  source_type: 'purchase', source_id: null, reason: null, actor: null, details: {}, available_at: null, expires_at: null,
  remaining: r.points > 0 ? r.points : null, unsettled: r.points < 0 ? 0 : null, created_at: r.occurred_at, ...r,
});
const ledger = (rows: Row[], allocations: { debit_id: number; credit_id: number; points: number }[] = [], language: 'en' | 'sl' = 'en') =>
  explain.explainLedger({ rows, allocations, currency: 'EUR', language, now: NOW, timeZone: 'Europe/Ljubljana' });

describe('the explanation of a balance', () => {
  // Regression: the entries were listed as written, so a sign-up bonus of today came before
  // the purchases of last spring imported after it, and the running total went with them.
  it('lists the entries in the order they happened, equal times in the order they were written', () => {
    const { entries, sum } = ledger([
      row({ id: 1, kind: 'bonus', points: 50, occurred_at: NOW, source_type: 'bonus', details: { bonus: 'sign_up' } }),
      row({ id: 2, kind: 'earn', points: 20, occurred_at: new Date('2026-03-02T09:00:00Z'), details: { purchase: 'old', total: '20.00', base: 20 } }),
      row({ id: 3, kind: 'bonus', points: 100, occurred_at: new Date('2026-03-02T09:00:00Z'), details: { bonus: 'first_purchase', purchase: 'old' } }),
    ]);
    expect(entries.map((e) => [e.id, e.balance_after])).toEqual([[2, 20], [3, 120], [1, 170]]);
    expect(sum).toBe(170);
  });

  // Regression: the running total counted points still in their holding period as if they could be spent, without a word.
  it('keeps the pending points apart in the running total and says until when each credit is pending', () => {
    const { entries } = ledger([
      row({ id: 1, kind: 'earn', points: 100, remaining: 60, occurred_at: new Date('2026-05-25T09:00:00Z'), available_at: new Date('2026-06-08T09:00:00Z'), details: { purchase: 'p1', total: '100.00', base: 100 } }),
      row({ id: 2, kind: 'reverse', points: -40, occurred_at: new Date('2026-05-28T09:00:00Z'), details: { refunded_share: 0.4, credited: 100 } }),
      row({ id: 3, kind: 'bonus', points: 50, occurred_at: NOW, source_type: 'bonus', details: { bonus: 'sign_up' } }),
      row({ id: 4, kind: 'earn', points: 10, occurred_at: new Date('2026-04-01T09:00:00Z'), available_at: new Date('2026-04-15T09:00:00Z'), details: { purchase: 'p0', total: '10.00', base: 10 } }),
    ], [{ debit_id: 2, credit_id: 1, points: 40 }]);
    expect(entries.map((e) => [e.id, e.balance_after, e.spendable_after, e.pending_after])).toEqual([[4, 10, 10, 0], [1, 110, 10, 100], [2, 70, 10, 60], [3, 120, 60, 60]]);
    const [past, pending] = entries;
    expect(pending).toMatchObject({ pending: true, description: 'Purchase p1: €100.00 → 100 points; 60 pending, spendable from 8\u00a0Jun\u00a02026' });
    expect(past).toMatchObject({ pending: false, description: 'Purchase p0: €10.00 → 10 points' });
    expect(entries[2].description).not.toContain('pending');
    const sl = ledger([row({ id: 1, kind: 'earn', points: 100, occurred_at: NOW, available_at: new Date('2026-06-08T09:00:00Z'), details: { purchase: 'p1', total: '100.00', base: 100 } })], [], 'sl');
    expect(sl.entries[0].description).toBe('Nakup p1: 100,00\u00a0€ → 100 točk; 100 v čakanju, na voljo od 8.\u00a0jun.\u00a02026');
  });

  it('counts a debt settled by a later pending credit where the credit comes, so the pending points never go below zero', () => {
    const { entries } = ledger([
      row({ id: 1, kind: 'reverse', points: -30, unsettled: 0, occurred_at: new Date('2026-05-01T09:00:00Z'), details: { refunded_share: 1, credited: 30 } }),
      row({ id: 2, kind: 'earn', points: 100, remaining: 70, occurred_at: new Date('2026-05-25T09:00:00Z'), available_at: new Date('2026-06-08T09:00:00Z'), details: { purchase: 'p2', total: '100.00', base: 100 } }),
    ], [{ debit_id: 1, credit_id: 2, points: 30 }]);
    expect(entries.map((e) => [e.balance_after, e.spendable_after, e.pending_after])).toEqual([[-30, -30, 0], [70, 0, 70]]);
    expect(entries[0]).toMatchObject({ took_from: [{ entry: 2, points: 30 }] });
    expect(entries[1]).toMatchObject({ taken_by: [{ entry: 1, points: 30 }] });
  });

  // Regression (QA F4): a refund dated before a redemption it was recorded after came first,
  // and the redemption read as spending 100 points of a balance of 50.
  it('shows a back-dated debit where it was recorded when at its own date a debit written before it would read as overdrawing', () => {
    const bought = row({ id: 1, kind: 'earn', points: 100, occurred_at: new Date('2026-05-20T10:00:00Z'), remaining: 0, details: { purchase: 'p1', total: '10.00', base: 100 } });
    const redeemed = row({ id: 2, kind: 'redeem', points: -100, occurred_at: new Date('2026-05-28T12:00:00Z'), source_type: 'reward', details: { reward: 'coffee', reward_name: 'Coffee', coupon: 'ABCD2345' } });
    const refund = row({
      id: 3, kind: 'reverse', points: -50, unsettled: 50, occurred_at: new Date('2026-05-25T09:00:00Z'), created_at: new Date('2026-06-01T08:30:00Z'),
      details: { refund_id: 'R1', amount: '5.00', purchase: 'p1', refunded_share: 0.5, credited: 100 },
    });
    const { entries, sum } = ledger([bought, redeemed, refund], [{ debit_id: 2, credit_id: 1, points: 100 }]);
    expect(entries.map((e) => [e.id, e.at, e.balance_after])).toEqual([[1, '2026-05-20T10:00:00.000Z', 100], [2, '2026-05-28T12:00:00.000Z', 0], [3, '2026-06-01T08:30:00.000Z', -50]]);
    expect(entries[2].description).toBe('Refund R1 of €5.00 on purchase p1 (50% of it refunded in all): 50 of its 100 points taken back; dated 25\u00a0May\u00a02026, recorded later');
    expect(sum).toBe(-50);
    const sl = ledger([bought, redeemed, refund], [], 'sl').entries[2].description;
    expect(sl).toMatch(/; z datumom 25\.\u00a0maj\u00a02026, zabeleženo pozneje$/);

    // Recorded the same day as its own date: the time says which.
    const sameDay = ledger([bought, redeemed, { ...refund, occurred_at: new Date('2026-05-28T08:00:00Z'), created_at: new Date('2026-05-28T15:00:00Z') }]).entries;
    expect(sameDay.map((e) => [e.id, e.at])).toEqual([[1, '2026-05-20T10:00:00.000Z'], [2, '2026-05-28T12:00:00.000Z'], [3, '2026-05-28T15:00:00.000Z']]);
    expect(sameDay[2].description).toMatch(/; dated 28\u00a0May\u00a02026, 10:00, recorded later$/);

    // Written in a race, its request's clock read before the redemption's: after the redemption, not before it.
    const raced = ledger([bought, redeemed, { ...refund, occurred_at: new Date('2026-05-28T11:59:59Z'), created_at: new Date('2026-05-28T11:59:59Z') }]).entries;
    expect(raced.map((e) => [e.id, e.at, e.balance_after])).toEqual([[1, '2026-05-20T10:00:00.000Z', 100], [2, '2026-05-28T12:00:00.000Z', 0], [3, '2026-05-28T12:00:00.000Z', -50]]);
  });

  it('keeps a back-dated debit at its own date when the balance covered it and what was written before it', () => {
    // 150 points: the redemption of 100 and the refund's 50 fit either way, so the refund reads on its day.
    const { entries } = ledger([
      row({ id: 1, kind: 'earn', points: 150, occurred_at: new Date('2026-05-20T10:00:00Z'), remaining: 0, details: { purchase: 'p1', total: '15.00', base: 150 } }),
      row({ id: 2, kind: 'redeem', points: -100, occurred_at: new Date('2026-05-28T12:00:00Z'), source_type: 'reward', details: { reward: 'coffee', coupon: 'ABCD2345' } }),
      row({ id: 3, kind: 'reverse', points: -50, occurred_at: new Date('2026-05-25T09:00:00Z'), created_at: NOW, details: { refund_id: 'R1', amount: '5.00', purchase: 'p1', refunded_share: 1 / 3, credited: 150 } }),
    ]);
    expect(entries.map((e) => [e.id, e.at, e.balance_after])).toEqual([[1, '2026-05-20T10:00:00.000Z', 150], [3, '2026-05-25T09:00:00.000Z', 100], [2, '2026-05-28T12:00:00.000Z', 0]]);
    expect(entries[1].description).not.toContain('recorded later');

    // An imported history (a purchase and its refund of last year, written today) reads at its dates, before today's redemption of the welcome bonus.
    const imported = ledger([
      row({ id: 1, kind: 'bonus', points: 50, occurred_at: new Date('2026-05-01T10:00:00Z'), remaining: 0, source_type: 'bonus', details: { bonus: 'sign_up' } }),
      row({ id: 2, kind: 'redeem', points: -50, occurred_at: new Date('2026-05-02T10:00:00Z'), source_type: 'reward', details: { reward: 'tea', coupon: 'ABCD2345' } }),
      row({ id: 3, kind: 'earn', points: 100, occurred_at: new Date('2025-03-01T10:00:00Z'), remaining: 0, details: { purchase: 'old', total: '10.00', base: 100 } }),
      row({ id: 4, kind: 'reverse', points: -100, occurred_at: new Date('2025-03-05T10:00:00Z'), created_at: NOW, details: { refund_id: 'R0', amount: '10.00', purchase: 'old', refunded_share: 1, credited: 100 } }),
    ]).entries;
    expect(imported.map((e) => [e.id, e.balance_after])).toEqual([[3, 100], [4, 0], [1, 50], [2, 0]]);
  });
});

describe('a refund after the customer was erased', () => {
  // QA F10: a refund of an erased customer's purchase read "200 already spent and forgiven":
  // the erasure had forfeited those points (erasure.ts), nobody spent them.
  const erasure = (id: number, points: number, at: string) =>
    row({ id, kind: 'adjust', points: -points, occurred_at: new Date(at), source_type: 'erasure', reason: 'customer erased: points forfeited', details: { forfeited: 'erasure' } });
  const refund = (id: number, at: string) => row({
    id, kind: 'reverse', points: 0, occurred_at: new Date(at),
    details: { refund_id: 'R1', amount: '20.00', purchase: 'P', refunded_share: 1, credited: 200, forgiven: 200, expired: 0, policy: 'forgive' },
  });
  const earned = row({ id: 1, kind: 'earn', points: 200, remaining: 0, occurred_at: new Date('2026-05-20T10:00:00Z'), details: { purchase: 'P', total: '20.00', base: 200 } });

  it('says the points it could not take back were forfeited at the erasure, in each language', () => {
    const rows = [earned, erasure(2, 200, '2026-05-25T10:00:00Z'), refund(3, '2026-05-28T10:00:00Z')];
    const said = (language: 'en' | 'sl') => ledger(rows, [{ debit_id: 2, credit_id: 1, points: 200 }], language).entries.at(-1)!.description;
    expect(said('en')).toBe('Refund R1 of €20.00 on purchase P (100% of it refunded in all): nothing taken back of its 200 points; 200 points forfeited when the customer was erased');
    expect(said('sl')).toMatch(/; nič ni odvzeto; razveljavljeno ob izbrisu stranke: 200$/);
    const entry = rows[2];
    expect(Object.fromEntries((['tr', 'da', 'ru'] as const).map((l) => [l, explain.describeEntry(entry, 'EUR', l, { forfeited: 200 })]))).toEqual({
      tr: expect.stringMatching(/hiçbiri geri alınmadı; müşteri silindiğinde 200 puan zaten iptal edilmişti$/),
      da: expect.stringMatching(/intet af købets 200 point trukket tilbage; 200 point fortabt, da kunden blev slettet$/),
      ru: expect.stringMatching(/ничего не списано; аннулировано при удалении клиента: 200$/),
    });
    // Before an erasure, what a refund forgives was spent, as ever.
    expect(explain.describeEntry(entry, 'EUR', 'en')).toMatch(/nothing taken back of its 200 points: 200 already spent and forgiven$/);
  });

  it('tells apart what was spent before the erasure and what it forfeited', () => {
    const rows = [
      earned,
      row({ id: 2, kind: 'redeem', points: -150, occurred_at: new Date('2026-05-22T10:00:00Z'), source_type: 'reward', details: { reward: 'mug', coupon: 'ABCD1234EFGH' } }),
      erasure(3, 50, '2026-05-25T10:00:00Z'),
      refund(4, '2026-05-28T10:00:00Z'),
    ];
    const { entries } = ledger(rows, [{ debit_id: 2, credit_id: 1, points: 150 }, { debit_id: 3, credit_id: 1, points: 50 }]);
    expect(entries.at(-1)!.description).toMatch(/nothing taken back of its 200 points: 150 already spent and forgiven; 50 points forfeited when the customer was erased$/);
  });
});

describe('the explanation in the account, on real SQL', () => {
  let s: Awaited<ReturnType<typeof openTestServices>>;
  beforeAll(async () => {
    s = await openTestServices();
    await s.loyalty.applyProgram({ program: {
      name: 'Explained', pending_days: 14, earning: { points_per_currency_unit: 1, rounding: 'floor', multipliers: [{ when: { categories: ['coffee'] }, factor: 2 }] },
      bonuses: { sign_up: 50, first_purchase: 100 },
    } }, { actor: 'test' });
  });
  afterAll(() => s?.close());

  it('reads a history imported after sign-up in the order it happened, spendable and pending apart, ending at the balance', async () => {
    // Ana signs up today (2026-06-01) and gets the welcome bonus; then her purchases of the spring are imported.
    const ana = (await s.customers.upsert({ email: 'ana@example.com', first_name: 'Ana' }, { actor: 'test' })).customer.id;
    expect((await s.loyalty.enrol(ana, { actor: 'test' })).created).toBe(true);
    const buy = (external_id: string, occurred_at: string, lines: { sku: string; category: string; unit_price: string }[]) =>
      ({ external_id, customer: { email: 'ana@example.com' }, occurred_at, total: '10.00', lines: lines.map((l) => ({ ...l, quantity: 1 })) });
    const outcomes = await recordPurchases(s, [
      buy('old', '2026-03-02T09:00:00Z', [{ sku: 'CAKE', category: 'cakes', unit_price: '10.00' }]),
      // 8.45 of 10.00 is coffee: 84.5% of the basket doubles. Bought a week ago: pending until 2026-06-08.
      buy('new', '2026-05-25T09:00:00Z', [{ sku: 'ESP', category: 'coffee', unit_price: '8.45' }, { sku: 'BUN', category: 'bakery', unit_price: '1.55' }]),
    ], { source: 'import' });
    expect(outcomes.map((o) => o.status)).toEqual(['created', 'created']);

    const account = await s.loyalty.account(ana);
    if (!account.member) throw new Error('not a member');
    const entries = account.explanation.entries;
    expect(entries.map((e) => e.at)).toEqual([...entries.map((e) => e.at)].sort());
    expect(entries.map((e) => [e.description, e.balance_after, e.spendable_after, e.pending_after])).toEqual([
      ['Purchase old: €10.00 → 10 points', 10, 10, 0],
      ['First purchase bonus (old)', 110, 110, 0],
      ['Purchase new: €10.00 → 10 points × 2 category coffee (on 84.5% of the basket) = 18.45 → 18 (floor); 18 pending, spendable from 8\u00a0Jun\u00a02026', 128, 110, 18],
      ['Welcome bonus for joining', 178, 160, 18],
    ]);
    const last = entries.at(-1)!;
    expect(last.balance_after).toBe(account.explanation.stored_points);
    expect(last.spendable_after).toBe(account.balance + account.expiring_now);
    expect(last.pending_after).toBe(account.pending);
    expect((await s.loyalty.verify()).ok).toBe(true);
  });
});
