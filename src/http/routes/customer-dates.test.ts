import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/helpers/app.ts';

// Since when a customer is one, and since when a member, in the customers' answers (list
// and detail). Regression (QA): customers a CSV import of past purchases brought in showed
// "customer since" as the day of the import — the answers gave only created_at — where a
// business importing three years of history expects their first purchase.
const api = useTestApp({ keys: { office: ['read', 'write', 'admin'] } });
const clock = () => api.services.clock as typeof api.services.clock & { set(at: string): void };
const program = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../../examples/program.json'), 'utf8'));

const IMPORT_DAY = '2026-06-01T12:00:00.000Z';

function upload(csv: string[]) {
  const boundary = 'dates-boundary';
  const map = JSON.stringify({ external_id: 'order', customer_email: 'email', occurred_at: 'date', total: 'amount' });
  const payload = `--${boundary}\r\ncontent-disposition: form-data; name="map"\r\n\r\n${map}\r\n`
    + `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="history.csv"\r\ncontent-type: text/csv\r\n\r\n${csv.join('\n')}\n\r\n--${boundary}--\r\n`;
  return api.call('POST', '/api/v1/imports/purchases', { body: payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
}

async function customer(id: string) {
  const res = await api.call('GET', `/api/v1/customers/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function idOf(email: string): Promise<string> {
  const res = await api.call('GET', `/api/v1/customers?query=${encodeURIComponent(email)}`);
  expect(res.json().items, email).toHaveLength(1);
  return res.json().items[0].id;
}

let ana: string; // three years of history, imported today
let bo: string; // bought before the program existed, then after it
let cy: string; // signed up today, no purchase, enrolled a week later
let dan: string; // a new customer into whom an imported member is merged

beforeAll(async () => {
  // Bo's first purchase, recorded live, before any program: it earned nothing.
  clock().set('2025-01-10T12:00:00Z');
  const early = await api.call('POST', '/api/v1/purchases', { body: { external_id: 'bo-1', customer: { email: 'bo@example.com' }, occurred_at: '2025-01-10T09:00:00Z', total: '12.00' } });
  expect(early.statusCode, early.body).toBe(201);
  bo = early.json().customer_id;

  clock().set(IMPORT_DAY);
  await api.services.loyalty.applyProgram({ program }, { actor: 'test' });
  const imported = await upload([
    'order,email,date,amount',
    'h-1,ana@example.com,2023-03-04T10:00:00Z,18.40',
    'h-2,ana@example.com,2024-07-19T16:30:00Z,42.00',
    'h-3,ana@example.com,2026-05-28T08:15:00Z,9.90',
    'h-4,eve@example.com,2024-02-01T11:00:00Z,25.00',
  ]);
  expect(imported.statusCode, imported.body).toBe(200);
  expect(imported.json()).toMatchObject({ created: 4, imported: true });
  ana = await idOf('ana@example.com');

  // Bo buys again, after the program came into force: this purchase made Bo a member.
  const later = await api.call('POST', '/api/v1/purchases', { body: { external_id: 'bo-2', customer: { email: 'bo@example.com' }, occurred_at: '2026-06-01T10:00:00Z', total: '7.00' } });
  expect(later.statusCode, later.body).toBe(201);

  const signedUp = await api.call('POST', '/api/v1/customers', { body: { email: 'cy@example.com', first_name: 'Cy' } });
  expect(signedUp.statusCode, signedUp.body).toBe(201);
  cy = signedUp.json().id;

  clock().set('2026-06-08T09:00:00Z');
  expect((await api.call('POST', `/api/v1/customers/${cy}/loyalty/enrol`)).statusCode).toBe(201);
  const created = await api.call('POST', '/api/v1/customers', { body: { email: 'dan@example.com', first_name: 'Dan' } });
  dan = created.json().id;
  const merged = await api.call('POST', `/api/v1/customers/${dan}/merge`, { body: { from: await idOf('eve@example.com') } });
  expect(merged.statusCode, merged.body).toBe(200);
});

describe('customer and member since', () => {
  it('dates an imported customer from their first purchase, before the import, and as a member from it too', async () => {
    const answer = await customer(ana);
    expect(answer).toMatchObject({
      created_at: IMPORT_DAY,
      first_purchase_at: '2023-03-04T10:00:00.000Z',
      customer_since: '2023-03-04T10:00:00.000Z',
      member_since: '2023-03-04T10:00:00.000Z',
    });
    expect(answer.stats.first_purchase_at).toBe(answer.first_purchase_at);
    // The loyalty account joined the day of the import; its first purchase earned at its own date.
    const account = (await api.call('GET', `/api/v1/customers/${ana}/loyalty`)).json();
    expect(account.joined_at).toBe(IMPORT_DAY);
    expect(account.explanation.entries.find((e: { kind: string }) => e.kind === 'earn')).toMatchObject({ at: '2023-03-04T10:00:00.000Z' });
  });

  it('does not date a membership back to a purchase made before the program, which earned nothing', async () => {
    expect(await customer(bo)).toMatchObject({
      created_at: '2025-01-10T12:00:00.000Z',
      first_purchase_at: '2025-01-10T09:00:00.000Z',
      customer_since: '2025-01-10T09:00:00.000Z',
      // The purchase that made Bo a member, two hours before the program's write of the member (it was dated so).
      member_since: '2026-06-01T10:00:00.000Z',
    });
  });

  it('dates a customer without purchases from their record, and a member from joining; no member, no date', async () => {
    expect(await customer(cy)).toMatchObject({ created_at: IMPORT_DAY, first_purchase_at: null, customer_since: IMPORT_DAY, member_since: '2026-06-08T09:00:00.000Z' });
    const other = await api.call('POST', '/api/v1/customers', { body: { email: 'nomember@example.com' } });
    expect(other.json()).toMatchObject({ first_purchase_at: null, customer_since: '2026-06-08T09:00:00.000Z', member_since: null });
  });

  it('gives a survivor the dates of the customer merged into it', async () => {
    // Dan was created, and joined the program by the merge, on 8 June; Eve, merged in, was imported with a purchase of 2024.
    expect(await customer(dan)).toMatchObject({
      created_at: '2026-06-08T09:00:00.000Z',
      first_purchase_at: '2024-02-01T11:00:00.000Z',
      customer_since: '2024-02-01T11:00:00.000Z',
      member_since: '2024-02-01T11:00:00.000Z',
    });
  });

  it('answers the same dates in the list, page by page, as each customer’s own answer', async () => {
    const seen = new Map<string, Record<string, unknown>>();
    let cursor: string | null = null;
    do {
      const res = await api.call('GET', `/api/v1/customers?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode, res.body).toBe(200);
      for (const item of res.json().items) seen.set(item.id, item);
      cursor = res.json().next_cursor;
    } while (cursor);
    expect(seen.size).toBe(5); // Eve was merged into Dan: not listed
    for (const id of [ana, bo, cy, dan]) {
      // The list answers what the customer's own answer does (stats included), and beside it
      // the member's spendable points and tier as their loyalty account has them.
      const { loyalty, ...listed } = seen.get(id) as Record<string, unknown> & { loyalty: unknown };
      expect(listed, id).toEqual(await customer(id));
      const account = (await api.call('GET', `/api/v1/customers/${id}/loyalty`)).json();
      expect(loyalty, id).toEqual(account.member ? { points: account.balance, tier: account.tier?.code ?? null, tier_name: account.tier ? expect.objectContaining({ en: account.tier.name }) : null } : null);
    }
    expect(seen.get(ana)).toMatchObject({ customer_since: '2023-03-04T10:00:00.000Z', identities: [{ kind: 'email', value: 'ana@example.com' }] });
  });

  it('reads a page of customers’ identities and dates in one statement each, however long the page', async () => {
    const statements = async (limit: number) => {
      const sent = countStatements();
      try {
        expect((await api.services.customers.search({ limit })).items).toHaveLength(limit);
      } finally {
        sent.stop();
      }
      return sent.count;
    };
    const one = await statements(1);
    expect(one).toBeGreaterThanOrEqual(3); // the page, its identities, its dates
    expect(await statements(5)).toBe(one);
  });
});

/** Counts the statements the services' database is sent until `stop` (its query executor, wrapped). */
function countStatements() {
  const executor = api.services.db.getExecutor();
  const original = executor.executeQuery;
  const counter = { count: 0, stop: () => { executor.executeQuery = original; } };
  executor.executeQuery = function (this: typeof executor, ...args: Parameters<typeof original>) {
    counter.count += 1;
    return original.apply(this, args);
  } as typeof original;
  return counter;
}
