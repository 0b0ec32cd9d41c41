import { createContext, useContext } from 'react';
import { dateFormats } from '../time.ts';
import { da } from './da/index.ts';
import { en, type MessageKey } from './en/index.ts';
import { ru } from './ru/index.ts';
import { sl } from './sl/index.ts';
import { tr } from './tr/index.ts';

export const CATALOGUES: Record<Language, Record<MessageKey, string>> = { en, sl, tr, da, ru };
export const LANGUAGES = ['en', 'sl', 'tr', 'da', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', sl: 'Slovenščina', tr: 'Türkçe', da: 'Dansk', ru: 'Русский' };
export const LOCALES: Record<Language, string> = { en: 'en-GB', sl: 'sl-SI', tr: 'tr-TR', da: 'da-DK', ru: 'ru-RU' };

export interface I18n {
  language: Language;
  /** The business's time zone (GET /status): the dates and times shown and typed are its. */
  timeZone: string;
  setLanguage(language: Language): void;
  t(key: MessageKey, params?: Record<string, string | number>): string;
  /** An instant's date (and time) in the business's time zone; a date alone (YYYY-MM-DD) as that calendar day; '—' for none. */
  date(iso: string | null, withTime?: boolean): string;
  /** The time of day alone, as `date(iso, true)` ends with it. */
  time(iso: string): string;
  /** A calendar month (YYYY-MM): "May 2026". */
  month(yearMonth: string): string;
  money(amount: string, currency: string): string;
  number(n: number): string;
  percent(share: number | null): string;
  /** Items as the language lists them: "a, b and c" (all of them) or "a, b or c" (any one). */
  list(items: string[], kind?: 'all' | 'any'): string;
  /** A text the program gives per language: the dashboard's language, else English, else any. */
  localized(text: string | Partial<Record<string, string>> | null | undefined): string;
  /** A server's text with the instants it names (2026-12-01T10:00:00.000Z) written as the language writes a date and time. */
  withDates(text: string): string;
}

const INSTANT = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})/g;

/** The dashboard's texts in a language, its dates and times in the business's time zone (UTC until GET /status has named it: tests, the login page). */
export function createI18n(language: Language, setLanguage: (l: Language) => void, timeZone = 'UTC'): I18n {
  const catalogue = CATALOGUES[language];
  const locale = LOCALES[language];
  const formats = dateFormats(locale, timeZone);
  const date = (iso: string | null, withTime = false) => (iso ? formats.date(iso, withTime) : '—');
  return {
    language,
    setLanguage,
    timeZone,
    t: (key, params) => (catalogue[key] ?? en[key]).replace(/\{(\w+)\}/g, (_, name) => String(params?.[name] ?? `{${name}}`)),
    date,
    time: formats.time,
    month: formats.month,
    // Amounts arrive as exact decimal strings; Intl only formats them for display.
    money: (amount, currency) => new Intl.NumberFormat(locale, { style: 'currency', currency }).format(Number(amount)),
    number: (n) => new Intl.NumberFormat(locale).format(n),
    list: (items, kind = 'all') => new Intl.ListFormat(locale, { type: kind === 'all' ? 'conjunction' : 'disjunction' }).format(items),
    percent: (share) => (share === null ? '—' : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(share)),
    withDates: (text) => text.replace(INSTANT, (iso) => (Number.isNaN(Date.parse(iso)) ? iso : date(iso, true))),
    localized: (text) => (text == null ? '' : typeof text === 'string' ? text : (text[language] ?? text.en ?? Object.values(text).find(Boolean) ?? '')),
  };
}

/** Whether a key built from a server's code (a bonus kind, a note) has a text: a code the dashboard does not know yet falls back to what the server says. */
export const isMessageKey = (key: string): key is MessageKey => Object.hasOwn(en, key);

export const I18nContext = createContext<I18n>(createI18n('en', () => undefined));
export const useI18n = () => useContext(I18nContext);
export type { MessageKey };
