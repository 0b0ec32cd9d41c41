import { z } from 'zod';
import { Count, Id, Instant, list, shared } from './common.ts';
import { StoreTotals } from './purchases.ts';

// Health, sessions, API keys, users, stores and webhooks (auth.service.ts,
// store.service.ts, webhook.service.ts).

const DatabaseKind = z.enum(['pglite', 'postgres']);
export const Health = z.strictObject({ status: z.literal('ok'), database: z.strictObject({ status: z.literal('ok'), kind: DatabaseKind, latency_ms: Count }) });
export const Degraded = z.strictObject({ status: z.literal('degraded'), database: z.strictObject({ status: z.literal('down'), kind: DatabaseKind, error: z.string() }) });

// The dashboard reads it at start: its dates and times are the business's, wherever the browser is.
export const Status = StoreTotals.extend({
  time_zone: z.string().describe("The business's time zone (IANA, the server's TIMEZONE): a date alone anywhere in the API is the start of that day in it, and reports count its days"),
});

const Scopes = z.array(z.enum(['read', 'write', 'admin']));
const Role = z.enum(['owner', 'manager', 'staff']);
const Language = z.string().describe('The dashboard language');

export const SessionUser = shared('SessionUser', z.strictObject({ id: Id, email: z.string(), name: z.string().nullable(), role: Role, language: Language }));

export const UserSession = shared('UserSession', z.strictObject({
  user: SessionUser,
  csrf_token: z.string().describe('Send it as X-CSRF-Token with every write made with the session cookie'),
  scopes: Scopes.describe("What the user's role may do: the dashboard offers an action only to a user whose scopes include the one its route needs"),
}));

export const Session = z.union([
  UserSession,
  z.strictObject({ user: z.null(), key: z.strictObject({ id: Id, name: z.string(), scopes: Scopes }) }).describe('Asked with an API key: the key'),
]);

export const NewApiKey = z.strictObject({ id: Id, name: z.string(), scopes: Scopes, key: z.string().describe('rk_…: shown this once') });

export const ApiKeys = list(z.strictObject({
  id: Id,
  name: z.string(),
  prefix: z.string(),
  scopes: Scopes,
  created_by: z.string(),
  created_at: Instant,
  last_used_at: Instant.nullable(),
  revoked_at: Instant.nullable(),
}));

export const NewUser = z.strictObject({
  user: SessionUser,
  password: z.string().optional().describe('The generated password, shown this once; absent when one was given'),
});

export const User = shared('User', SessionUser.extend({ created_at: Instant, last_login_at: Instant.nullable(), disabled_at: Instant.nullable().describe('Set while the user may not log in') }));
export const Users = list(User);

export const NewPassword = z.strictObject({ email: z.string(), password: z.string().describe('Shown this once') });

export const Store = shared('Store', z.strictObject({ id: Id, code: z.string(), name: z.string(), city: z.string().nullable(), time_zone: z.string() }));
export const Stores = list(Store);

const WebhookFields = z.strictObject({ id: Id, url: z.string(), event_types: z.array(z.string()), description: z.string().nullable() });
export const NewWebhook = WebhookFields.extend({ secret: z.string().describe('The HMAC-SHA256 signing secret, shown this once') });
export const Webhooks = list(WebhookFields.extend({ active: z.boolean(), created_at: Instant }));
export const WebhookDeliveries = list(z.strictObject({
  id: Count,
  endpoint_id: Id,
  event_id: Count,
  attempt: Count,
  ok: z.boolean(),
  response_status: Count.nullable(),
  error: z.string().nullable(),
  duration_ms: Count,
  attempted_at: Instant,
}));
