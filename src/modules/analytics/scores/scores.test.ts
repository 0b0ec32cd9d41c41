import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices } from '../../../../test/helpers/services.ts';
import { isAppError } from '../../../shared/errors.ts';
import { newId } from '../../../shared/ids.ts';
import { mergeCustomers } from '../../../workflows/customer-lifecycle.ts';
import { recordPurchases } from '../../../workflows/record-purchases.ts';
import { runDemo } from '../../../workflows/run-demo.ts';
import {
  customerLifetimeValues, dayNumber, fitAll, probabilityAlive, conditionalExpectedPurchases, scoreRfm, summarize,
  type BgNbdParams, type GammaGammaParams, type ParetoNbdParams, type TransactionModel,
} from '../index.ts';
import { createScoresService, riskBand, SEGMENT_CHANGED, type ScoresService } from './index.ts';

// The demo business (a BG/NBD world with refunds and promo codes), scored end to end on
// the real database, and every stored number checked against the pure functions it must
// equal: RFM against scoreRfm, the purchase models against fitAll on `summarize`d
// purchases, CLV against clv.ts.
let s: Awaited<ReturnType<typeof openTestServices>>;
let scores: ScoresService;
const TODAY = '2026-06-01'; // the test clock: 2026-06-01T12:00Z, Europe/Ljubljana

beforeAll(async () => {
  s = await openTestServices();
  await runDemo(s, { customers: 600, seed: 5 });
  scores = createScoresService({ db: s.db, clock: s.clock, timeZone: s.config.timeZone, currency: s.config.currency, logger: s.logger, chunkSize: 150 });
});
afterAll(async () => {
  await s?.close();
});

const storedScores = () => s.db.selectFrom('customer_scores').selectAll().orderBy('customer_id').execute();
const segmentEvents = () =>
  s.db.selectFrom('events').select(['customer_id', 'payload', 'id']).where('type', '=', SEGMENT_CHANGED).orderBy('id').execute();

async function purchasesUpTo(asOf: string) {
  const result = await sql<{ customer_id: string; local_date: string; net: number }>`
    SELECT p.customer_id, p.local_date, p.total_minor - p.refunded_minor AS net
    FROM purchases p JOIN customers c ON c.id = p.customer_id
    WHERE c.status = 'active' AND p.local_date <= ${asOf}::date`.execute(s.db);
  return result.rows;
}

describe('computeScores', () => {
  let first: Awaited<ReturnType<ScoresService['computeScores']>>;

  it('scores every active customer who bought, each number equal to the pure functions’', async () => {
    first = await scores.computeScores({ trigger: 'test' });
    const purchases = await purchasesUpTo(TODAY);
    const customers = new Set(purchases.map((p) => p.customer_id));
    expect(first).toMatchObject({ as_of: TODAY, trigger: 'test', customers: customers.size, left: 0 });
    const stored = await storedScores();
    expect(stored).toHaveLength(customers.size);

    // RFM: quintiles of recency, purchase days and net spend, as `regulars analyze rfm`.
    const perCustomer = new Map<string, { last: number; days: Set<string>; net: number }>();
    for (const p of purchases) {
      const c = perCustomer.get(p.customer_id) ?? { last: -Infinity, days: new Set<string>(), net: 0 };
      c.last = Math.max(c.last, dayNumber(p.local_date));
      c.days.add(p.local_date);
      c.net += Number(p.net);
      perCustomer.set(p.customer_id, c);
    }
    const rfm = scoreRfm([...perCustomer].map(([customerId, c]) => ({ customerId, recencyDays: dayNumber(TODAY) - c.last, frequency: c.days.size, monetary: c.net })));
    const expectedRfm = new Map(rfm.map((r) => [r.customerId, r]));
    for (const row of stored) {
      const e = expectedRfm.get(row.customer_id)!;
      expect({ r: row.r, f: row.f, m: row.m, segment: row.segment, recency: row.recency_days, frequency: row.frequency, monetary: Number(row.monetary_minor) })
        .toEqual({ r: e.r, f: e.f, m: e.m, segment: e.segment, recency: e.recencyDays, frequency: e.frequency, monetary: e.monetary });
    }

    // The purchase and spend models: the same fits as on summarize()d purchases.
    const summaries = summarize({ purchases: purchases.map((p) => ({ customerId: p.customer_id, at: p.local_date, value: Number(p.net) / 100 })), unit: 'week', calibrationEnd: TODAY });
    const reference = fitAll({ summaries, models: ['bgnbd', 'paretonbd', 'gammagamma'] }).models;
    const run = await s.db.selectFrom('score_runs').selectAll().where('id', '=', first.run_id).executeTakeFirstOrThrow();
    expect(run).toMatchObject({ status: 'succeeded', customers: customers.size, as_of: TODAY, trigger: 'test' });
    const params = run.params as { transaction_model: 'bgnbd' | 'paretonbd'; alive_model: string; models: Record<string, { params: Record<string, number>; log_likelihood: number }> };
    for (const name of ['bgnbd', 'paretonbd', 'gammagamma'] as const) {
      expect(params.models[name].log_likelihood).toBeCloseTo(reference[name]!.log_likelihood, 4);
    }
    // Expected purchases and CLV by BG/NBD (the default); P(alive) by Pareto/NBD.
    expect(params.transaction_model).toBe('bgnbd');
    expect(params.alive_model).toBe('paretonbd');
    expect(first).toMatchObject({ transaction_model: 'bgnbd', alive_model: 'paretonbd' });
    const transactionModel: TransactionModel = { model: 'bgnbd', params: params.models.bgnbd.params as unknown as BgNbdParams };
    const aliveModel: TransactionModel = { model: 'paretonbd', params: params.models.paretonbd.params as unknown as ParetoNbdParams };
    const values = customerLifetimeValues({ transactionModel, spendModel: params.models.gammagamma.params as unknown as GammaGammaParams, unit: 'week', customers: summaries });
    const byId = new Map(stored.map((r) => [r.customer_id, r]));
    summaries.forEach((summary, i) => {
      const row = byId.get(summary.customerId)!;
      expect(row.probability_alive).toBeCloseTo(probabilityAlive({ transactionModel: aliveModel, customer: summary }), 10);
      expect(row.expected_purchases_90d).toBeCloseTo(conditionalExpectedPurchases({ transactionModel, customer: summary, t: 90 / 7 }), 10);
      expect(row.expected_purchases_365d).toBeCloseTo(conditionalExpectedPurchases({ transactionModel, customer: summary, t: 365 / 7 }), 10);
      expect(Math.abs(Number(row.clv_12m_minor) - values[i].clv * 100)).toBeLessThanOrEqual(0.5 + 1e-6);
    });
  });

  // QA: with BG/NBD's P(alive), "Lost" customers averaged 72.6 % alive and "Loyal" 13.8 %,
  // and every one-time buyer was 100 % alive however long ago they bought: BG/NBD lets a
  // customer drop out only right after a repeat purchase. The demo's customers can leave
  // after any purchase, the first included.
  it('gives one-time buyers a P(alive) that falls with the time since their purchase, and segments means that agree with their names', async () => {
    const stored = await storedScores();
    const once = stored.filter((r) => r.frequency === 1).sort((a, b) => a.recency_days - b.recency_days);
    expect(once.length).toBeGreaterThan(50);
    for (let i = 1; i < once.length; i++) expect(once[i].probability_alive!).toBeLessThanOrEqual(once[i - 1].probability_alive! + 1e-12);
    // The youngest bought 26 days ago; demo customers buy about once a week while alive.
    for (const r of once) {
      if (r.recency_days <= 30) expect(r.probability_alive!).toBeGreaterThan(0.4);
      if (r.recency_days >= 365) expect(r.probability_alive!).toBeLessThan(0.05);
    }

    const mean = (segment: string) => {
      const rows = stored.filter((r) => r.segment === segment);
      return rows.reduce((n, r) => n + r.probability_alive!, 0) / rows.length;
    };
    const means = Object.fromEntries(['Champions', 'Loyal', 'New', 'Promising', 'At risk', "Can't lose them", 'Hibernating', 'Lost'].map((g) => [g, mean(g)]));
    console.log('demo business mean P(alive) by segment:', Object.entries(means).map(([g, p]) => `${g} ${(100 * p).toFixed(1)} %`).join(', '));
    for (const recent of ['Champions', 'Loyal', 'New', 'Promising']) {
      for (const gone of ['Hibernating', 'Lost']) expect(means[recent], `${recent} against ${gone}`).toBeGreaterThan(means[gone]);
    }
    expect(means.Lost).toBeLessThan(0.3);
    expect(means.Hibernating).toBeLessThan(0.3);
    // The customers the churn band puts at high risk are the ones P(alive) gives up on.
    const byRisk = (risk: string) => stored.filter((r) => r.churn_risk === risk);
    const meanAlive = (rows: typeof stored) => rows.reduce((n, r) => n + r.probability_alive!, 0) / rows.length;
    expect(meanAlive(byRisk('high'))).toBeLessThan(meanAlive(byRisk('low')) - 0.3);
  });

  it('trains the churn model on a time split and reports its AUC next to BG/NBD', async () => {
    expect(first.churn.status).toBe('trained');
    const auc = first.churn.auc!;
    // Reported in docs/benchmarks.md; the demo business is a BG/NBD world, where BG/NBD's
    // own probability of no purchase is the natural rival.
    console.log(`demo business churn AUC (${first.churn.test_customers} customers): logistic ${auc.logistic.toFixed(3)}, ` +
      `BG/NBD P(alive) ${auc.bgnbd_probability_alive!.toFixed(3)}, BG/NBD P(no purchase in 90 days) ${auc.bgnbd_no_purchase!.toFixed(3)}`);
    expect(auc.logistic).toBeGreaterThan(0.75);
    const best = Math.max(auc.logistic, auc.bgnbd_probability_alive!, auc.bgnbd_no_purchase!);
    const winner = Object.entries(auc).find(([, v]) => v === best)![0];
    expect(first.churn.risk_from).toBe(winner);

    const stored = await storedScores();
    for (const row of stored) {
      expect(row.churn_probability).toBeGreaterThan(0);
      expect(row.churn_probability).toBeLessThan(1);
      expect(row.churn_reasons.length).toBeLessThanOrEqual(3);
      const contributions = row.churn_reasons.map((r) => r.contribution);
      expect(contributions.every((c) => c > 0)).toBe(true);
      expect([...contributions].sort((a, b) => b - a)).toEqual(contributions);
      if (first.churn.risk_from === 'logistic') expect(row.churn_risk).toBe(riskBand(row.churn_probability!));
      else expect(['low', 'medium', 'high']).toContain(row.churn_risk);
    }
    // The riskiest customers are mostly those long gone, the safest ones recent.
    const byRisk = [...stored].sort((a, b) => b.churn_probability! - a.churn_probability!);
    const meanRecency = (rows: typeof stored) => rows.reduce((n, r) => n + r.recency_days, 0) / rows.length;
    expect(meanRecency(byRisk.slice(0, 50))).toBeGreaterThan(meanRecency(byRisk.slice(-50)));
  });

  it('publishes one segment event per first-time or changed segment, with the sizes and moves of the run', async () => {
    const events = await segmentEvents();
    expect(events).toHaveLength(first.customers);
    expect(events.every((e) => e.payload.from === null && e.payload.run_id === first.run_id)).toBe(true);
    const stored = await storedScores();
    const sizes = new Map<string, number>();
    for (const r of stored) sizes.set(r.segment, (sizes.get(r.segment) ?? 0) + 1);
    expect(Object.fromEntries(first.segments.map((x) => [x.segment, x.customers]))).toEqual(Object.fromEntries(sizes));
    const history = await scores.segmentHistory({ from: TODAY, to: TODAY });
    expect(history.runs).toHaveLength(1);
    expect(history.runs[0].moves.every((m) => m.from === null)).toBe(true);
    expect(history.runs[0].moves.reduce((n, m) => n + m.customers, 0)).toBe(first.customers);
  });

  it('on the next run, moves customers between segments, with an event for each change only', async () => {
    const before = new Map((await storedScores()).map((r) => [r.customer_id, r]));
    // Lapsed customers come back: six visits in the week after the first run.
    const lapsed = await s.db.selectFrom('customer_scores as cs').innerJoin('customers as c', 'c.id', 'cs.customer_id')
      .select(['c.id', 'c.email']).where('cs.segment', 'in', ['Lost', 'Hibernating']).where('c.email', 'is not', null).orderBy('c.id').limit(4).execute();
    expect(lapsed).toHaveLength(4);
    const visits = lapsed.flatMap((c, i) => Array.from({ length: 6 }, (_, d) => ({
      external_id: `back-${i}-${d}`, customer: { email: c.email }, occurred_at: `2026-06-0${2 + d}T09:00:00+02:00`, total: '12.50',
    })));
    s.clock.set('2026-06-10T12:00:00Z');
    const outcomes = await recordPurchases(s, visits, { source: 'api' });
    expect(outcomes.every((o) => o.status === 'created')).toBe(true);
    const eventsBefore = (await segmentEvents()).length;

    const second = await scores.computeScores({ trigger: 'test' });
    expect(second.as_of).toBe('2026-06-10');
    const after = await storedScores();
    const changed = after.filter((r) => before.get(r.customer_id)!.segment !== r.segment);
    for (const c of lapsed) expect(changed.map((r) => r.customer_id)).toContain(c.id);
    expect(second.segment_changes).toBe(changed.length);
    const events = (await segmentEvents()).slice(eventsBefore);
    expect(events.map((e) => e.customer_id).sort()).toEqual(changed.map((r) => r.customer_id).sort());
    for (const e of events) expect(e.payload.from).toBe(before.get(e.customer_id!)!.segment);
    // Only a change of segment restarts segment_since.
    for (const r of after) expect(r.segment_since).toBe(before.get(r.customer_id)!.segment === r.segment ? TODAY : '2026-06-10');

    const history = await scores.segmentHistory({ from: '2026-06-01', to: '2026-06-30' });
    expect(history.runs.map((r) => r.as_of)).toEqual([TODAY, '2026-06-10']);
    const moves = history.runs[1].moves;
    expect(moves.reduce((n, m) => n + m.customers, 0)).toBe(after.length);
    expect(moves.filter((m) => m.from !== m.to).reduce((n, m) => n + m.customers, 0)).toBe(changed.length);
  });

  it('drops the scores of a customer merged into another, as a move out of their segment', async () => {
    const [a, b] = await s.db.selectFrom('customer_scores').select(['customer_id', 'segment']).orderBy('customer_id').limit(2).execute();
    await mergeCustomers(s, a.customer_id, { from: b.customer_id }, { actor: 'test' });
    const run = await scores.computeScores({ trigger: 'test' });
    expect(run.left).toBe(1);
    expect(await s.db.selectFrom('customer_scores').select('customer_id').where('customer_id', '=', b.customer_id).executeTakeFirst()).toBeUndefined();
    const moves = (await scores.segmentHistory({ from: '2026-06-10', to: '2026-06-10' })).runs.at(-1)!.moves;
    expect(moves.filter((m) => m.to === null)).toEqual([{ from: b.segment, to: null, customers: 1 }]);
    // The merged id's scores are the survivor's (a till or an app may hold it still).
    expect(await scores.customerScores(b.customer_id)).toEqual(await scores.customerScores(a.customer_id));
  });

  it('runs one at a time; a run whose process died is recognised by its stale heartbeat', async () => {
    const now = s.clock.now();
    const blocking = newId();
    await s.db.insertInto('score_runs').values({ id: blocking, as_of: TODAY, trigger: 'schedule', status: 'running', started_at: now, heartbeat_at: now, finished_at: null, duration_ms: null, params: '{}', error: null }).execute();
    const refused = await scores.computeScores({ trigger: 'test' }).catch((e: unknown) => e);
    expect(isAppError(refused) && refused.kind).toBe('conflict');
    await s.db.updateTable('score_runs').set({ heartbeat_at: new Date(now.getTime() - 31 * 60_000) }).where('id', '=', blocking).execute();
    await scores.computeScores({ trigger: 'test' });
    expect(await s.db.selectFrom('score_runs').select(['status', 'error']).where('id', '=', blocking).executeTakeFirstOrThrow()).toMatchObject({ status: 'failed', error: expect.stringMatching(/abandoned/) });
    expect(Number((await s.db.selectFrom('score_features').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)).toBe(0);
  });

  it('predicts with Pareto/NBD on request', async () => {
    const run = await scores.computeScores({ trigger: 'test', transactionModel: 'paretonbd' });
    const params = (await s.db.selectFrom('score_runs').select('params').where('id', '=', run.run_id).executeTakeFirstOrThrow()).params as { models: { paretonbd: { params: ParetoNbdParams } } };
    expect(run.transaction_model).toBe('paretonbd');
    const transactionModel: TransactionModel = { model: 'paretonbd', params: params.models.paretonbd.params };
    const purchases = await purchasesUpTo(run.as_of);
    const summaries = summarize({ purchases: purchases.map((p) => ({ customerId: p.customer_id, at: p.local_date, value: Number(p.net) / 100 })), unit: 'week', calibrationEnd: run.as_of });
    const byId = new Map((await storedScores()).map((r) => [r.customer_id, r]));
    for (const summary of summaries.slice(0, 50)) {
      const row = byId.get(summary.customerId)!;
      expect(row.probability_alive).toBeCloseTo(probabilityAlive({ transactionModel, customer: summary }), 10);
      expect(row.expected_purchases_365d).toBeCloseTo(conditionalExpectedPurchases({ transactionModel, customer: summary, t: 365 / 7 }), 10);
    }
  });

  it('refuses a day in the future and a bad date', async () => {
    await expect(scores.computeScores({ asOf: '2026-06-11' })).rejects.toMatchObject({ kind: 'invalid', problems: [{ field: 'as_of' }] });
    await expect(scores.computeScores({ asOf: '2026-02-30' })).rejects.toMatchObject({ kind: 'invalid' });
    await expect(scores.segmentHistory({ from: '2026-06-10', to: '2026-06-01' })).rejects.toMatchObject({ kind: 'invalid' });
  });
});

describe('customerScores', () => {
  it('shows the scores with what they rest on', async () => {
    const row = await s.db.selectFrom('customer_scores').selectAll().where('churn_reasons', '!=', sql<never>`'[]'::jsonb`).limit(1).executeTakeFirstOrThrow();
    const view = await scores.customerScores(row.customer_id);
    expect(view).toMatchObject({
      customer_id: row.customer_id,
      rfm: { r: row.r, f: row.f, m: row.m, segment: row.segment, recency_days: row.recency_days },
      probability_alive: row.probability_alive,
      currency: 'EUR',
      churn: { probability: row.churn_probability, risk: row.churn_risk, horizon_days: 90, reasons: row.churn_reasons },
      basis: { customers: expect.any(Number), alive_model: 'paretonbd', transaction_model: expect.stringMatching(/bgnbd|paretonbd/), churn_auc: { logistic: expect.any(Number) } },
    });
    expect(view.clv_12_months).toMatch(/^\d+\.\d{2}$/);
  });

  it('is not found for an unknown customer or one without purchases', async () => {
    const unknown = newId();
    await expect(scores.customerScores(unknown)).rejects.toMatchObject({ kind: 'not_found', message: `Customer ${unknown} not found` });
    const { customer } = await s.customers.upsert({ email: 'no-purchases@example.com' }, { actor: 'test', source: 'api' });
    await expect(scores.customerScores(customer.id)).rejects.toMatchObject({ kind: 'not_found', message: expect.stringMatching(/no scores yet/) });
  });
});
