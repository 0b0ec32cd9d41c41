import { isUtf8 } from 'node:buffer';
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { errorCodes, type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import type { Services } from '../services.ts';
import { registerAuthHook } from './auth.ts';
import { createCodeGuesses } from './code-guesses.ts';
import { docsPage, openApiDocument } from './openapi.ts';
import { answerLanguage, errorHandler, invalidJsonBody, problem, sendProblem, tooManyRequests } from './problem.ts';
import { installResponseChecks } from './response-check.ts';
import { noteJsonBodyText } from './text-check.ts';
import { invalidUtf8Body } from './utf8-body.ts';
import { analyticsRoutes } from './routes/analytics.ts';
import { analyticsViewRoutes } from './routes/analytics-views.ts';
import { auditRoutes } from './routes/audit.ts';
import { customerRoutes } from './routes/customers.ts';
import { demoRoutes } from './routes/demo.ts';
import { importRoutes } from './routes/imports.ts';
import { loyaltyRoutes } from './routes/loyalty.ts';
import { promotionRoutes } from './routes/promotions.ts';
import { giftCardRefundRoutes } from './routes/gift-card-refunds.ts';
import { couponRollbackRoutes } from './routes/coupon-rollbacks.ts';
import { purchaseRoutes } from './routes/purchases.ts';
import { recommendationRoutes } from './routes/recommendations.ts';
import { referralLinkRoutes } from './routes/referral-links.ts';
import { scoreRoutes } from './routes/scores.ts';
import { systemRoutes } from './routes/system.ts';
import { say } from '../shared/messages/index.ts';

export const API_PREFIX = '/api/v1';
const WEB_DIST = path.resolve(import.meta.dirname, '../../dist/web');
/** Where vite puts the dashboard's hashed scripts and styles (its assetsDir) in the URL space. */
const ASSETS_PATH = '/assets/';
const VERSION = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../package.json'), 'utf8')).version as string;

/**
 * The longest path parameter the router takes, as sent (percent-encoded). Fastify's default
 * of 100 refused ids the API itself accepts: an order id may have 200 characters, and one
 * of accented letters is six times as long encoded (an emoji twelve).
 */
export const MAX_PATH_PARAM = 4096;

/** Fastify's errors from before any route (a path that does not decode, a part of it too long) as problems, in the request's language. */
function frameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const language = answerLanguage(request);
  const path = request.url.split('?')[0];
  if (error.code === 'FST_ERR_BAD_URL') return sendProblem(reply, problem(400, say('http.bad_url', { path }).in(language), undefined, language), language);
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') return sendProblem(reply, problem(414, say('http.path_param_too_long', { limit: MAX_PATH_PARAM }).in(language), undefined, language), language);
  return sendProblem(reply, problem(error.statusCode ?? 400, error.message, undefined, language), language);
}

/** `webDist`: the built dashboard's folder (dist/web; a test gives its own). */
export async function buildApp(services: Services, { webDist = WEB_DIST }: { webDist?: string } = {}): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, bodyLimit: 10 * 1024 * 1024, trustProxy: true, routerOptions: { maxParamLength: MAX_PATH_PARAM }, frameworkErrors: frameworkError });
  app.setErrorHandler(errorHandler(services.logger));
  // A till or a script often sends `Content-Type: application/json` on a POST that needs no
  // body (a capture, a release): an empty body is no body, not a 400. Anything else is
  // read by Fastify's own JSON parser, as before; a body it refuses is told with the
  // position of the error (invalidJsonBody), not Fastify's English sentence. The bytes are
  // checked to be UTF-8 before they are read as text: decoded as they came, a byte of
  // another code page became U+FFFD and a name was stored garbled (utf8-body.ts).
  const parseJson = app.getDefaultJsonParser('error', 'error');
  // (parseAs: 'buffer' hands a Buffer, though the type says string or Buffer.)
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, raw, done) => {
    const bytes = raw as Buffer;
    if (bytes.length === 0) return done(null, undefined);
    if (!isUtf8(bytes)) return done(invalidUtf8Body(bytes), undefined);
    const body = bytes.toString('utf8');
    noteJsonBodyText(request, body);
    return parseJson(request, body, (error, value) => (error ? done(invalidJsonBody(body), undefined) : done(null, value)));
  });
  // The API reads JSON (and an import's multipart): a body of another type is a 415 naming
  // both (problemOf), not a string the route's schema then calls "must be an object". An
  // empty one is no body, as for JSON (`curl -d ''` sends form-urlencoded).
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser('*', (request, _payload, done) => {
    const { 'content-length': length, 'transfer-encoding': chunked } = request.headers;
    if (chunked === undefined && (length === undefined || length === '0')) return done(null, undefined);
    return done(new errorCodes.FST_ERR_CTP_INVALID_MEDIA_TYPE(), undefined);
  });
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: 2 * 1024 ** 3, files: 1 } });
  // Limits apply only to routes that declare one (login, health): API keys are trusted
  // callers, and a POS sending a burst must not be turned away. Coupon and gift-card look-ups
  // are limited by the unknown codes a caller tries, not by its requests (code-guesses.ts).
  app.decorate('codeGuesses', createCodeGuesses(services.config.unknownCodesPerMinute));
  await app.register(rateLimit, {
    global: false,
    // An Error with its status, as Fastify's own client errors come: problemOf tells it (a plain object lost its detail).
    errorResponseBuilder: (_req, ctx) => tooManyRequests(Math.ceil(ctx.ttl / 1000)),
  });
  registerAuthHook(app, services.auth);
  if (services.config.checkResponses) installResponseChecks(app);

  await app.register(
    async (api) => {
      systemRoutes(api, services, API_PREFIX);
      customerRoutes(api, services, API_PREFIX);
      purchaseRoutes(api, services, API_PREFIX);
      loyaltyRoutes(api, services, API_PREFIX);
      promotionRoutes(api, services, API_PREFIX);
      giftCardRefundRoutes(api, services, API_PREFIX);
      couponRollbackRoutes(api, services, API_PREFIX);
      importRoutes(api, services, API_PREFIX);
      demoRoutes(api, services, API_PREFIX);
      analyticsRoutes(api, services, API_PREFIX);
      analyticsViewRoutes(api, services, API_PREFIX);
      recommendationRoutes(api, services, API_PREFIX);
      scoreRoutes(api, services, API_PREFIX);
      auditRoutes(api, services, API_PREFIX);
    },
    { prefix: API_PREFIX },
  );

  // A referral link's short form, outside the API: its URL is the one a member shares.
  referralLinkRoutes(app, services);

  let document: ReturnType<typeof openApiDocument> | undefined;
  const doc = () => (document ??= openApiDocument({ version: VERSION, serverUrl: services.config.publicUrl }));
  app.get('/api/openapi.json', async () => doc());
  app.get('/api/docs', async (_req, reply) => reply.type('text/html').send(docsPage(doc())));

  const hasDashboard = fs.existsSync(path.join(webDist, 'index.html'));
  if (hasDashboard) {
    // The assets are looked for on disk when asked (wildcard), not listed once at start: a
    // running server answered a rebuilt dashboard's new hashed names with index.html until
    // restarted. The folder's other files (index.html) keep their names; a wildcard at the
    // root would take the API's unknown paths from the router, as a part too long (a 414).
    await app.register(fastifyStatic, { root: webDist, wildcard: false, index: false, globIgnore: ['assets/**'] });
    await app.register(fastifyStatic, {
      root: path.join(webDist, ASSETS_PATH), prefix: ASSETS_PATH, wildcard: true, index: false, decorateReply: false,
      // The folder itself is no file: a 404 as any missing one, not send's 403.
      allowedPath: (pathName) => !pathName.endsWith('/'),
    });
  }
  app.setNotFoundHandler(async (request, reply) => {
    const language = answerLanguage(request);
    const noRoute = (path: string) => sendProblem(reply, problem(404, say('http.no_route', { method: request.method, path }).in(language), undefined, language), language);
    const urlPath = request.url.split('?')[0];
    if (request.url.startsWith('/api/')) return noRoute(urlPath);
    // index.html is the dashboard's pages' answer, never a missing script's or style's (a
    // page built before a rebuild asks for its old names): that is a 404 saying to reload.
    if (urlPath.startsWith(ASSETS_PATH) && hasDashboard) return sendProblem(reply, problem(404, say('http.no_asset', { path: urlPath }).in(language), undefined, language), language);
    if (request.method === 'GET' && hasDashboard) return reply.type('text/html; charset=utf-8').sendFile('index.html');
    if (request.method === 'GET') return reply.type('text/plain').send('The dashboard is not built: run `npm run build:web`.');
    return noRoute(request.url);
  });
  return app;
}
