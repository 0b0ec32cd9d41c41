import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices } from '../../../../test/helpers/services.ts';
import { newId } from '../../../shared/ids.ts';
import { cdnowMasterPurchases } from '../btyd/test-data.ts';
import { summarize } from '../btyd/index.ts';
import { btydSummary, labelledFeatures, rawFeatures, CHURN_FEATURE_NAMES, trainChurnModel } from './index.ts';

// The churn model on real data: CDNOW's 23,570 customers (everyone who first bought in
// Q1 1997, followed to mid-1998), loaded straight into the purchases table.
let s: Awaited<ReturnType<typeof openTestServices>>;

async function insertCustomers(externalIds: string[], status = 'active') {
  await sql`
    INSERT INTO customers (id, external_id, status, created_at, updated_at)
    SELECT gen_random_uuid(), ext, ${status}, now(), now() FROM unnest(${externalIds}::text[]) AS ext`.execute(s.db);
}

async function insertPurchases(rows: { customer: string; date: string; cents: number; key: string; promo?: string | null; discount?: number }[]) {
  await sql`
    INSERT INTO purchases (customer_id, id, external_id, occurred_at, local_date, channel, currency, total_minor, discount_minor, promo_code, source, created_at)
    SELECT c.id, gen_random_uuid(), t.key, (t.date || 'T12:00:00Z')::timestamptz, t.date::date, 'online', 'USD', t.cents, coalesce(t.discount, 0), t.promo, 'test', now()
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS t(customer text, date text, cents bigint, key text, promo text, discount bigint)
    JOIN customers c ON c.external_id = t.customer`.execute(s.db);
}

beforeAll(async () => {
  s = await openTestServices({ TIMEZONE: 'UTC', CURRENCY: 'USD' });
  const purchases = cdnowMasterPurchases();
  await insertCustomers([...new Set(purchases.map((p) => p.customerId))]);
  await insertPurchases(purchases.map((p, n) => ({ customer: p.customerId, date: String(p.at), cents: Math.round(p.value * 100), key: `cdnow-${n}` })));
});
afterAll(async () => {
  await s?.close();
});

const cutoffEnd = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000);

describe('features at a cut-off', () => {
  it('give the BTYD summaries `summarize` computes from the same purchases', async () => {
    const features = await labelledFeatures(s.db, { cutoff: '1997-09-30', cutoffEnd: cutoffEnd('1997-09-30'), labelEnd: '1998-06-30' });
    const reference = summarize({ purchases: cdnowMasterPurchases(), unit: 'week', calibrationEnd: '1997-09-30', holdoutEnd: '1998-06-30' });
    expect(features).toHaveLength(reference.length);
    const ids = new Map((await s.db.selectFrom('customers').select(['id', 'external_id']).execute()).map((c) => [c.id, c.external_id!]));
    const byExternal = new Map(reference.map((r) => [r.customerId, r]));
    for (const f of features) {
      const r = byExternal.get(ids.get(f.customer_id)!)!;
      const mine = btydSummary(f);
      expect(mine.x).toBe(r.x);
      expect(mine.tx).toBeCloseTo(r.tx, 12);
      expect(mine.T).toBeCloseTo(r.T, 12);
      expect(mine.monetary).toBeCloseTo(r.monetary, 6);
      expect(f.future_days).toBe(r.holdoutPurchases);
    }
  });
});

describe('trainChurnModel', () => {
  it('beats BG/NBD’s probability alive on a later cut-off (CDNOW)', async () => {
    const trained = await trainChurnModel({ db: s.db, asOf: '1998-06-30', timeZone: 'UTC', horizonDays: 90 });
    if (trained.status !== 'trained') throw new Error(trained.reason);
    const v = trained.validation;
    console.log(`CDNOW churn AUC (test cut-off ${v.test_cutoff}, ${v.test_customers} customers, ${(100 * v.test_churn_rate).toFixed(1)} % churned): ` +
      `logistic ${v.auc.logistic.toFixed(3)}, BG/NBD P(alive) ${v.auc.bgnbd_probability_alive!.toFixed(3)}, BG/NBD P(no purchase in 90 days) ${v.auc.bgnbd_no_purchase!.toFixed(3)}`);
    expect(v).toMatchObject({ train_cutoff: '1998-01-01', test_cutoff: '1998-04-01', train_customers: 23_570, test_customers: 23_570, sample_rate: 1, winner: 'logistic' });
    expect(v.auc.logistic).toBeGreaterThan(0.8);
    expect(v.auc.logistic).toBeGreaterThan(v.auc.bgnbd_probability_alive! + 0.2);
    expect(v.auc.logistic).toBeGreaterThan(v.auc.bgnbd_no_purchase!);
    // BG/NBD calls every one-time buyer alive for sure, so P(alive) ranks the most likely
    // leavers as the safest: worse than chance on CDNOW, where most never come back.
    expect(v.auc.bgnbd_probability_alive!).toBeLessThan(0.5);
    expect(trained.model).toMatchObject({ converged: true, rows: 23_570, features: CHURN_FEATURE_NAMES });
    const coefficient = (name: string) => trained.model.coefficients[CHURN_FEATURE_NAMES.indexOf(name)];
    expect(coefficient('bought_once')).toBeGreaterThan(0);
    expect(coefficient('purchase_days')).toBeLessThan(0);
    expect(coefficient('loyalty_member')).toBe(0); // no loyalty data: a constant feature
  });

  it('trains on a deterministic sample of a large base', async () => {
    const a = await trainChurnModel({ db: s.db, asOf: '1998-06-30', timeZone: 'UTC', maxCustomers: 5000 });
    const b = await trainChurnModel({ db: s.db, asOf: '1998-06-30', timeZone: 'UTC', maxCustomers: 5000 });
    if (a.status !== 'trained' || b.status !== 'trained') throw new Error('not trained');
    expect(a.validation.sample_rate).toBeCloseTo(5000 / 23_570, 10);
    expect(a.validation.train_customers).toBeGreaterThan(4000);
    expect(a.validation.train_customers).toBeLessThan(6000);
    expect(b.validation).toEqual(a.validation);
    expect(a.validation.auc.logistic).toBeGreaterThan(0.78);
  });

  it('says why it cannot train when the history is too short', async () => {
    const result = await trainChurnModel({ db: s.db, asOf: '1997-04-15', timeZone: 'UTC', horizonDays: 90 });
    expect(result).toMatchObject({ status: 'skipped', reason: expect.stringMatching(/training window \(cut-off 1996-10-17\) has 0 churned and 0 retained/) });
  });
});

describe('features see nothing after the cut-off', () => {
  it('counts refunds, promo use, loyalty points and tiers as they were at the end of the cut-off day', async () => {
    await insertCustomers(['pit-a', 'pit-late']);
    await insertCustomers(['pit-erased'], 'erased');
    await insertPurchases([
      { customer: 'pit-a', date: '2030-01-01', cents: 1000, key: 'pit-1' },
      { customer: 'pit-a', date: '2030-01-01', cents: 500, key: 'pit-2', promo: 'WELCOME' },
      { customer: 'pit-a', date: '2030-01-20', cents: 2000, key: 'pit-3', discount: 200 },
      { customer: 'pit-a', date: '2030-02-15', cents: 3000, key: 'pit-4' }, // after the cut-off
      { customer: 'pit-late', date: '2030-02-01', cents: 700, key: 'pit-5' },
      { customer: 'pit-erased', date: '2030-01-05', cents: 700, key: 'pit-6' },
    ]);
    const a = await s.db.selectFrom('customers').select('id').where('external_id', '=', 'pit-a').executeTakeFirstOrThrow();
    const purchase = async (key: string) => (await s.db.selectFrom('purchases').select('id').where('external_id', '=', key).executeTakeFirstOrThrow()).id;
    const refund = async (key: string, amount: number, at: string) =>
      sql`INSERT INTO refunds (customer_id, id, purchase_id, external_id, amount_minor, occurred_at, created_at)
          VALUES (${a.id}, ${newId()}, ${await purchase(key)}, ${`r-${key}-${at}`}, ${amount}, ${at}, ${at})`.execute(s.db);
    await refund('pit-3', 400, '2030-01-25T10:00:00Z');
    await refund('pit-3', 600, '2030-02-01T00:00:00Z'); // the first instant after the cut-off day
    await s.db.insertInto('loyalty_members').values({ customer_id: a.id, joined_at: new Date('2030-01-01T12:00:00Z'), updated_at: new Date('2030-01-01T12:00:00Z') } as never).execute();
    const entry = (points: number, at: string) =>
      sql`INSERT INTO loyalty_entries (customer_id, kind, points, remaining, occurred_at, created_at, source_type)
          VALUES (${a.id}, 'earn', ${points}, ${points}, ${at}, ${at}, 'purchase')`.execute(s.db);
    await entry(35, '2030-01-20T12:00:00Z');
    await entry(30, '2030-02-15T12:00:00Z');
    const tier = (to: string | null, at: string) =>
      sql`INSERT INTO loyalty_tier_history (customer_id, id, from_tier, to_tier, reason, changed_at) VALUES (${a.id}, ${newId()}, NULL, ${to}, 'test', ${at})`.execute(s.db);
    await tier('silver', '2030-01-20T12:00:00Z');
    await tier(null, '2030-02-10T12:00:00Z');

    const rows = await labelledFeatures(s.db, { cutoff: '2030-01-31', cutoffEnd: cutoffEnd('2030-01-31'), labelEnd: '2030-03-01' });
    const mine = rows.filter((r) => r.customer_id === a.id);
    const others = await s.db.selectFrom('customers').select('id').where('external_id', 'in', ['pit-late', 'pit-erased']).execute();
    expect(others).toHaveLength(2);
    for (const other of others) expect(rows.map((r) => r.customer_id)).not.toContain(other.id); // first bought later; erased
    expect(mine[0]).toEqual({
      customer_id: a.id, recency_days: 11, tenure_days: 30, span_days: 19, purchase_days: 2, purchases: 3,
      net_minor: 3100, gross_minor: 3500, refunded_minor: 400, first_day_net_minor: 1500,
      promo_purchases: 2, days_last_90: 2, days_prev_90: 0, member: true, points: 35, has_tier: true, future_days: 1,
    });
    const raw = Object.fromEntries(CHURN_FEATURE_NAMES.map((name, i) => [name, rawFeatures(mine[0])[i]]));
    expect(raw).toMatchObject({ days_since_last_purchase: 11, average_days_between_purchases: 19, overdue_ratio: 11 / 19, bought_once: 0, refunded_share: 400 / 3500, promo_share: 2 / 3, loyalty_member: 1, points_balance: 35, has_tier: 1, net_spend: 31 });
    await sql`DELETE FROM purchases WHERE external_id LIKE 'pit-%'`.execute(s.db);
  });
});
