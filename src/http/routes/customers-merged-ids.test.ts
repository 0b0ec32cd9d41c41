import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/helpers/app.ts';
import { eraseCustomer } from '../../workflows/customer-lifecycle.ts';

// A till or an app that kept a customer id from before a merge reads the person's
// purchases, scores and recommendations as they are now: the survivor's, at the end of a
// chain of merges, with the survivor's id in the body and in Content-Location (as the
// loyalty reads: loyalty-merged-ids.test.ts). Regression: the three answered a merged id
// with a 404.
const api = useTestApp({ keys: { till: ['read', 'write', 'admin'] } });
const actor = { actor: 'test' };
const unknown = '00000000-0000-4000-8000-00000000dead';

const ESP = { sku: 'ESP', name: 'Espresso', category: 'coffee', quantity: 1, unit_price: '2.20' };
const CRO = { sku: 'CRO', name: 'Croissant', category: 'bakery', quantity: 1, unit_price: '2.00' };
const TEA = { sku: 'TEA', name: 'Black tea', category: 'tea', quantity: 1, unit_price: '2.50' };
const MUF = { sku: 'MUF', name: 'Muffin', category: 'bakery', quantity: 1, unit_price: '2.80' };

let n = 0;
async function buy(customer: { email: string; external_id?: string }, occurredAt: string, lines: (typeof ESP)[]) {
  const total = lines.reduce((sum, l) => sum + Number(l.unit_price) * l.quantity, 0).toFixed(2);
  const res = await api.call('POST', '/api/v1/purchases', { body: { external_id: `cm-${++n}`, customer, occurred_at: occurredAt, total, lines } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().customer_id as string;
}

let a: string;
let b: string;
let c: string;
let erasedEnd: string;
let mergedIntoErased: string;

beforeAll(async () => {
  // Others who buy espresso with a croissant or a muffin, so there is something to recommend.
  for (const i of [1, 2, 3, 4]) {
    await buy({ email: `other-${i}@example.com` }, '2026-03-02T09:00:00Z', [ESP, CRO]);
    await buy({ email: `other-${i}@example.com` }, `2026-05-1${i}T09:00:00Z`, [ESP, MUF]);
  }
  a = await buy({ email: 'chain-a@example.com' }, '2026-03-10T09:00:00Z', [ESP]);
  await buy({ email: 'chain-a@example.com' }, '2026-05-01T09:00:00Z', [ESP]);
  b = await buy({ email: 'chain-b@example.com' }, '2026-04-02T09:00:00Z', [TEA]);
  c = await buy({ email: 'chain-c@example.com', external_id: 'chain-c' }, '2026-05-20T09:00:00Z', [CRO]);
  mergedIntoErased = await buy({ email: 'gone-1@example.com' }, '2026-05-21T09:00:00Z', [TEA]);
  erasedEnd = await buy({ email: 'gone-2@example.com' }, '2026-05-22T09:00:00Z', [TEA]);
  // Scored before the merges: A and B keep scores of their own until the next run, which
  // a read of their ids must not show.
  expect((await api.call('POST', '/api/v1/analytics/scores/run')).statusCode).toBe(200);
  // A goes into B, then B into C.
  expect((await api.call('POST', `/api/v1/customers/${b}/merge`, { body: { from: a } })).statusCode).toBe(200);
  expect((await api.call('POST', `/api/v1/customers/${c}/merge`, { body: { from: b } })).statusCode).toBe(200);
  expect((await api.call('POST', `/api/v1/customers/${erasedEnd}/merge`, { body: { from: mergedIntoErased } })).statusCode).toBe(200);
  await eraseCustomer(api.services, erasedEnd, actor);
});

/** C's answer, with no Content-Location, and A's and B's equal to it, naming C's URL. */
async function expectFollowed(path: (id: string) => string) {
  const survivor = await api.call('GET', path(c));
  expect(survivor.statusCode, survivor.body).toBe(200);
  expect(survivor.headers['content-location']).toBeUndefined();
  expect(survivor.json()).toMatchObject({ customer_id: c });
  for (const merged of [a, b]) {
    const res = await api.call('GET', path(merged));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-location']).toBe(path(c));
    expect(res.json()).toEqual(survivor.json());
  }
  return survivor.json();
}

describe('a per-customer read given a merged id', () => {
  it("lists the survivor's purchases, the merged customers' among them, page by page", async () => {
    const all = await expectFollowed((id) => `/api/v1/customers/${id}/purchases?limit=20`);
    expect(all.items.map((p: { occurred_at: string }) => p.occurred_at)).toEqual(['2026-05-20T09:00:00.000Z', '2026-05-01T09:00:00.000Z', '2026-04-02T09:00:00.000Z', '2026-03-10T09:00:00.000Z']);
    expect(all.items.every((p: { customer_id: string }) => p.customer_id === c)).toBe(true);
    const first = await expectFollowed((id) => `/api/v1/customers/${id}/purchases?limit=3`);
    expect(first.next_cursor).toEqual(expect.any(String));
    const second = await expectFollowed((id) => `/api/v1/customers/${id}/purchases?limit=3&cursor=${first.next_cursor}`);
    expect([...first.items, ...second.items]).toEqual(all.items);
  });

  it("answers the survivor's scores, not the merged customer's own from before the merge", async () => {
    expect(await api.services.db.selectFrom('customer_scores').select('customer_id').where('customer_id', 'in', [a, b]).execute()).toHaveLength(2);
    const scores = await expectFollowed((id) => `/api/v1/customers/${id}/scores`);
    expect(scores).toMatchObject({ rfm: { frequency: 1 } });
  });

  it("recommends for the survivor, from everything the person bought", async () => {
    const recommended = await expectFollowed((id) => `/api/v1/customers/${id}/recommendations?limit=3`);
    expect(recommended).toMatchObject({ products_bought: 3, items: [{ sku: 'MUF' }] });
    // By external id the customer is the one named: no merge, no Content-Location.
    const byExternalId = await api.call('GET', '/api/v1/customers/chain-c/recommendations?limit=3');
    expect(byExternalId.statusCode).toBe(200);
    expect(byExternalId.headers['content-location']).toBeUndefined();
    expect(byExternalId.json()).toEqual(recommended);
  });

  it('answers 404 for an unknown id, an erased customer and an id merged into one erased since', async () => {
    for (const path of ['purchases', 'scores', 'recommendations']) {
      for (const id of [unknown, erasedEnd, mergedIntoErased]) {
        const res = await api.call('GET', `/api/v1/customers/${id}/${path}`);
        expect(res.statusCode, `${path} ${id}`).toBe(404);
        expect(res.headers['content-location'], path).toBeUndefined();
      }
    }
  });

  it('leaves the customer record itself merged', async () => {
    const record = await api.call('GET', `/api/v1/customers/${a}`);
    expect(record.statusCode).toBe(404);
    expect(record.json().detail).toMatch(`merged into ${b}`);
    // Machine-readable too: the customer it was merged into.
    expect(record.json().merged_into).toBe(b);
    const unknownRecord = await api.call('GET', `/api/v1/customers/${unknown}`);
    expect(unknownRecord.json().merged_into).toBeUndefined();
  });

  // A client asked to merge the id again (the CLI's preview) can say it was, and when.
  it("says when it was merged: the merge's own instant, also after the customer it went into was erased (the stub's row changed then)", async () => {
    const mergedAt = async (id: string) =>
      (await api.services.db.selectFrom('customer_merges').select('merged_at').where('merged_id', '=', id).executeTakeFirstOrThrow()).merged_at.toISOString();
    expect((await api.call('GET', `/api/v1/customers/${a}`)).json()).toMatchObject({ merged_into: b, merged_at: await mergedAt(a) });
    const stub = await api.call('GET', `/api/v1/customers/${mergedIntoErased}`);
    expect(stub.json()).toMatchObject({ merged_into: erasedEnd, merged_at: await mergedAt(mergedIntoErased) });
    expect((await api.call('GET', `/api/v1/customers/${unknown}`)).json().merged_at).toBeUndefined();
  });

  it('says so in the OpenAPI document', async () => {
    const doc = (await api.call('GET', '/api/openapi.json', { key: null })).json();
    for (const path of ['/api/v1/customers/{id}/purchases', '/api/v1/customers/{id}/scores', '/api/v1/customers/{id}/recommendations']) {
      expect(doc.paths[path].get.description, path).toMatch(/merged.*Content-Location/s);
    }
  });
});

// Regression: a merge sent again after it succeeded (a client retrying after a timeout)
// answered 404 "Customer … (merged into …) not found", as if it had failed.
describe('POST /customers/{id}/merge sent again', () => {
  it('answers as the merge did, changing nothing; the merged customer into another is a 409, told in the language asked', async () => {
    const x = await buy({ email: 'again-x@example.com' }, '2026-05-23T09:00:00Z', [ESP]);
    const y = await buy({ email: 'again-y@example.com' }, '2026-05-24T09:00:00Z', [CRO, TEA]);
    const z = await buy({ email: 'again-z@example.com' }, '2026-05-25T09:00:00Z', [MUF]);
    const first = await api.call('POST', `/api/v1/customers/${y}/merge`, { body: { from: x } });
    expect(first.statusCode).toBe(200);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(first.json()).toMatchObject({ customer: { id: y, email: 'again-y@example.com' }, moved: { purchases: 1, identities: 1 } });

    const again = await api.call('POST', `/api/v1/customers/${y}/merge`, { body: { from: x } });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect((await api.call('GET', `/api/v1/customers/${y}`)).json().stats).toMatchObject({ purchases: 2 });
    expect(await api.services.db.selectFrom('customer_merges').select('id').where('merged_id', '=', x).execute()).toHaveLength(1);

    const elsewhere = await api.call('POST', `/api/v1/customers/${z}/merge`, { body: { from: x } });
    expect(elsewhere.statusCode).toBe(409);
    expect(elsewhere.json().detail).toBe(`Customer ${x} was already merged into ${y}, not into ${z}`);
    const told = await api.call('POST', `/api/v1/customers/${z}/merge`, { body: { from: x }, headers: { 'accept-language': 'sl' } });
    expect(told.json().detail).toBe(`Stranka ${x} je že združena s stranko ${y}, ne s stranko ${z}`);
    expect((await api.call('GET', `/api/v1/customers/${z}`)).json().stats).toMatchObject({ purchases: 1 });
  });

  it('answers a retry whose survivor was merged on since as the merge did, showing the customer it is now part of', async () => {
    // A went into B, then B into C (beforeAll): the merge of A into B happened, and a retry
    // of it says so (not a 404 that reads as if it had failed); B's record is C's now.
    const recorded = await api.services.db.selectFrom('customer_merges').select('moved').where('merged_id', '=', a).executeTakeFirstOrThrow();
    const res = await api.call('POST', `/api/v1/customers/${b}/merge`, { body: { from: a } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['idempotent-replayed']).toBe('true');
    expect(res.json()).toMatchObject({ customer: { id: c }, moved: recorded.moved as object });
    expect(await api.services.db.selectFrom('customer_merges').select('id').where('merged_id', '=', a).execute()).toHaveLength(1);
  });
});
