import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices } from '../../../test/helpers/services.ts';
import { buildApp } from '../app.ts';

// The small resources around the customer data as an owner sets them up over HTTP:
// sessions, API keys, staff users, stores and webhooks. Every answer is checked against
// the schema its route publishes (response-check.ts), so these tests keep those honest too.

let s: Awaited<ReturnType<typeof openTestServices>>;
let app: FastifyInstance;
let admin: string;

beforeAll(async () => {
  s = await openTestServices();
  app = await buildApp(s);
  admin = (await s.auth.createApiKey({ name: 'ops', scopes: ['read', 'write', 'admin'] }, { actor: 'test' })).key;
});
afterAll(async () => {
  await app?.close();
  await s?.close();
});

const call = (method: 'GET' | 'POST' | 'DELETE', url: string, { body, headers = { authorization: `Bearer ${admin}` } }: { body?: unknown; headers?: Record<string, string> } = {}) =>
  app.inject({ method, url: `/api/v1${url}`, payload: body as object, headers });

describe('sessions', () => {
  it('answers who is asking: the user of a session, or the key', async () => {
    await s.auth.createUser({ email: 'owner@example.com', role: 'owner', password: 'a long password' }, { actor: 'test' });
    const login = await call('POST', '/auth/login', { body: { email: 'owner@example.com', password: 'a long password' }, headers: {} });
    const cookie = (login.headers['set-cookie'] as string).split(';')[0];
    const session = await call('GET', '/auth/session', { headers: { cookie } });
    expect(session.statusCode).toBe(200);
    expect(session.json()).toEqual({ user: expect.objectContaining({ email: 'owner@example.com', role: 'owner' }), csrf_token: login.json().csrf_token });
    expect((await call('GET', '/auth/session')).json()).toEqual({ user: null, key: { id: expect.any(String), name: 'ops', scopes: ['read', 'write', 'admin'] } });
    const logout = await call('POST', '/auth/logout', { headers: { cookie, 'x-csrf-token': login.json().csrf_token } });
    expect(logout.statusCode).toBe(204);
    expect(logout.body).toBe('');
    expect((await call('GET', '/auth/session', { headers: { cookie } })).statusCode).toBe(401);
  });
});

describe('API keys and users', () => {
  it('creates a key (its secret once), lists keys without secrets, and revokes one', async () => {
    const created = await call('POST', '/keys', { body: { name: 'till', scopes: ['read', 'write'] } });
    expect(created.statusCode).toBe(201);
    const { id, key } = created.json();
    expect(key).toMatch(/^rk_/);
    const listed = (await call('GET', '/keys')).json().items;
    expect(listed.find((k: { id: string }) => k.id === id)).toMatchObject({ name: 'till', revoked_at: null });
    expect(JSON.stringify(listed)).not.toContain(key.split('_')[2]);
    expect((await call('DELETE', `/keys/${id}`)).statusCode).toBe(204);
    expect((await call('GET', '/status', { headers: { authorization: `Bearer ${key}` } })).statusCode).toBe(401);
    expect((await call('GET', '/keys')).json().items.find((k: { id: string }) => k.id === id).revoked_at).not.toBeNull();
  });

  it('creates a staff user with a generated password, and lists the users', async () => {
    const created = await call('POST', '/users', { body: { email: 'till@example.com', role: 'staff' } });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ user: { email: 'till@example.com', role: 'staff' }, password: expect.any(String) });
    const given = await call('POST', '/users', { body: { email: 'manager@example.com', role: 'manager', password: 'chosen password' } });
    expect(given.json()).not.toHaveProperty('password');
    const users = (await call('GET', '/users')).json().items.map((u: { email: string }) => u.email);
    expect(users).toEqual(expect.arrayContaining(['till@example.com', 'manager@example.com']));
  });
});

describe('stores and webhooks', () => {
  it('creates a store, updates it by its code, and lists the stores', async () => {
    const created = await call('POST', '/stores', { body: { code: 'lj', name: 'Ljubljana', time_zone: 'Europe/Ljubljana' } });
    expect(created.statusCode).toBe(201);
    const updated = await call('POST', '/stores', { body: { code: 'lj', name: 'Ljubljana centre', city: 'Ljubljana', time_zone: 'Europe/Ljubljana' } });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toEqual({ id: created.json().id, code: 'lj', name: 'Ljubljana centre', city: 'Ljubljana', time_zone: 'Europe/Ljubljana' });
    expect((await call('GET', '/stores')).json().items).toEqual([updated.json()]);
  });

  it('subscribes a URL (its secret once), lists endpoints and their deliveries, and removes one', async () => {
    // Nothing listens on port 1: the delivery attempt below fails at once, and is logged.
    const created = await call('POST', '/webhooks', { body: { url: 'http://127.0.0.1:1/hook', event_types: ['customer.*'] } });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ url: 'http://127.0.0.1:1/hook', event_types: ['customer.*'], description: null, secret: expect.any(String) });
    const { id } = created.json();
    expect((await call('GET', '/webhooks')).json().items).toEqual([expect.objectContaining({ id, active: true })]);
    expect((await call('GET', `/webhooks/${id}/deliveries`)).json()).toEqual({ items: [] });
    await call('POST', '/customers', { body: { email: 'hooked@example.com' } });
    const event = await s.db.selectFrom('events').select('id').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    await expect(s.webhooks.deliver({ endpointId: id, eventId: Number(event.id), attempt: 1 })).rejects.toThrow();
    expect((await call('GET', `/webhooks/${id}/deliveries`)).json().items).toEqual([expect.objectContaining({ event_id: Number(event.id), attempt: 1, ok: false, response_status: null })]);
    expect((await call('DELETE', `/webhooks/${id}`)).statusCode).toBe(204);
    expect((await call('GET', '/webhooks')).json().items.filter((w: { active: boolean }) => w.active)).toEqual([]);
  });
});
