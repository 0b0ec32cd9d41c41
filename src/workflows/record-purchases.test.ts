import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKind } from '../../test/helpers/database.ts';
import { openTestServices } from '../../test/helpers/services.ts';
import { identityKey } from '../modules/customers/index.ts';
import { recordPurchases, retrying } from './record-purchases.ts';
import { gate, heldOpen } from '../../test/helpers/concurrency.ts';
import { sql } from 'kysely';
import type { Tx } from '../db/index.ts';

let s: Awaited<ReturnType<typeof openTestServices>>;
beforeAll(async () => {
  s = await openTestServices();
  await s.stores.upsert({ code: 'lj-center', name: 'Ljubljana Center', city: 'Ljubljana', time_zone: 'Europe/Ljubljana' }, { actor: 'test' });
});
afterAll(() => s?.close());

const purchase = (over: Record<string, unknown> = {}) => ({
  external_id: 'order-1',
  customer: { email: 'Ana@Example.com', first_name: 'Ana', language: 'sl' },
  occurred_at: '2026-05-01T23:30:00Z',
  store: 'lj-center',
  total: '29.33',
  discount: '1.00',
  lines: [{ sku: 'C1', name: 'Coffee', category: 'drinks', quantity: 2, unit_price: '14.665'.slice(0, 5) }],
  ...over,
});

describe('recordPurchases', () => {
  it('creates the customer, stores the purchase in minor units and keeps the stats', async () => {
    const [out] = await recordPurchases(s, [purchase()], { source: 'api' });
    expect(out.status).toBe('created');
    if (out.status === 'error') throw out.error;
    expect(out.purchase).toMatchObject({ total: '29.33', discount: '1.00', store: 'lj-center', channel: 'in_store', local_date: '2026-05-02' });
    const customer = await s.customers.get(out.customerId);
    expect(customer).toMatchObject({ email: 'ana@example.com', first_name: 'Ana', language: 'sl' });
    const stats = await s.commerce.statsOf(out.customerId);
    expect(stats).toMatchObject({ purchases: 1, purchase_days: 1, net_spend: '29.33', average_order_value: '29.33' });
  });

  it('returns the first result for a repeated key and a conflict for a different body', async () => {
    const [again] = await recordPurchases(s, [purchase()], { source: 'api' });
    expect(again.status).toBe('duplicate');
    const [changed] = await recordPurchases(s, [purchase({ total: '30.00' })], { source: 'api' });
    expect(changed.status).toBe('error');
    if (changed.status === 'error') {
      expect(changed.error).toMatchObject({
        kind: 'conflict', message: 'Purchase order-1 was already recorded with other values: total 29.33 (this request: 30.00)',
        problems: [{ field: 'total', reason: '29.33 (this request: 30.00)' }],
      });
    }
    expect((await s.commerce.totals()).purchases).toBe(1);
  });

  it('names what differs from a purchase earlier in the same batch, and from one of a customer erased since', async () => {
    const customer = { email: 'twice@example.com' };
    const out = await recordPurchases(s, [purchase({ external_id: 'twice-1', customer }), purchase({ external_id: 'twice-1', customer, discount: '0.50', store: null })], { source: 'api' });
    expect(out.map((o) => o.status)).toEqual(['created', 'error']);
    expect(out[1].status === 'error' && out[1].error.message).toBe(
      'Purchase twice-1 was already recorded with other values: discount 1.00 (this request: 0.50); store lj-center (this request: none); channel in_store (this request: other)',
    );
    const [kept] = await recordPurchases(s, [purchase({ external_id: 'erased-1', customer: { email: 'gone@example.com' } })], { source: 'api' });
    if (kept.status === 'error') throw kept.error;
    await s.db.transaction().execute((trx) => s.customers.anonymize(trx, { customerId: kept.customerId, now: new Date() }));
    // The erased customer has no identities left to compare: only the purchase's own values are named.
    const [again] = await recordPurchases(s, [purchase({ external_id: 'erased-1', customer: { email: 'other@example.com' }, total: '29.34' })], { source: 'api' });
    expect(again.status === 'error' && again.error.message).toBe('Purchase erased-1 was already recorded with other values: total 29.33 (this request: 29.34)');
  });

  it('treats purchases of one new customer in one batch as one customer', async () => {
    const out = await recordPurchases(
      s,
      [
        purchase({ external_id: 'b1', customer: { external_id: 'card-9', email: 'bo@example.com' } }),
        purchase({ external_id: 'b2', customer: { email: 'BO@example.com' } }),
        purchase({ external_id: 'b2', customer: { email: 'BO@example.com' } }),
        purchase({ external_id: 'b3', customer: { external_id: 'card-9' }, total: 'abc' }),
      ],
      { source: 'api' },
    );
    expect(out.map((o) => o.status)).toEqual(['created', 'created', 'duplicate', 'error']);
    const ids = out.slice(0, 3).map((o) => (o.status === 'error' ? '' : o.customerId));
    expect(new Set(ids).size).toBe(1);
    const err = out[3];
    if (err.status === 'error') expect(err.error.problems[0].field).toBe('total');
    expect((await s.commerce.statsOf(ids[0])).purchases).toBe(2);
  });

  it('counts each purchase once when 20 identical requests race', async () => {
    const body = purchase({ external_id: 'race-1', customer: { phone: '+38640111222' } });
    const results = await Promise.all(Array.from({ length: 20 }, () => recordPurchases(s, [body], { source: 'api' })));
    const statuses = results.map((r) => r[0].status).sort();
    expect(statuses.filter((x) => x === 'created')).toHaveLength(1);
    expect(statuses.filter((x) => x === 'duplicate')).toHaveLength(19);
  });

  it('refunds partially and fully, idempotently, never beyond the total', async () => {
    const first = await s.commerce.refund('order-1', { external_id: 'r1', amount: '10.00' }, { actor: 'test' });
    expect(first.purchase.refunded).toBe('10.00');
    const retry = await s.commerce.refund('order-1', { external_id: 'r1', amount: '10.00' }, { actor: 'test' });
    expect(retry.created).toBe(false);
    await expect(s.commerce.refund('order-1', { external_id: 'r2', amount: '20.00' }, { actor: 'test' })).rejects.toThrow(/exceeds the refundable €19\.33/);
    const rest = await s.commerce.refund('order-1', { external_id: 'r3' }, { actor: 'test' });
    expect(rest.purchase.net).toBe('0.00');
    const stats = await s.commerce.statsOf(rest.purchase.customer_id);
    expect(stats.net_spend).toBe('0.00');
    await expect(s.commerce.refund('order-1', { external_id: 'r4' }, { actor: 'test' })).rejects.toThrow(/already fully refunded/);
  });

  it('rejects another currency and unknown stores with the field named', async () => {
    const [a, b] = await recordPurchases(s, [purchase({ external_id: 'x1', currency: 'USD' }), purchase({ external_id: 'x2', store: 'nowhere' })], { source: 'api' });
    expect(a.status === 'error' && a.error.problems[0].field).toBe('currency');
    expect(b.status === 'error' && b.error.problems[0].field).toBe('store');
  });
});

describe('running stats', () => {
  it('always equal a recount from the purchases', async () => {
    // Batches with repeated customers and days, new and known customers, a refund.
    const day = (d: number, h = 10) => `2026-04-${String(d).padStart(2, '0')}T${String(h).padStart(2, '0')}:00:00+02:00`;
    const inputs = Array.from({ length: 60 }, (_, i) => purchase({ external_id: `st-${i}`, customer: { external_id: `st-c${i % 7}` }, occurred_at: day(1 + (i % 5), 8 + (i % 9)), total: `${1 + (i % 4)}.50`, lines: [] }));
    await recordPurchases(s, inputs.slice(0, 25), { source: 'api' });
    await recordPurchases(s, inputs.slice(25), { source: 'api' });
    await s.commerce.refund('st-3', { external_id: 'st-r1', amount: '1.00' }, { actor: 'test' });
    const mismatches = await s.db
      .selectFrom('customer_stats as s')
      .innerJoin(
        (eb) => eb.selectFrom('purchases').select((f) => [
          'customer_id',
          f.fn.countAll<number>().as('n'),
          f.fn.count<number>('local_date').distinct().as('days'),
          f.fn.sum<number>('total_minor').as('gross'),
          f.fn.min('occurred_at').as('first'),
          f.fn.max('occurred_at').as('last'),
        ]).groupBy('customer_id').as('r'),
        (join) => join.onRef('r.customer_id', '=', 's.customer_id'),
      )
      .select(['s.customer_id', 's.purchases_count', 'r.n', 's.purchase_days', 'r.days', 's.gross_spend_minor', 'r.gross', 's.first_purchase_at', 'r.first', 's.last_purchase_at', 'r.last'])
      .execute();
    expect(mismatches.length).toBeGreaterThan(7);
    for (const m of mismatches) {
      expect(Number(m.purchases_count)).toBe(Number(m.n));
      expect(Number(m.purchase_days)).toBe(Number(m.days));
      expect(Number(m.gross_spend_minor)).toBe(Number(m.gross));
      expect(new Date(m.first_purchase_at!).getTime()).toBe(new Date(m.first as Date).getTime());
      expect(new Date(m.last_purchase_at!).getTime()).toBe(new Date(m.last as Date).getTime());
    }
  });

  it('keep the categories a customer bought, sorted, at most 32 of them', async () => {
    const lines = (...categories: (string | null)[]) => categories.map((category, i) => ({ sku: `k${i}`, category, quantity: 1, unit_price: '1.00' }));
    const categoriesOf = async (externalId: string) =>
      (await s.db.selectFrom('customer_stats').innerJoin('customers', 'customers.id', 'customer_stats.customer_id').select('categories').where('customers.external_id', '=', externalId).executeTakeFirstOrThrow()).categories;
    // Within a batch, across batches, lines without a category, a purchase without lines.
    await recordPurchases(s, [
      purchase({ external_id: 'cat-1', customer: { external_id: 'cat-a' }, lines: lines('tea', 'coffee') }),
      purchase({ external_id: 'cat-2', customer: { external_id: 'cat-a' }, lines: lines('coffee', null) }),
    ], { source: 'api' });
    expect(await categoriesOf('cat-a')).toEqual(['coffee', 'tea']);
    await recordPurchases(s, [purchase({ external_id: 'cat-3', customer: { external_id: 'cat-a' }, lines: lines('tea', 'cakes') })], { source: 'api' });
    await recordPurchases(s, [purchase({ external_id: 'cat-4', customer: { external_id: 'cat-a' }, lines: [] })], { source: 'api' });
    expect(await categoriesOf('cat-a')).toEqual(['cakes', 'coffee', 'tea']);
    // A refund recounts from the lines; refunded lines still count (the array bounds every window from above).
    await s.commerce.refund('cat-3', { external_id: 'cat-3-back' }, { actor: 'test' });
    expect(await categoriesOf('cat-a')).toEqual(['cakes', 'coffee', 'tea']);
    // At most 32: enough to tell any goal, small to rewrite at every purchase.
    const many = (from: number, to: number) => lines(...Array.from({ length: to - from }, (_, i) => `c${String(from + i).padStart(2, '0')}`));
    await recordPurchases(s, [purchase({ external_id: 'cat-5', customer: { external_id: 'cat-b' }, lines: many(20, 40) })], { source: 'api' });
    expect(await categoriesOf('cat-b')).toEqual(Array.from({ length: 20 }, (_, i) => `c${20 + i}`));
    await recordPurchases(s, [purchase({ external_id: 'cat-6', customer: { external_id: 'cat-b' }, lines: many(0, 20) })], { source: 'api' });
    expect(await categoriesOf('cat-b')).toEqual(Array.from({ length: 32 }, (_, i) => `c${String(i).padStart(2, '0')}`));
    await recordPurchases(s, [purchase({ external_id: 'cat-7', customer: { external_id: 'cat-b' }, lines: lines('a-new-one') })], { source: 'api' });
    expect(await categoriesOf('cat-b')).toHaveLength(32);
    // Every customer's: their distinct categories, or 32 of them.
    const recount = await s.db.selectFrom('customer_stats as s')
      .select((eb) => ['s.categories', eb.selectFrom('purchase_lines as l').whereRef('l.customer_id', '=', 's.customer_id').where('l.category', 'is not', null)
        .select((f) => f.fn.count<string>('l.category').distinct().as('n')).as('distinct_categories')])
      .execute();
    for (const r of recount) expect(r.categories.length).toBe(Math.min(32, Number(r.distinct_categories)));
  });

  it.runIf(testDatabaseKind === 'postgres')('waits while another writer holds the customer (a refund, a merge), whichever identity names them', async () => {
    const [first] = await recordPurchases(s, [purchase({ external_id: 'held-1', customer: { email: 'held@example.com', phone: '+38641555111' } })], { source: 'api' });
    if (first.status === 'error') throw first.error;
    // Another transaction holds the customer's lock, as a refund or a merge does.
    const holder = await heldOpen(s.db, (trx) => s.customers.lockCustomers(trx, [first.customerId]));
    let settled = false;
    // Named by the phone this time: another identity key, the same customer.
    const second = recordPurchases(s, [purchase({ external_id: 'held-2', customer: { phone: '+386 41 555 111' }, occurred_at: '2026-05-01T23:45:00Z' })], { source: 'api' }).finally(() => {
      settled = true;
    });
    try {
      await new Promise((r) => setTimeout(r, 300));
      expect(settled).toBe(false);
    } finally {
      await holder.commit();
    }
    const [out] = await second;
    expect(out).toMatchObject({ status: 'created', customerId: first.customerId });
    // The same local day: counted once, whichever purchase the stats saw first.
    expect(await s.commerce.statsOf(first.customerId)).toMatchObject({ purchases: 2, purchase_days: 1 });
  });

  it.runIf(testDatabaseKind === 'postgres')('records a purchase on the survivor when its customer is merged while it waits', async () => {
    const [a] = await recordPurchases(s, [purchase({ external_id: 'merging-1', customer: { email: 'merging-a@example.com' } })], { source: 'api' });
    const [b] = await recordPurchases(s, [purchase({ external_id: 'merging-2', customer: { email: 'merging-b@example.com' } })], { source: 'api' });
    if (a.status === 'error' || b.status === 'error') throw new Error('setup');
    // A merge of A into B holds both customers until it commits.
    const merge = await heldOpen(s.db, (trx) => s.customers.absorb(trx, { survivorId: b.customerId, mergedId: a.customerId, now: new Date() }));
    const later = recordPurchases(s, [purchase({ external_id: 'merging-3', customer: { email: 'merging-a@example.com' } })], { source: 'api' });
    await new Promise((r) => setTimeout(r, 200));
    await merge.commit();
    const [out] = await later;
    // A's email is B's now: the purchase is B's, not the merged customer's.
    expect(out).toMatchObject({ status: 'created', customerId: b.customerId });
  });

  it.runIf(testDatabaseKind === 'postgres')('records a purchase on a new customer when its customer is erased while it waits', async () => {
    const [a] = await recordPurchases(s, [purchase({ external_id: 'erasing-1', customer: { email: 'erasing@example.com' } })], { source: 'api' });
    if (a.status === 'error') throw a.error;
    const erasure = await heldOpen(s.db, (trx) => s.customers.anonymize(trx, { customerId: a.customerId, now: new Date() }));
    const later = recordPurchases(s, [purchase({ external_id: 'erasing-2', customer: { email: 'erasing@example.com' } })], { source: 'api' });
    await new Promise((r) => setTimeout(r, 200));
    await erasure.commit();
    const [out] = await later;
    // The erased customer keeps no identity: the email names someone new.
    expect(out.status).toBe('created');
    if (out.status === 'error') throw out.error;
    expect(out.customerId).not.toBe(a.customerId);
    expect((await s.customers.get(out.customerId)).email).toBe('erasing@example.com');
  });

  it.runIf(testDatabaseKind === 'postgres')('records eight batches of 1,000 sent at once: large transactions take turns for room in the lock table', async () => {
    const batch = (b: number) => Array.from({ length: 1000 }, (_, i) =>
      purchase({ external_id: `room-${b}-${i}`, customer: { external_id: `room-card-${b}-${i}`, email: `room-${b}-${i}@example.com` }, lines: [] }));
    // Each holds some 3,000 key locks until it commits; all at once were 24,000 (the
    // table holds about 6,400 by default): four of the eight failed with "out of shared memory".
    const outcomes = await Promise.all(Array.from({ length: 8 }, (_, b) => recordPurchases(s, batch(b), { source: 'api', deferContended: true, withViews: false })));
    expect(outcomes.flat().filter((o) => o.status !== 'created')).toEqual([]);
    expect(outcomes.flat()).toHaveLength(8000);
  }, 120_000);

  it.runIf(testDatabaseKind === 'postgres')('a batch records at once what no other transaction holds, and the rest when it is free', async () => {
    // Another batch holds the key of one customer's card until it commits.
    const other = await s.database.pool.connect();
    const batch = [
      purchase({ external_id: 'defer-1', customer: { external_id: 'card-free-1' } }),
      purchase({ external_id: 'defer-2', customer: { external_id: 'card-busy' } }),
      purchase({ external_id: 'defer-3', customer: { external_id: 'card-free-2' } }),
    ];
    const recorded = async () => (await s.db.selectFrom('purchase_keys').select('external_id').where('external_id', 'like', 'defer-%').orderBy('external_id').execute()).map((r) => r.external_id);
    try {
      await other.query('BEGIN');
      await other.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [identityKey({ kind: 'external_id', value: 'card-busy' })]);
      let settled = false;
      const outcomes = recordPurchases(s, batch, { source: 'api', deferContended: true }).finally(() => {
        settled = true;
      });
      for (let i = 0; i < 100 && (await recorded()).length < 2; i++) await new Promise((r) => setTimeout(r, 50));
      expect(await recorded()).toEqual(['defer-1', 'defer-3']);
      expect(settled).toBe(false);
      await other.query('COMMIT');
      expect((await outcomes).map((o) => [o.index, o.status])).toEqual([[0, 'created'], [1, 'created'], [2, 'created']]);
      expect(await recorded()).toEqual(['defer-1', 'defer-2', 'defer-3']);
    } finally {
      other.release();
    }
  });
});

describe('retrying', () => {
  it.runIf(testDatabaseKind === 'postgres')('runs a transaction again that PostgreSQL ended to break a deadlock', async () => {
    const [a, b] = await recordPurchases(s, [purchase({ external_id: 'dl-1', customer: { email: 'dl-a@example.com' } }), purchase({ external_id: 'dl-2', customer: { email: 'dl-b@example.com' } })], { source: 'api' });
    if (a.status !== 'created' || b.status !== 'created') throw new Error('set-up failed');
    const lock = (trx: Tx, id: string) => sql`SELECT id FROM customers WHERE id = ${id} FOR UPDATE`.execute(trx);
    // Each holds one customer and then asks for the other's: the first attempt of one of them
    // is ended by PostgreSQL's deadlock check; its second finds the other committed.
    const firstHeld = gate();
    const secondHeld = gate();
    const attempts = { first: 0, second: 0 };
    const first = retrying(() => s.db.transaction().execute(async (trx) => {
      attempts.first++;
      await lock(trx, a.customerId);
      if (attempts.first === 1) await firstHeld.pass(undefined);
      await lock(trx, b.customerId);
    }));
    const second = retrying(() => s.db.transaction().execute(async (trx) => {
      attempts.second++;
      await lock(trx, b.customerId);
      if (attempts.second === 1) await secondHeld.pass(undefined);
      await lock(trx, a.customerId);
    }));
    await Promise.all([firstHeld.hit, secondHeld.hit]);
    firstHeld.release();
    secondHeld.release();
    await expect(Promise.all([first, second])).resolves.toBeDefined();
    expect(attempts.first + attempts.second).toBe(3);
  }, 30_000);
});
