import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/helpers/app.ts';
import { recordAll } from '../../../../test/helpers/purchases.ts';
import { explainLedger } from '../accounts/explain.ts';

// Merged and erased customers in the loyalty report (QA: the report went on counting both
// as members, and an erased customer's points as a liability). A merged customer's points
// moved to the survivor: it is no member any more. An erased customer's points are
// forfeited in the erasure's transaction by a ledger entry of their own (erasure.ts), so
// they leave the liability and count as `forfeited`, and the figures still add up.

const api = useTestApp({ keys: { owner: ['read', 'write', 'admin'] } });
const actor = { actor: 'test' };

// 1 point per euro, 100 on joining; points wait 3 days; lots expire after 12 months.
const program = {
  name: 'Erasure', earning: { points_per_currency_unit: 1 }, bonuses: { sign_up: 100, survey: 5 }, pending_days: 3,
  expiry: { policy: 'per_lot', months: 12 },
  tiers: { metric: 'purchases', window: 'lifetime', levels: [{ code: 'member', name: 'Member', threshold: '0' }, { code: 'gold', name: 'Gold', threshold: '5' }] },
};

async function buy(card: string, key: string, total: string, occurredAt = '2026-06-01T10:00:00Z') {
  const [o] = await recordAll(api.services, [{ external_id: key, customer: { external_id: card }, occurred_at: occurredAt, total }]);
  return o.customerId;
}

async function report() {
  const r = await api.call('GET', '/api/v1/loyalty/report');
  expect(r.statusCode, r.body).toBe(200);
  const body = r.json();
  const p = body.points;
  // The identity holds whatever happened.
  expect(p.earned + p.adjusted_in - p.adjusted_out + p.merged_in - p.merged_out - p.redeemed - p.expired - p.reversed - p.forfeited + p.owed).toBe(p.outstanding);
  expect(body.breakage_rate).toBeCloseTo((p.expired + p.forfeited) / p.issued, 10);
  return body;
}

const tierMembers = (r: { tiers: { tier: string | null; members: number }[] }) => Object.fromEntries(r.tiers.map((t) => [t.tier, t.members]));

describe('merged and erased customers in the loyalty report', () => {
  it('counts neither as a member; an erased customer\'s points are forfeited, out of the liability, and the figures add up', async () => {
    const s = api.services;
    await s.loyalty.applyProgram({ program }, actor);
    for (const [i, card] of ['a', 'b', 'c', 'd', 'e'].entries()) await buy(`card-${card}`, `p-${i}`, '10.00', '2026-05-01T10:00:00Z');
    s.clock.set('2026-06-01T12:00:00Z');
    const before = await report();
    expect(before.members).toBe(5);
    expect(before.points.outstanding).toBe(550);

    // X1 (20 €, pending for 3 days) and X2 (30 €): 100 each on joining.
    const x1 = await buy('card-X1', 'x1', '20.00');
    const x2 = await buy('card-X2', 'x2', '30.00');
    expect((await report()).members).toBe(7);

    const merged = await api.call('POST', `/api/v1/customers/${x1}/merge`, { body: { from: x2 } });
    expect(merged.statusCode, merged.body).toBe(200);
    const afterMerge = await report();
    expect(afterMerge.members).toBe(6);
    expect(tierMembers(afterMerge)).toEqual({ member: 6, gold: 0 });
    // The person had the sign-up bonus twice: the merge took one back (merge-duplicate-bonuses.ts).
    expect(afterMerge.points.outstanding).toBe(550 + 150);
    expect((await api.call('GET', '/api/v1/status')).json().customers).toBe(6);

    // X1 holds 150: 100 spendable, 50 still pending. Erasure forfeits all of it.
    const erasure = await api.call('DELETE', `/api/v1/customers/${x1}`);
    expect(erasure.statusCode, erasure.body).toBe(200);
    // What the erasure did, from its own transaction; X2, merged into X1, lost its personal data with it.
    expect(erasure.json()).toEqual({ customer_id: x1, erased_at: '2026-06-01T12:00:00.000Z', loyalty_points_forfeited: 150, loyalty_points_held: 0, merged_customers_erased: 1 });
    const afterErasure = await report();
    expect(afterErasure.members).toBe(5);
    expect(tierMembers(afterErasure)).toEqual({ member: 5, gold: 0 });
    // Earned: the person's 20 + 30 and one sign-up bonus (the second, taken back by the merge, is out of earned, not in reversed).
    expect(afterErasure.points).toMatchObject({ outstanding: 550, pending: 0, forfeited: 150, earned: before.points.earned + 150, reversed: before.points.reversed });
    expect(afterErasure.liability.value).toBe('5.50');
    expect(afterErasure.breakage_rate).toBeCloseTo(150 / afterErasure.points.issued, 10);

    // The ledger keeps it as a debit with its reason, and the audit log names who erased.
    const entry = await s.db.selectFrom('loyalty_entries').selectAll().where('customer_id', '=', x1).where('source_type', '=', 'erasure').executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ kind: 'adjust', points: -150, reason: 'customer erased: points forfeited' });
    const audits = await s.db.selectFrom('audit_log').select(['action', 'details']).where('subject', '=', x1).where('action', 'in', ['customer.erase', 'loyalty.points_forfeited']).orderBy('action').execute();
    expect(audits.map((a) => [a.action, a.details])).toEqual([
      ['customer.erase', { loyalty_points_forfeited: 150 }],
      ['loyalty.points_forfeited', { points: 150, reason: 'customer erased: points forfeited' }],
    ]);
    expect((await s.loyalty.verify()).ok).toBe(true);

    // Nothing credits the erased customer again: a survey's thank-you is a 404.
    await expect(s.loyalty.surveyBonus(x1, { response_id: 'r-1' }, actor)).rejects.toMatchObject({ kind: 'not_found' });
    const sweep = await s.loyalty.maintenance.runAll(s.clock.now());
    expect(sweep.forfeited).toEqual({ members: 0, points: 0 });
  });

  it('leaves lots past their expiry to the expiry sweep, and forfeits later what a reservation lapsing after the erasure gives back', async () => {
    const s = api.services;
    // Old joins now (40 + 100, expiring in a year), buys for 60 € a year later, and then,
    // with the first 140 expired but not swept yet, holds 30 in a checkout while erased.
    const old = await buy('card-old', 'old-1', '40.00', '2026-06-01T11:00:00Z');
    s.clock.set('2027-05-25T12:00:00Z');
    await buy('card-old', 'old-2', '60.00', '2027-05-25T10:00:00Z');
    s.clock.set('2027-06-02T12:00:00Z');
    const held = await s.loyalty.reserve(old, { points: 30, idempotency_key: 'old-cart' }, actor);
    const account = await s.loyalty.account(old);
    expect(account.member && [account.balance, account.expiring_now]).toEqual([30, 140]);
    const before = await report();

    // The answer tells the 30 forfeited now and the 30 the open reservation holds, which
    // the account's balance read just before counted neither as the erasure did.
    const erasure = await api.call('DELETE', `/api/v1/customers/${old}`);
    expect(erasure.statusCode, erasure.body).toBe(200);
    expect(erasure.json()).toEqual({ customer_id: old, erased_at: '2027-06-02T12:00:00.000Z', loyalty_points_forfeited: 30, loyalty_points_held: 30, merged_customers_erased: 0 });
    const erased = await report();
    expect(erased.members).toBe(before.members - 1);
    expect(erased.points).toMatchObject({ outstanding: before.points.outstanding - 30, expired: before.points.expired, forfeited: before.points.forfeited + 30 });
    // The till's release or capture after the erasure is answered as the customer is, a 404
    // (QA F10), and changes nothing; the reservation lapses: the maintenance gives its points
    // back to their lot and then forfeits them (and writes the expiry of the old lots).
    for (const settle of [() => s.loyalty.release(old, held.reservation.id), () => s.loyalty.capture(old, held.reservation.id)]) {
      await expect(settle()).rejects.toMatchObject({ kind: 'not_found', message: `Customer ${old} not found` });
    }
    expect((await report()).points.outstanding).toBe(before.points.outstanding - 30);
    s.clock.set('2027-06-02T12:20:00Z');
    const sweep = await s.loyalty.maintenance.runAll(s.clock.now());
    expect(sweep.reservations_released).toBe(1);
    expect(sweep.forfeited).toEqual({ members: 1, points: 30 });
    expect((await report()).points).toMatchObject({ outstanding: before.points.outstanding - 30, expired: before.points.expired, forfeited: before.points.forfeited + 60 });
    expect((await s.loyalty.maintenance.runAll(s.clock.now())).forfeited).toEqual({ members: 0, points: 0 });
    expect((await s.loyalty.verify()).ok).toBe(true);
  });

  it('forgives what a refund after the erasure cannot take back: an erased customer earns nothing again to settle a debt', async () => {
    const s = api.services;
    // Gone buys for 80 € and joins (80 + 100), spends 150 of it, then is erased: 30 forfeited.
    s.clock.set('2027-07-01T12:00:00Z');
    const gone = await buy('card-gone', 'gone-1', '80.00', '2027-07-01T10:00:00Z');
    s.clock.set('2027-07-10T12:00:00Z');
    await s.loyalty.adjust(gone, { points: -150, reason: 'test: spent', idempotency_key: 'gone-spent' }, actor);
    const erasure = await api.call('DELETE', `/api/v1/customers/${gone}`);
    expect(erasure.statusCode, erasure.body).toBe(200);
    expect(erasure.json()).toMatchObject({ customer_id: gone, loyalty_points_forfeited: 30, loyalty_points_held: 0 });
    const before = await report();

    // The whole purchase is refunded afterwards: its 80 points are nowhere to take, and no debt stays.
    const purchase = await s.db.selectFrom('purchases').select('id').where('customer_id', '=', gone).executeTakeFirstOrThrow();
    const refund = await s.commerce.refund(purchase.id, { external_id: 'gone-1-r', amount: '80.00' }, actor);
    expect(refund.loyalty).toMatchObject({ points_reversed: 0, unsettled: 0 });
    const after = await report();
    expect(after.points).toMatchObject({ owed: before.points.owed, outstanding: before.points.outstanding });
    const entry = await s.db.selectFrom('loyalty_entries').select(['points', 'details']).where('customer_id', '=', gone).where('kind', '=', 'reverse').executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ points: 0, details: { refund_id: 'gone-1-r', forgiven: 80, policy: 'forgive' } });
    expect((await s.loyalty.verify()).ok).toBe(true);
    // Its words say what became of those points: 30 the erasure forfeited, the rest spent before
    // (QA F10: "already spent and forgiven" of points nobody spent). The account itself is a 404 now.
    const rows = await s.db.selectFrom('loyalty_entries').selectAll().where('customer_id', '=', gone).orderBy('id').execute();
    const allocations = await s.db.selectFrom('loyalty_allocations').select(['debit_id', 'credit_id', 'points']).where('customer_id', '=', gone).execute();
    const told = explainLedger({ rows, allocations, currency: 'EUR', language: 'en', now: s.clock.now(), timeZone: 'Europe/Ljubljana' });
    expect(told.entries.find((e) => e.kind === 'reverse')!.description).toMatch(/: nothing taken back of its 80 points: 50 already spent and forgiven; 30 points forfeited when the customer was erased$/);
  });
});
