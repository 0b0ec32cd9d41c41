import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { isAppError, type AppError, type ErrorKind, type FieldProblem } from '../shared/errors.ts';
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

const TITLED = new Set([400, 401, 403, 404, 409, 413, 415, 422, 429, 500, 503]);
const titleOf = (status: number, language: Language) => new Said(TITLED.has(status) ? (`problem.${status}` as MessageCode) : 'problem.other').in(language);

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldProblem[];
  /** A merged customer's 404: the id of the customer it was merged into. */
  merged_into?: string;
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

/** `language`: what the problem is told in; an answer in another language than English says so (Content-Language). */
export function sendProblem(reply: FastifyReply, p: Problem, language: Language = 'en') {
  if (language !== 'en') reply.header('content-language', language);
  return reply.code(p.status).type('application/problem+json').send(p);
}

/**
 * Any error as a problem: an AppError names what is wrong; Fastify's own client errors
 * (malformed JSON, wrong content type, body too large, rate limit) keep their status;
 * anything else is logged and becomes a 500 that tells nothing of our insides.
 */
export function problemOf(error: unknown, logger: Logger, request: Pick<FastifyRequest, 'method' | 'url' | 'headers'>): Problem {
  const language = answerLanguage(request);
  if (isAppError(error)) return problemOfAppError(error, language);
  const fe = error as FastifyError;
  if (fe.statusCode && fe.statusCode < 500) {
    const detail = fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError ? say('http.invalid_json', { detail: fe.message }).in(language) : fe.message;
    return problem(fe.statusCode, detail, undefined, language);
  }
  logger.error('unhandled error', withFields({ method: request.method, url: request.url }, { error: (error as Error).message, stack: (error as Error).stack }));
  return problem(500, say('http.internal').in(language), undefined, language);
}

export function errorHandler(logger: Logger) {
  return (error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) => sendProblem(reply, problemOf(error, logger, request), answerLanguage(request));
}
