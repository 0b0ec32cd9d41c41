import { CLI_COUNTS, counting, LOCALES, numberIn, say, tell, type Language, type Text } from '../shared/messages/index.ts';

// The language the command line speaks: --language, else REGULARS_LANGUAGE, else English
// (main.ts reads them once, before a command runs). Its sentences are the catalogue's
// (src/shared/messages/cli-*.ts), as are the errors it prints; the server it goes through
// is asked for the same language (remote.ts), so an answer reads alike with or without it.
// --json is machine-readable, so always English, worded as it has always been.

let current: Language = 'en';

/** The language of what the command prints (English with --json). */
export const cliLanguage = (): Language => current;

export function useLanguage(language: Language): void {
  current = language;
}

/** A catalogue text (or plain text) in the command line's language. */
export const inCli = (text: Text): string => tell(text, current);

/** A count with the words that agree with it (CLI_COUNTS), told in `language`. */
export const countIn = (key: keyof typeof CLI_COUNTS, count: number, language: Language): string => counting(CLI_COUNTS[key], count).in(language);

/** A number with `digits` decimals as `language` writes one ("1.2" in English, "1,2" in Slovenian), never grouped. */
export function decimal(value: number, digits: number, language: Language): string {
  if (language === 'en') return value.toFixed(digits);
  return new Intl.NumberFormat(LOCALES[language], { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false }).format(value);
}

/**
 * A share as a percentage with one decimal, as `language` writes one: "12.5%" in English
 * ("12.5 %" where `spaced`, as the command always printed it there), "12,5 %", "%12,5".
 */
export function percent(share: number, language: Language, spaced = false): string {
  if (language === 'en') return `${(share * 100).toFixed(1)}${spaced ? ' %' : '%'}`;
  return new Intl.NumberFormat(LOCALES[language], { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(share);
}

/** A count as `language` writes it, thousands grouped ("19,272", "19.272", "19 272"). */
export const count = (n: number, language: Language): string => numberIn(n, language);

/** "Error" as a line printed on stderr begins. */
export const errorWord = (language: Language): string => say('problem.other').in(language);
