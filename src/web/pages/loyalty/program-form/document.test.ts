import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createI18n, LANGUAGES } from '../../../i18n/index.ts';
import {
  addItem, getAt, moveItem, parseAmount, parseInstant, parseList, parseNumber, pretty, problemPath, readDocument, removeItem, setAt, showDecimal, showInstant, withChoice, withLanguage, withRewardType,
} from './document.ts';

// The program form's edits, on the example program: each changes what it names and
// nothing else, keeps fields the form never shows, and never changes the document it is given.
const EXAMPLE = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../../../../examples/program.json'), 'utf8'));

describe('program form: editing the document', () => {
  it('sets a path, keeping every other field and the keys\' order', () => {
    const before = structuredClone(EXAMPLE);
    const next = setAt(EXAMPLE, ['tiers', 'levels', 1, 'threshold'], '300.00');
    expect(next.tiers.levels[1].threshold).toBe('300.00');
    expect(EXAMPLE).toEqual(before); // the given document is untouched
    const expected = structuredClone(EXAMPLE);
    expected.tiers.levels[1].threshold = '300.00';
    expect(next).toEqual(expected);
    expect(Object.keys(next.tiers.levels[1])).toEqual(Object.keys(EXAMPLE.tiers.levels[1]));
    expect(pretty(next)).toBe(pretty(expected)); // the JSON text differs in that one value alone
  });

  it('makes the objects on the way, and removes a key set to nothing', () => {
    expect(setAt({}, ['bonuses', 'referral', 'referrer'], 500)).toEqual({ bonuses: { referral: { referrer: 500 } } });
    expect(setAt(EXAMPLE, ['earning', 'daily_cap'], undefined).earning).not.toHaveProperty('daily_cap');
    expect(setAt({ a: 1, b: 2, c: 3 }, ['b'], undefined)).toEqual({ a: 1, c: 3 });
  });

  it('prunes an object its last field left, when asked', () => {
    const only = { bonuses: { sign_up: 100, referral: { referrer: 500 } } };
    expect(setAt(only, ['bonuses', 'referral', 'referrer'], undefined, { prune: true })).toEqual({ bonuses: { sign_up: 100 } });
    expect(setAt(only, ['bonuses', 'referral', 'referrer'], undefined)).toEqual({ bonuses: { sign_up: 100, referral: {} } });
  });

  it('keeps fields the form does not know', () => {
    const document = { name: 'X', custom: { anything: [1, 2] }, earning: { points_per_currency_unit: 1, future_field: true, multipliers: [{ when: { weekdays: [6, 7] }, factor: 2 }] } };
    const next = setAt(document, ['earning', 'multipliers', 0, 'factor'], 3);
    expect(next).toEqual({ name: 'X', custom: { anything: [1, 2] }, earning: { points_per_currency_unit: 1, future_field: true, multipliers: [{ when: { weekdays: [6, 7] }, factor: 3 }] } });
  });

  it('keeps a key named __proto__ as data', () => {
    const document = JSON.parse('{"__proto__": {"x": 1}, "name": "A"}');
    const next = setAt(document, ['name'], 'B');
    expect(Object.getPrototypeOf(next)).toBe(Object.prototype);
    expect(JSON.parse(pretty(next))).toEqual(JSON.parse('{"__proto__": {"x": 1}, "name": "B"}'));
  });

  it('adds, removes and moves list items', () => {
    const reward = { code: 'mug', name: { en: 'A mug' }, type: 'free_product', sku: 'MUG', points: 900 };
    const added = addItem(EXAMPLE, ['rewards'], reward);
    expect(added.rewards).toHaveLength(EXAMPLE.rewards.length + 1);
    expect(added.rewards.at(-1)).toEqual(reward);
    expect(added.rewards.slice(0, -1)).toEqual(EXAMPLE.rewards);
    expect(addItem({}, ['earning', 'promotions'], { factor: 2 })).toEqual({ earning: { promotions: [{ factor: 2 }] } });

    const removed = removeItem(EXAMPLE, ['rewards'], 1);
    expect(removed.rewards.map((r: { code: string }) => r.code)).toEqual(['coffee', 'five-off', 'ten-percent', 'gift-card-20', 'tasting']);
    expect(removeItem(EXAMPLE, ['nothing', 'here'], 0)).toBe(EXAMPLE);

    const moved = moveItem(EXAMPLE, ['tiers', 'levels'], 2, 1);
    expect(moved.tiers.levels.map((l: { code: string }) => l.code)).toEqual(['member', 'gold', 'silver']);
    expect(moved.tiers.levels[1]).toEqual(EXAMPLE.tiers.levels[2]);
    expect(moveItem(EXAMPLE, ['tiers', 'levels'], 0, -1)).toBe(EXAMPLE); // past either end: unchanged
    expect(moveItem(EXAMPLE, ['tiers', 'levels'], 2, 3)).toBe(EXAMPLE);
  });

  it('leaves an empty per-language name out, and a name with no language left is none', () => {
    const name = EXAMPLE.tiers.levels[2].name;
    expect(withLanguage(name, 'tr', '')).toEqual({ en: 'Gold', sl: 'Zlati', da: 'Guld', ru: 'Золото' });
    expect(withLanguage(name, 'tr', '   ')).not.toHaveProperty('tr');
    expect(withLanguage(name, 'sl', 'Zlata')).toEqual({ en: 'Gold', sl: 'Zlata', tr: 'Altın', da: 'Guld', ru: 'Золото' });
    expect(withLanguage({ en: 'Gold' }, 'en', '')).toBeUndefined();
    expect(withLanguage(undefined, 'da', 'Guld')).toEqual({ da: 'Guld' });
    // Once for every language: the English entry keeps it, so other readers still read it.
    expect(withLanguage('Gold', 'sl', 'Zlati')).toEqual({ en: 'Gold', sl: 'Zlati' });
    expect(withLanguage('Gold', 'en', 'Golden')).toEqual({ en: 'Golden' });
    // A points name's plural forms are kept whole, and all-empty forms are no entry.
    const points = EXAMPLE.points_name;
    expect(withLanguage(points, 'tr', 'puan')).toEqual({ ...points, tr: 'puan' });
    expect(withLanguage(points, 'sl', {})).not.toHaveProperty('sl');
    expect(withLanguage(points, 'en', { one: 'bean', other: 'beans' })?.en).toEqual({ one: 'bean', other: 'beans' });
  });

  it('reads numbers, amounts and lists as typed, leaving the judging to the server', () => {
    expect([parseNumber('12'), parseNumber(' 1.25 '), parseNumber('-5'), parseNumber('1,5'), parseNumber(''), parseNumber('a lot')]).toEqual([12, 1.25, -5, 1.5, undefined, 'a lot']);
    expect([parseAmount('250.00'), parseAmount('5,50'), parseAmount(' -5 '), parseAmount(''), parseAmount('lots'), parseAmount('1,000')]).toEqual(['250.00', '5.50', '-5', undefined, 'lots', '1,000']);
    expect([parseList('coffee, tea ,, cake'), parseList(' , '), parseList('online')]).toEqual([['coffee', 'tea', 'cake'], undefined, ['online']]);
  });

  it('shows a number and an amount with the language\'s decimal separator, and reads either back to what the document keeps', () => {
    const separators = Object.fromEntries(LANGUAGES.map((language) => [language, createI18n(language, () => undefined).number(1.5).charAt(1)]));
    expect(separators).toEqual({ en: '.', sl: ',', tr: ',', da: ',', ru: ',' });
    for (const language of LANGUAGES) {
      const separator = separators[language];
      const comma = separator === ',';
      expect([showDecimal(1.25, separator), showDecimal('250.00', separator), showDecimal('0.01', separator)], language).toEqual(comma ? ['1,25', '250,00', '0,01'] : ['1.25', '250.00', '0.01']);
      // What it shows reads back as the document had it; a point typed reads too.
      expect(parseNumber(showDecimal(1.25, separator)), language).toBe(1.25);
      expect(parseNumber(showDecimal(1.5e-7, separator)), language).toBe(1.5e-7);
      expect(parseAmount(showDecimal('250.00', separator)), language).toBe('250.00');
      expect([parseNumber('1.25'), parseAmount('5.50')], language).toEqual([1.25, '5.50']);
      // Whole numbers, nothing and a text that is no number show as they are.
      expect([showDecimal(2, separator), showDecimal('0', separator), showDecimal(undefined, separator), showDecimal('1.2.3', separator), showDecimal('abc', separator)], language).toEqual(['2', '0', '', '1.2.3', 'abc']);
    }
  });

  it('reads the document from its text, or says it cannot', () => {
    expect(readDocument(pretty(EXAMPLE))).toEqual({ ok: true, document: EXAMPLE });
    expect(readDocument('  ')).toEqual({ ok: true, document: {} });
    expect(readDocument('{ "name": ').ok).toBe(false);
    expect(readDocument('[1, 2]')).toEqual({ ok: false });
    expect(getAt(EXAMPLE, ['tiers', 'levels', 1, 'benefits', 'birthday_bonus'])).toBe(200);
    expect(getAt(EXAMPLE, ['tiers', 'levels', 9, 'code'])).toBeUndefined();
    expect(problemPath('program.tiers.levels.1.threshold')).toBe('tiers.levels.1.threshold');
  });

  it('ticks some of a few values in their offered order, keeping their type; none ticked is no list', () => {
    const days = [1, 2, 3, 4, 5, 6, 7];
    expect(withChoice([], days, 7, true)).toEqual([7]);
    expect(withChoice([7], days, 6, true)).toEqual([6, 7]); // in the week's order, not the order ticked
    expect(withChoice([6, 7], days, 7, false)).toEqual([6]);
    expect(withChoice([6], days, 6, false)).toBeUndefined(); // never [] (the schema wants one at least)
    expect(withChoice([6], days, '6', true)).toEqual([6]); // "6" is not the weekday 6
    // A value ticked but not offered any more (a tier since removed) stays until it is unticked.
    expect(withChoice(['gold', 'platinum'], ['member', 'gold', 'platinum'], 'member', true)).toEqual(['member', 'gold', 'platinum']);
    expect(withChoice(['platinum'], ['member', 'platinum'], 'platinum', false)).toBeUndefined();
  });

  it('removes a condition\'s part left empty, and a promotion\'s condition left with none (a multiplier keeps its own)', () => {
    const document = { earning: { multipliers: [{ when: { weekdays: [6, 7] }, factor: 2 }], promotions: [{ name: 'X', from: '2026-12-05', to: '2026-12-07', when: { tiers: ['gold'] }, factor: 2 }] } };
    const path = ['earning', 'promotions', 0, 'when', 'tiers'];
    expect(setAt(document, path, withChoice(['gold'], ['member', 'gold'], 'gold', false), { prune: true }).earning.promotions[0]).toEqual({ name: 'X', from: '2026-12-05', to: '2026-12-07', factor: 2 });
    expect(setAt(document, ['earning', 'multipliers', 0, 'when', 'weekdays'], undefined).earning.multipliers[0]).toEqual({ when: {}, factor: 2 });
    expect(setAt(document, ['earning', 'promotions', 0, 'when', 'weekdays'], [6, 7], { prune: true }).earning.promotions[0].when).toEqual({ tiers: ['gold'], weekdays: [6, 7] });
  });
});

describe('program form: instants in the business\'s time zone, wherever the browser is', () => {
  const zone = process.env.TZ;
  // The browser's own zone is Tokyo's: it must not matter.
  beforeEach(() => { process.env.TZ = 'Asia/Tokyo'; });
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it('writes a local time with that day\'s offset, summer and winter', () => {
    const lj = 'Europe/Ljubljana';
    expect(parseInstant('2026-12-05T00:00', lj)).toBe('2026-12-05T00:00:00+01:00');
    expect(parseInstant('2026-07-01T09:30', lj)).toBe('2026-07-01T09:30:00+02:00');
    expect(parseInstant('2026-07-01T09:30:15', lj)).toBe('2026-07-01T09:30:15+02:00');
    expect(parseInstant('', lj)).toBeUndefined();
    expect(parseInstant('soon', lj)).toBe('soon'); // for the server to name
    expect(parseInstant('2026-12-05T00:00', 'America/New_York')).toBe('2026-12-05T00:00:00-05:00');
    expect(parseInstant('2026-12-05T00:00', 'Asia/Kolkata')).toBe('2026-12-05T00:00:00+05:30');
  });

  it('shows an instant as the business\'s local time, and a date alone as that day\'s start', () => {
    const lj = 'Europe/Ljubljana';
    expect(showInstant('2026-12-05T00:00:00+01:00', lj)).toBe('2026-12-05T00:00');
    expect(showInstant('2026-12-04T23:00:00Z', lj)).toBe('2026-12-05T00:00');
    expect(showInstant('2026-12-05', lj)).toBe('2026-12-05T00:00');
    expect(parseInstant(showInstant('2026-07-01T09:30:00+02:00', lj), lj)).toBe('2026-07-01T09:30:00+02:00');
    expect([showInstant('soon', lj), showInstant(undefined, lj), showInstant(5, lj)]).toEqual(['', '', '']);
    const la = 'America/Los_Angeles';
    expect(showInstant('2026-12-05', la)).toBe('2026-12-05T00:00'); // not 4 December, 16:00 (midnight UTC)
    expect(showInstant('2026-12-05T00:00:00+01:00', la)).toBe('2026-12-04T15:00');
  });
});

// Regression: the form kept a reward's amount, hidden, when its type became a percentage, so
// "five-off, 5.00 → 10 %" was refused by the server at `amount` ("is not read for a
// percent_discount reward"), a field the form no longer showed.
describe('program form: a reward\'s type switched', () => {
  const fiveOff = { code: 'five-off', name: { en: '5 off' }, type: 'fixed_discount', amount: '5.00', points: 400, stock: 10 };
  it('drops the fields only the other types read, keeping the rest in place', () => {
    expect(Object.entries(withRewardType(fiveOff, 'percent_discount'))).toEqual([
      ['code', 'five-off'], ['name', { en: '5 off' }], ['type', 'percent_discount'], ['points', 400], ['stock', 10],
    ]);
    expect(withRewardType({ ...fiveOff, percent: 10, sku: 'X', event: { en: 'Party' } }, 'gift_card')).toEqual({
      code: 'five-off', name: { en: '5 off' }, type: 'gift_card', amount: '5.00', points: 400, stock: 10,
    });
    expect(withRewardType({ type: 'event', event: { en: 'Party' }, points: 1 }, 'free_product')).toEqual({ type: 'free_product', points: 1 });
  });
  it('keeps the given reward as it was, and a reward with no type yet gets one', () => {
    const before = structuredClone(fiveOff);
    withRewardType(fiveOff, 'event');
    expect(fiveOff).toEqual(before);
    expect(withRewardType({ points: 5 }, 'percent_discount')).toEqual({ points: 5, type: 'percent_discount' });
  });
});
