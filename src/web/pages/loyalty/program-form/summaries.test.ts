import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createI18n, type Language } from '../../../i18n/index.ts';
import { followItems } from './outline.tsx';
import {
  bonusesSummary, challengeFigures, challengesSummary, earningSummary, expirySummary, generalSummary, levelFigures,
  multiplierFigures, promotionFigures, rewardFigures, rewardsSummary, tiersSummary, weekdayChoices, weekdaysText,
} from './summaries.ts';

// What the program form's closed sections and list items say of the example program, in
// the dashboard's language with the plural forms its numbers take, and of a half-typed one.
const EXAMPLE = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../../../../examples/program.json'), 'utf8'));
// The business is in Ljubljana (the test servers' TIMEZONE); the browser's own zone never matters.
const i18nIn = (language: Language, timeZone = 'Europe/Ljubljana') => createI18n(language, () => undefined, timeZone);
const nbsp = (text: string) => text.replaceAll('\u00a0', ' ');

describe('program form: the summaries of its sections and items', () => {
  it('says in English what each section holds', () => {
    const en = i18nIn('en');
    expect(generalSummary(en, EXAMPLE, 'EUR')).toBe('Regulars Rewards · beans · a point is worth €0.01');
    expect(earningSummary(en, EXAMPLE, 'EUR')).toBe('10 points per EUR, 2 multipliers, 1 promotion');
    expect(bonusesSummary(en, EXAMPLE)).toBe('6 bonuses: Sign-up, First purchase, Birthday, Completed profile, Survey response, Referral');
    expect(expirySummary(en, EXAMPLE)).toBe('Each credit after 12 months');
    expect(tiersSummary(en, EXAMPLE, 'EUR')).toBe('3 levels: Member, Silver from €250.00, Gold from €750.00');
    expect(rewardsSummary(en, EXAMPLE)).toBe('6 rewards');
    expect(challengesSummary(en, EXAMPLE)).toBe('2 challenges');
  });

  it('says each list item\'s key figures', () => {
    const en = i18nIn('en');
    const { tiers, rewards, challenges, earning } = EXAMPLE;
    expect(tiers.levels.map((l: Record<string, unknown>) => levelFigures(en, l, tiers.metric, 'EUR'))).toEqual([
      'From €0.00', 'From €250.00 · points ×1.25', 'From €750.00 · points ×1.5 · Early access',
    ]);
    expect(rewards.map((r: Record<string, unknown>) => rewardFigures(en, r, tiers.levels, 'EUR'))).toEqual([
      'Free product · 500 points', 'Free product · 800 points', 'Fixed discount €5.00 · 1,000 points',
      'Percentage discount 10% · 1,500 points · tiers: Silver, Gold', 'Gift card €20.00 · 3,500 points', 'Event · 2,000 points · tiers: Gold',
    ]);
    expect(challenges.map((c: Record<string, unknown>) => challengeFigures(en, c))).toEqual([
      '5 visits in 30 days · 500 points · Can be completed again', '3 categories in 90 days · 300 points',
    ]);
    expect(earning.multipliers.map((m: Record<string, unknown>) => multiplierFigures(en, m))).toEqual(['×2 · coffee', '×1.25 · Online']);
    // Its window in the business's time zone, as the form's inputs show it.
    const { from, to } = earning.promotions[0];
    expect(promotionFigures(en, earning.promotions[0])).toBe(`${en.date(from)} – ${en.date(to)} · ×2`);
    expect(promotionFigures(en, { from: 'soon', bonus_points: 50 })).toBe('Soon – · +50 points');
  });

  it('speaks Slovenian and Russian, each number with the form it takes', () => {
    const sl = i18nIn('sl');
    expect(nbsp(tiersSummary(sl, EXAMPLE, 'EUR'))).toBe('3 ravni: Član, Srebrni od 250,00 €, Zlati od 750,00 €');
    expect(earningSummary(sl, EXAMPLE, 'EUR')).toBe('10 točk na EUR, 2 množitelja, 1 akcija');
    expect(rewardsSummary(sl, EXAMPLE)).toBe('6 nagrad');
    expect(expirySummary(sl, EXAMPLE)).toBe('Vsak pripis po 12 mesecih');
    expect(expirySummary(sl, { expiry: { policy: 'inactivity', months: 1 } })).toBe('Vse po 1 mesecu brez nakupa');
    expect(challengeFigures(sl, EXAMPLE.challenges[0])).toBe(`5 obiskov v 30 dneh · 500 točk · ${sl.t('programForm.repeatable')}`);
    expect(rewardsSummary(sl, { rewards: [{}, {}] })).toBe('2 nagradi');
    const ru = i18nIn('ru');
    expect(nbsp(tiersSummary(ru, EXAMPLE, 'EUR'))).toBe('3 уровня: Участник, Серебро от 250,00 €, Золото от 750,00 €');
    expect(earningSummary(ru, EXAMPLE, 'EUR')).toBe('10 баллов за 1 EUR, 2 множителя, 1 акция');
    expect(levelFigures(ru, { threshold: '21' }, 'points')).toBe('От 21 балла');
    expect(levelFigures(ru, { threshold: '5' }, 'purchases')).toBe('От 5 покупок');
  });

  it('shows a half-typed value as typed, and says what a program without a part has', () => {
    const en = i18nIn('en');
    expect(tiersSummary(en, { tiers: { metric: 'spend', levels: [{ code: 'member', threshold: '0' }, { name: { en: 'Silver' }, threshold: '25O' }] } }, 'EUR'))
      .toBe('2 levels: member, Silver from 25O');
    expect(earningSummary(en, { earning: { points_per_currency_unit: 'ten' } }, 'EUR')).toBe('ten points per EUR');
    expect(earningSummary(en, { earning: { points_per_currency_unit: 1 } })).toBe('1 point');
    expect(tiersSummary(en, {})).toBe('No tiers');
    expect(expirySummary(en, {})).toBe('Points never expire');
    expect(bonusesSummary(en, { bonuses: { referral: {} } })).toBe('No bonuses');
    expect(generalSummary(en, {})).toBe('');
    expect(rewardFigures(en, {}, undefined)).toBe('');
  });
});

describe('program form: the summaries of conditions and availability', () => {
  const { levels } = EXAMPLE.tiers;
  const goldWeekends = { when: { tiers: ['silver', 'gold'], weekdays: [6, 7] }, factor: 1.5 };
  const zone = process.env.TZ;
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it('names the tiers by their names and the weekdays as the language says them, in five languages', () => {
    const said = (language: Language) => multiplierFigures(i18nIn(language), goldWeekends, levels);
    expect(said('en')).toBe('×1.5 · Silver and Gold, weekends');
    expect(said('sl')).toBe('×1,5 · Srebrni in Zlati, ob vikendih');
    expect(said('tr')).toBe('×1,5 · Gümüş ve Altın, hafta sonları');
    expect(said('da')).toBe('×1,5 · Sølv og Guld, i weekenden');
    expect(said('ru')).toBe('×1,5 · Серебро и Золото, по выходным');
    // A tier the program does not have is named by its code; without the levels, every one is.
    expect(multiplierFigures(i18nIn('en'), { when: { tiers: ['gold', 'platinum'] }, factor: 2 }, levels)).toBe('×2 · Gold and platinum');
    expect(multiplierFigures(i18nIn('en'), goldWeekends)).toBe('×1.5 · silver and gold, weekends');
  });

  it('says the weekdays: weekends, weekdays, every day, spans of three or more, and a value that is none as typed', () => {
    const en = i18nIn('en');
    expect(weekdaysText(en, [1, 2, 3, 4, 5])).toBe('weekdays');
    expect(weekdaysText(en, [7, 1, 2, 3, 4, 5, 6])).toBe('every day');
    expect(weekdaysText(en, [6, 1, 2, 4, 3])).toBe('Mon–Thu and Sat');
    expect(weekdaysText(en, [3, 1])).toBe('Mon and Wed');
    expect(weekdaysText(en, [5])).toBe('Fri');
    expect(weekdaysText(en, [6, 7, 8])).toBe('Sat, Sun and 8');
    expect(weekdaysText(i18nIn('sl'), [1, 2, 3, 5])).toBe('pon.–sre. in pet.');
    expect(weekdaysText(i18nIn('ru'), [1, 2, 3, 4, 5])).toBe('по будням');
    expect(weekdaysText(i18nIn('da'), [1, 2, 3, 4, 5, 6, 7])).toBe('alle dage');
  });

  it('offers the seven weekdays, Monday (1) first, named in the dashboard\'s language', () => {
    expect(weekdayChoices(i18nIn('en'))).toEqual([[1, 'Monday'], [2, 'Tuesday'], [3, 'Wednesday'], [4, 'Thursday'], [5, 'Friday'], [6, 'Saturday'], [7, 'Sunday']]);
    expect(weekdayChoices(i18nIn('sl')).map(([, name]) => name)).toEqual(['Ponedeljek', 'Torek', 'Sreda', 'Četrtek', 'Petek', 'Sobota', 'Nedelja']);
    expect(weekdayChoices(i18nIn('tr'))[0]).toEqual([1, 'Pazartesi']);
    expect(weekdayChoices(i18nIn('da'))[6]).toEqual([7, 'Søndag']);
    expect(weekdayChoices(i18nIn('ru'))[2]).toEqual([3, 'Среда']);
  });

  it('names a few SKUs, stores and categories, and counts more, with the form each number takes', () => {
    const skus = (n: number) => Array.from({ length: n }, (_, i) => `SKU-${i}`);
    const condition = (n: number) => ({ when: { skus: skus(n), stores: skus(n) }, factor: 2 });
    expect(multiplierFigures(i18nIn('en'), condition(2))).toBe('×2 · SKU-0, SKU-1, SKU-0, SKU-1');
    expect(multiplierFigures(i18nIn('en'), condition(5))).toBe('×2 · 5 SKUs, 5 stores');
    expect(multiplierFigures(i18nIn('sl'), condition(4))).toBe('×2 · 4 izdelki, 4 trgovine');
    expect(multiplierFigures(i18nIn('sl'), condition(5))).toBe('×2 · 5 izdelkov, 5 trgovin');
    expect(multiplierFigures(i18nIn('ru'), condition(4))).toBe('×2 · 4 товара, 4 магазина');
    expect(multiplierFigures(i18nIn('ru'), condition(21))).toBe('×2 · 21 товар, 21 магазин');
    expect(multiplierFigures(i18nIn('da'), { when: { categories: ['a', 'b', 'c', 'd'] }, factor: 2 })).toBe('×2 · 4 kategorier');
    expect(multiplierFigures(i18nIn('tr'), { when: { skus: skus(4) }, factor: 2 })).toBe('×2 · 4 ürün');
  });

  it('says what a promotion is for after what it gives', () => {
    process.env.TZ = 'America/Los_Angeles';
    const en = i18nIn('en');
    const promotion = { ...EXAMPLE.earning.promotions[0], when: { channels: ['in_store'], tiers: ['gold'], weekdays: [6, 7] } };
    expect(promotionFigures(en, promotion, levels)).toBe('5\u00a0Dec\u00a02026 – 7\u00a0Dec\u00a02026 · ×2 · In store, Gold, weekends');
    expect(nbsp(promotionFigures(i18nIn('sl'), promotion, levels))).toMatch(/^5\. dec\. 2026 – 7\. dec\. 2026 · ×2 · .+, Zlati, ob vikendih$/);
  });

  it('says when a reward can be had, the day as the business reads it; a date alone is that day in any zone', () => {
    process.env.TZ = 'Pacific/Auckland';
    const cake = EXAMPLE.rewards[1];
    const en = i18nIn('en');
    expect(rewardFigures(en, { ...cake, available_from: '2026-12-01T00:00:00+01:00', available_to: '2027-01-06T00:00:00+01:00' }, levels)).toBe('Free product · 800 points · available 1\u00a0Dec\u00a02026 – 6\u00a0Jan\u00a02027');
    expect(rewardFigures(en, { ...cake, available_from: '2026-12-01T00:00:00+01:00' }, levels)).toBe('Free product · 800 points · available from 1\u00a0Dec\u00a02026');
    expect(rewardFigures(en, { ...cake, available_to: 'soon' }, levels)).toBe('Free product · 800 points · available until soon');
    expect(nbsp(rewardFigures(i18nIn('ru'), { ...cake, available_to: '2027-01-06T00:00:00+01:00' }, levels))).toBe('Бесплатный товар · 800 баллов · доступна до 6 янв. 2027 г.');
    expect(rewardFigures(i18nIn('en', 'America/Los_Angeles'), { ...cake, available_from: '2026-12-01' }, levels)).toBe('Free product · 800 points · available from 1\u00a0Dec\u00a02026');
    // A time without an offset is the business's wall-clock time; Auckland's midnight of 1 December is still 30 November in Ljubljana.
    expect(rewardFigures(en, { ...cake, available_from: '2026-12-01T00:00' }, levels)).toBe('Free product · 800 points · available from 1\u00a0Dec\u00a02026');
    expect(rewardFigures(en, { ...cake, available_from: '2026-12-01T00:00:00+13:00' }, levels)).toBe('Free product · 800 points · available from 30\u00a0Nov\u00a02026');
  });
});

describe('program form: which parts are open', () => {
  const opened = new Map([['#tiers', true], ['tiers.levels.0', true], ['tiers.levels.2', true], ['rewards.1', true], ['tiers.levels.10', false]]);

  it('keeps an item open as it moves, and forgets a removed one', () => {
    // Tier 1 and tier 3 trade places: what was open at 2 is open at 0, and 0 at 2.
    expect(followItems(opened, 'tiers.levels', (i) => (i === 0 ? 2 : i === 2 ? 0 : i))).toEqual(
      new Map([['#tiers', true], ['tiers.levels.2', true], ['tiers.levels.0', true], ['rewards.1', true], ['tiers.levels.10', false]]),
    );
    // Tier 1 removed: those after it move up one; the rewards' are not the tiers'.
    expect(followItems(opened, 'tiers.levels', (i) => (i === 0 ? undefined : i - 1))).toEqual(
      new Map([['#tiers', true], ['tiers.levels.1', true], ['rewards.1', true], ['tiers.levels.9', false]]),
    );
  });
});
