import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { actorOf, ROLE_SCOPES } from '../../modules/auth/index.ts';
import { ApiKeyInput, UserChange, UserInput } from '../../modules/auth/auth.schema.ts';
import { StoreInput } from '../../modules/stores/index.ts';
import { WebhookInput } from '../../modules/webhooks/index.ts';
import type { Services } from '../../services.ts';
import { withFields } from '../../shared/objects.ts';
import { SESSION_COOKIE } from '../auth.ts';
import { route } from '../route.ts';
import { ApiKeys, Degraded, Health, NewApiKey, NewPassword, NewUser, NewWebhook, Session, Status, Store, Stores, User, UserSession, Users, WebhookDeliveries, Webhooks } from '../responses/system.ts';

// Health, status, sessions, API keys, users, stores and webhooks: the small resources
// around the customer data.
export function systemRoutes(app: FastifyInstance, s: Services, prefix: string) {
  route(app, prefix, {
    method: 'GET', path: '/health', tag: 'system', scope: null, summary: 'Liveness and database status (no authentication)',
    responses: { 200: { description: 'Up', schema: Health }, 503: { description: 'The database does not answer', schema: Degraded } },
    rateLimit: { max: 600, timeWindow: '1 minute' },
    handler: async (_req, reply) => {
      const started = Date.now();
      try {
        await sql`SELECT 1`.execute(s.db);
        return { status: 'ok', database: { status: 'ok', kind: s.database.kind, latency_ms: Date.now() - started } };
      } catch (error) {
        return reply.code(503).send({ status: 'degraded', database: { status: 'down', kind: s.database.kind, error: (error as Error).message } });
      }
    },
  });

  route(app, prefix, {
    method: 'GET', path: '/status', tag: 'system', scope: 'read', summary: "Counts of customers and purchases, net revenue, the currency and the business's time zone",
    responses: { 200: { description: "Customers, purchases, net revenue, and the currency and time zone the business counts in", schema: Status } },
    handler: async () => withFields(await s.commerce.totals(), { time_zone: s.config.timeZone }),
  });

  route(app, prefix, {
    method: 'POST', path: '/auth/login', tag: 'auth', scope: null, summary: 'Log in to the dashboard (sets the session cookie)',
    body: z.strictObject({ email: z.string(), password: z.string() }),
    responses: { 200: { description: 'The user and the CSRF token of the session', schema: UserSession }, 401: 'Wrong email or password' },
    rateLimit: { max: 10, timeWindow: '1 minute' },
    handler: async (req, reply) => {
      const session = await s.auth.login(req.body);
      reply.setCookie(SESSION_COOKIE, session.token, {
        httpOnly: true, sameSite: 'lax', path: '/', maxAge: session.maxAgeSeconds,
        secure: s.config.publicUrl.startsWith('https://'),
      });
      return { user: session.user, csrf_token: session.csrfToken, scopes: ROLE_SCOPES[session.user.role] };
    },
  });

  route(app, prefix, {
    method: 'GET', path: '/auth/session', tag: 'auth', scope: 'read', summary: 'The logged-in user and the CSRF token',
    responses: { 200: { description: 'The user and the CSRF token; asked with an API key, the key', schema: Session }, 401: 'Not logged in' },
    handler: async (req, _reply, p) => {
      if (p.kind !== 'user') return { user: null, key: { id: p.id, name: p.name, scopes: p.scopes } };
      return { user: await s.auth.userById(p.id), csrf_token: p.csrfToken, scopes: p.scopes };
    },
  });

  route(app, prefix, {
    method: 'POST', path: '/auth/logout', tag: 'auth', scope: 'read', summary: 'End the dashboard session',
    responses: { 204: { description: 'Logged out', schema: null } },
    handler: async (req, reply) => {
      const token = req.cookies[SESSION_COOKIE];
      if (token) await s.auth.logout(token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send();
    },
  });

  route(app, prefix, {
    method: 'POST', path: '/keys', tag: 'admin', scope: 'admin', summary: 'Create an API key (the secret is shown once)',
    body: ApiKeyInput, responses: { 201: { description: 'The key, with its secret', schema: NewApiKey } },
    handler: async (req, reply, p) => reply.code(201).send(await s.auth.createApiKey(req.body, { actor: actorOf(p) })),
  });
  route(app, prefix, {
    method: 'GET', path: '/keys', tag: 'admin', scope: 'admin', summary: 'List API keys (without secrets)',
    responses: { 200: { description: 'Every key, revoked ones too', schema: ApiKeys } },
    handler: async () => ({ items: await s.auth.listApiKeys() }),
  });
  route(app, prefix, {
    method: 'DELETE', path: '/keys/:id', tag: 'admin', scope: 'admin', summary: 'Revoke an API key',
    responses: { 204: { description: 'Revoked', schema: null }, 404: 'No such active key' },
    handler: async (req, reply, p) => {
      await s.auth.revokeApiKey((req.params as { id: string }).id, { actor: actorOf(p) });
      return reply.code(204).send();
    },
  });

  route(app, prefix, {
    method: 'POST', path: '/users', tag: 'admin', scope: 'admin', summary: 'Create a staff user (a password is generated when none is given)',
    body: UserInput, responses: { 201: { description: 'The user, and the generated password', schema: NewUser }, 409: 'Email taken' },
    handler: async (req, reply, p) => reply.code(201).send(await s.auth.createUser(req.body, { actor: actorOf(p) })),
  });
  route(app, prefix, {
    method: 'GET', path: '/users', tag: 'admin', scope: 'admin', summary: 'List staff users',
    responses: { 200: { description: 'Every user', schema: Users } },
    handler: async () => ({ items: await s.auth.listUsers() }),
  });
  route(app, prefix, {
    method: 'PATCH', path: '/users/:email', tag: 'admin', scope: 'admin',
    summary: "Change a staff user's role, or stop (disabled: true) or allow again their logins; stopping ends their sessions",
    body: UserChange,
    responses: { 200: { description: 'The user', schema: User }, 404: 'No such user', 422: 'The change would leave no active owner' },
    handler: async (req, _reply, p) => s.auth.updateUser((req.params as { email: string }).email, req.body, { actor: actorOf(p) }),
  });
  route(app, prefix, {
    method: 'POST', path: '/users/:email/password-reset', tag: 'admin', scope: 'admin',
    summary: "Give a staff user a new generated password (shown once) and end their sessions",
    responses: { 200: { description: 'The new password', schema: NewPassword }, 404: 'No such user' },
    handler: async (req, _reply, p) => s.auth.resetPassword((req.params as { email: string }).email, { actor: actorOf(p) }),
  });

  route(app, prefix, {
    method: 'GET', path: '/stores', tag: 'stores', scope: 'read', summary: 'List stores',
    responses: { 200: { description: 'Every store, by name', schema: Stores } },
    handler: async () => ({ items: await s.stores.list() }),
  });
  route(app, prefix, {
    method: 'POST', path: '/stores', tag: 'stores', scope: 'admin', summary: 'Create or update a store by its code',
    body: StoreInput, responses: { 201: { description: 'The store, created', schema: Store }, 200: { description: 'The store with that code, updated', schema: Store } },
    handler: async (req, reply, p) => {
      const { store, created } = await s.stores.upsert(req.body, { actor: actorOf(p) });
      return reply.code(created ? 201 : 200).send(store);
    },
  });

  route(app, prefix, {
    method: 'POST', path: '/webhooks', tag: 'webhooks', scope: 'admin', summary: 'Subscribe a URL to events (signed with HMAC-SHA256; the secret is shown once)',
    body: WebhookInput, responses: { 201: { description: 'The endpoint, with its signing secret', schema: NewWebhook } },
    handler: async (req, reply, p) => reply.code(201).send(await s.webhooks.create(req.body, { actor: actorOf(p) })),
  });
  route(app, prefix, {
    method: 'GET', path: '/webhooks', tag: 'webhooks', scope: 'admin', summary: 'List webhook endpoints',
    responses: { 200: { description: 'Every endpoint', schema: Webhooks } },
    handler: async () => ({ items: await s.webhooks.list() }),
  });
  route(app, prefix, {
    method: 'DELETE', path: '/webhooks/:id', tag: 'webhooks', scope: 'admin', summary: 'Remove a webhook endpoint',
    responses: { 204: { description: 'Removed', schema: null } },
    handler: async (req, reply, p) => {
      await s.webhooks.remove((req.params as { id: string }).id, { actor: actorOf(p) });
      return reply.code(204).send();
    },
  });
  route(app, prefix, {
    method: 'GET', path: '/webhooks/:id/deliveries', tag: 'webhooks', scope: 'admin', summary: 'Recent delivery attempts of an endpoint',
    responses: { 200: { description: 'The latest 50 attempts, newest first', schema: WebhookDeliveries } },
    handler: async (req) => ({ items: await s.webhooks.deliveries((req.params as { id: string }).id) }),
  });
}

