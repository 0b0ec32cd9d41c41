import { tell, told, type Language, type Text } from './messages/index.ts';

// One error family for the whole product. Services throw AppError; the HTTP layer maps
// `kind` to a status in one place (src/http/problem.ts) and the CLI prints `message` and
// every field problem. Anything else that is thrown is a bug and becomes a 500.
//
// A message or a reason may be a catalogue message (say(code, params): src/shared/messages):
// `message` and `problems` are then its English, as they always were, and the HTTP layer
// asks the error for them in the request's language (AppError.in).

export type ErrorKind =
  | 'invalid' // the input is malformed or breaks a rule (422)
  | 'not_found' // (404)
  | 'conflict' // the request contradicts the stored state, e.g. a key reused with a different body (409)
  | 'unauthorized' // no or bad credentials (401)
  | 'forbidden' // credentials lack the scope or role (403)
  | 'unavailable'; // a dependency is down or a resource is held elsewhere (503)

/** One problem with one input field; `field` is a dotted path such as `lines.2.quantity`. */
export interface FieldProblem {
  field: string;
  reason: string;
}

/** A field problem as code raises it: its reason plain English or told per language. */
export interface RaisedProblem {
  field: string;
  reason: Text;
}

/** An error's message and field problems in one language. */
export interface ToldError {
  message: string;
  problems: FieldProblem[];
}

const problemIn = (p: RaisedProblem, language: Language): FieldProblem => (typeof p.reason === 'string' ? (p as FieldProblem) : { field: p.field, reason: p.reason.in(language) });

/** Machine-readable members a problem adds to its RFC 9457 fields (`merged_into` of a merged customer's 404, `erased_at` of an erased one's). */
export interface ProblemExtensions {
  merged_into?: string;
  /** When it was merged into it (the merged customer's 404 read by id). */
  merged_at?: string;
  erased_at?: string;
}

export class AppError extends Error {
  readonly kind: ErrorKind;
  readonly problems: FieldProblem[];
  /** Set by the raiser after construction (notFound's second argument); the HTTP layer adds them to the problem. */
  extensions?: ProblemExtensions;
  readonly #toldIn: (language: Language) => ToldError;

  /** `toldIn` tells the error in another language when its texts alone cannot (parseInput: zod's issues). */
  constructor(kind: ErrorKind, message: Text, problems: RaisedProblem[] = [], toldIn?: (language: Language) => ToldError) {
    super(tell(message, 'en'));
    this.name = 'AppError';
    this.kind = kind;
    this.problems = problems.map((p) => problemIn(p, 'en'));
    this.#toldIn = toldIn ?? ((language) => ({ message: tell(message, language), problems: problems.map((p) => problemIn(p, language)) }));
  }

  /** The message and field problems in `language`; in English, `message` and `problems` themselves. */
  in(language: Language): ToldError {
    return language === 'en' ? { message: this.message, problems: this.problems } : this.#toldIn(language);
  }
}

export const invalid = (message: Text, problems: RaisedProblem[] = []) =>
  new AppError('invalid', message, problems);
export const invalidField = (field: string, reason: Text) =>
  new AppError('invalid', typeof reason === 'string' ? `${field}: ${reason}` : told((language) => `${field}: ${reason.in(language)}`), [{ field, reason }]);
/** `what` is a name, "Webhook 3" (English: " not found" is added), or a catalogue message that says it all (say('customer.not_found', { id })). */
export const notFound = (what: Text, extensions?: ProblemExtensions) => {
  const error = new AppError('not_found', typeof what === 'string' ? `${what} not found` : what);
  if (extensions) error.extensions = extensions;
  return error;
};
export const conflict = (message: Text) => new AppError('conflict', message);
export const unauthorized = (message: Text = 'Authentication required') =>
  new AppError('unauthorized', message);
export const forbidden = (message: Text) => new AppError('forbidden', message);
export const unavailable = (message: Text) => new AppError('unavailable', message);

export const isAppError = (error: unknown): error is AppError => error instanceof AppError;

/** Human-readable one-liner with every field problem, for the CLI and logs. */
export function describeError(error: unknown): string {
  if (!isAppError(error)) return error instanceof Error ? error.message : String(error);
  if (error.problems.length <= 1) return error.message;
  // A message that already names the first problems (parseInput's "Invalid program: a; b; …",
  // for an API answer's one-line detail) is cut before them, so the list says each once.
  const first = error.problems[0];
  // (A conflict names them as "total 12.40 (this request: 12.50)": without the colon.)
  // (A file's columns are listed by their reasons alone.)
  const named = [`${first.field}: ${first.reason}`, `${first.field} ${first.reason}`, first.reason].map((text) => error.message.indexOf(text)).filter((i) => i > 0);
  const at = named.length ? Math.min(...named) : -1;
  const headline = at > 0 ? `${error.message.slice(0, at).replace(/[\s:;]+$/, '')}:` : error.message;
  return [headline, ...error.problems.map((p) => `  - ${p.field}: ${p.reason}`)].join('\n');
}
