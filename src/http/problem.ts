import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { isAppError, type AppError, type ErrorKind, type FieldProblem } from '../shared/errors.ts';
import { jsonSyntaxError } from '../shared/json-syntax.ts';
import type { Logger } from '../shared/logger.ts';
import { languageOf, Said, say, type Language, type MessageCode } from '../shared/messages/index.ts';
import { withFields } from '../shared/objects.ts';

// The one place where errors become HTTP responses: RFC 9457 problem details, naming
// every field that is wrong and why, told in the language the request's Accept-Language
// prefers among the dashboard's (English without one: tills, scripts and the CLI read the
// texts they always did). The catalogue's messages are told in it (src/shared/messages),
// zod's through its locale; the rest stays English.

export const STATUS_OF: Record<ErrorKind, number> = {
  invalid: 422,
  not_found: 404,
  conflict: 409,
  unauthorized: 401,
  forbidden: 403,
  unavailable: 503,
};

const TITLED = new Set([400, 401, 403, 404, 409, 413, 414, 415, 422, 429, 500, 503]);
const titleOf = (status: number, language: Language) => new Said(TITLED.has(status) ? (`problem.${status}` as MessageCode) : 'problem.other').in(language);

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldProblem[];
  /** A merged customer's 404: the id of the customer it was merged into. */
  merged_into?: string;
  /** A merged customer's 404: when it was merged into it. */
  merged_at?: string;
  /** An erased customer's 404: when their personal data was erased. */
  erased_at?: string;
}

export function problem(status: number, detail: string, errors?: FieldProblem[], language: Language = 'en'): Problem {
  // One shape whether or not there are field problems (an error answer is a request path
  // too); JSON leaves out an `errors` that is undefined.
  return { type: 'about:blank', title: titleOf(status, language), status, detail, errors: errors?.length ? errors : undefined };
}

export function problemOfAppError(error: AppError, language: Language = 'en'): Problem {
  const told = error.in(language);
  const answer = problem(STATUS_OF[error.kind], told.message, told.problems, language);
  return error.extensions ? withFields(answer, error.extensions) : answer;
}

/** The language an answer to `request` is told in (its Accept-Language). */
export const answerLanguage = (request: Pick<FastifyRequest, 'headers'>): Language => languageOf(request.headers['accept-language']);

/**
 * Says which language an answer's words are told in (Content-Language), as README
 * promises of every translated answer: a problem, and a 200 whose texts are told too (an
 * import's row reasons, a member's explanation, a coupon's problem). English, the
 * product's own, goes unsaid, as a client that asks for no language has always read it.
 * QA F8: an import's report told in Slovenian carried no Content-Language; its 422 did.
 */
export function toldIn(reply: FastifyReply, language: Language): FastifyReply {
  return language === 'en' ? reply : reply.header('content-language', language);
}

/** `language`: what the problem is told in; an answer in another language than English says so (Content-Language). */
export function sendProblem(reply: FastifyReply, p: Problem, language: Language = 'en') {
  return toldIn(reply, language).code(p.status).type('application/problem+json').send(p);
}

/**
 * A body that is not JSON, as Fastify's own error for it (400), with the position of the
 * error: Fastify's parser keeps only its English sentence, which names a position for some
 * errors only, so the body is scanned once more to find it (a failure's path alone).
 */
export function invalidJsonBody(text: string): FastifyError & { position?: number } {
  const position = jsonSyntaxError(text)?.position;
  return Object.assign(new Error('The body is not valid JSON'), { name: 'FastifyError', code: 'FST_ERR_CTP_INVALID_JSON_BODY', statusCode: 400, position });
}

/** A 429: the caller is to wait `seconds` (a route's rate limit, or the unknown codes it tried: code-guesses.ts), told in the request's language. */
export function tooManyRequests(seconds: number): FastifyError & { seconds: number } {
  return Object.assign(new Error(`Too many requests; try again in ${seconds} s`), { name: 'FastifyError', code: 'REGULARS_TOO_MANY_REQUESTS', statusCode: 429, seconds });
}

/** What a body of a type the route does not read is told (415): the type received, and the one the route reads. */
function unsupportedMediaType(request: Pick<FastifyRequest, 'headers'> & { routeOptions?: { config?: { multipart?: boolean } } }): Said {
  const expected = request.routeOptions?.config?.multipart ? 'multipart/form-data' : 'application/json';
  const received = request.headers['content-type']?.split(';')[0].trim();
  return received ? say('http.unsupported_media_type', { received, expected }) : say('http.no_media_type', { expected });
}

/** Fastify's own client errors in the request's language: their English sentences are not told. */
function clientErrorDetail(error: FastifyError & { position?: number; seconds?: number; offset?: number; byte?: string }, request: Parameters<typeof unsupportedMediaType>[0]): Said | string {
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return unsupportedMediaType(request);
  if (error.code === 'REGULARS_BODY_NOT_UTF8') return say('http.not_utf8_at', { byte: error.byte ?? '??', position: error.offset ?? 0 });
  if (error.code === 'REGULARS_TOO_MANY_REQUESTS') return say('http.too_many_requests', { seconds: error.seconds ?? 1 });
  if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError) {
    return error.position === undefined ? say('http.invalid_json') : say('http.invalid_json_at', { position: error.position });
  }
  return error.message;
}

/**
 * Any error as a problem: an AppError names what is wrong; Fastify's own client errors
 * (malformed JSON, wrong content type, body too large, rate limit) keep their status;
 * anything else is logged and becomes a 500 that tells nothing of our insides.
 */
export function problemOf(error: unknown, logger: Logger, request: Pick<FastifyRequest, 'method' | 'url' | 'headers'> & Parameters<typeof unsupportedMediaType>[0]): Problem {
  const language = answerLanguage(request);
  if (isAppError(error)) return problemOfAppError(error, language);
  const fe = error as FastifyError;
  if (fe.statusCode && fe.statusCode < 500) {
    const detail = clientErrorDetail(fe, request);
    return problem(fe.statusCode, typeof detail === 'string' ? detail : detail.in(language), undefined, language);
  }
  logger.error('unhandled error', withFields({ method: request.method, url: request.url }, { error: (error as Error).message, stack: (error as Error).stack }));
  return problem(500, say('http.internal').in(language), undefined, language);
}

export function errorHandler(logger: Logger) {
  return (error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) => sendProblem(reply, problemOf(error, logger, request), answerLanguage(request));
}
