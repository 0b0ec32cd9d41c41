import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/helpers/app.ts';

// GET /customers/{id}/merged?identity=: which customer merged into this one brought an
// identity (its record held it), so a merge run again by the duplicate's email or card
// (`regulars customers merge KEPT DUP-EMAIL --yes` retried) is told as done before and not
// as "a customer cannot be merged into itself". And the dashboard's merge sent twice (a
// double click) merges once: the second is answered as the first.
const api = useTestApp({ keys: { till: ['read', 'write', 'admin'] } });
const unknown = '00000000-0000-4000-8000-00000000dead';

type Merged = { items: { id: string; merged_into: string; merged_at: string }[] };
const create = async (body: Record<string, unknown>) => {
  const res = await api.call('POST', '/api/v1/customers', { body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
};
const merged = async (id: string, identity: string) => {
  const res = await api.call('GET', `/api/v1/customers/${id}/merged?identity=${encodeURIComponent(identity)}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Merged;
};
const merges = async () => Number((await api.services.db.selectFrom('customer_merges').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

let kept: string;
let dup: string;
let mergedAt: string;

beforeAll(async () => {
  kept = await create({ email: 'maja@example.com', external_id: 'card-7', first_name: 'Maja' });
  dup = await create({ email: 'maja.dup@example.com', external_id: 'card-8', phone: '+38640123456' });
  // The dashboard's merge sent twice at once: one merge, the other answered as it.
  const [one, two] = await Promise.all([0, 1].map(() => api.call('POST', `/api/v1/customers/${kept}/merge`, { body: { from: dup } })));
  expect([one.statusCode, two.statusCode]).toEqual([200, 200]);
  expect([one.headers['idempotent-replayed'], two.headers['idempotent-replayed']].sort()).toEqual(['true', undefined]);
  expect(one.json().moved).toEqual(two.json().moved);
  expect(one.json().moved.identities).toBe(3);
  expect(await merges()).toBe(1);
  mergedAt = (await api.call('GET', `/api/v1/customers/${dup}`)).json().merged_at;
});

describe('GET /customers/{id}/merged', () => {
  it('names the customer whose record held the identity, by email (in any case), card or phone (as written)', async () => {
    for (const identity of ['maja.dup@example.com', 'Maja.Dup@Example.com', 'card-8', '+386 40 123 456']) {
      expect(await merged(kept, identity)).toEqual({ items: [{ id: dup, merged_into: kept, merged_at: mergedAt }] });
    }
  });

  it('names none for an identity that was always the customer\'s own, or nobody\'s', async () => {
    for (const identity of ['maja@example.com', 'card-7', 'Maja', 'nobody@example.com']) expect(await merged(kept, identity)).toEqual({ items: [] });
  });

  it('follows merges on: the survivor merged into another since answers, naming whom the duplicate went into', async () => {
    const third = await create({ email: 'third@example.com' });
    expect((await api.call('POST', `/api/v1/customers/${third}/merge`, { body: { from: kept } })).statusCode).toBe(200);
    expect(await merged(third, 'card-8')).toEqual({ items: [{ id: dup, merged_into: kept, merged_at: mergedAt }] });
    expect((await merged(third, 'maja@example.com')).items.map((i) => i.merged_into)).toEqual([third]);
    // The merged customer's own id is answered as GET /customers/{id} answers it: a 404 naming where it went.
    const gone = await api.call('GET', `/api/v1/customers/${kept}/merged?identity=card-8`);
    expect(gone.statusCode).toBe(404);
    expect(gone.json().merged_into).toBe(third);
  });

  it('refuses an unknown customer, a missing identity or another parameter, changing nothing', async () => {
    expect((await api.call('GET', `/api/v1/customers/${unknown}/merged?identity=card-8`)).statusCode).toBe(404);
    expect((await api.call('GET', '/api/v1/customers/not-an-id/merged?identity=card-8')).statusCode).toBe(404);
    const survivor = (await api.call('GET', '/api/v1/customers?query=third@example.com')).json().items[0].id as string;
    for (const query of ['', '?identity=', '?identity=card-8&extra=1']) {
      const res = await api.call('GET', `/api/v1/customers/${survivor}/merged${query}`);
      expect(res.statusCode, res.body).toBe(422);
      expect(res.body).toMatch(query.includes('extra') ? /extra/ : /identity/);
    }
    expect(await merges()).toBe(2);
  });
});

describe('GET /customers/{id}/merged, a duplicate with two cards', () => {
  // The merged row keeps one card (card-21); the merge records every identity it moved.
  let lena: string;
  let twoCards: string;
  const recorded = async (id: string) => (await api.services.db.selectFrom('customer_merged_identities').select(['kind', 'value']).where('customer_id', '=', id).orderBy('value').execute());

  beforeAll(async () => {
    lena = await create({ email: 'lena@example.com', external_id: 'card-20' });
    twoCards = await create({ email: 'lena.dup@example.com', external_id: 'card-21' });
    const second = await api.call('POST', '/api/v1/customers', { body: { email: 'lena.dup@example.com', external_id: 'card-22' } });
    expect([second.statusCode, second.json().id]).toEqual([200, twoCards]);
    const res = await api.call('POST', `/api/v1/customers/${lena}/merge`, { body: { from: twoCards } });
    expect([res.statusCode, res.json().moved.identities]).toEqual([200, 3]);
  });

  it('names the duplicate by its second card as by its first, and none for the kept one\'s own', async () => {
    const at = (await api.call('GET', `/api/v1/customers/${twoCards}`)).json().merged_at;
    for (const identity of ['card-22', 'card-21', 'lena.dup@example.com']) {
      expect(await merged(lena, identity)).toEqual({ items: [{ id: twoCards, merged_into: lena, merged_at: at }] });
    }
    for (const identity of ['card-20', 'lena@example.com']) expect(await merged(lena, identity)).toEqual({ items: [] });
  });

  it('forgets the identities recorded when the person is erased', async () => {
    expect(await recorded(twoCards)).toEqual([
      { kind: 'external_id', value: 'card-21' }, { kind: 'external_id', value: 'card-22' }, { kind: 'email', value: 'lena.dup@example.com' },
    ]);
    const erased = await api.call('DELETE', `/api/v1/customers/${lena}`);
    expect([erased.statusCode, erased.json().merged_customers_erased]).toEqual([200, 1]);
    expect(await recorded(twoCards)).toEqual([]);
    expect(await recorded(lena)).toEqual([]);
  });
});
