import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DateField, DateTimeField, dateTimeMistake, readDate, readTime, showDate, showTime } from './DateField.tsx';
import { createI18n, I18nContext, LANGUAGES, type Language } from './i18n/index.ts';

const TODAY = '2026-12-07';
const read = (text: string, language: Language = 'en') => readDate(text, language, TODAY);
const render = (language: Language, element: (props: any) => ReactElement, props: object) =>
  renderToStaticMarkup(createElement(I18nContext.Provider, { value: createI18n(language, () => undefined) }, createElement(element, props)));

describe('a date field in the dashboard’s language', () => {
  it('shows a day as each language writes it by hand, day first as the dashboard’s dates are', () => {
    const shown = Object.fromEntries(LANGUAGES.map((language) => [language, showDate('2026-12-07', language)]));
    expect(shown).toEqual({ en: '07/12/2026', sl: '7. 12. 2026', tr: '07.12.2026', da: '07.12.2026', ru: '07.12.2026' });
    // The order agrees with the dashboard's own dates ("7 Dec 2026", "7. dec. 2026"): day, month, year.
    for (const language of LANGUAGES) expect(createI18n(language, () => undefined).date('2026-12-07'), language).toMatch(/^7\D/);
    expect(showDate('', 'sl')).toBe('');
    expect(showDate('32.13.', 'sl')).toBe('32.13.');
  });

  it('reads back what it shows, in every language, and ISO', () => {
    for (const language of LANGUAGES) {
      expect(read(showDate('2026-12-07', language), language), language).toBe('2026-12-07');
      expect(read(showDate('2027-01-31', language), language), language).toBe('2027-01-31');
      expect(read('2026-12-07', language), language).toBe('2026-12-07');
    }
  });

  it('reads what a person types leniently: any separators, short years and numbers, no year, a month’s name, an instant', () => {
    expect(read('7.12.2026')).toBe('2026-12-07');
    expect(read('7/12/26')).toBe('2026-12-07');
    expect(read(' 7 - 12 - 2026 ')).toBe('2026-12-07');
    expect(read('07122026')).toBe('2026-12-07');
    expect(read('7.2.')).toBe('2026-02-07');
    expect(read('2026/2/7')).toBe('2026-02-07');
    expect(read('7 Dec 2026')).toBe('2026-12-07');
    expect(read('7. dec. 2026', 'sl')).toBe('2026-12-07');
    expect(read('7 дек. 2026 г.', 'ru')).toBe('2026-12-07');
    expect(read('7 декабря 2026', 'ru')).toBe('2026-12-07');
    expect(read('7 Ara 2026', 'tr')).toBe('2026-12-07');
    expect(read('2026-12-07T14:30')).toBe('2026-12-07');
    expect(read('')).toBe('');
    expect(read('   ')).toBe('');
  });

  it('names no day for a text that is none: the field tells it', () => {
    for (const text of ['31.2.2026', '7.13.2026', '0.1.2026', '7.12.202', 'tomorrow', '7', '1.2.3.4', '7 foo 2026', '2026-02-30']) expect(read(text), text).toBeUndefined();
  });

  it('reads a time of day as 24-hour, shown with the language’s separator', () => {
    expect(['9', '930', '9.30', '09:30', '9:30', '14h30'].map(readTime)).toEqual(['09:00', '09:30', '09:30', '09:30', '09:30', '14:30']);
    expect(['24:00', '9:60', '2 pm', '9:3'].map(readTime)).toEqual([undefined, undefined, undefined, undefined]);
    expect(readTime('')).toBe('');
    expect(LANGUAGES.map((language) => showTime('14:30', language))).toEqual(['14:30', '14:30', '14:30', '14.30', '14:30']);
  });

  it('is a text input showing the language’s format, not the browser’s date input', () => {
    const html = render('sl', DateField, { value: '2026-12-07', onChange: () => undefined, testId: 'since', label: 'Od' });
    expect(html).toMatch(/^<span class="date-field"><input type="text" class="date-input" data-testid="since" aria-label="Od" placeholder="d. m. llll" autoComplete="off" value="7. 12. 2026"\/>/);
    // Beside it a button named in the language opens the dashboard's calendar, a dialog (Calendar.tsx), not the browser's date input.
    expect(html).toMatch(/<button type="button" class="date-pick" data-testid="since-pick" aria-label="Izberi v koledarju" title="Izberi v koledarju" aria-haspopup="dialog" aria-expanded="false">/);
    expect(html).not.toContain('type="date"');
    expect(render('da', DateField, { value: '', onChange: () => undefined, required: true })).toContain('placeholder="dd.mm.åååå" autoComplete="off" value=""');
    // A refusal from the server marks it.
    expect(render('en', DateField, { value: '2026-12-07', onChange: () => undefined, invalid: true })).toContain('aria-invalid="true"');
  });

  it('splits a date and time into a day and a 24-hour time, each named', () => {
    const html = render('da', DateTimeField, { value: '2026-12-07T14:30', onChange: () => undefined, testId: 'from', label: 'Gyldig fra' });
    // A time needs its day.
    expect(html).toContain('data-testid="from" required="" aria-label="Gyldig fra" placeholder="dd.mm.åååå" autoComplete="off" value="07.12.2026"');
    expect(html).toContain('data-testid="from-time" aria-label="Gyldig fra, klokkeslæt" placeholder="00.00" inputMode="numeric" autoComplete="off" value="14.30"');
    expect(render('en', DateTimeField, { value: '', onChange: () => undefined, testId: 'from' })).toContain('data-testid="from-time" aria-label="time" placeholder="00:00" inputMode="numeric" autoComplete="off" value=""');
  });
});

describe('dateTimeMistake, a date and time checked before a form sends it', () => {
  it('lets nothing and a day with its time through', () => {
    expect(dateTimeMistake('')).toBeUndefined();
    expect(dateTimeMistake('2027-03-01T09:00')).toBeUndefined();
    expect(dateTimeMistake('2027-03-01T00:00')).toBeUndefined();
  });

  it('finds a time without its day (the program\'s In force from sent "T09:00"), and a day or time the fields cannot read', () => {
    expect(dateTimeMistake('T09:00')).toBe('day');
    expect(dateTimeMistake('2027-03-01T25:99')).toBe('unreadable');
    expect(dateTimeMistake('2027-02-30T10:00')).toBe('unreadable');
    expect(dateTimeMistake('garbageT00:00')).toBe('unreadable');
    expect(dateTimeMistake('T25:99')).toBe('unreadable');
  });
});
