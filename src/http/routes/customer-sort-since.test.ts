import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/helpers/app.ts';

// The customers list sorted by customer_since (GET /customers?sort=customer_since): by the
// date each customer answers as theirs, not by when their record was written. Regression
// (QA): sorted by created_at, customers imported with years of history sat at the import
// day, so a business could not list its longest-standing customers. Read on 1 June 2026:
//
//   customer  record written           first purchase  merged into it                customer_since
//   ana       1 Jun (import)           4 Mar 2023      —                             4 Mar 2023
//   ivy       1 Jun (import)           4 Mar 2023      —                             4 Mar 2023 (tie with ana: by id)
//   dan       1 Jun                    —               eve (import, bought 1 Feb 24)  1 Feb 2024 (eve's purchase, now dan's)
//   gus       28 May                   —               fay (10 Apr) ← hal (1 Apr)     1 Apr 2026 (hal: a merge into a merge)
//   bo        1 May                    —               —                             1 May 2026
//   cy        20 May                   25 May          —                             20 May 2026
//   jo, kim   1 Jun 13:00              —               —                             1 Jun 13:00 (a tie: by id)
const api = useTestApp({ keys: { office: ['read', 'write', 'admin'] } });
const clock = () => api.services.clock as typeof api.services.clock & { set(at: string): void };

const IMPORT_DAY = '2026-06-01T12:00:00.000Z';
const NAMES = ['ana', 'ivy', 'dan', 'gus', 'bo', 'cy', 'jo', 'kim'] as const;
type Name = (typeof NAMES)[number];
const id = {} as Record<Name, string>;

function upload(csv: string[]) {
  const boundary = 'since-boundary';
  const map = JSON.stringify({ external_id: 'order', customer_email: 'email', occurred_at: 'date', total: 'amount' });
  const payload = `--${boundary}\r\ncontent-disposition: form-data; name="map"\r\n\r\n${map}\r\n`
    + `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="history.csv"\r\ncontent-type: text/csv\r\n\r\n${csv.join('\n')}\n\r\n--${boundary}--\r\n`;
  return api.call('POST', '/api/v1/imports/purchases', { body: payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
}

async function create(email: string, at: string, tags: string[] = []): Promise<string> {
  clock().set(at);
  const res = await api.call('POST', '/api/v1/customers', { body: { email, tags } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

async function merge(survivor: string, from: string) {
  const res = await api.call('POST', `/api/v1/customers/${survivor}/merge`, { body: { from } });
  expect(res.statusCode, res.body).toBe(200);
}

async function idOf(email: string): Promise<string> {
  const res = await api.call('GET', `/api/v1/customers?query=${encodeURIComponent(email)}`);
  expect(res.json().items, email).toHaveLength(1);
  return res.json().items[0].id;
}

beforeAll(async () => {
  const hal = await create('hal@example.com', '2026-04-01T09:00:00Z');
  const fay = await create('fay@example.com', '2026-04-10T09:00:00Z');
  id.bo = await create('bo@example.com', '2026-05-01T09:00:00Z', ['vip']);
  id.cy = await create('cy@example.com', '2026-05-20T09:00:00Z', ['vip']);
  clock().set('2026-05-25T10:00:00Z');
  const bought = await api.call('POST', '/api/v1/purchases', { body: { external_id: 'cy-1', customer: { email: 'cy@example.com' }, occurred_at: '2026-05-25T10:00:00Z', total: '9.00' } });
  expect(bought.statusCode, bought.body).toBe(201);
  id.gus = await create('gus@example.com', '2026-05-28T09:00:00Z');
  await merge(fay, hal);
  await merge(id.gus, fay);

  clock().set(IMPORT_DAY);
  const imported = await upload([
    'order,email,date,amount',
    'h-1,ana@example.com,2023-03-04T10:00:00Z,18.40',
    'h-2,ana@example.com,2024-07-19T16:30:00Z,42.00',
    'h-3,ivy@example.com,2023-03-04T10:00:00Z,5.00',
    'h-4,eve@example.com,2024-02-01T11:00:00Z,25.00',
  ]);
  expect(imported.statusCode, imported.body).toBe(200);
  id.ana = await idOf('ana@example.com');
  id.ivy = await idOf('ivy@example.com');
  const eve = await idOf('eve@example.com');
  id.dan = await create('dan@example.com', IMPORT_DAY, ['vip']);
  await merge(id.dan, eve);
  id.jo = await create('jo@example.com', '2026-06-01T13:00:00Z');
  id.kim = await create('kim@example.com', '2026-06-01T13:00:00Z', ['vip']);
});

/** Two customers tied on the key, in the sort's direction: by id. */
const byId = (a: Name, b: Name, descending = false): Name[] => ((id[a] < id[b]) !== descending ? [a, b] : [b, a]);
const nameOf = (customerId: string) => NAMES.find((n) => id[n] === customerId)!;

/** Every page of the list in `sort`, `limit` at a time, followed by its cursors: the customers in the order read, with the customer_since each answered. */
async function pages(sort: string, { limit = 2, filters = '' } = {}): Promise<{ names: Name[]; since: string[] }> {
  const names: Name[] = [];
  const since: string[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 20; page += 1) {
    const res = await api.call('GET', `/api/v1/customers?sort=${sort}&limit=${limit}${filters}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { items: { id: string; customer_since: string }[]; next_cursor: string | null };
    names.push(...body.items.map((c) => nameOf(c.id)));
    since.push(...body.items.map((c) => c.customer_since));
    cursor = body.next_cursor;
    if (!cursor) return { names, since };
  }
  throw new Error('more pages than customers');
}

describe('GET /customers?sort=customer_since', () => {
  it('lists the longest-standing customers first: an imported history by its first purchase, a survivor by the customers merged into it', async () => {
    const expected: Name[] = [...byId('ana', 'ivy'), 'dan', 'gus', 'bo', 'cy', ...byId('jo', 'kim')];
    for (const limit of [1, 2, 3, 50]) {
      const { names, since } = await pages('customer_since', { limit });
      expect(names, `limit ${limit}`).toEqual(expected);
      // The order is the one of the dates the answers show.
      expect(since).toEqual([...since].sort());
      const descending = await pages('-customer_since', { limit });
      expect(descending.names, `limit ${limit}`).toEqual([...expected].reverse());
    }
    const { since } = await pages('customer_since', { limit: 50 });
    expect(since.slice(0, 6)).toEqual([
      '2023-03-04T10:00:00.000Z', '2023-03-04T10:00:00.000Z', '2024-02-01T11:00:00.000Z', '2026-04-01T09:00:00.000Z', '2026-05-01T09:00:00.000Z', '2026-05-20T09:00:00.000Z',
    ]);
    // Sorted by the record instead, the imported customers are the newest (the import day).
    expect((await pages('created_at', { limit: 50 })).names.slice(0, 3)).toEqual(['bo', 'cy', 'gus']);
  });

  it('sorts within the filters', async () => {
    expect((await pages('customer_since', { filters: '&tag=vip' })).names).toEqual(['dan', 'bo', 'cy', 'kim']);
    expect((await pages('-customer_since', { limit: 1, filters: '&tag=vip' })).names).toEqual(['kim', 'cy', 'bo', 'dan']);
    expect((await pages('-customer_since', { limit: 1, filters: '&query=example.com' })).names).toHaveLength(NAMES.length);
    expect((await pages('-customer_since', { filters: '&query=ana@example.com' })).names).toEqual(['ana']);
  });

  it('refuses a cursor of another sort, and one whose key is no time', async () => {
    const first = (await api.call('GET', '/api/v1/customers?sort=created_at&limit=2')).json();
    const other = await api.call('GET', `/api/v1/customers?sort=customer_since&limit=2&cursor=${first.next_cursor}`);
    expect(other.statusCode).toBe(422);
    expect(other.json().errors).toEqual([expect.objectContaining({ field: 'cursor' })]);
    for (const value of ['2026', null]) {
      const forged = Buffer.from(JSON.stringify(['customer_since', value, id.ana])).toString('base64url');
      const refused = await api.call('GET', `/api/v1/customers?sort=customer_since&cursor=${forged}`);
      expect(refused.statusCode, String(value)).toBe(422);
    }
  });
});
