import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKind } from '../../../test/helpers/database.ts';
import { openTestServices } from '../../../test/helpers/services.ts';
import { heldOpen, queued } from '../../../test/helpers/concurrency.ts';
import { buildApp } from '../../http/app.ts';
import { fixedClock } from '../../shared/clock.ts';
import { createCustomerService } from './customer.service.ts';
import type { ForeignOrders } from './customer-order.ts';

const NO_ORDERS = {} as ForeignOrders;

// The customer API under concurrency and retries: whatever the interleaving, one person is
// one customer, an identity has one owner, no field a writer did not touch is lost, the
// consent log agrees with the current consent, an erased customer stays erased, and bad
// input is a clear 4xx that changes nothing. Races only show on PostgreSQL (PGlite runs
// one transaction at a time), so those tests run there only.

let s: Awaited<ReturnType<typeof openTestServices>>;
let app: FastifyInstance;
let key: string;
const onPostgres = testDatabaseKind === 'postgres';
const actor = { actor: 'test' };

beforeAll(async () => {
  s = await openTestServices();
  app = await buildApp(s);
  key = (await s.auth.createApiKey({ name: 'office', scopes: ['read', 'write', 'admin'] }, actor)).key;
});
afterAll(async () => {
  await app?.close();
  await s?.close();
});

const call = (method: 'POST' | 'PATCH' | 'DELETE' | 'GET', url: string, body?: object) =>
  app.inject({ method, url: `/api/v1${url}`, payload: body, headers: { authorization: `Bearer ${key}` } });
const create = async (body: object) => {
  const r = await call('POST', '/customers', body);
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id as string;
};
const row = (id: string) => s.db.selectFrom('customers').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const ownersOf = (kind: string, value: string) =>
  s.db.selectFrom('customer_identities').select('customer_id').where('kind', '=', kind as 'email').where('value', '=', value).execute();
const count = async (table: 'audit_log' | 'events', where: [string, string], subject: string) => {
  const column = table === 'audit_log' ? 'subject' : 'customer_id';
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)} WHERE ${sql.ref(where[0])} = ${where[1]} AND ${sql.ref(column)} = ${subject}`.execute(s.db);
  return rows[0].n;
};

const lockRow = (id: string) => heldOpen(s.db, (trx) => sql`SELECT 1 FROM customers WHERE id = ${id} FOR UPDATE`.execute(trx));

describe('creating customers at once', () => {
  it.runIf(onPostgres)('ten concurrent POSTs of one new email make one customer; the others update it', async () => {
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, n) => call('POST', '/customers', { email: n % 2 ? 'Race@Example.com' : 'race@example.com', tags: [`t${n}`] })),
    );
    expect(responses.map((r) => r.statusCode).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    const ids = new Set(responses.map((r) => r.json().id));
    expect(ids.size).toBe(1);
    const [id] = ids;
    expect(await ownersOf('email', 'race@example.com')).toEqual([{ customer_id: id }]);
    expect(await count('audit_log', ['action', 'customer.create'], id)).toBe(1);
    expect(await count('events', ['type', 'customer.created'], id)).toBe(1);
  });

  it.runIf(onPostgres)('two new customers with different emails and one phone: two customers, one of them holds the phone, as in some serial order', async () => {
    const [a, b] = await Promise.all([
      call('POST', '/customers', { email: 'fam-a@example.com', phone: '+38640111222', first_name: 'A' }),
      call('POST', '/customers', { email: 'fam-b@example.com', phone: '+38640111222', last_name: 'B' }),
    ]);
    // A household's phone (customer.ts, sharedPhone): the later one is another person, not an
    // update of the first (which wrote the second email over the first's).
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(a.json().id).not.toBe(b.json().id);
    const [holder] = await ownersOf('phone', '+38640111222');
    expect([a.json().id, b.json().id]).toContain(holder.customer_id);
    for (const res of [a, b]) {
      const c = await row(res.json().id);
      expect(c).toMatchObject({ email: res.json().email, phone: '+38640111222' });
      expect(await ownersOf('email', c.email!)).toEqual([{ customer_id: c.id }]);
    }
  });

  it.runIf(onPostgres)('a POST by an identity that a PATCH is giving up creates a new customer rather than undoing the PATCH', async () => {
    const id = await create({ email: 'old@example.com', first_name: 'Olga' });
    const hold = await lockRow(id);
    const patch = call('PATCH', `/customers/${id}`, { email: 'new@example.com' });
    await queued();
    const post = call('POST', '/customers', { email: 'old@example.com', first_name: 'Oscar' }); // finds Olga, waits for her row
    await queued();
    await hold.commit();
    const [p, o] = await Promise.all([patch, post]);
    expect(p.statusCode, p.body).toBe(200);
    expect(o.statusCode, o.body).toBe(201);
    expect(o.json()).toMatchObject({ email: 'old@example.com', first_name: 'Oscar' });
    expect(await row(id)).toMatchObject({ email: 'new@example.com', first_name: 'Olga' });
    expect(await ownersOf('email', 'new@example.com')).toEqual([{ customer_id: id }]);
    expect(await ownersOf('email', 'old@example.com')).toEqual([{ customer_id: o.json().id }]);
  });

  it.runIf(onPostgres)('a POST by the identity of a customer being erased creates a new customer', async () => {
    const id = await create({ email: 'gone@example.com', first_name: 'Gone' });
    const erase = await heldOpen(s.db, (trx) => s.customers.anonymize(trx, { customerId: id, now: s.clock.now() }));
    const post = call('POST', '/customers', { email: 'gone@example.com', first_name: 'Back' });
    await queued();
    await erase.commit();
    const o = await post;
    expect(o.statusCode, o.body).toBe(201);
    expect(o.json().id).not.toBe(id);
    expect(await row(id)).toMatchObject({ status: 'erased', email: null, first_name: null });
  });
});

describe('updating profiles at once', () => {
  it.runIf(onPostgres)('two PATCHes taking one email: one wins, the other is a 409 naming the email', async () => {
    const [x, y] = [await create({ email: 'x@example.com' }), await create({ email: 'y@example.com' })];
    const [a, b] = await Promise.all([
      call('PATCH', `/customers/${x}`, { email: 'taken@example.com' }),
      call('PATCH', `/customers/${y}`, { email: 'Taken@Example.com' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const [won, lost] = a.statusCode === 200 ? [x, b] : [y, a];
    expect(lost.json().detail).toContain('email taken@example.com belongs to another customer');
    expect(await ownersOf('email', 'taken@example.com')).toEqual([{ customer_id: won }]);
    const loser = await row(won === x ? y : x);
    expect(loser.email).toBe(won === x ? 'y@example.com' : 'x@example.com');
    expect(await ownersOf('email', loser.email!)).toEqual([{ customer_id: loser.id }]);
  });

  it.runIf(onPostgres)('a PATCH taking the email a new customer is being created with: one owner, no 500', async () => {
    const x = await create({ email: 'before@example.com' });
    const [p, o] = await Promise.all([
      call('PATCH', `/customers/${x}`, { email: 'both@example.com' }),
      call('POST', '/customers', { email: 'both@example.com', first_name: 'New' }),
    ]);
    expect([200, 201]).toContain(o.statusCode);
    expect([200, 409]).toContain(p.statusCode);
    const owners = await ownersOf('email', 'both@example.com');
    expect(owners).toEqual([{ customer_id: o.json().id }]);
    expect(owners[0].customer_id === x).toBe(p.statusCode === 200);
  });

  it.runIf(onPostgres)('concurrent PATCHes of different fields lose neither', async () => {
    const id = await create({ email: 'fields@example.com' });
    const responses = await Promise.all([
      call('PATCH', `/customers/${id}`, { first_name: 'Fia' }),
      call('PATCH', `/customers/${id}`, { last_name: 'Field' }),
      call('PATCH', `/customers/${id}`, { language: 'sl' }),
      call('PATCH', `/customers/${id}`, { phone: '+38640999888' }),
      call('PATCH', `/customers/${id}`, { consent: { sms: true } }),
    ]);
    expect(responses.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200]);
    const c = await row(id);
    expect(c).toMatchObject({ first_name: 'Fia', last_name: 'Field', language: 'sl', phone: '+38640999888', email: 'fields@example.com' });
    expect(c.consent.sms?.status).toBe('granted');
    expect(c.search_text).toBe('fia field fields@example.com +38640999888');
  });

  it.runIf(onPostgres)('consent granted and withdrawn at once: the current consent is the latest entry of the log', async () => {
    const id = await create({ email: 'consent@example.com', consent: { email: true } });
    // Two instances whose requests read the clock before waiting for the customer's lock:
    // the later change (withdrawn, 12:00:02) gets the lock first, the earlier one (granted, 12:00:01) after it.
    const at = (t: string) => createCustomerService({ db: s.db, stores: s.stores, clock: fixedClock(t), timeZone: 'UTC', datesOf: async () => new Map(), orders: NO_ORDERS }) // dates and orders are not what this is about;
    const hold = await lockRow(id);
    const withdraw = at('2026-06-01T12:00:02Z').patch(id, { consent: { email: false } }, actor);
    await queued();
    const grant = at('2026-06-01T12:00:01Z').patch(id, { consent: { email: true } }, actor);
    await queued();
    await hold.commit();
    await Promise.all([withdraw, grant]);
    const log = await s.db.selectFrom('consent_log').select(['status', 'recorded_at']).where('customer_id', '=', id).where('channel', '=', 'email').orderBy('recorded_at').execute();
    expect(log.map((e) => e.status)).toEqual(['granted', 'granted', 'withdrawn']);
    const { consent } = await s.customers.get(id);
    expect(consent.email).toMatchObject({ status: 'withdrawn', at: '2026-06-01T12:00:02.000Z' });
    expect((await s.customers.search({ consent: 'email', query: 'consent@example.com' })).items).toEqual([]);
  });
});

describe('erasure at once', () => {
  it.runIf(onPostgres)('erasing twice at once erases once: one audit entry, one event, the other a 404', async () => {
    const id = await create({ email: 'twice@example.com' });
    const responses = await Promise.all([call('DELETE', `/customers/${id}`), call('DELETE', `/customers/${id}`)]);
    expect(responses.map((r) => r.statusCode).sort()).toEqual([200, 404]);
    expect(await count('audit_log', ['action', 'customer.erase'], id)).toBe(1);
    expect(await count('events', ['type', 'customer.erased'], id)).toBe(1);
  });

  it.runIf(onPostgres)('a PATCH waiting on an erasure writes no personal data back', async () => {
    const id = await create({ email: 'erase-me@example.com', first_name: 'Eve' });
    const erase = await heldOpen(s.db, (trx) => s.customers.anonymize(trx, { customerId: id, now: s.clock.now() }));
    const patch = call('PATCH', `/customers/${id}`, { first_name: 'Eva', email: 'eva@example.com', consent: { email: true } });
    await queued();
    await erase.commit();
    expect((await patch).statusCode).toBe(404);
    expect(await row(id)).toMatchObject({ status: 'erased', email: null, first_name: null, consent: {} });
    expect(await s.db.selectFrom('customer_identities').select('value').where('customer_id', '=', id).execute()).toEqual([]);
    expect(await s.db.selectFrom('consent_log').select('id').where('customer_id', '=', id).execute()).toEqual([]);
  });

  it('erasing a customer erases the customers merged into it, whose rows kept their personal data', async () => {
    const survivor = await create({ email: 'keep@example.com' });
    const merged = await create({ email: 'stub@example.com', first_name: 'Stub', birthday: '1990-01-01', consent: { sms: true } });
    expect((await call('POST', `/customers/${survivor}/merge`, { from: merged })).statusCode).toBe(200);
    const erasedMerged = await call('DELETE', `/customers/${merged}`);
    expect(erasedMerged.statusCode).toBe(404);
    expect(erasedMerged.json().detail).toContain(`merged into ${survivor}`);
    const erased = await call('DELETE', `/customers/${survivor}`);
    expect(erased.statusCode).toBe(200);
    expect(erased.json()).toMatchObject({ customer_id: survivor, merged_customers_erased: 1 });
    for (const id of [survivor, merged]) {
      expect(await row(id)).toMatchObject({ email: null, phone: null, first_name: null, birthday: null, attributes: {}, consent: {}, tags: [] });
    }
    expect((await row(merged)).status).toBe('merged');
  });
});

describe('merge input', () => {
  it('answers a clear 4xx naming the problem, and changes nothing', async () => {
    const [a, b, c] = [await create({ email: 'm-a@example.com' }), await create({ email: 'm-b@example.com' }), await create({ email: 'm-c@example.com' })];
    const erased = await create({ email: 'm-erased@example.com' });
    expect((await call('DELETE', `/customers/${erased}`)).statusCode).toBe(200);
    expect((await call('POST', `/customers/${b}/merge`, { from: c })).statusCode).toBe(200);
    const cases: [string, object, number, string][] = [
      [a, { from: a }, 422, 'from: a customer cannot be merged into itself'],
      [a, { from: 'nope' }, 422, 'from'],
      [a, {}, 422, 'from'],
      ['not-a-uuid', { from: a }, 404, 'Customer not-a-uuid not found'],
      [a, { from: c }, 409, `Customer ${c} was already merged into ${b}, not into ${a}`],
      [c, { from: a }, 404, `Customer ${c} (merged into ${b}) not found`],
      [a, { from: erased }, 404, `Customer ${erased} not found`],
      [erased, { from: a }, 404, `Customer ${erased} not found`],
    ];
    const before = await s.db.selectFrom('customers').selectAll().orderBy('id').execute();
    for (const [survivor, body, status, detail] of cases) {
      const r = await call('POST', `/customers/${survivor}/merge`, body);
      expect(r.statusCode, `${survivor} ${JSON.stringify(body)}: ${r.body}`).toBe(status);
      expect(r.json().detail).toContain(detail);
    }
    // The merge that was done, sent again: answered as it was (200), changing nothing either.
    const again = await call('POST', `/customers/${b}/merge`, { from: c });
    expect([again.statusCode, again.headers['idempotent-replayed']]).toEqual([200, 'true']);
    expect(await s.db.selectFrom('customers').selectAll().orderBy('id').execute()).toEqual(before);
  });

  it('a merge keeps the later consent decision of the two, the latest entry of the merged log', async () => {
    const survivor = await create({ email: 'keeps@example.com', consent: { email: true } });
    s.clock.set('2026-06-01T13:00:00Z');
    const merged = await create({ email: 'withdrew@example.com', consent: { email: false } });
    s.clock.set('2026-06-01T12:00:00Z');
    expect((await call('POST', `/customers/${survivor}/merge`, { from: merged })).statusCode).toBe(200);
    const { profile, consent_log } = await s.customers.exportPart(survivor);
    expect(consent_log.map((e) => e.status)).toEqual(['granted', 'withdrawn']);
    expect(profile.consent.email).toMatchObject({ status: 'withdrawn', at: '2026-06-01T13:00:00.000Z' });
  });

  it.runIf(onPostgres)('two merges of one pair in opposite directions at once: one merges, the other is a 404', async () => {
    const [a, b] = [await create({ email: 'pair-a@example.com' }), await create({ email: 'pair-b@example.com' })];
    const responses = await Promise.all([call('POST', `/customers/${a}/merge`, { from: b }), call('POST', `/customers/${b}/merge`, { from: a })]);
    expect(responses.map((r) => r.statusCode).sort()).toEqual([200, 404]);
    const statuses = [(await row(a)).status, (await row(b)).status].sort();
    expect(statuses).toEqual(['active', 'merged']);
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM customer_merges WHERE survivor_id IN (${a}, ${b})`.execute(s.db);
    expect(rows[0].n).toBe(1);
  });
});
