import { describe, expect, it } from 'vitest';
import { pluralRules } from '../plural.ts';
import { CLI_ADMIN } from './cli-admin.ts';
import { CLI_ANALYZE } from './cli-analyze.ts';
import { CLI_AUDIT } from './cli-audit.ts';
import { CLI_COMMANDS } from './cli-commands.ts';
import { CLI_CUSTOMERS } from './cli-customers.ts';
import { CLI_IMPORT } from './cli-import.ts';
import { CLI_LOYALTY } from './cli-loyalty.ts';
import { CLI_MEMBERS } from './cli-members.ts';
import { CLI_PROMOTIONS } from './cli-promotions.ts';
import { COMMERCE } from './commerce.ts';
import { GENERAL } from './general.ts';
import { GIFT_CARDS } from './gift-cards.ts';
import { IMPORT_ROWS } from './import-rows.ts';
import { IMPORTS } from './imports.ts';
import { INPUTS } from './inputs.ts';
import { anyOf, CLI_COUNTS, counted, counting, fixedText, LANGUAGES, languageOf, MESSAGES, perLanguage, say, translateFixed, type Entry, type MessageCode } from './index.ts';
import { LOYALTY } from './loyalty.ts';
import { REQUESTS } from './requests.ts';
import { REWARDS } from './rewards.ts';
import { VALIDATION } from './validation.ts';

// The catalogue cannot drift: every message has its English text and the four
// translations, none empty, each with exactly the English text's parameters.

const entries = Object.entries(MESSAGES) as [MessageCode, Entry][];
const parameters = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the message catalogue', () => {
  it('has every message in all five languages, with the same parameters', () => {
    for (const [code, entry] of entries) {
      expect(Object.keys(entry).sort(), code).toEqual([...LANGUAGES].sort());
      for (const language of LANGUAGES) {
        expect(entry[language].trim(), `${code} ${language}`).not.toBe('');
        expect(parameters(entry[language]), `${code} ${language}`).toEqual(parameters(entry.en));
      }
    }
  });

  it('names each message once across its parts', () => {
    const parts = [GENERAL, VALIDATION, LOYALTY, REWARDS, GIFT_CARDS, COMMERCE, IMPORTS, IMPORT_ROWS, INPUTS, CLI_COMMANDS, CLI_IMPORT, CLI_LOYALTY, CLI_MEMBERS, CLI_ANALYZE, CLI_PROMOTIONS, CLI_ADMIN, CLI_AUDIT, CLI_CUSTOMERS, REQUESTS];
    expect(entries).toHaveLength(parts.reduce((n, part) => n + Object.keys(part).length, 0));
  });

  it('gives each text without parameters once, so a zod check\'s fixed text leads back to one entry', () => {
    const fixed = entries.filter(([, entry]) => parameters(entry.en).length === 0).map(([, entry]) => entry.en);
    expect(new Set(fixed).size).toBe(fixed.length);
  });

  it('never writes an amount beside a currency code ("{amount} {currency}"): an amount is a money(…) parameter, told as each language writes money', () => {
    for (const [code, entry] of entries) {
      for (const language of LANGUAGES) expect(entry[language], `${code} ${language}`).not.toMatch(/\}\s*\{currency\}|\{currency\}\s*\{/);
    }
  });

  it("words parseInput's headlines as it does in English: Invalid <what>: …", () => {
    for (const [code, entry] of entries.filter(([code]) => code.startsWith('invalid.'))) {
      expect(entry.en).toBe(`Invalid ${code.slice('invalid.'.length).replaceAll('_', ' ')}: {problems}`);
    }
  });
});

describe('counts with the words that agree with them (CLI_COUNTS)', () => {
  it('give every form each language\'s numbers take, and only those, each with its number', () => {
    for (const [key, entry] of Object.entries(CLI_COUNTS)) {
      expect(Object.keys(entry).sort(), key).toEqual([...LANGUAGES].sort());
      for (const language of LANGUAGES) {
        const forms = entry[language] as Record<string, string>;
        expect(Object.keys(forms).sort(), `${key} ${language}`).toEqual([...pluralRules(language).resolvedOptions().pluralCategories].sort());
        for (const form of Object.values(forms)) expect(form.match(/\{count\}/g), `${key} ${language}: ${form}`).toHaveLength(1);
      }
    }
  });

  it('agree with the number in each language, the number written as the language writes a count', () => {
    const errors = (n: number) => Object.fromEntries(LANGUAGES.map((l) => [l, counting(CLI_COUNTS.rowsWithErrors, n).in(l)]));
    expect(errors(1)).toEqual({ en: '1 row has errors', sl: '1 vrstica ima napake', tr: '1 satırda hata var', da: '1 række har fejl', ru: 'в 1 строке ошибки' });
    expect(errors(2).sl).toBe('2 vrstici imata napake');
    expect(errors(3).sl).toBe('3 vrstice imajo napake');
    expect(errors(5)).toEqual({ en: '5 rows have errors', sl: '5 vrstic ima napake', tr: '5 satırda hata var', da: '5 rækker har fejl', ru: 'в 5 строках ошибки' });
    expect(counting(CLI_COUNTS.members, 21).in('ru')).toBe('21 участник');
    expect(counting(CLI_COUNTS.members, 12345).in('sl')).toBe('12.345 članov');
    expect(counting(CLI_COUNTS.members, 12345).in('ru')).toBe('12\u00a0345 участников');
  });
});

describe('say', () => {
  it('is English in a string, and told in any language', () => {
    const points = { en: { one: 'point', other: 'points' }, sl: { one: 'točka', two: 'točki', few: 'točke', other: 'točk' }, ru: { one: 'балл', few: 'балла', many: 'баллов', other: 'балла' } };
    const said = say('adjustment.below_zero', { available: 1750, points_name: counted(points, 1750) });
    expect(`${said}`).toBe('would take the balance below zero: 1,750 points are available');
    expect(said.in('sl')).toBe('bi stanje spravilo pod nič; na voljo: 1750 točk');
    expect(said.in('ru')).toBe('баланс стал бы отрицательным; доступно: 1\u00a0750 баллов');
    expect(String(say('adjustment.below_zero_one', { available: 1, points_name: counted(points, 1) }))).toBe('would take the balance below zero: 1 point is available');
    expect(say('adjustment.below_zero', { available: 3, points_name: counted(points, 3) }).in('sl')).toBe('bi stanje spravilo pod nič; na voljo: 3 točke');
  });

  it('tells a message inside another, a text per language and alternatives in the same language', () => {
    const said = say('reward.not_enough_points', {
      points_word: perLanguage({ en: 'beans', sl: 'zrn' }),
      reward: perLanguage({ en: 'A coffee on us', sl: 'Kava na naš račun' }),
      points: 500,
      points_name: perLanguage({ en: 'beans', sl: 'zrn' }),
      on_hand: say('points.available_one', { available: 1 }),
    });
    expect(String(said)).toBe('Not enough beans: "A coffee on us" costs 500 beans, 1 is available');
    expect(said.in('sl')).toBe('Premalo zrn: "Kava na naš račun" stane 500 zrn, na voljo: 1');
    // A language the program does not name falls back to English.
    expect(said.in('da')).toBe('Ikke nok beans: "A coffee on us" koster 500 beans, 1 er til rådighed');
    const tiers = anyOf([perLanguage({ en: 'Silver', sl: 'Srebrni' }), perLanguage('Gold'), 'Platinum']);
    expect([String(tiers), tiers.in('sl'), tiers.in('ru')]).toEqual(['Silver or Gold or Platinum', 'Srebrni, Gold ali Platinum', 'Silver, Gold или Platinum']);
  });

  it('writes a number parameter as each language writes it, thousands grouped as the dashboard shows them; a decimal text stays as given', () => {
    const beans = { en: 'beans', ru: { one: 'зерно', few: 'зерна', many: 'зёрен', other: 'зерна' } };
    const said = say('adjustment.below_zero', { available: 19272, points_name: counted(beans, 19272) });
    expect(Object.fromEntries(LANGUAGES.map((l) => [l, said.in(l)]))).toEqual({
      en: 'would take the balance below zero: 19,272 beans are available',
      sl: 'bi stanje spravilo pod nič; na voljo: 19.272 beans',
      tr: 'bakiyeyi sıfırın altına düşürür: 19.272 beans kullanılabilir',
      da: 'ville bringe saldoen under nul: 19.272 beans er til rådighed',
      ru: 'баланс стал бы отрицательным; доступно: 19\u00a0272 зерна',
    });
    expect(say('coupon.expired', { at: '2026-05-01T10:00:00.000Z' }).in('da')).toBe('kuponen udløb 2026-05-01T10:00:00.000Z');
  });

  it('writes a number that points at something (a line, a position) as an editor shows it, not grouped as a count', () => {
    expect(say('http.invalid_json_at', { position: 12345 }).in('en')).toBe('The body is not valid JSON (at position 12345)');
    expect(say('import.not_utf8', { line: 10234, byte: 'e8', code_page: 'windows-1250' }).in('sl')).toContain('10234');
  });

  it('finds a fixed text back only for the catalogue\'s own texts', () => {
    expect(translateFixed(fixedText('points.whole'), 'tr')).toBe('puan tam sayı olmalıdır');
    expect(translateFixed('must be a whole number of beans', 'tr')).toBeUndefined();
  });
});

describe('languageOf', () => {
  it.each([
    [undefined, 'en'],
    ['', 'en'],
    ['sl', 'sl'],
    ['sl-SI,sl;q=0.9,en-GB;q=0.8,en;q=0.7', 'sl'],
    ['en-US,en;q=0.9,ru;q=0.8', 'en'],
    ['de-DE,de;q=0.9,da;q=0.5', 'da'],
    ['fr, tr;q=0.4, ru;q=0.6', 'ru'],
    ['RU', 'ru'],
    ['tr_TR', 'tr'], // a POSIX locale name, as ?language= takes it
    ['ru;q=0, en', 'en'],
    ['*', 'en'],
    ['de', 'en'],
  ] as const)('%j → %s', (header, language) => {
    expect(languageOf(header)).toBe(language);
  });
});
