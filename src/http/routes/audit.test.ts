import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/helpers/app.ts';

// GET /audit over HTTP: an owner's key reads what was done through the API — a points
// adjustment with its reason, a key created and revoked — newest first, a page at a time,
// filtered; the refusals name their fields in the language asked; a till's key may not read it.

const api = useTestApp({ keys: { ops: ['read', 'write', 'admin'], till: ['read', 'write'] } });
let ana = '';
let revokedId = '';

type Entry = { id: number; at: string; actor: string; action: string; subject: string | null; subject_name: string | null; by: Record<string, unknown>; details: Record<string, unknown> };
const audit = async (query = '', key?: string | null) => {
  const res = await api.call('GET', `/api/v1/audit${query}`, key === undefined ? {} : { key });
  return { status: res.statusCode, body: res.json() as { items: Entry[]; next_cursor: string | null } };
};

describe('GET /audit', () => {
  it('lists what was done through the API, newest first, with who did it', async () => {
    ana = (await api.call('POST', '/api/v1/customers', { body: { email: 'ana@example.com', first_name: 'Ana' } })).json().id;
    const adjusted = await api.call('POST', `/api/v1/customers/${ana}/loyalty/adjustments`, { key: api.keys.till, body: { points: 500, reason: 'Opening balance', idempotency_key: 'open-1' } });
    expect(adjusted.statusCode).toBe(201);
    const created = await api.call('POST', '/api/v1/keys', { body: { name: 'Till 2', scopes: ['read'] } });
    revokedId = created.json().id;
    // Entries are dated by the services' clock: the revocation five minutes on.
    api.services.clock.set('2026-06-01T12:05:00Z');
    expect((await api.call('DELETE', `/api/v1/keys/${revokedId}`)).statusCode).toBe(204);

    const { status, body } = await audit();
    expect(status).toBe(200);
    // Last, the keys the test app made for itself ("till", then "ops", by the actor "test").
    expect(body.items.map((e) => e.action)).toEqual(['api_key.revoke', 'api_key.create', 'loyalty.adjust', 'customer.create', 'api_key.create', 'api_key.create']);
    expect(body.items.at(-1)).toMatchObject({ actor: 'test', by: { kind: 'system', name: 'test', user: null, key: null }, subject: 'ops' });
    expect(body.items[0]).toMatchObject({ actor: 'key:ops', by: { kind: 'key', name: 'ops', user: null, key: { id: expect.any(String), revoked_at: null } }, subject: revokedId, subject_type: 'api_key', subject_name: 'Till 2' });
    expect(body.items[1]).toMatchObject({ subject: 'Till 2', details: { scopes: ['read'] } });
    expect(body.items[2]).toMatchObject({ actor: 'key:till', subject: ana, subject_type: 'customer', details: { points: 500, reason: 'Opening balance' } });
    expect(body.items.map((e) => e.at)).toEqual(['2026-06-01T12:05:00.000Z', ...Array(5).fill('2026-06-01T12:00:00.000Z')]);
  });

  it('pages with next_cursor and filters by action, family, actor, subject and time', async () => {
    const first = await audit('?limit=3');
    expect(first.body.items).toHaveLength(3);
    const second = await audit(`?limit=3&cursor=${first.body.next_cursor}`);
    expect(second.body.items.map((e) => e.action)).toEqual(['customer.create', 'api_key.create', 'api_key.create']);
    expect(second.body.next_cursor).toBeNull();

    expect((await audit('?action=api_key.')).body.items.map((e) => e.subject)).toEqual([revokedId, 'Till 2', 'till', 'ops']);
    expect((await audit('?action=loyalty.adjust')).body.items.map((e) => e.subject)).toEqual([ana]);
    expect((await audit(`?actor=${encodeURIComponent('key:till')}`)).body.items.map((e) => e.action)).toEqual(['loyalty.adjust']);
    expect((await audit(`?subject=${ana}`)).body.items.map((e) => e.action)).toEqual(['loyalty.adjust', 'customer.create']);
    const newest = first.body.items[0].at;
    expect((await audit(`?since=${encodeURIComponent(newest)}&action=api_key.`)).body.items.map((e) => e.action)).toEqual(['api_key.revoke']);
    expect((await audit(`?until=${encodeURIComponent(newest)}&action=api_key.`)).body.items.map((e) => e.action)).not.toContain('api_key.revoke');
  });

  it('refuses filters that are not ones, each named, in the language asked', async () => {
    const bad = await api.call('GET', '/api/v1/audit?action=Points!&since=tomorrow&limit=500');
    expect(bad.statusCode).toBe(422);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['action', 'limit', 'since']);
    const order = await api.call('GET', '/api/v1/audit?since=2026-06-02&until=2026-06-01', { headers: { 'accept-language': 'sl' } });
    expect(order.statusCode).toBe(422);
    expect(order.json().errors).toEqual([{ field: 'since', reason: 'mora biti pred `until`' }]);
    const cursor = await api.call('GET', '/api/v1/audit?cursor=abc');
    expect(cursor.json().errors.map((e: { field: string }) => e.field)).toEqual(['cursor']);
  });

  it('is for owners: 401 without a key, 403 with a read/write key', async () => {
    expect((await audit('', null)).status).toBe(401);
    const forbidden = await api.call('GET', '/api/v1/audit', { key: api.keys.till });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().detail).toContain('admin');
  });

  it('is in the OpenAPI document, its entry a named schema', async () => {
    const doc = (await api.call('GET', '/api/openapi.json', { key: null })).json();
    const get = doc.paths['/api/v1/audit'].get;
    expect(get.parameters.map((p: { name: string }) => p.name).sort()).toEqual(['action', 'actor', 'cursor', 'limit', 'since', 'subject', 'until']);
    expect(JSON.stringify(get.responses['200'])).toContain('#/components/schemas/AuditEntry');
    expect(doc.components.schemas.AuditEntry.properties.by.properties.kind.enum).toEqual(['user', 'key', 'cli', 'system']);
  });
});

// The dashboard's "What" filter and `regulars audit --family` offer `analytics.`: the
// acquisition cost's changes, found by that family alone (audit-families.test.ts checks
// every action written has a family).
describe('GET /audit?action=analytics.', () => {
  it('finds the changes of the acquisition cost, and no other family does', async () => {
    expect((await audit('?action=analytics.')).body.items).toEqual([]);
    expect((await api.call('PATCH', '/api/v1/analytics/settings', { body: { acquisition_cost: '12.00' } })).statusCode).toBe(200);
    expect((await api.call('PATCH', '/api/v1/analytics/settings', { body: { acquisition_cost: null } })).statusCode).toBe(200);
    const { status, body } = await audit('?action=analytics.');
    expect(status).toBe(200);
    expect(body.items.map((e) => [e.action, e.actor, e.details])).toEqual([
      ['analytics.settings.update', 'key:ops', { acquisition_cost: null }],
      ['analytics.settings.update', 'key:ops', { acquisition_cost: '12.00' }],
    ]);
    for (const family of ['loyalty.', 'customer.', 'api_key.', 'store.']) {
      expect((await audit(`?action=${family}`)).body.items.map((e) => e.action), family).not.toContain('analytics.settings.update');
    }
  });
});
