import type { PluralForms } from '../plural.ts';

// The languages the product answers in: the dashboard's five. An API answer is English
// unless the request's Accept-Language prefers one of the others (the dashboard sends its
// own language with every call; a till, a script or the CLI sends none and keeps English).

export const LANGUAGES = ['en', 'sl', 'tr', 'da', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The locale each language's numbers, dates and shares are written in: the dashboard's (src/web/i18n/index.ts). */
export const LOCALES: Record<Language, string> = { en: 'en-GB', sl: 'sl-SI', tr: 'tr-TR', da: 'da-DK', ru: 'ru-RU' };

/** One message of the catalogue: its English text and the four translations, `{name}` for each parameter. */
export type Entry = Readonly<Record<Language, string>>;

/**
 * Words that agree with a number, each language's by the plural forms its numbers take,
 * `{count}` where the number goes: "{count} rows have errors", "в {count} строках ошибки".
 * A catalogue message puts one where a count stands ({errors}), written in the case and
 * with the words that place in the language's sentence needs (counting, index.ts).
 */
export type CountedEntry = Readonly<Record<Language, PluralForms>>;

const isLanguage = (tag: string): tag is Language => (LANGUAGES as readonly string[]).includes(tag);

/**
 * The language an answer to `acceptLanguage` is told in: the one with the highest weight
 * among those the product has, by primary subtag ("sl-SI" is sl); the header's order
 * settles a tie. English when the header is absent, names none of them, or prefers
 * English; a weight of 0 ("ru;q=0") refuses a language, and "*" chooses none.
 */
export function languageOf(acceptLanguage: string | string[] | undefined): Language {
  const header = Array.isArray(acceptLanguage) ? acceptLanguage.join(',') : acceptLanguage;
  if (!header) return 'en';
  let best: { language: Language; weight: number } | undefined;
  for (const part of header.split(',')) {
    const [range, ...options] = part.trim().split(';');
    const tag = range.trim().toLowerCase().split(/[-_]/)[0]; // "tr_TR" too, as ?language= takes it
    const q = options.map((o) => /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(o)).find(Boolean);
    const weight = q ? Number(q[1]) : 1;
    if (!isLanguage(tag) || !(weight > 0)) continue;
    if (!best || weight > best.weight) best = { language: tag, weight };
  }
  return best?.language ?? 'en';
}
