import { describe, expect, it } from 'vitest';
import { CATALOGUES, createI18n, LANGUAGES, type Language } from '../../../i18n/index.ts';
import { amountMistake, wholeNumber } from './texts.ts';

describe('wholeNumber, a campaign form field as it is sent', () => {
  it('sends digits as a number, a negative one too, so the refusal says the least allowed rather than "not a number"', () => {
    expect(wholeNumber(' 25 ')).toBe(25);
    expect(wholeNumber('-3')).toBe(-3);
    expect(wholeNumber('0')).toBe(0);
  });

  it('leaves an empty field out and sends other text as typed, for the server to name', () => {
    expect(wholeNumber('  ')).toBeUndefined();
    expect(wholeNumber('2.5')).toBe('2.5');
    expect(wholeNumber('ten')).toBe('ten');
  });
});

describe('amountMistake, an amount field checked before it is sent', () => {
  const say = (language: Language, text: string) => amountMistake(createI18n(language, () => undefined), text, 'EUR');

  it('says a missing amount is missing and a negative one must be more than nothing, in every language and its money', () => {
    for (const language of LANGUAGES) {
      expect(say(language, '  '), language).toBe(CATALOGUES[language]['common.required']);
      expect(say(language, '-5'), language).toBe(CATALOGUES[language]['promotions.amount.positive'].replace('{zero}', createI18n(language, () => undefined).money('0', 'EUR')));
    }
    expect(say('da', '-5,50')).toMatch(/^Skal være mere end 0,00\s€\.$/);
  });

  it('shows how to write an amount with the language\'s decimal separator, and lets an amount through with either', () => {
    expect(say('en', '1,000')).toBe('Not an amount: write it as 25.50.');
    expect(say('da', 'abc')).toBe('Det er ikke et beløb: skriv det som 25,50.');
    expect(say('ru', '1 000')).toBe('Это не сумма: запишите её как 25,50.');
    for (const text of ['25', '25.50', '25,50', '0', '1.005']) expect(say('sl', text), text).toBeUndefined();
  });
});
