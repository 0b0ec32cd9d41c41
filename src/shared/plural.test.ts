import { describe, expect, it } from 'vitest';
import { countedName, namedForms, nameIn, plainName, pluralSamples, type CountedName } from './plural.ts';

const beans: CountedName = {
  en: { one: 'bean', other: 'beans' },
  sl: { one: 'zrno', two: 'zrni', few: 'zrna', other: 'zrn' },
  tr: 'çekirdek',
  da: { one: 'bønne', other: 'bønner' },
  ru: { one: 'зерно', few: 'зерна', many: 'зёрен', other: 'зерна' },
};
const forms = (language: string, counts: number[]) => counts.map((n) => `${n} ${countedName(beans, language, n)}`);

describe('countedName, the one chooser of a form for a number', () => {
  it('takes each language its forms by its plural rules, by the last digits where the language counts so', () => {
    expect(forms('sl', [1, 2, 3, 4, 5, 0, 11, 21, 101, 102, 103, 105])).toEqual(['1 zrno', '2 zrni', '3 zrna', '4 zrna', '5 zrn', '0 zrn', '11 zrn', '21 zrn', '101 zrno', '102 zrni', '103 zrna', '105 zrn']);
    expect(forms('ru', [1, 2, 3, 4, 5, 0, 11, 12, 21, 22, 25, 111])).toEqual(['1 зерно', '2 зерна', '3 зерна', '4 зерна', '5 зёрен', '0 зёрен', '11 зёрен', '12 зёрен', '21 зерно', '22 зерна', '25 зёрен', '111 зёрен']);
    expect(forms('en', [0, 1, 2, 21])).toEqual(['0 beans', '1 bean', '2 beans', '21 beans']);
    expect(forms('da', [1, 2])).toEqual(['1 bønne', '2 bønner']);
    // A negative count (points taken) takes the form of its size.
    expect(countedName(beans, 'en', -1)).toBe('bean');
  });

  it('gives a name written as one text as it is, whatever the number', () => {
    expect(forms('tr', [1, 2, 5])).toEqual(['1 çekirdek', '2 çekirdek', '5 çekirdek']);
    expect(countedName('points', 'sl', 2)).toBe('points');
  });

  it('uses "other" for a category the program left out', () => {
    // Russian fractions are "other"; a Slovenian name given only one and other says "other" for 2.
    expect(countedName(beans, 'ru', 1.5)).toBe('зерна');
    expect(countedName({ sl: { one: 'zrno', other: 'zrn' } }, 'sl', 2)).toBe('zrn');
  });

  it('falls back to English, else the first language given, and chooses by the rules of the language the name is written in', () => {
    // 21 is Russian "one", English "other": an English name read in Russian is "21 beans", not "21 bean".
    const englishOnly: CountedName = { en: { one: 'bean', other: 'beans' } };
    expect([countedName(englishOnly, 'ru', 21), countedName(englishOnly, 'ru', 1)]).toEqual(['beans', 'bean']);
    expect(nameIn({ sl: 'zrna' }, 'en')).toEqual({ language: 'sl', name: 'zrna' });
    expect(countedName({ sl: { one: 'zrno', two: 'zrni', few: 'zrna', other: 'zrn' } }, 'da', 102)).toBe('zrni');
  });
});

describe('the name without a number, and its forms for a client', () => {
  it('is the "other" form, or the one text', () => {
    expect([plainName(beans, 'sl'), plainName(beans, 'ru'), plainName(beans, 'tr'), plainName('points', 'ru')]).toEqual(['zrn', 'зерна', 'çekirdek', 'points']);
    expect(namedForms(beans, 'da')).toEqual({ one: 'bønne', other: 'bønner' });
    expect(namedForms(beans, 'tr')).toEqual({ other: 'çekirdek' });
  });

  it('samples one whole number per form the language uses (the dashboard shows a name with them)', () => {
    expect(pluralSamples('sl')).toEqual([1, 2, 3, 5]);
    expect(pluralSamples('ru')).toEqual([1, 2, 5]);
    expect(pluralSamples('en')).toEqual([1, 2]);
    expect(pluralSamples('tr')).toEqual([1, 2]);
  });
});
