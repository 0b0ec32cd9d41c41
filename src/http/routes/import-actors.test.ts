import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/helpers/app.ts';

// An import's writes are recorded in the activity log as the action of whoever ran it, as
// every other action is: the API key or the staff user who uploaded the file (the command
// line's are `cli`: src/cli/commands/import-actor.test.ts), each entry carrying the run's
// id (`import`) in its details. Regression: every entry of an import was the actor
// `import`, whoever had run it.

const api = useTestApp({ keys: { 'back office': ['read', 'write', 'admin'] } });
const actor = { actor: 'test' };

function upload(kind: string, csv: string, session?: { cookie: string; csrf: string }) {
  const boundary = 'test-boundary';
  const payload = `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${kind}.csv"\r\ncontent-type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`;
  const headers = { 'content-type': `multipart/form-data; boundary=${boundary}`, ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {}) };
  return api.call('POST', `/api/v1/imports/${kind}`, { body: payload, headers, key: session ? null : undefined });
}

type Entry = { actor: string; action: string; subject: string | null; details: Record<string, unknown> };
const entriesSince = async (id: number): Promise<(Entry & { id: number })[]> =>
  (await api.services.db.selectFrom('audit_log').select(['id', 'actor', 'action', 'subject', 'details']).where('id', '>', id).orderBy('id').execute()) as (Entry & { id: number })[];
const lastId = async () => Number((await api.services.db.selectFrom('audit_log').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst())?.id ?? 0);

let session: { cookie: string; csrf: string };

beforeAll(async () => {
  await api.services.loyalty.applyProgram({ program: { name: 'Imports', earning: { points_per_currency_unit: 1 }, expiry: { policy: 'none' } } }, actor);
  await api.services.auth.createUser({ email: 'mia@example.com', role: 'manager', password: 'a long password' }, actor);
  const login = await api.call('POST', '/api/v1/auth/login', { key: null, body: { email: 'mia@example.com', password: 'a long password' } });
  session = { cookie: String(login.headers['set-cookie'] ?? '').split(';')[0], csrf: login.json().csrf_token };
});

/** The entries an upload wrote: every one by `who`, all carrying one import id, which no earlier upload's entries carry. */
async function expectImportedBy(who: string, run: () => Promise<{ statusCode: number; body: string }>, seen: Set<string>) {
  const before = await lastId();
  const res = await run();
  expect(res.statusCode, res.body).toBe(200);
  expect(JSON.parse(res.body)).toMatchObject({ imported: true });
  const entries = await entriesSince(before);
  expect(entries.length).toBeGreaterThan(0);
  for (const e of entries) expect([e.action, e.actor]).toEqual([e.action, who]);
  const ids = new Set(entries.map((e) => e.details.import));
  expect(ids.size).toBe(1);
  const [importId] = ids as Set<string>;
  expect(importId).toMatch(/^[0-9a-f-]{36}$/);
  expect(seen.has(importId)).toBe(false);
  seen.add(importId);
  return entries;
}

describe("an import's entries in the activity log", () => {
  const seen = new Set<string>();

  it("are the API key's that uploaded the file, for customers, refunds, a purchases file's refunded amounts and points", async () => {
    const customers = await expectImportedBy('key:back office', () => upload('customers', 'email,first_name\nana@example.com,Ana\nbor@example.com,Bor'), seen);
    expect(customers.map((e) => e.action)).toEqual(['customer.create', 'customer.create']);

    const purchases = await expectImportedBy('key:back office', () => upload('purchases', [
      'external_id,customer_email,occurred_at,total,refunded_amount',
      'P1,ana@example.com,2026-05-02T10:00:00+02:00,100.00,25.00',
      'P2,bor@example.com,2026-05-03T10:00:00+02:00,50.00,0.00',
    ].join('\n')), seen);
    expect(purchases.map((e) => [e.action, e.details.amount])).toEqual([['purchase.refund', '25.00']]);

    const refunds = await expectImportedBy('key:back office', () => upload('refunds', 'purchase,external_id,amount,occurred_at\nP2,R1,10.00,2026-05-10T10:00:00+02:00'), seen);
    expect(refunds.map((e) => [e.action, e.details.amount])).toEqual([['purchase.refund', '10.00']]);

    const points = await expectImportedBy('key:back office', () => upload('points', 'email,points,reason\nana@example.com,500,Opening balance\ncy@example.com,200,Opening balance'), seen);
    expect(points.filter((e) => e.action === 'loyalty.adjust').map((e) => e.details)).toEqual([
      { points: 500, reason: 'Opening balance', import: [...seen].at(-1) },
      { points: 200, reason: 'Opening balance', import: [...seen].at(-1) },
    ]);
  });

  it("are the staff user's who uploaded it from the dashboard", async () => {
    const entries = await expectImportedBy('user:mia@example.com', () => upload('points', 'email,points,reason\nbor@example.com,50,Opening balance', session), seen);
    expect(entries.map((e) => e.action)).toEqual(['loyalty.adjust']);
    // GET /audit answers them so, the import's id among the details.
    const page = (await api.call('GET', '/api/v1/audit?action=loyalty.adjust&limit=1')).json();
    expect(page.items[0]).toMatchObject({ actor: 'user:mia@example.com', details: { points: 50, import: [...seen].at(-1) } });
  });

  // An import cut short (a crash, a restart) is finished by running the file again: each
  // row once, by its key. The rows written before keep who wrote them; the run that writes
  // the rest is its runner's, under an id of its own.
  it('of an import finished by running the file again are the second runner\'s for the rows it writes', async () => {
    const first = await expectImportedBy('key:back office', () => upload('points', 'email,points,reason\ndan@example.com,70,Opening balance'), seen);
    const rest = await expectImportedBy('user:mia@example.com', () => upload('points', 'email,points,reason\ndan@example.com,70,Opening balance\neva@example.com,80,Opening balance', session), seen);
    expect(rest.filter((e) => e.action === 'loyalty.adjust').map((e) => e.details.points)).toEqual([80]);
    const dan = (await api.services.customers.findByIdentity({ kind: 'email', value: 'dan@example.com' }))!;
    const [kept] = (await entriesSince(first[0].id - 1)).filter((e) => e.action === 'loyalty.adjust' && e.subject === dan);
    expect(kept).toMatchObject({ actor: 'key:back office', details: { points: 70, import: first[0].details.import } });
  });

  it('leave the entries of the same actions taken by hand without an import id', async () => {
    const before = await lastId();
    const bor = (await api.services.customers.findByIdentity({ kind: 'email', value: 'bor@example.com' }))!;
    expect((await api.call('POST', `/api/v1/customers/${bor}/loyalty/adjustments`, { body: { points: 5, reason: 'by hand', idempotency_key: 'hand' } })).statusCode).toBe(201);
    const [entry] = await entriesSince(before);
    expect(entry).toMatchObject({ actor: 'key:back office', action: 'loyalty.adjust', details: { points: 5, reason: 'by hand' } });
    expect(entry.details).not.toHaveProperty('import');
  });
});
