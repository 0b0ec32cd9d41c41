import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/helpers/app.ts';
import { registry } from './route.ts';

const api = useTestApp({ keys: { pos: ['read', 'write'], bi: ['read'], ops: ['read', 'write', 'admin'] } });

const purchase = (over: Record<string, unknown> = {}) => ({
  external_id: 'pos-1001',
  customer: { external_id: 'card-7', email: 'maja@example.com', first_name: 'Maja', language: 'sl', consent: { email: true } },
  occurred_at: '2026-05-20T09:15:00+02:00',
  total: '12.40',
  lines: [{ sku: 'ESP', name: 'Espresso', category: 'coffee', quantity: 2, unit_price: '2.20' }, { sku: 'CRO', name: 'Croissant', quantity: 4, unit_price: '2.00' }],
  ...over,
});

describe('authentication', () => {
  it('answers health without a key', async () => {
    const res = await api.call('GET', '/api/v1/health', { key: null });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: { status: 'ok' } });
  });

  it('refuses every other /api/v1 route without a key, as problem+json', async () => {
    // The only public routes: health, login, the program JSON Schema (a published document), and a referral link's short form (a shop's page).
    const open = new Set(['/api/v1/health', '/api/v1/auth/login', '/api/v1/loyalty/program.schema.json', '/r/:code']);
    expect(registry.filter((r) => r.scope === null).map((r) => r.path).sort()).toEqual([...open].sort());
    const guarded = registry.filter((r) => !open.has(r.path));
    expect(guarded.length).toBeGreaterThan(15);
    for (const r of guarded) {
      const res = await api.call(r.method, r.path.replace(/:id/g, '00000000-0000-0000-0000-000000000000'), { key: null, body: r.method === 'GET' || r.method === 'DELETE' ? undefined : {} });
      expect(res.statusCode, `${r.method} ${r.path}`).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('refuses a wrong key and a missing scope', async () => {
    expect((await api.call('GET', '/api/v1/status', { key: 'rk_nope_nope' })).statusCode).toBe(401);
    const res = await api.call('POST', '/api/v1/purchases', { key: api.keys.bi, body: purchase() });
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toMatch(/"write" scope/);
    expect((await api.call('POST', '/api/v1/keys', { body: { name: 'x', scopes: ['read'] } })).statusCode).toBe(403);
  });

  it('logs a user in with a cookie and demands the CSRF token for writes', async () => {
    await api.services.auth.createUser({ email: 'boss@example.com', role: 'owner', password: 'correct horse battery' }, { actor: 'test' });
    const bad = await api.call('POST', '/api/v1/auth/login', { key: null, body: { email: 'boss@example.com', password: 'wrong password' } });
    expect(bad.statusCode).toBe(401);
    const login = await api.call('POST', '/api/v1/auth/login', { key: null, body: { email: 'BOSS@example.com', password: 'correct horse battery' } });
    expect(login.statusCode).toBe(200);
    const cookie = login.headers['set-cookie'] as string;
    expect(cookie).toMatch(/regulars_session=.*HttpOnly/i);
    const csrf = login.json().csrf_token as string;
    const headers = { cookie: cookie.split(';')[0] };
    expect((await api.call('GET', '/api/v1/status', { key: null, headers })).statusCode).toBe(200);
    expect((await api.call('POST', '/api/v1/customers', { key: null, headers, body: { email: 'x@example.com' } })).statusCode).toBe(403);
    const ok = await api.call('POST', '/api/v1/customers', { key: null, headers: { ...headers, 'x-csrf-token': csrf }, body: { email: 'x@example.com' } });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().consent.email).toBeNull();
  });

  it('resets a staff password (admin only): a new one, shown once, and the old sessions end', async () => {
    await api.services.auth.createUser({ email: 'till@example.com', role: 'staff', password: 'first password!' }, { actor: 'test' });
    const login = await api.call('POST', '/api/v1/auth/login', { key: null, body: { email: 'till@example.com', password: 'first password!' } });
    const headers = { cookie: (login.headers['set-cookie'] as string).split(';')[0] };
    expect((await api.call('POST', '/api/v1/users/till@example.com/password-reset')).statusCode).toBe(403);
    expect((await api.call('POST', '/api/v1/users/nobody@example.com/password-reset', { key: api.keys.ops })).statusCode).toBe(404);
    const reset = await api.call('POST', '/api/v1/users/TILL@example.com/password-reset', { key: api.keys.ops });
    expect(reset.statusCode).toBe(200);
    const { password } = reset.json() as { password: string };
    expect((await api.call('GET', '/api/v1/status', { key: null, headers })).statusCode).toBe(401);
    expect((await api.call('POST', '/api/v1/auth/login', { key: null, body: { email: 'till@example.com', password: 'first password!' } })).statusCode).toBe(401);
    expect((await api.call('POST', '/api/v1/auth/login', { key: null, body: { email: 'till@example.com', password } })).statusCode).toBe(200);
  });
});

describe('purchases', () => {
  it('records once, replays the same body, refuses a different one', async () => {
    const first = await api.call('POST', '/api/v1/purchases', { body: purchase() });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ total: '12.40', lines: [{ unit_price: '2.20', quantity: 2 }, { sku: 'CRO' }] });
    const again = await api.call('POST', '/api/v1/purchases', { body: purchase() });
    expect(again.statusCode).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json()); // the view built in memory equals the stored one
    const other = await api.call('POST', '/api/v1/purchases', { body: purchase({ total: '99.00' }) });
    expect(other.statusCode).toBe(409);
  });

  it('names the field and the reason of bad input and stores nothing', async () => {
    const before = (await api.call('GET', '/api/v1/status')).json();
    const res = await api.call('POST', '/api/v1/purchases', { body: purchase({ external_id: 'bad-1', total: '12.345', customer: { email: 'not-an-email' } }) });
    expect(res.statusCode).toBe(422);
    const fields = res.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toContain('customer.email');
    const money = await api.call('POST', '/api/v1/purchases', { body: purchase({ external_id: 'bad-2', total: '12.345' }) });
    expect(money.json().errors).toEqual([{ field: 'total', reason: expect.stringMatching(/more than 2 decimals/) }]);
    const json = await api.call('POST', '/api/v1/purchases', { headers: { 'content-type': 'application/json' }, body: '{"oops' });
    expect(json.statusCode).toBe(400);
    expect(json.headers['content-type']).toContain('application/problem+json');
    // An empty body sent as JSON is no body: the purchase's fields are missing, each named.
    const empty = await api.call('POST', '/api/v1/purchases', { headers: { 'content-type': 'application/json' }, body: '' });
    expect(empty.statusCode, empty.body).toBe(422);
    expect((await api.call('GET', '/api/v1/status')).json()).toEqual(before);
  });

  it('takes a batch with a result per item', async () => {
    const res = await api.call('POST', '/api/v1/purchases/batch', {
      body: { purchases: [purchase({ external_id: 'b-1' }), purchase(), purchase({ external_id: 'b-2', total: 'x' })] },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ created: 1, duplicates: 1, errors: 1 });
    expect(body.results[2].error.errors[0].field).toBe('total');
    const tooMany = await api.call('POST', '/api/v1/purchases/batch', { body: { purchases: Array.from({ length: 1001 }, () => ({})) } });
    expect(tooMany.statusCode).toBe(422);
  });

  it('refunds by external id, idempotently', async () => {
    const r = await api.call('POST', '/api/v1/purchases/pos-1001/refunds', { body: { external_id: 'ref-1', amount: '2.40', reason: 'cold coffee' } });
    expect(r.statusCode).toBe(201);
    expect(r.json().purchase).toMatchObject({ refunded: '2.40', net: '10.00' });
    expect((await api.call('POST', '/api/v1/purchases/pos-1001/refunds', { body: { external_id: 'ref-1', amount: '2.40', reason: 'cold coffee' } })).statusCode).toBe(200);
    expect((await api.call('POST', '/api/v1/purchases/pos-1001/refunds', { body: { external_id: 'ref-2', amount: '50' } })).statusCode).toBe(422);
    expect((await api.call('POST', '/api/v1/purchases/nope/refunds', { body: { external_id: 'ref-3' } })).statusCode).toBe(404);
  });
});

describe('customers', () => {
  let majaId: string;
  it('finds a customer by identity or name and shows stats and timeline', async () => {
    const byEmail = (await api.call('GET', '/api/v1/customers?query=MAJA@example.com')).json();
    expect(byEmail.items).toHaveLength(1);
    majaId = byEmail.items[0].id;
    const byName = (await api.call('GET', '/api/v1/customers?query=maj')).json();
    expect(byName.items.map((c: { id: string }) => c.id)).toContain(majaId);
    const profile = (await api.call('GET', `/api/v1/customers/${majaId}`)).json();
    expect(profile).toMatchObject({ external_id: 'card-7', language: 'sl', consent: { email: { status: 'granted', source: 'api' } } });
    expect(profile.identities).toEqual(expect.arrayContaining([{ kind: 'email', value: 'maja@example.com' }, { kind: 'external_id', value: 'card-7' }]));
    expect(profile.stats).toMatchObject({ purchases: 2, net_spend: '22.40' });
    const timeline = (await api.call('GET', `/api/v1/customers/${majaId}/purchases?limit=1`)).json();
    expect(timeline.items).toHaveLength(1);
    expect(timeline.next_cursor).toBeTruthy();
    const rest = (await api.call('GET', `/api/v1/customers/${majaId}/purchases?limit=1&cursor=${timeline.next_cursor}`)).json();
    expect(rest.items[0].id).not.toBe(timeline.items[0].id);
  });

  it('upserts by identity, patches, merges, exports and erases', async () => {
    const created = await api.call('POST', '/api/v1/customers', { body: { phone: '+386 40 123 456', first_name: 'Ana', birthday: '1990-02-28' } });
    expect(created.statusCode).toBe(201);
    expect(created.json().phone).toBe('+38640123456');
    const updated = await api.call('POST', '/api/v1/customers', { body: { phone: '+38640123456', last_name: 'Novak' } });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ id: created.json().id, first_name: 'Ana', last_name: 'Novak' });
    const badDate = await api.call('PATCH', `/api/v1/customers/${created.json().id}`, { body: { birthday: '1990-02-30' } });
    expect(badDate.json().errors[0].field).toBe('birthday');
    const patched = await api.call('PATCH', `/api/v1/customers/${created.json().id}`, { body: { tags: ['vip'], language: 'tr', consent: { sms: { status: 'granted', source: 'paper form' } } } });
    expect(patched.json()).toMatchObject({ tags: ['vip'], language: 'tr', consent: { sms: { status: 'granted', source: 'paper form' } } });

    const merged = await api.call('POST', `/api/v1/customers/${majaId}/merge`, { body: { from: created.json().id } });
    expect(merged.statusCode).toBe(200);
    expect(merged.json().customer.identities).toEqual(expect.arrayContaining([{ kind: 'phone', value: '+38640123456' }]));
    expect((await api.call('GET', `/api/v1/customers/${created.json().id}`)).statusCode).toBe(404);

    const exported = (await api.call('GET', `/api/v1/customers/${majaId}/export`)).json();
    expect(exported.profile.email).toBe('maja@example.com');
    expect(exported.purchases).toHaveLength(2);
    expect(exported.consent_log.length).toBeGreaterThan(0);
    // Who took the data is in the activity log; a refused export (no such customer) records nothing.
    expect((await api.call('GET', '/api/v1/customers/00000000-0000-7000-8000-000000000000/export')).statusCode).toBe(404);
    const exports = (await api.call('GET', '/api/v1/audit?action=customer.export', { key: api.keys.ops })).json();
    expect(exports.items.map((e: { subject: string; by: { kind: string } }) => [e.subject, e.by.kind])).toEqual([[majaId, 'key']]);

    const before = (await api.call('GET', '/api/v1/status')).json();
    expect((await api.call('DELETE', `/api/v1/customers/${majaId}`)).statusCode).toBe(403);
    expect((await api.call('DELETE', `/api/v1/customers/${majaId}`, { key: api.keys.ops })).statusCode).toBe(200);
    // The id answers a 404 that says the customer was erased, and when (an unknown id's says neither).
    const gone = await api.call('GET', `/api/v1/customers/${majaId}`);
    expect(gone.statusCode).toBe(404);
    const erasedAt = gone.json().erased_at as string;
    const erasure = (await api.call('GET', '/api/v1/audit?action=customer.erase', { key: api.keys.ops })).json().items[0];
    expect(erasedAt).toBe(erasure.at);
    expect(gone.json().detail).toBe(`Customer ${majaId} not found`);
    expect((await api.call('GET', '/api/v1/customers/00000000-0000-7000-8000-000000000000')).json()).not.toHaveProperty('erased_at');
    expect((await api.call('GET', '/api/v1/customers?query=maja@example.com')).json().items).toHaveLength(0);
    expect((await api.call('GET', '/api/v1/status')).json().revenue).toBe(before.revenue);
  });
});

describe('documentation', () => {
  it('publishes OpenAPI 3.1 and a docs page', async () => {
    const doc = (await api.call('GET', '/api/openapi.json', { key: null })).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/api/v1/purchases'].post.requestBody.content['application/json'].schema.properties).toHaveProperty('external_id');
    expect(doc.paths['/api/v1/purchases'].post.requestBody.required).toBe(true);
    // A body the route reads as {} when left out is documented as one a client may leave out.
    expect(doc.paths['/api/v1/customers/{id}/loyalty/reservations/{reservation}/capture'].post.requestBody.required).toBe(false);
    const page = await api.call('GET', '/api/docs', { key: null });
    expect(page.body).toContain('/api/v1/customers/{id}/merge');
    expect(page.body).toContain('Response body 201 (JSON Schema)');
    expect(page.body).toContain('Request body, optional (JSON Schema)');
    expect(page.body).toContain('<a href="#schema-LoyaltySummary">');
    expect(page.body).toContain('id="schema-LoyaltySummary"');
  });

  type Schema = { $ref?: string; properties?: Record<string, Schema>; anyOf?: Schema[]; required?: string[] };
  type Operation = { responses: Record<string, { content?: Record<string, { schema: Schema }> }> };

  it('gives every success answer with a body the JSON Schema of that body', async () => {
    const doc = (await api.call('GET', '/api/openapi.json', { key: null })).json();
    const operations = registry.map((r) => ({ r, op: doc.paths[r.path.replace(/:([A-Za-z_]+)/g, '{$1}')][r.method.toLowerCase()] as Operation }));
    expect(operations.length).toBeGreaterThan(70);
    for (const { r, op } of operations) {
      const successes = Object.entries(op.responses).filter(([status]) => Number(status) < 300);
      // A redirect (a referral link's short form) answers with its Location, no body.
      const redirects = Object.keys(op.responses).filter((status) => status === '302');
      expect(successes.length + redirects.length, `${r.method} ${r.path} declares no success`).toBeGreaterThan(0);
      for (const [status, answer] of successes) {
        const declared = r.responses[Number(status) as 200];
        if (declared?.schema === null) expect(answer.content, `${r.method} ${r.path} ${status} has no body`).toBeUndefined();
        else expect(answer.content?.['application/json']?.schema, `${r.method} ${r.path} ${status}`).toBeTruthy();
      }
    }
    // Only the answers without a body have none: the revocations and the logout (an erasure answers what it did).
    const bodiless = operations.flatMap(({ r, op }) => Object.entries(op.responses).filter(([status, a]) => Number(status) < 300 && !a.content).map(([status]) => `${status} ${r.method} ${r.path}`));
    expect(bodiless.sort()).toEqual(['204 DELETE /api/v1/keys/:id', '204 DELETE /api/v1/webhooks/:id', '204 POST /api/v1/auth/logout']);
    // Every reference leads to a published schema.
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"([^"]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(100);
    for (const ref of new Set(refs)) expect(doc.components.schemas, ref).toHaveProperty(ref.replace('#/components/schemas/', ''));
    const unnamed = Object.keys(doc.components.schemas).filter((name) => name.startsWith('operation-'));
    expect(unnamed, "an answer's schema used inside another's: name it with shared() in src/http/responses/").toEqual([]);
  });

  it("describes a purchase's loyalty receipt, field by field", async () => {
    const doc = (await api.call('GET', '/api/openapi.json', { key: null })).json();
    const resolve = (schema: Schema): Schema => (schema.$ref ? resolve(doc.components.schemas[schema.$ref.replace('#/components/schemas/', '')]) : schema);
    const created = resolve(doc.paths['/api/v1/purchases'].post.responses['201'].content['application/json'].schema);
    expect(created.required).toEqual(expect.arrayContaining(['id', 'external_id', 'total', 'lines', 'loyalty']));
    const loyalty = created.properties!.loyalty.anyOf!.map(resolve);
    expect(loyalty).toContainEqual({ type: 'null' });
    const receipt = loyalty.find((s) => s.properties)!;
    expect(Object.keys(receipt.properties!)).toEqual(['points_earned', 'balance', 'pending', 'tier']);
    expect(receipt.properties!.points_earned).toMatchObject({ type: 'integer' });
    // The NDJSON progress answer of an import is described line by line.
    expect(doc.paths['/api/v1/imports/{kind}'].post.responses['200'].content['application/x-ndjson'].schema.anyOf).toHaveLength(3);
  });
});
