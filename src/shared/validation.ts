import { z } from 'zod';
import { EARLIEST_DATE, instantOf, isBeforeEarliest, isDateOnly } from './clock.ts';
import { AppError, type FieldProblem } from './errors.ts';
import { counted, fixedText, LANGUAGES, MESSAGES, Said, say, tell, told, translateFixed, type Language, type MessageCode } from './messages/index.ts';
import type { CountedName } from './plural.ts';

// zod is the one validation library at every boundary (HTTP bodies, CSV rows, the
// environment). This turns its issues into our FieldProblem list (`reasonOf`: each told
// in another language than the issue's message).
export function problemsOf(error: z.ZodError, reasonOf = (issue: z.core.$ZodIssue) => issue.message): FieldProblem[] {
  return error.issues.map((issue) => ({
    field: issue.path.length ? issue.path.join('.') : '(body)',
    reason: reasonOf(issue),
  }));
}

/**
 * What a missing field is told. zod 4's own messages for it say only "Invalid input"
 * (a union such as an amount that is a string or a number) or "Invalid input: expected
 * string, received undefined"; a field left out deserves the plain reason. As a per-parse
 * error map it yields to a message the schema gives itself (zod asks the schema first), so
 * a field whose schema says more about being required keeps its words.
 */
export const requiredError: z.core.$ZodErrorMap = (issue) => (issue.input === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_union' || issue.code === 'invalid_value') ? fixedText('field.required') : undefined);
// Given only to a parse that failed: zod's parse with any options runs 2.5–5 µs slower
// (a purchase's body: 4–6 µs plain), and parseInput is on the purchase path. The English
// answer, in the catalogue's words as every other language's (errorMapIn).
const ON_FAILURE: { error: z.core.$ZodErrorMap } = { error: (issue) => toldReason(issue)?.in('en') ?? requiredError(issue) ?? zodIssue(issue)?.in('en') };

/**
 * A schema's (or a check's) own reason that names what was sent or a limit — the unknown
 * keys of a capture's body, a batch's most purchases — told in each language. A zod
 * `error` option keeps only a string, and a string with parameters cannot be found back in
 * the catalogue (translateFixed); registered here, the reason is asked for by the parse's
 * error map, in the language it tells (ON_FAILURE, errorMapIn), before zod's own words.
 */
const TOLD = new WeakMap<object, (issue: z.core.$ZodRawIssue) => Said | undefined>();

/** `schemaOrCheck` refusing with `reason`'s catalogue message (undefined: the usual words); returns it. */
export function toldBy<T extends z.core.$ZodType | z.core.$ZodCheck>(schemaOrCheck: T, reason: (issue: z.core.$ZodRawIssue) => Said | undefined): T {
  TOLD.set(schemaOrCheck, reason);
  return schemaOrCheck;
}

const toldReason = (issue: z.core.$ZodRawIssue): Said | undefined => (issue.inst ? TOLD.get(issue.inst)?.(issue) : undefined);

// A count of characters or items agrees with its noun (plural.ts), in the case the
// catalogue's length.* sentences put it in (messages/validation.ts): "3 znake", "5 символов".
const CHARACTERS: CountedName = {
  en: { one: 'character', other: 'characters' },
  sl: { one: 'znak', two: 'znaka', few: 'znake', other: 'znakov' },
  tr: 'karakter',
  da: 'tegn',
  ru: { one: 'символ', few: 'символа', many: 'символов', other: 'символа' },
};
const ITEMS: CountedName = {
  en: { one: 'item', other: 'items' },
  sl: { one: 'element', two: 'elementa', few: 'elemente', other: 'elementov' },
  tr: 'öğe',
  da: { one: 'element', other: 'elementer' },
  ru: { one: 'элемент', few: 'элемента', many: 'элементов', other: 'элемента' },
};
const TYPES: Partial<Record<string, MessageCode>> = {
  number: 'type.number', bigint: 'capture.whole', int: 'capture.whole', string: 'type.text', boolean: 'type.boolean',
  array: 'type.list', tuple: 'type.list', set: 'type.list', object: 'type.object', record: 'type.object', map: 'type.object',
};

/** The values a field takes, as a client writes them: text bare (in_store, not "in_store"), the rest as JSON has them. */
function oneOf(values: readonly unknown[]): Said {
  const written = values.map((value) => (typeof value === 'string' ? value : typeof value === 'bigint' ? String(value) : JSON.stringify(value) ?? String(value)));
  return written.length === 1 ? say('value.equal_to', { value: written[0]! }) : say('value.one_of', { values: written.join(', ') });
}

/**
 * The edit distance of `a` and `b` (optimal string alignment: an insertion, a deletion, a
 * substitution or two neighbours swapped, "frist" for "first", each counts one), or
 * `limit + 1` as soon as it is sure to be more than `limit`.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let least = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      row.push(d);
      least = Math.min(least, d);
    }
    if (least > limit) return limit + 1;
    [before, previous] = [previous, row];
  }
  return previous[b.length]!;
}

/**
 * The field an unknown key was likely meant as, as Stripe answers a misspelt parameter:
 * the object's own key nearest to it, compared without case ("Channel", "firstName" for
 * first_name is one apart), at most one edit apart for a key of up to 5 characters and two
 * for a longer one, and alike in at least two characters of three (so "to" is never read as
 * "id", nor "b" as "a"), the first of the schema's order on a tie. A key the body also sent is no suggestion: "did you mean channel" beside a channel
 * sent would send the client after a field it has. The keys are the schema's that raised
 * the issue (zod's issue carries it as `inst`: an object's shape, or a record's key enum).
 */
function nearKeys(issue: z.core.$ZodRawIssue): (key: string) => string | undefined {
  const def = (issue.inst as z.core.$ZodType | undefined)?._zod.def as { shape?: Record<string, unknown>; keyType?: z.core.$ZodType } | undefined;
  const declared = def?.shape ? Object.keys(def.shape) : [...(def?.keyType?._zod.values ?? [])].filter((v): v is string => typeof v === 'string');
  const input = issue.input;
  const sent = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
  const candidates = declared.filter((known) => !Object.hasOwn(sent, known));
  return (key) => nearestOf(key, candidates);
}

/**
 * Of `candidates`, the one `word` was likely a slip for (nearKeys' rule: without case, one
 * edit for a word of up to 5 characters and two for a longer one, two characters of three
 * alike, the first on a tie); undefined when none is near.
 */
export function nearestOf(word: string, candidates: Iterable<string>): string | undefined {
  const lower = word.toLowerCase();
  const limit = lower.length <= 5 ? 1 : 2;
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const known of candidates) {
    const distance = editDistance(lower, known.toLowerCase(), bestDistance - 1);
    // Most of both must be alike: "b" is one edit from "a", and no slip of it.
    const alike = Math.max(lower.length, known.length) - distance > 2 * distance;
    if (distance < bestDistance && alike) [best, bestDistance] = [known, distance];
  }
  return best;
}

/**
 * zod's common issues in the catalogue's words: a number's or a length's bound, a value of
 * another type (by the type expected, with no type name of zod's), an ISO date or timestamp
 * or an email address in another form, a value not among those a field takes ("must be one
 * of in_store, online", not zod's `Invalid option: expected one of "in_store"|"online"`), a
 * key an object does not take. Undefined for the rest, which zod's locale tells.
 */
export function zodIssue(issue: z.core.$ZodRawIssue): Said | undefined {
  switch (issue.code) {
    case 'too_small':
    case 'too_big': {
      const small = issue.code === 'too_small';
      const bound = Number(small ? issue.minimum : issue.maximum);
      if (!Number.isFinite(bound)) return undefined;
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') {
        if (small) return issue.inclusive ? say('value.at_least', { minimum: bound }) : say('value.greater_than', { minimum: bound });
        return issue.inclusive ? say('value.at_most', { maximum: bound }) : say('value.less_than', { maximum: bound });
      }
      const unit = issue.origin === 'string' ? CHARACTERS : issue.origin === 'array' || issue.origin === 'set' ? ITEMS : undefined;
      if (!unit) return undefined;
      // A length's bound is a whole count; an exclusive one is the next count in.
      const count = issue.inclusive === false ? bound + (small ? 1 : -1) : bound;
      if (issue.exact) return say('length.exactly', { length: count, unit: counted(unit, count) });
      if (small) return count === 1 ? say('length.not_empty') : say('length.at_least', { minimum: count, unit: counted(unit, count) });
      return say('length.at_most', { maximum: count, unit: counted(unit, count) });
    }
    case 'invalid_type': {
      const code = TYPES[issue.expected];
      return code ? new Said(code) : say('type.other');
    }
    case 'invalid_format':
      return issue.format === 'date' ? say('date.format') : issue.format === 'datetime' ? say('format.timestamp') : issue.format === 'email' ? say('format.email') : undefined;
    case 'invalid_value':
      return oneOf(issue.values);
    case 'unrecognized_keys': {
      const near = nearKeys(issue);
      if (issue.keys.length === 1) {
        const known = near(issue.keys[0]!);
        return known === undefined ? say('key.unknown', { key: issue.keys[0]! }) : say('key.unknown_near', { key: issue.keys[0]!, known });
      }
      const listed = issue.keys.map((key) => {
        const known = near(key);
        return known === undefined ? `"${key}"` : say('key.unknown_near_listed', { key, known });
      });
      return say('key.unknown_many', { keys: told((language) => listed.map((item) => tell(item, language)).join(', ')) });
    }
    case 'invalid_union': {
      // A discriminated union's tag that names no option (a reward's "type"); left out, it is required.
      const { discriminator, options } = issue as { discriminator?: string; options?: unknown[] };
      if (discriminator === undefined || !options?.length) return undefined;
      const tag = (issue.input as Record<string, unknown> | undefined)?.[discriminator];
      return tag === undefined ? say('field.required') : oneOf(options);
    }
    default:
      return undefined;
  }
}

/**
 * The error map of a parse told in `language`: zod's common issues in the catalogue's
 * words (zodIssue: "must be greater than 0", not zod's "Too small: expected number to be
 * >0", which read as a developer's note in the dashboard), the rest in zod's own from its
 * locale, built per parse (zod's global config is one for all requests, which are in
 * several languages at once).
 */
const ZOD_LOCALES = { en: z.locales.en, sl: z.locales.sl, tr: z.locales.tr, da: z.locales.da, ru: z.locales.ru } satisfies Record<Language, unknown>;
const localeErrors = new Map<Language, z.core.$ZodErrorMap>();
function errorMapIn(language: Language): z.core.$ZodErrorMap {
  const zodsOwn = localeErrors.get(language) ?? ZOD_LOCALES[language]().localeError;
  localeErrors.set(language, zodsOwn);
  return (issue) => toldReason(issue)?.in(language) ?? requiredError(issue) ?? zodIssue(issue)?.in(language) ?? zodsOwn(issue);
}

/**
 * An issue's reason in `language`: a custom issue raised with its catalogue message
 * (saidIssue) is told from it; a schema's fixed text (fixedText) from the catalogue; any
 * other text is zod's own, already in the language's words (errorMapIn), or stays as written.
 */
function reasonIn(issue: z.core.$ZodIssue, language: Language): string {
  const said = (issue as { params?: { said?: unknown } }).params?.said;
  if (said instanceof Said) return said.in(language);
  return translateFixed(issue.message, language) ?? issue.message;
}

/**
 * A custom issue's message from the catalogue, for ctx.addIssue and refine:
 * `ctx.addIssue({ code: 'custom', path, ...saidIssue(say('program.used_twice', { code })) })`.
 * The issue carries the Said, so parseInput tells it in the request's language.
 */
export const saidIssue = (said: Said) => ({ message: said.toString(), params: { said } });

type Spaced<S extends string> = S extends `${infer Head}_${infer Rest}` ? `${Head} ${Spaced<Rest>}` : S;
/**
 * What parseInput may say it parsed: a subject the catalogue has a headline for in every
 * language ('gift card' for invalid.gift_card), so none falls back to the generic "Invalid
 * data" in another language while English names it.
 */
export type InputSubject = { [C in MessageCode]: C extends `invalid.${infer What}` ? Spaced<What> : never }[MessageCode];

/** parseInput's headline, "Invalid adjustment: points: …", told in `language`. */
function headline(what: InputSubject, problems: FieldProblem[], language: Language): string {
  const head = problems
    .slice(0, 3)
    .map((p) => `${p.field}: ${p.reason}`)
    .join('; ');
  const listed = `${head}${problems.length > 3 ? '; …' : ''}`;
  if (language === 'en') return `Invalid ${what}: ${listed}`;
  const own = `invalid.${what.replaceAll(' ', '_')}`;
  return new Said(Object.hasOwn(MESSAGES, own) ? (own as MessageCode) : 'invalid.input', { problems: listed }).in(language);
}

/**
 * Refusals of one input found by separate checks (parseInput's and those after it), as
 * one 422: a single one as it is; several with every field problem of each, in order,
 * under parseInput's headline for `what`, told in any language as each of them is.
 */
export function refusedTogether(what: InputSubject, errors: AppError[]): AppError {
  if (errors.length === 1) return errors[0];
  const toldIn = (language: Language) => {
    const problems = errors.flatMap((e) => {
      const told = e.in(language);
      return told.problems.length > 0 ? told.problems : [{ field: '(body)', reason: told.message }];
    });
    return { message: headline(what, problems, language), problems };
  };
  const english = toldIn('en');
  return new AppError('invalid', english.message, english.problems, toldIn);
}

/** `fieldPrefix` names where the input sits in the request body ("program" → `program.rewards.0.code`). */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what: InputSubject = 'input', fieldPrefix?: string): z.output<S> {
  const first = schema.safeParse(input);
  if (first.success) return first.data;
  // The messages: parsed again with the error map (a failure is rare; its cost is not the path's).
  const result = schema.safeParse(input, ON_FAILURE);
  if (result.success) return result.data;
  const prefixed = (problems: FieldProblem[]) => (fieldPrefix ? problems.map((p) => ({ ...p, field: p.field === '(body)' ? fieldPrefix : `${fieldPrefix}.${p.field}` })) : problems);
  const problems = prefixed(problemsOf(result.error));
  // In another language the input is parsed once more, with that language's error map:
  // only when an answer is told in it.
  const toldIn = (language: Language) => {
    const told = schema.safeParse(input, { error: errorMapIn(language) });
    const reasons = told.success ? problems : prefixed(problemsOf(told.error, (issue) => reasonIn(issue, language)));
    return { message: headline(what, reasons, language), problems: reasons };
  };
  throw new AppError('invalid', headline(what, problems, 'en'), problems, toldIn);
}

/**
 * Money as it comes in: a non-negative decimal amount in major units, "29.33" (or the
 * number 29.33, accepted for convenience). Read it into minor units with money.ts's
 * amountField, which also refuses more decimals than the currency has. Each branch carries
 * its constraint so the published JSON Schema refuses "-5" and "abc" as the server does,
 * and a value of another type (true, {}, null) is told the same reason, not zod's "Invalid
 * input"; left out, it is "is required" (requiredError).
 */
export const DECIMAL_AMOUNT = /^\d+(\.\d+)?$/;
export const DECIMAL_AMOUNT_MESSAGE = fixedText('amount.decimal');
export const DecimalAmount = z.union([z.string().trim().regex(DECIMAL_AMOUNT, DECIMAL_AMOUNT_MESSAGE), z.number().min(0, DECIMAL_AMOUNT_MESSAGE)], {
  error: (issue) => (issue.input === undefined ? undefined : DECIMAL_AMOUNT_MESSAGE),
});

/**
 * A language the product speaks, as a client names it: its code in any case, with a region
 * or script after it as Accept-Language takes one ("SL", "sl-SI", "da-DK", "tr_TR"), read
 * as the code ("sl"). `?language=` and a customer's language take what the header takes:
 * they refused "SL" and "sl-SI" with 422 while `Accept-Language: sl-SI` was answered in
 * Slovenian. A language it does not speak ("fr") is told the ones it does. The pattern is
 * the published schema's too (the OpenAPI document), so a client's validator agrees.
 */
const caseless = (code: string) => [...code].map((c) => `[${c}${c.toUpperCase()}]`).join('');
const LANGUAGE_TAG = new RegExp(`^(${LANGUAGES.map(caseless).join('|')})([-_][A-Za-z0-9]{1,8})*$`);
const spokenLanguages = (issue: z.core.$ZodRawIssue) => (issue.input === undefined ? undefined : say('value.one_of', { values: LANGUAGES.join(', ') }));
export const LanguageCode = toldBy(z.string().trim().check(toldBy(z.regex(LANGUAGE_TAG), spokenLanguages)), spokenLanguages)
  .transform((tag) => tag.split(/[-_]/)[0].toLowerCase() as Language)
  .describe(`One of ${LANGUAGES.join(', ')}, in any case; a region after it is read as the language ("sl-SI", "tr_TR": sl, tr)`);

/** An ISO 8601 timestamp with its offset (Z or ±hh:mm): a time without one would be read in the server's zone. */
export const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * Whether the date an ISO 8601 date or timestamp starts with (YYYY-MM-DD) is a day the
 * calendar has. `Date.parse` reads 2026-02-30 — also as "2026-02-30T10:00:00Z" — as 2
 * March, so a check that only asks Date.parse would store another day than the one written.
 */
export function isCalendarDay(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
  const d = new Date(0);
  d.setUTCFullYear(year, month, day);
  return d.getUTCFullYear() === year && d.getUTCMonth() === month && d.getUTCDate() === day;
}

/** Why a date before EARLIEST_DATE (clock.ts) is refused: every date a client sends, one rule. */
export const BEFORE_EARLIEST = say('date.before_earliest', { earliest: EARLIEST_DATE });

/**
 * The instant a date or a timestamp names — a date alone (YYYY-MM-DD) is the start of that
 * day in `timeZone`, as an owner reads it; a timestamp is taken as written — or why it names
 * none: `format` when it is neither (the caller says which forms it takes), a day the
 * calendar lacks, a time of day that is none, a day before EARLIEST_DATE.
 */
export function instantOfInput(text: string, timeZone: string, format: Said): Date | Said {
  if (!isDateOnly(text) && !ISO_TIMESTAMP.test(text)) return format;
  if (!isCalendarDay(text)) return say('simulation.since_not_a_day', { day: text.slice(0, 10) });
  if (isBeforeEarliest(text)) return BEFORE_EARLIEST;
  const at = instantOf(text, timeZone);
  return Number.isNaN(at.getTime()) ? say('simulation.since_not_a_time', { time: text.slice(11) }) : at;
}

/** A real calendar date written YYYY-MM-DD (2026-02-30 is refused), not before EARLIEST_DATE. */
export const CalendarDate = z
  .string()
  .trim()
  // A text that is no date at all is told that alone: without abort the calendar check ran
  // on it too, and one cell of an import got two refusals.
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: fixedText('date.format'), abort: true })
  .refine(isCalendarDay, { message: fixedText('date.not_in_calendar'), abort: true })
  .superRefine((date, ctx) => {
    if (isBeforeEarliest(date)) ctx.addIssue({ code: 'custom', ...saidIssue(BEFORE_EARLIEST) });
  });

/**
 * A query's dates `from` … `to` in order (CalendarDates sort as text): `.refine(datesInOrder,
 * TO_BEFORE_FROM)` refuses `to` before `from`, naming `to` — the analytics' periods and the
 * loyalty report's, one rule. Its text quotes `from` as a field, so each surface can say it as
 * it calls it: the command line as --from (src/cli/option-names.ts).
 */
export const datesInOrder = (q: { from?: string; to?: string }): boolean => !q.from || !q.to || q.from <= q.to;
export const TO_BEFORE_FROM = { message: fixedText('analytics.not_before_from'), path: ['to'] };
