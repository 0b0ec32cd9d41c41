import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/helpers/app.ts';

// The customers list sorted (GET /customers?sort=…), on a worked case of five customers whose
// spends, last purchases and points are known, read the morning of 25 March 2026:
//
//   customer   created  purchases                    net    last purchase  points spendable (cached)
//   Ana Novak  2 Mar    40.00 on 2 Mar               40.00  2 Mar          400
//   Bo Berg    3 Mar    25.00 on 3 Mar, 45.00 20 Mar  70.00  20 Mar         250 (700: 450 pending until 3 Apr)
//   Cy Cole    4 Mar    70.00 on 4 Mar               70.00  4 Mar          700
//   dee@…      5 Mar    —                            —      —              not a member
//   Eli Ek     6 Mar    —                            —      —              300 (enrolled, a gift)
//
// The program earns 10 points a euro, held 14 days, no bonuses, enrolling buyers. Paging by
// two through every sort must give each customer exactly once, in the order worked out by
// hand: ties (Bo and Cy spent 70.00; Ana and Cy bought once) by id in the sort's direction,
// and the customers without a value (no purchase, not a member, no name) after the rest.
const api = useTestApp({ keys: { owner: ['read', 'write', 'admin'] } });
const clock = () => api.services.clock as typeof api.services.clock & { set(at: string): void };

const id: Record<'ana' | 'bo' | 'cy' | 'dee' | 'eli', string> = { ana: '', bo: '', cy: '', dee: '', eli: '' };
type Name = keyof typeof id;

async function buy(who: Name, customer: Record<string, string>, externalId: string, total: string, at: string) {
  clock().set(at);
  const res = await api.call('POST', '/api/v1/purchases', { body: { external_id: externalId, customer, occurred_at: at, total } });
  expect(res.statusCode, res.body).toBe(201);
  id[who] = res.json().customer_id;
}

beforeAll(async () => {
  clock().set('2026-03-01T09:00:00Z');
  const example = JSON.parse(fs.readFileSync('examples/program.json', 'utf8'));
  const program = {
    name: example.name, point_value: example.point_value, enrolment: 'automatic', pending_days: 14, refund_shortfall: 'negative_balance',
    earning: { points_per_currency_unit: 10, rounding: 'floor' }, bonuses: {}, expiry: { policy: 'none' },
  };
  const applied = await api.call('POST', '/api/v1/loyalty/program', { body: { program } });
  expect(applied.statusCode, applied.body).toBe(201);

  await buy('ana', { email: 'ana@example.com', first_name: 'Ana', last_name: 'Novak' }, 'ana-1', '40.00', '2026-03-02T10:00:00Z');
  await buy('bo', { email: 'bo@example.com', first_name: 'Bo', last_name: 'Berg' }, 'bo-1', '25.00', '2026-03-03T10:00:00Z');
  await buy('cy', { email: 'cy@example.com', first_name: 'cy', last_name: 'Cole' }, 'cy-1', '70.00', '2026-03-04T10:00:00Z');
  clock().set('2026-03-05T10:00:00Z');
  const dee = await api.call('POST', '/api/v1/customers', { body: { email: 'dee@example.com', language: 'da' } });
  expect(dee.statusCode, dee.body).toBe(201);
  id.dee = dee.json().id;
  clock().set('2026-03-06T10:00:00Z');
  const eli = await api.call('POST', '/api/v1/customers', { body: { email: 'eli@example.com', first_name: 'Eli', last_name: 'Ek', language: 'da' } });
  expect(eli.statusCode, eli.body).toBe(201);
  id.eli = eli.json().id;
  expect((await api.call('POST', `/api/v1/customers/${id.eli}/loyalty/enrol`)).statusCode).toBe(201);
  const gift = await api.call('POST', `/api/v1/customers/${id.eli}/loyalty/adjustments`, { body: { points: 300, reason: 'Welcome gift', idempotency_key: 'eli-gift' } });
  expect(gift.statusCode, gift.body).toBe(201);
  await buy('bo', { email: 'bo@example.com' }, 'bo-2', '45.00', '2026-03-20T10:00:00Z');
  for (const who of ['bo', 'cy', 'eli'] as const) {
    const tagged = await api.call('PATCH', `/api/v1/customers/${id[who]}`, { body: { tags: ['vip'] } });
    expect(tagged.statusCode, tagged.body).toBe(200);
  }
  clock().set('2026-03-25T08:00:00Z');
});

/** Every page of the list in `sort`, `limit` at a time, followed by its cursors: the customers' names in the order read. */
async function pages(sort: string, { limit = 2, filters = '' } = {}): Promise<Name[]> {
  const seen: Name[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 10; page += 1) {
    const url: string = `/api/v1/customers?sort=${sort}&limit=${limit}${filters}${cursor ? `&cursor=${cursor}` : ''}`;
    const res = await api.call('GET', url);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { items: { id: string }[]; next_cursor: string | null };
    seen.push(...body.items.map((c) => (Object.keys(id) as Name[]).find((n) => id[n] === c.id)!));
    cursor = body.next_cursor;
    if (!cursor) return seen;
  }
  throw new Error('more pages than customers');
}

/** Two customers tied on the key, in the sort's direction: by id. */
const byId = (a: Name, b: Name, descending: boolean): Name[] => ((id[a] < id[b]) !== descending ? [a, b] : [b, a]);

describe('GET /customers?sort=', () => {
  it('the worked case is as the table says (spends, last purchases, spendable points)', async () => {
    const items = (await api.call('GET', '/api/v1/customers')).json().items as { id: string; stats: { net_spend: string; purchases: number }; loyalty: { points: number } | null }[];
    const of = (who: Name) => items.find((c) => c.id === id[who])!;
    expect([of('ana'), of('bo'), of('cy')].map((c) => [c.stats.net_spend, c.stats.purchases])).toEqual([['40.00', 1], ['70.00', 2], ['70.00', 1]]);
    expect((['ana', 'bo', 'cy', 'dee', 'eli'] as const).map((n) => of(n).loyalty?.points ?? null)).toEqual([400, 250, 700, null, 300]);
    const bo = (await api.call('GET', `/api/v1/customers/${id.bo}/loyalty`)).json();
    expect(bo).toMatchObject({ balance: 250, pending: 450 });
  });

  it('pages through every sort, two at a time, giving each customer once in order', async () => {
    const expected: Record<string, Name[]> = {
      '-created_at': ['eli', 'dee', 'cy', 'bo', 'ana'],
      created_at: ['ana', 'bo', 'cy', 'dee', 'eli'],
      // Each bought when their record was written (customer-sort-since.test.ts has histories older than their records).
      customer_since: ['ana', 'bo', 'cy', 'dee', 'eli'],
      '-customer_since': ['eli', 'dee', 'cy', 'bo', 'ana'],
      // Case does not count (cy Cole); Dee has no name.
      name: ['ana', 'bo', 'cy', 'eli', 'dee'],
      '-name': ['eli', 'cy', 'bo', 'ana', 'dee'],
      '-net_spend': [...byId('bo', 'cy', true), 'ana', ...byId('dee', 'eli', true)],
      net_spend: ['ana', ...byId('bo', 'cy', false), ...byId('dee', 'eli', false)],
      '-last_purchase_at': ['bo', 'cy', 'ana', ...byId('dee', 'eli', true)],
      last_purchase_at: ['ana', 'cy', 'bo', ...byId('dee', 'eli', false)],
      '-purchases': ['bo', ...byId('ana', 'cy', true), ...byId('dee', 'eli', true)],
      purchases: [...byId('ana', 'cy', false), 'bo', ...byId('dee', 'eli', false)],
      // The points spendable now: Bo's 450 still pending do not count.
      '-points': ['cy', 'ana', 'eli', 'bo', 'dee'],
      points: ['bo', 'eli', 'ana', 'cy', 'dee'],
    };
    for (const [sort, order] of Object.entries(expected)) {
      expect(await pages(sort), sort).toEqual(order);
      // The page size does not change the order.
      expect(await pages(sort, { limit: 3 }), sort).toEqual(order);
    }
    // No sort: newest record first, as before sorting existed.
    const plain = (await api.call('GET', '/api/v1/customers')).json().items.map((c: { id: string }) => c.id);
    expect(plain).toEqual(expected['-created_at'].map((n) => id[n]));
  });

  it('sorts within the filters', async () => {
    expect(await pages('-points', { filters: '&tag=vip' })).toEqual(['cy', 'eli', 'bo']);
    expect(await pages('-net_spend', { filters: '&tag=vip' })).toEqual([...byId('bo', 'cy', true), 'eli']);
    expect(await pages('name', { filters: '&language=da' })).toEqual(['eli', 'dee']);
    expect(await pages('-customer_since', { filters: '&tag=vip' })).toEqual(['eli', 'cy', 'bo']);
    expect(await pages('-last_purchase_at', { limit: 1, filters: '&query=example.com' })).toEqual(['bo', 'cy', 'ana', ...byId('dee', 'eli', true)]);
    // An exact identity finds one customer, whatever the sort.
    expect(await pages('-points', { filters: '&query=bo@example.com' })).toEqual(['bo']);
  });

  it('refuses an unknown sort, naming `sort` and the sorts it takes, and a cursor of another sort', async () => {
    const res = await api.call('GET', '/api/v1/customers?sort=spend');
    expect(res.statusCode).toBe(422);
    const problem = res.json();
    expect(problem.errors).toEqual([expect.objectContaining({ field: 'sort' })]);
    expect(problem.errors[0].reason).toContain('-net_spend');
    const first = (await api.call('GET', '/api/v1/customers?sort=-net_spend&limit=2')).json();
    const other = await api.call('GET', `/api/v1/customers?sort=-points&limit=2&cursor=${first.next_cursor}`);
    expect(other.statusCode).toBe(422);
    expect(other.json().errors).toEqual([expect.objectContaining({ field: 'cursor' })]);
    // A cursor made by hand whose key is no number is refused too, not sent to the database.
    const forged = Buffer.from(JSON.stringify(['-net_spend', 'lots', id.ana])).toString('base64url');
    const refused = await api.call('GET', `/api/v1/customers?sort=-net_spend&cursor=${forged}`);
    expect(refused.statusCode, refused.body).toBe(422);
    expect(refused.json().errors).toEqual([expect.objectContaining({ field: 'cursor' })]);
    for (const when of ['2026', 'yesterday', '2026-03-02T10:00:00+01:00']) {
      const time = Buffer.from(JSON.stringify(['-last_purchase_at', when, id.ana])).toString('base64url');
      const answer = await api.call('GET', `/api/v1/customers?sort=-last_purchase_at&cursor=${time}`);
      expect(answer.statusCode, when).toBe(422);
    }
  });

  it('continues a cursor from before sorting existed in the default order', async () => {
    const [newest, next] = (await api.call('GET', '/api/v1/customers?limit=2')).json().items as { id: string; created_at: string }[];
    const old = Buffer.from(JSON.stringify([next.created_at, next.id])).toString('base64url');
    const res = await api.call('GET', `/api/v1/customers?cursor=${old}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items.map((c: { id: string }) => c.id)).toEqual([id.cy, id.bo, id.ana]);
    expect(newest.id).toBe(id.eli);
  });
});
