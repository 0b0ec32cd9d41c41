import { countedName, type CountedName } from '../plural.ts';
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
import { LOCALES, type CountedEntry, type Language } from './languages.ts';
import { LOYALTY } from './loyalty.ts';
import { REQUESTS } from './requests.ts';
import { REWARDS } from './rewards.ts';
import { VALIDATION } from './validation.ts';

export { LANGUAGES, LOCALES, languageOf, type CountedEntry, type Entry, type Language } from './languages.ts';
export { CLI_COUNTS } from './cli-counts.ts';
export { PROMOTION_STATES } from './cli-promotions.ts';
export { CLI_HELP, COMMANDER_ERRORS, COMMANDER_WORDS, type HelpTranslations } from './cli-help.ts';

// The product's messages in every language the dashboard speaks. Code that refuses
// something says it with a code and parameters — say('adjustment.below_zero', { available })
// — rather than with a sentence: the error keeps the code, its English text is what the
// message always was (logs, API clients that ask for no language), the HTTP layer tells
// it in the request's language (src/http/problem.ts), and the command line in the one it
// is asked to speak (src/cli/language.ts; its own sentences are the cli-*.ts parts). Each entry holds its
// English text beside the four translations, so a text changed in one place is seen
// beside the others; messages.test.ts checks that every entry has all five with the same
// parameters.
//
// Not told here: whatever is not in the catalogue (it stays English), and identifiers —
// field paths, codes, ids, the values a client sent — which stay as written. An amount
// told to a reader is given as money(amount, currency) (shared/money.ts): each language
// writes it as it writes money ("€29.33", "29,33 €"), never as "29.33 EUR"; a currency's
// code is a parameter only where the message is about the code. A parameter given as a number is a count
// (points, uses, a limit) and reads as the language writes it, thousands grouped as the
// dashboard shows them: "19,272" in English, "19.272" in Slovenian, "19 272" in Russian —
// except where the number points at something rather than counting it (POSITIONS: a
// line of a file, a position in a body, a version), which is written as the file or
// editor shows it: "line 1234", never "line 1,234".

/** Every message by its code: each part of the catalogue, put together once when the module loads. */
export const MESSAGES: typeof GENERAL & typeof VALIDATION & typeof LOYALTY & typeof REWARDS & typeof GIFT_CARDS & typeof COMMERCE & typeof IMPORTS & typeof IMPORT_ROWS
  & typeof INPUTS & typeof CLI_COMMANDS & typeof CLI_IMPORT & typeof CLI_LOYALTY & typeof CLI_MEMBERS & typeof CLI_ANALYZE & typeof CLI_PROMOTIONS & typeof CLI_ADMIN & typeof CLI_AUDIT & typeof CLI_CUSTOMERS & typeof REQUESTS =
  Object.assign({}, GENERAL, VALIDATION, LOYALTY, REWARDS, GIFT_CARDS, COMMERCE, IMPORTS, IMPORT_ROWS, INPUTS, CLI_COMMANDS, CLI_IMPORT, CLI_LOYALTY, CLI_MEMBERS, CLI_ANALYZE, CLI_PROMOTIONS, CLI_ADMIN, CLI_AUDIT, CLI_CUSTOMERS, REQUESTS);
export type MessageCode = keyof typeof MESSAGES;

/** A text told in whatever language is asked; in a string (a log line, `${…}`) it is English. */
export interface Told {
  in(language: Language): string;
  toString(): string;
}
/** A message as code throws it: a plain (English) string, or told per language. */
export type Text = string | Told;
export type Param = string | number | Told;

/** Parameters whose numbers point at something (an editor's line, a parser's offset), never grouped as counts are. */
const POSITIONS: ReadonlySet<string> = new Set(['line', 'position', 'byte', 'version', 'code_page']);

const numberFormats = new Map<Language, Intl.NumberFormat>();

/** A number as `language` writes it (the dashboard's locale: LOCALES), built once per language. */
export function numberIn(value: number, language: Language): string {
  let format = numberFormats.get(language);
  if (!format) numberFormats.set(language, (format = new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: 20 })));
  return format.format(value);
}

export const tell = (text: Text | number, language: Language): string =>
  typeof text === 'object' ? text.in(language) : typeof text === 'number' ? numberIn(text, language) : text;

/** A text built from others in the asked language (a field's name before its reason, say). */
export function told(render: (language: Language) => string): Told {
  return { in: render, toString: () => render('en') };
}

type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;
type ParamNames<C extends MessageCode> = Placeholders<(typeof MESSAGES)[C]['en']>;
type ParamsOf<C extends MessageCode> = [ParamNames<C>] extends [never] ? [] : [params: { [P in ParamNames<C>]: Param }];

/** One catalogue message with its parameters, kept as such until it is told. */
export class Said implements Told {
  constructor(
    readonly code: MessageCode,
    readonly params: Readonly<Record<string, Param>> = {},
  ) {}

  in(language: Language): string {
    return (MESSAGES[this.code] as Record<Language, string>)[language].replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = this.params[name];
      return typeof value === 'number' && POSITIONS.has(name) ? String(value) : tell(value, language);
    });
  }

  toString(): string {
    return this.in('en');
  }
}

/** The catalogue's message `code` with its parameters (the compiler checks their names). */
export const say = <C extends MessageCode>(code: C, ...[params]: ParamsOf<C>): Said => new Said(code, params);

/** A text given one or per language (a program's names): the asked language's, else English, else the first given. */
export function textIn(value: string | Readonly<Partial<Record<string, string>>>, language: string): string {
  return typeof value === 'string' ? value : (value[language] ?? value.en ?? Object.values(value)[0] ?? '');
}

/** A text the program gives per language (a reward's name, the points' name), told as textIn reads it. */
export function perLanguage(value: string | Readonly<Partial<Record<string, string>>>): Told {
  return told((language) => textIn(value, language));
}

/** A name that agrees with a number ("5 zrn"), told in each language in its form for `count` (plural.ts). */
export function counted(value: CountedName, count: number): Told {
  return told((language) => countedName(value, language, count));
}

/**
 * A count with the words that agree with it, in each language's form for `count` (plural.ts),
 * the number written as the language writes a count: "1 row has errors", "2 vrstici imata
 * napake", "в 5 строках ошибки". For a number whose words change with it beyond a noun.
 */
export function counting(entry: CountedEntry, count: number): Told {
  return told((language) => countedName(entry, language, count).replace('{count}', numberIn(count, language)));
}

/** Alternatives ("Silver or Gold"): English joins them with " or " as it always did; the others as their language lists them. */
export function anyOf(items: readonly Param[]): Told {
  return told((language) => {
    const texts = items.map((item) => tell(item, language));
    return language === 'en' ? texts.join(' or ') : new Intl.ListFormat(language, { type: 'disjunction' }).format(texts);
  });
}

// ── Fixed texts inside zod schemas ───────────────────────────────────────────
// A zod check takes its message as a string (`.int('must be a whole number of points')`)
// and keeps no code with the issue it raises. So a schema writes the catalogue's English
// text (fixedText), and parseInput, to tell an issue in another language, finds its entry
// again by that text: it can only find texts the catalogue gave out, and the test checks
// that no two entries without parameters share an English text. (A check's message with
// parameters is raised as a custom issue that carries its Said: validation.ts saidIssue.)

type FixedCode = { [C in MessageCode]: [ParamNames<C>] extends [never] ? C : never }[MessageCode];

/** The English text of a message without parameters, for a zod check's own message. */
export const fixedText = (code: FixedCode): string => MESSAGES[code].en;

let byEnglishText: Map<string, MessageCode> | undefined;

/** The catalogue's message whose English text without parameters is `text`, told in `language`; undefined for any other text. */
export function translateFixed(text: string, language: Language): string | undefined {
  byEnglishText ??= new Map((Object.keys(MESSAGES) as MessageCode[]).filter((c) => !MESSAGES[c].en.includes('{')).map((c) => [MESSAGES[c].en, c]));
  const code = byEnglishText.get(text);
  return code && (MESSAGES[code] as Record<Language, string>)[language];
}
