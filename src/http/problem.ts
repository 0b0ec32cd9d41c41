import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { isAppError, type AppError, type ErrorKind, type FieldProblem } from '../shared/errors.ts';
import type { Logger } from '../shared/logger.ts';
import { withFields } from '../shared/objects.ts';

// The one place where errors become HTTP responses: RFC 9457 problem details, naming
// every field that is wrong and why.

export const STATUS_OF: Record<ErrorKind, number> = {
  invalid: 422,
  not_found: 404,
  conflict: 409,
  unauthorized: 401,
  forbidden: 403,
  unavailable: 503,
};

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  429: 'Too many requests',
  500: 'Internal server error',
  503: 'Service unavailable',
};

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldProblem[];
}

export function problem(status: number, detail: string, errors?: FieldProblem[]): Problem {
  // One shape whether or not there are field problems (an error answer is a request path
  // too); JSON leaves out an `errors` that is undefined.
  return { type: 'about:blank', title: TITLES[status] ?? 'Error', status, detail, errors: errors?.length ? errors : undefined };
}

export const problemOfAppError = (error: AppError): Problem => problem(STATUS_OF[error.kind], error.message, error.problems);

export function sendProblem(reply: FastifyReply, p: Problem) {
  return reply.code(p.status).type('application/problem+json').send(p);
}

/**
 * Any error as a problem: an AppError names what is wrong; Fastify's own client errors
 * (malformed JSON, wrong content type, body too large, rate limit) keep their status;
 * anything else is logged and becomes a 500 that tells nothing of our insides.
 */
export function problemOf(error: unknown, logger: Logger, where: { method: string; url: string }): Problem {
  if (isAppError(error)) return problemOfAppError(error);
  const fe = error as FastifyError;
  if (fe.statusCode && fe.statusCode < 500) {
    const detail = fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError ? `The body is not valid JSON: ${fe.message}` : fe.message;
    return problem(fe.statusCode, detail);
  }
  logger.error('unhandled error', withFields(where, { error: (error as Error).message, stack: (error as Error).stack }));
  return problem(500, 'Something went wrong on our side; it has been logged.');
}

export function errorHandler(logger: Logger) {
  return (error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) =>
    sendProblem(reply, problemOf(error, logger, { method: request.method, url: request.url }));
}
