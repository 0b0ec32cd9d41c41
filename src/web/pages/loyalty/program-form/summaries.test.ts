import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createI18n, type Language } from '../../../i18n/index.ts';
import { followItems } from './outline.tsx';
import {
  bonusesSummary, challengeFigures, challengesSummary, earningSummary, expirySummary, generalSummary, levelFigures,
  multiplierFigures, promotionFigures, rewardFigures, rewardsSummary, tiersSummary,
} from './summaries.ts';

// What the program form's closed sections and list items say of the example program, in
// the dashboard's language with the plural forms its numbers take, and of a half-typed one.
const EXAMPLE = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../../../../examples/program.json'), 'utf8'));
const i18nIn = (language: Language) => createI18n(language, () => undefined);
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
    // Its window in this browser's time zone, as the form's inputs show it.
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
