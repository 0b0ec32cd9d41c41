import { isMessageKey, type I18n } from '../../i18n/index.ts';

// A tier's benefit flags (benefits.flags in the program document) are the business's own
// codes: `free_delivery`, `vip-lounge`. Staff read them as text: the flags many programs
// use have a text in every dashboard language (loyalty.flag.<code>); any other is written
// out from its code, underscores and hyphens as spaces, first letter capital ("Vip lounge"),
// as the business named it — never in the code's form.

/** The code's well-known form: lower case, words joined by underscores ("Free-Delivery" → free_delivery). */
const knownForm = (flag: string) => flag.trim().toLowerCase().replace(/[\s_-]+/g, '_');

/**
 * A flag code as words: "vip_lounge" → "Vip lounge"; a flag written as words already stays
 * as written. The capital is the language's (Turkish "indirim" → "İndirim").
 */
export function humanizeFlag(flag: string, language = 'en'): string {
  const words = flag.replace(/[_-]+/g, ' ').replace(/\s+/g, ' ').trim();
  return words.charAt(0).toLocaleUpperCase(language) + words.slice(1);
}

/** The text a tier's benefit flag shows in the dashboard's language. */
export function flagText(i18n: Pick<I18n, 't' | 'language'>, flag: string): string {
  const key = `loyalty.flag.${knownForm(flag)}`;
  return isMessageKey(key) ? i18n.t(key) : humanizeFlag(flag, i18n.language);
}
