import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/helpers/app.ts';

// The small resources around the customer data as an owner sets them up over HTTP:
// sessions, API keys, staff users, stores and webhooks. Every answer is checked against
// the schema its route publishes (response-check.ts), so these tests keep those honest too.

const api = useTestApp({ keys: { ops: ['read', 'write', 'admin'] } });

describe('sessions', () => {
  it('answers who is asking: the user of a session, or the key', async () => {
    await api.services.auth.createUser({ email: 'owner@example.com', role: 'owner', password: 'a long password' }, { actor: 'test' });
    const login = await api.call('POST', '/api/v1/auth/login', { key: null, body: { email: 'owner@example.com', password: 'a long password' } });
    const cookie = (login.headers['set-cookie'] as string).split(';')[0];
    const session = await api.call('GET', '/api/v1/auth/session', { key: null, headers: { cookie } });
    expect(session.statusCode).toBe(200);
    expect(session.json()).toEqual({ user: expect.objectContaining({ email: 'owner@example.com', role: 'owner' }), csrf_token: login.json().csrf_token, scopes: ['read', 'write', 'admin'] });
    expect(login.json().scopes).toEqual(['read', 'write', 'admin']);
    expect((await api.call('GET', '/api/v1/auth/session')).json()).toEqual({ user: null, key: { id: expect.any(String), name: 'ops', scopes: ['read', 'write', 'admin'] } });
    const logout = await api.call('POST', '/api/v1/auth/logout', { key: null, headers: { cookie, 'x-csrf-token': login.json().csrf_token } });
    expect(logout.statusCode).toBe(204);
    expect(logout.body).toBe('');
    expect((await api.call('GET', '/api/v1/auth/session', { key: null, headers: { cookie } })).statusCode).toBe(401);
  });
});

describe('GET /status', () => {
  // The dashboard reads it at start: its date inputs and the times it shows are the business's, not the browser's.
  it('answers the counts, the currency and the business\'s time zone, and the OpenAPI document says so', async () => {
    const status = await api.call('GET', '/api/v1/status');
    expect(status.statusCode).toBe(200);
    expect(status.json()).toEqual({ customers: 0, purchases: 0, revenue: '0.00', currency: 'EUR', time_zone: 'Europe/Ljubljana' });
    const doc = (await api.call('GET', '/api/openapi.json', { key: null })).json();
    const schema = doc.paths['/api/v1/status'].get.responses['200'].content['application/json'].schema;
    expect(schema.required).toEqual(expect.arrayContaining(['customers', 'purchases', 'revenue', 'currency', 'time_zone']));
    expect(schema.properties.time_zone.description).toContain('IANA');
  });

  describe('on a server set to another zone and currency', () => {
    const auckland = useTestApp({ keys: { reader: ['read'] }, env: { TIMEZONE: 'Pacific/Auckland', CURRENCY: 'NZD' } });
    it('answers that zone and currency', async () => {
      expect((await auckland.call('GET', '/api/v1/status')).json()).toMatchObject({ currency: 'NZD', time_zone: 'Pacific/Auckland' });
    });
  });
});

describe('API keys and users', () => {
  it('creates a key (its secret once), lists keys without secrets, and revokes one', async () => {
    const created = await api.call('POST', '/api/v1/keys', { body: { name: 'till', scopes: ['read', 'write'] } });
    expect(created.statusCode).toBe(201);
    const { id, key } = created.json();
    expect(key).toMatch(/^rk_/);
    const listed = (await api.call('GET', '/api/v1/keys')).json().items;
    expect(listed.find((k: { id: string }) => k.id === id)).toMatchObject({ name: 'till', revoked_at: null });
    expect(JSON.stringify(listed)).not.toContain(key.split('_').slice(2).join('_'));
    expect((await api.call('DELETE', `/api/v1/keys/${id}`)).statusCode).toBe(204);
    expect((await api.call('GET', '/api/v1/status', { key })).statusCode).toBe(401);
    expect((await api.call('GET', '/api/v1/keys')).json().items.find((k: { id: string }) => k.id === id).revoked_at).not.toBeNull();
  });

  it('creates a staff user with a generated password, and lists the users', async () => {
    const created = await api.call('POST', '/api/v1/users', { body: { email: 'till@example.com', role: 'staff' } });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ user: { email: 'till@example.com', role: 'staff' }, password: expect.any(String) });
    const given = await api.call('POST', '/api/v1/users', { body: { email: 'manager@example.com', role: 'manager', password: 'chosen password' } });
    expect(given.json()).not.toHaveProperty('password');
    const users = (await api.call('GET', '/api/v1/users')).json().items.map((u: { email: string }) => u.email);
    expect(users).toEqual(expect.arrayContaining(['till@example.com', 'manager@example.com']));
  });
});

describe('stores and webhooks', () => {
  it('creates a store, updates it by its code, and lists the stores', async () => {
    const created = await api.call('POST', '/api/v1/stores', { body: { code: 'lj', name: 'Ljubljana', time_zone: 'Europe/Ljubljana' } });
    expect(created.statusCode).toBe(201);
    const updated = await api.call('POST', '/api/v1/stores', { body: { code: 'lj', name: 'Ljubljana centre', city: 'Ljubljana', time_zone: 'Europe/Ljubljana' } });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toEqual({ id: created.json().id, code: 'lj', name: 'Ljubljana centre', city: 'Ljubljana', time_zone: 'Europe/Ljubljana' });
    expect((await api.call('GET', '/api/v1/stores')).json().items).toEqual([updated.json()]);
  });

  it('subscribes a URL (its secret once), lists endpoints and their deliveries, and removes one', async () => {
    // Nothing listens on port 1: the delivery attempt below fails at once, and is logged.
    const created = await api.call('POST', '/api/v1/webhooks', { body: { url: 'http://127.0.0.1:1/hook', event_types: ['customer.*'] } });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ url: 'http://127.0.0.1:1/hook', event_types: ['customer.*'], description: null, secret: expect.any(String) });
    const { id } = created.json();
    expect((await api.call('GET', '/api/v1/webhooks')).json().items).toEqual([expect.objectContaining({ id, active: true })]);
    expect((await api.call('GET', `/api/v1/webhooks/${id}/deliveries`)).json()).toEqual({ items: [] });
    await api.call('POST', '/api/v1/customers', { body: { email: 'hooked@example.com' } });
    const event = await api.services.db.selectFrom('events').select('id').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    await expect(api.services.webhooks.deliver({ endpointId: id, eventId: Number(event.id), attempt: 1 })).rejects.toThrow();
    expect((await api.call('GET', `/api/v1/webhooks/${id}/deliveries`)).json().items).toEqual([expect.objectContaining({ event_id: Number(event.id), attempt: 1, ok: false, response_status: null })]);
    expect((await api.call('DELETE', `/api/v1/webhooks/${id}`)).statusCode).toBe(204);
    expect((await api.call('GET', '/api/v1/webhooks')).json().items.filter((w: { active: boolean }) => w.active)).toEqual([]);
  });

  it('refuses a subscription to an event type Regulars never sends, naming it, and subscribes to families and types it sends', async () => {
    const before = (await api.call('GET', '/api/v1/webhooks')).json().items.length;
    // A typo would make a subscription that never fires, and nobody would know why.
    const typo = await api.call('POST', '/api/v1/webhooks', { body: { url: 'http://127.0.0.1:1/t', event_types: ['customer.*', 'loyalty.tier_chaged', 'loyaltyy.*'] } });
    expect(typo.statusCode).toBe(422);
    expect(typo.json().errors).toEqual([
      { field: 'event_types.1', reason: 'Regulars sends no event of type "loyalty.tier_chaged": name one it sends (such as loyalty.tier_changed), a family (loyalty.*) or *' },
      { field: 'event_types.2', reason: 'Regulars sends no event of type "loyaltyy.*": name one it sends (such as loyalty.tier_changed), a family (loyalty.*) or *' },
    ]);
    const told = await api.call('POST', '/api/v1/webhooks', { body: { url: 'http://127.0.0.1:1/t', event_types: ['test.event'] }, headers: { 'accept-language': 'sl' } });
    expect(told.json().errors).toEqual([{ field: 'event_types.0', reason: 'Regulars ne pošilja dogodkov vrste »test.event«: navedite vrsto, ki jo pošilja (na primer loyalty.tier_changed), družino (loyalty.*) ali *' }]);
    expect((await api.call('GET', '/api/v1/webhooks')).json().items.length).toBe(before);
    for (const types of [['*'], ['loyalty.*', 'coupon.used'], ['loyalty.tier_changed', 'customer.segment_changed']]) {
      expect((await api.call('POST', '/api/v1/webhooks', { body: { url: 'http://127.0.0.1:1/t', event_types: types } })).statusCode).toBe(201);
    }
  });
});
