import { errorCodes, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Principal, Scope } from '../modules/auth/index.ts';
import { forbidden, invalidField, isAppError, notFound } from '../shared/errors.ts';
import type { CodeGuesses } from './code-guesses.ts';
import { refuseUnstorableText } from './text-check.ts';
import { tooManyRequests } from './problem.ts';
import { say } from '../shared/messages/index.ts';
import { isUuid } from '../shared/ids.ts';
import { withFields } from '../shared/objects.ts';

// Routes are declared once with their scope and zod schemas; the same declaration
// registers the handler, enforces the scope and produces the OpenAPI document, the
// shapes of its answers included (checked against every answer under the tests:
// response-check.ts).

/** An answer's JSON body: its schema (src/http/responses/), or null when it has none (204). */
export interface ResponseSpec {
  description: string;
  schema: z.ZodType | null;
  /** The lines answered instead to `Accept: application/x-ndjson` (progress.ts). */
  ndjson?: z.ZodType;
  /** The same answered as text/csv (a download), with these columns in its header line. */
  csv?: { columns: readonly string[] };
}

type SuccessStatus = 200 | 201 | 202 | 204;
type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503;
/** A redirect, told in words: its body is none, its Location the answer. */
type RedirectStatus = 302;
/**
 * Every status a route answers: a success with the shape of its body; an error in words
 * (its body is problem details), or with a shape when it answers another body.
 */
export type RouteResponses = { [S in SuccessStatus]?: ResponseSpec } & { [S in ErrorStatus | RedirectStatus]?: string | ResponseSpec };

export interface RouteSpec {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string; // Fastify syntax: /customers/:id
  summary: string;
  /** What the summary leaves out (OpenAPI description). */
  description?: string;
  tag: string;
  /** null: no authentication (health, login, public pages). */
  scope: Scope | null;
  body?: z.ZodType;
  /** The body may be left out: the handler reads none as `{}` (every field of `body` optional). OpenAPI says so, so a generated client need not send `{}`. */
  bodyOptional?: true;
  query?: z.ZodType;
  responses: RouteResponses;
  rateLimit?: { max: number; timeWindow: string };
  /** The route looks a coupon or gift card up by its code: unknown codes count against the caller (code-guesses.ts). */
  codeLookup?: true;
  multipart?: boolean;
  /** The body's list whose items the handler checks one by one for text the database cannot hold (text-check.ts). */
  itemsAlone?: string;
  handler: (request: FastifyRequest, reply: FastifyReply, principal: Principal) => Promise<unknown>;
}

export const registry: RouteSpec[] = [];

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
  interface FastifyInstance {
    /** The unknown codes each caller tried this minute (buildApp). */
    codeGuesses: CodeGuesses;
  }
}

export function route(app: FastifyInstance, prefix: string, spec: RouteSpec): void {
  if (!registry.some((r) => r.method === spec.method && r.path === prefix + spec.path)) {
    const responses: RouteResponses = spec.codeLookup ? withFields(spec.responses, { 429: 'Too many unknown codes from this caller this minute (UNKNOWN_CODES_PER_MINUTE): every code is refused until Retry-After' }) : spec.responses;
    registry.push(withFields(spec, { path: prefix + spec.path, responses }));
  }
  const takesKey = takesField(spec.body, IDEMPOTENCY_KEY);
  app.route({
    method: spec.method,
    url: spec.path,
    onRequest: spec.multipart ? onlyMultipart : undefined,
    // rateLimit only where a route sets one (@fastify/rate-limit reads the key's presence); literals that name their fields (test/hidden-classes.test.ts).
    config: spec.rateLimit
      ? { scope: spec.scope, responses: spec.responses, multipart: spec.multipart === true, rateLimit: spec.rateLimit }
      : { scope: spec.scope, responses: spec.responses, multipart: spec.multipart === true },
    handler: async (request, reply) => {
      // A path with a parameter left empty (/customers//loyalty) names nothing: told so, not "Customer  not found".
      const empty = Object.entries(request.params as Record<string, string>).find(([, value]) => value.trim() === '');
      if (empty) throw notFound(say('http.empty_path_param', { param: empty[0], route: prefix + spec.path }));
      const principal = request.principal;
      if (spec.scope && principal && !principal.scopes.includes(spec.scope)) {
        throw forbidden(say(principal.kind === 'key' ? 'auth.scope_of_key' : 'auth.scope_of_role', { scope: spec.scope, scopes: principal.scopes.join(', ') }));
      }
      if (takesKey) keyFromHeader(request);
      refuseUnstorableText(request, spec.itemsAlone);
      if (!spec.codeLookup) return spec.handler(request, reply, principal!);
      const guesses = request.server.codeGuesses;
      const wait = guesses.blockedFor(request);
      if (wait > 0) {
        reply.header('retry-after', String(wait));
        throw tooManyRequests(wait);
      }
      try {
        return await spec.handler(request, reply, principal!);
      } catch (error) {
        if (isAppError(error) && error.kind === 'not_found') guesses.missed(request);
        throw error;
      }
    },
  });
}

/**
 * A multipart route (an import's upload) refuses any other body before reading it, as a 415
 * naming the type received and the one to send (problem.ts): a JSON body was parsed first
 * (a broken one a 400 about its JSON), then refused by the multipart reader with its
 * English 406 "the request is not multipart". After the caller's key is checked (auth.ts).
 */
async function onlyMultipart(request: FastifyRequest): Promise<void> {
  const type = request.headers['content-type']?.split(';')[0].trim().toLowerCase();
  if (type !== 'multipart/form-data') throw new errorCodes.FST_ERR_CTP_INVALID_MEDIA_TYPE();
}

/** The body's field that makes a write safe to retry (answerWrite); the Idempotency-Key header may carry it instead. */
export const IDEMPOTENCY_KEY = 'idempotency_key';
export const IDEMPOTENCY_HEADER = 'idempotency-key';

/**
 * The Idempotency-Key header (Stripe's, the IETF draft's) read as the body's
 * idempotency_key, so a client written for those APIs retries safely here too: put into
 * a body that has none; the same in both is fine; two different keys are refused, since
 * either could be the one the client retries with.
 */
function keyFromHeader(request: FastifyRequest): void {
  const header = request.headers[IDEMPOTENCY_HEADER];
  if (typeof header !== 'string') return;
  const body = request.body ?? {};
  if (typeof body !== 'object' || Array.isArray(body)) return; // the body's own parse names what is wrong with it
  const sent = (body as Record<string, unknown>)[IDEMPOTENCY_KEY];
  if (sent === undefined) request.body = withFields(body, { [IDEMPOTENCY_KEY]: header });
  else if (sent !== header) throw invalidField(IDEMPOTENCY_KEY, say('http.idempotency_key_differs', { header, body: String(sent) }));
}

/** Whether a body schema has the field `name`: an object's own, or one inside a pipe, an optional or any option of a union. */
export function takesField(schema: z.ZodType | undefined, name: string): boolean {
  if (!schema) return false;
  const def = (schema as unknown as { _zod: { def: { type: string; shape?: Record<string, unknown>; in?: z.ZodType; innerType?: z.ZodType; options?: z.ZodType[] } } })._zod.def;
  switch (def.type) {
    case 'object':
      return Object.hasOwn(def.shape!, name);
    case 'pipe':
      return takesField(def.in, name);
    case 'union':
      return def.options!.some((option) => takesField(option, name));
    default:
      return def.innerType ? takesField(def.innerType, name) : false;
  }
}

declare module 'fastify' {
  interface FastifyContextConfig {
    scope?: Scope | null;
    responses?: RouteResponses;
    /** The route reads a multipart body (a 415 names it as the type to send). */
    multipart?: boolean;
  }
}

/**
 * The answer to a write that a key makes safe to retry: 201 when this request created it,
 * 200 with `Idempotent-Replayed: true` when an earlier request with the same key did.
 */
export function answerWrite(reply: FastifyReply, created: boolean, body: unknown) {
  if (!created) reply.header('idempotent-replayed', 'true');
  return reply.code(created ? 201 : 200).send(body);
}

/**
 * The answer to a read of one customer's records that follows merges: given an id merged
 * into another, the service answers the survivor's records under the survivor's
 * customer_id, and Content-Location names the survivor's URL (this one with the id
 * replaced), so a till or an app still holding the merged id can learn the one to use.
 * Only a customer id is followed: a customer named otherwise (an external id) was not
 * merged, and its text may stand elsewhere in the URL too.
 */
export function answerFollowingMerges(request: FastifyRequest, reply: FastifyReply, requested: string | undefined, body: { customer_id?: string }) {
  if (requested && isUuid(requested) && body.customer_id && body.customer_id !== requested) reply.header('content-location', request.url.replaceAll(requested, body.customer_id));
  return reply.send(body);
}

/** The OpenAPI description of a per-customer read that follows merges (answerFollowingMerges): `what` it answers for a merged id. */
export const followsMerges = (what: string) =>
  `The id of a customer merged into another (POST /customers/{id}/merge, also through a chain of merges) answers ${what}, ` +
  "with the survivor's id as customer_id and a Content-Location header naming the survivor's URL, so a till or an app can learn the id to use. " +
  'GET /customers/{id} is not followed: it answers a merged id with a 404 naming the customer it was merged into.';

/**
 * The 404 of a route given a customer id (customerNotFound): `what` is refused, and an
 * erased customer's id is answered as GET /customers/{id} answers it, its problem's
 * `erased_at` saying when. `merged`: how the route takes a merged id.
 */
export const unknownCustomer = (what = 'Unknown customer', merged = 'a merged id is followed to the customer it was merged into') =>
  `${what}, or an erased one (the problem's \`erased_at\` says when the customer was erased, as GET /customers/{id} answers it); ${merged}`;
/** unknownCustomer of a staff write that refuses a merged id (adjust, enrol). */
export const MERGED_REFUSED = "a merged id is refused, the problem's `merged_into` naming the customer it was merged into";
