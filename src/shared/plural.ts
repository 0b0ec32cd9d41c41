// A name that agrees with a number: "1 zrno, 2 zrni, 3 zrna, 5 zrn", "1 зерно, 2 зерна,
// 5 зёрен". A program gives its points' name per language either as one text (a language
// whose nouns do not change after a number, or a name that does not need to) or as its
// forms by the CLDR plural categories, the ones Intl.PluralRules selects. This is the one
// place that chooses a form: the server's messages and answers and the dashboard use it.
// No imports: the dashboard's bundle takes it as it is.

export const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
export type PluralCategory = (typeof PLURAL_CATEGORIES)[number];

/** A name's forms by plural category; "other" is always given (any number no other form names). */
export type PluralForms = Readonly<Partial<Record<PluralCategory, string>> & { other: string }>;

/** A name as a program writes it: one text, or per language code one text or its forms. */
export type CountedName = string | Readonly<Partial<Record<string, string | PluralForms>>>;

const rulesByLanguage = new Map<string, Intl.PluralRules>();

/** The plural rules of a language (built once each: a refusal or a catalogue reads them often). */
export function pluralRules(language: string): Intl.PluralRules {
  let rules = rulesByLanguage.get(language);
  if (!rules) {
    rules = new Intl.PluralRules(language);
    rulesByLanguage.set(language, rules);
  }
  return rules;
}

/**
 * What the name gives for `language`, and the language it is in: the asked language's,
 * else English, else the first given (as textIn reads any localized text). The forms are
 * chosen by the rules of the language they are written in, not the one asked: an English
 * name shown to a Slovenian reader is "101 beans", never "101 bean".
 */
export function nameIn(value: CountedName, language: string): { language: string; name: string | PluralForms } {
  if (typeof value === 'string') return { language, name: value };
  const given = value[language] !== undefined ? language : value.en !== undefined ? 'en' : Object.keys(value).find((l) => value[l] !== undefined);
  return given === undefined ? { language, name: '' } : { language: given, name: value[given]! };
}

/** The name in `language` in the form that agrees with `count` ("5 zrn"); a name given as one text is that text. */
export function countedName(value: CountedName, language: string, count: number): string {
  const { language: writtenIn, name } = nameIn(value, language);
  if (typeof name === 'string') return name;
  return name[pluralRules(writtenIn).select(count)] ?? name.other;
}

/** The name in `language` as a word with no number: its "other" form ("beans"), or its one text. */
export function plainName(value: CountedName, language: string): string {
  const { name } = nameIn(value, language);
  return typeof name === 'string' ? name : name.other;
}

/** The name's forms in `language` for a client to choose from ({ other } for a name given as one text). */
export function namedForms(value: CountedName, language: string): PluralForms {
  const { name } = nameIn(value, language);
  return typeof name === 'string' ? { other: name } : name;
}

/**
 * One whole number for each form a language's whole numbers take, the smallest from 1
 * (sl: 1, 2, 3, 5; ru: 1, 2, 5; en: 1, 2): examples that show a name's every form in use.
 * Russian "other" is only for fractions (1,5 зерна), so no whole number of points shows it.
 */
export function pluralSamples(language: string): number[] {
  const rules = pluralRules(language);
  const categories = rules.resolvedOptions().pluralCategories.length;
  const seen = new Map<string, number>();
  for (let n = 1; n <= 200 && seen.size < categories; n++) {
    const category = rules.select(n);
    if (!seen.has(category)) seen.set(category, n);
  }
  return [...seen.values()];
}
