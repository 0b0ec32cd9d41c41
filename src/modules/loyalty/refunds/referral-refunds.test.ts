import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gate, heldOpen, queued, race } from '../../../../test/helpers/concurrency.ts';
import { testDatabaseKind } from '../../../../test/helpers/database.ts';
import { deliver } from '../../../../test/helpers/deliver.ts';
import { recordAll } from '../../../../test/helpers/purchases.ts';
import { openTestServices } from '../../../../test/helpers/services.ts';
import { mergeCustomers } from '../../../workflows/customer-lifecycle.ts';

// Referral bonuses against refunds (referral-revocation.ts): both held for pending_days from
// the friend's qualifying purchase, both taken back when a refund takes that purchase below
// the minimum — the friend's in the refund, the referrer's by the job that follows
// loyalty.referral_revoked — once, whatever is retried or runs at once. The jobs are called
// the way the queue calls them, with the stored events.

type Services = Awaited<ReturnType<typeof openTestServices>>;
const actor = { actor: 'test' };
const onPostgres = testDatabaseKind === 'postgres';
const START = '2026-06-01T12:00:00Z';

const program = (refund_shortfall: 'negative_balance' | 'forgive', minimum_purchase = '15.00') => ({
  name: 'Referral refunds',
  pending_days: 14,
  refund_shortfall,
  earning: { points_per_currency_unit: 1 },
  bonuses: { referral: { referrer: 500, friend: 250, minimum_purchase } },
  rewards: [{ code: 'voucher', name: 'Voucher', type: 'free_product', sku: 'V', points: 100 }],
});

function helpers(get: () => Services) {
  const buy = async (email: string, key: string, total: string, at: string) => (await recordAll(get(), [{ external_id: key, customer: { email }, occurred_at: at, total }]))[0];
  /**
   * A referrer with 10 points spendable (bought long ago), a friend who claimed the code and
   * made the qualifying purchase `${tag}-E1` of 20.00 (minimum 15.00) on 30 May, 10:00.
   */
  async function referral(tag: string, at = '2026-05-30T10:00:00Z') {
    const s = get();
    const a = await buy(`${tag}-a@example.com`, `${tag}-A1`, '10.00', '2026-04-01T10:00:00Z');
    const { code } = await s.loyalty.referralCode(a.customerId);
    const { customer: e } = await s.customers.upsert({ email: `${tag}-e@example.com` }, actor);
    await s.loyalty.claimReferral(e.id, { code }, actor);
    const q = await buy(`${tag}-e@example.com`, `${tag}-E1`, '20.00', at);
    return { a: a.customerId, e: e.id, code, purchaseId: q.purchaseId, receipt: q.loyalty };
  }
  /** The referrer's events of `type`, handed to their subscribers as the job queue does. */
  const deliverOf = (type: string, referrer: string) => deliver(get(), type, { customer: referrer });
  async function account(id: string, language?: 'en' | 'sl' | 'tr' | 'da' | 'ru') {
    const a = await get().loyalty.account(id, { language });
    if (!a.member) throw new Error(`${id} is not a member`);
    return a;
  }
  const referralOf = (friend: string) => get().db.selectFrom('loyalty_referrals').selectAll().where('customer_id', '=', friend).executeTakeFirstOrThrow();
  const eventsOf = (type: string, referrer: string) => get().db.selectFrom('events').select('payload').where('type', '=', type).where('customer_id', '=', referrer).execute();
  const reversals = (id: string) => get().db.selectFrom('loyalty_entries').select(['points', 'unsettled', 'idempotency_key', 'details'])
    .where('customer_id', '=', id).where('kind', '=', 'reverse').where('source_type', '=', 'bonus').execute();
  const keyed = (id: string, key: string) => get().db.selectFrom('loyalty_entries').select('points').where('customer_id', '=', id).where('idempotency_key', '=', key).execute();
  async function expectLedgerProven() {
    const v = await get().loyalty.verify();
    expect(v.problems).toEqual([]);
    expect(v.ok).toBe(true);
  }
  /** Spends `points` of the member's balance, 100 at a time (the voucher reward). */
  async function spend(id: string, points: number, tag: string) {
    for (let i = 0; i < points / 100; i++) await get().loyalty.redeemReward(id, { reward: 'voucher', idempotency_key: `${tag}-${i}` }, actor);
  }
  return { buy, referral, deliver: deliverOf, account, referralOf, eventsOf, reversals, keyed, expectLedgerProven, spend };
}

describe('referral bonuses and refunds (refund_shortfall: negative_balance)', () => {
  let s: Services;
  const h = helpers(() => s);
  beforeAll(async () => {
    s = await openTestServices();
    await s.loyalty.applyProgram({ program: program('negative_balance') }, actor);
  });
  afterAll(() => s?.close());

  it('holds both bonuses for pending_days from the qualifying purchase, as its own points', async () => {
    const r = await h.referral('pend');
    // The friend's receipt: the purchase's 20 and the 250 are both pending until 13 June, 10:00.
    expect(r.receipt).toMatchObject({ points_earned: 270, balance: 0, pending: 270 });
    await h.deliver('loyalty.referral_qualified', r.a);
    const a = await h.account(r.a);
    expect([a.balance, a.pending]).toEqual([10, 500]);
    expect(a.lots.find((l) => l.remaining === 500)).toMatchObject({ available_at: '2026-06-13T10:00:00.000Z', pending: true });
    s.clock.set('2026-06-13T09:59:59Z');
    try {
      expect([(await h.account(r.e)).balance, (await h.account(r.a)).balance]).toEqual([0, 10]);
      s.clock.set('2026-06-13T10:00:00Z');
      expect([(await h.account(r.e)).balance, (await h.account(r.e)).pending]).toEqual([270, 0]);
      expect([(await h.account(r.a)).balance, (await h.account(r.a)).pending]).toEqual([510, 0]);
    } finally {
      s.clock.set(START);
    }
  });

  it('a referral event queued before it carried the purchase time: held from the purchase all the same', async () => {
    const r = await h.referral('old', '2026-05-25T08:00:00Z');
    // As such an event's payload was: no occurred_at. The purchase says when it happened.
    expect(await s.loyalty.rewardReferrer({ referrer_id: r.a, friend_id: r.e, purchase_id: r.purchaseId, queued_at: new Date('2026-05-31T00:00:00Z') })).toBe(true);
    expect((await h.account(r.a)).lots.find((l) => l.remaining === 500)).toMatchObject({ available_at: '2026-06-08T08:00:00.000Z', pending: true });
  });

  it('a full refund revokes the referral: the friend\'s bonus back in the refund, the referrer\'s by the job', async () => {
    const r = await h.referral('full');
    await h.deliver('loyalty.referral_qualified', r.a);
    const refund = await s.commerce.refund(r.purchaseId, { external_id: 'full-R1' }, actor);
    expect(refund.loyalty).toMatchObject({ points_reversed: 20, referral: { status: 'revoked', points_reversed: 250, unsettled: 0 } });
    expect(await h.referralOf(r.e)).toMatchObject({ status: 'revoked', purchase_id: r.purchaseId, minimum_minor: 1500 });
    const e = await h.account(r.e);
    expect([e.balance, e.pending, e.owed]).toEqual([0, 0, 0]);
    expect(e.explanation.entries.at(-1)).toMatchObject({ kind: 'reverse', points: -250, description: 'Referral bonus taken back: the qualifying purchase full-E1 was refunded' });
    // The referrer's bonus follows by the event's job.
    expect(await h.eventsOf('loyalty.referral_revoked', r.a)).toEqual([{ payload: { referrer_id: r.a, friend_id: r.e, purchase_id: r.purchaseId, refund_id: refund.refund.id, code: r.code } }]);
    await h.deliver('loyalty.referral_revoked', r.a);
    const a = await h.account(r.a);
    expect([a.balance, a.pending, a.owed]).toEqual([10, 0, 0]);
    expect(a.explanation.entries.at(-1)).toMatchObject({ kind: 'reverse', points: -500, description: "Referral bonus taken back: your friend's qualifying purchase was refunded" });
    for (const language of ['sl', 'tr', 'da', 'ru'] as const) {
      const said = (await h.account(r.e, language)).explanation.entries.at(-1)!.description;
      expect(said, language).toContain('full-E1');
      expect(said, language).not.toBe(e.explanation.entries.at(-1)!.description);
    }
    await h.expectLedgerProven();
    // The status shows where a referral's status is shown: a claim again, the export of either.
    expect(await s.loyalty.claimReferral(r.e, { code: r.code }, actor)).toEqual({ created: false, status: 'revoked' });
    expect(await s.loyalty.exportPart(r.e)).toMatchObject({ loyalty: { referred_by: [{ referrer_id: r.a, status: 'revoked' }] } });
    expect(await s.loyalty.exportPart(r.a)).toMatchObject({ loyalty: { referred: [{ friend_id: r.e, status: 'revoked' }] } });
    // A revoked referral does not qualify again; the friend's next purchase earns its own points.
    expect((await h.buy('full-e@example.com', 'full-E2', '30.00', '2026-05-31T10:00:00Z')).loyalty).toMatchObject({ points_earned: 30 });
    expect(await h.eventsOf('loyalty.referral_qualified', r.a)).toHaveLength(1);
  });

  it('a partial refund that keeps the purchase at the minimum revokes nothing; one below it does', async () => {
    const r = await h.referral('part');
    await h.deliver('loyalty.referral_qualified', r.a);
    const first = await s.commerce.refund(r.purchaseId, { external_id: 'part-R1', amount: '5.00' }, actor); // 15.00 left: the minimum, met
    expect(first.loyalty).toMatchObject({ points_reversed: 5, referral: null });
    expect(await h.referralOf(r.e)).toMatchObject({ status: 'rewarded' });
    expect(await h.eventsOf('loyalty.referral_revoked', r.a)).toEqual([]);
    expect((await h.account(r.e)).pending).toBe(15 + 250);
    const second = await s.commerce.refund(r.purchaseId, { external_id: 'part-R2', amount: '0.01' }, actor); // 14.99 left
    expect(second.loyalty).toMatchObject({ referral: { status: 'revoked', points_reversed: 250 } });
    await h.deliver('loyalty.referral_revoked', r.a);
    expect([(await h.account(r.e)).pending, (await h.account(r.a)).pending]).toEqual([15, 0]);
    await h.expectLedgerProven();
  });

  it('a refund before the referrer\'s job ran: the referrer is never paid', async () => {
    const r = await h.referral('early');
    await s.commerce.refund(r.purchaseId, { external_id: 'early-R1' }, actor);
    await h.deliver('loyalty.referral_qualified', r.a);
    await h.deliver('loyalty.referral_revoked', r.a);
    expect(await h.keyed(r.a, `bonus:referral:${r.e}`)).toEqual([]);
    expect(await h.reversals(r.a)).toEqual([]);
    const a = await h.account(r.a);
    expect([a.balance, a.pending, a.owed]).toEqual([10, 0, 0]);
    await h.expectLedgerProven();
  });

  it('a retried refund, a later refund and retried jobs take nothing back twice', async () => {
    const r = await h.referral('retry');
    await h.deliver('loyalty.referral_qualified', r.a);
    const first = await s.commerce.refund(r.purchaseId, { external_id: 'retry-R1', amount: '10.00' }, actor); // 10.00 left
    expect(first.loyalty).toMatchObject({ points_reversed: 10, referral: { status: 'revoked', points_reversed: 250 } });
    expect(await s.commerce.refund(r.purchaseId, { external_id: 'retry-R1', amount: '10.00' }, actor)).toMatchObject({ created: false });
    const later = await s.commerce.refund(r.purchaseId, { external_id: 'retry-R2', amount: '5.00' }, actor); // lower still, revoked already
    expect(later.loyalty).toMatchObject({ points_reversed: 5, referral: null });
    const [event] = await h.deliver('loyalty.referral_revoked', r.a);
    await h.deliver('loyalty.referral_revoked', r.a);
    expect(await s.loyalty.revokeReferrerBonus(event.payload as { referrer_id: string; friend_id: string; purchase_id: string })).toBe(false);
    await h.deliver('loyalty.referral_qualified', r.a); // the reward job delivered again: nothing paid anew
    expect((await h.reversals(r.e)).map((x) => x.points)).toEqual([-250]);
    expect((await h.reversals(r.a)).map((x) => [x.points, x.idempotency_key])).toEqual([[-500, `revoke:bonus:referral:${r.e}`]]);
    expect((await h.account(r.e)).pending).toBe(20 - 10 - 5);
    expect((await h.account(r.a)).balance).toBe(10);
    await h.expectLedgerProven();
  });

  it('bonuses spent already become debts the next credits settle', async () => {
    const r = await h.referral('spent');
    await h.deliver('loyalty.referral_qualified', r.a);
    s.clock.set('2026-06-14T12:00:00Z');
    try {
      await h.spend(r.a, 500, 'spent-a'); // of 510
      await h.spend(r.e, 200, 'spent-e'); // of 270
      const refund = await s.commerce.refund(r.purchaseId, { external_id: 'spent-R1' }, actor);
      expect(refund.loyalty).toMatchObject({ points_reversed: 20, unsettled: 0, referral: { status: 'revoked', points_reversed: 250, unsettled: 200 } });
      await h.deliver('loyalty.referral_revoked', r.a);
      const [e, a] = [await h.account(r.e), await h.account(r.a)];
      expect([e.owed, a.owed]).toEqual([200, 490]);
      expect((await h.reversals(r.a)).map((x) => [x.points, x.unsettled])).toEqual([[-500, 490]]);
      await h.expectLedgerProven();
      // The referrer's next purchase pays the debt first.
      await h.buy('spent-a@example.com', 'spent-A2', '600.00', '2026-06-14T11:00:00Z');
      expect((await h.account(r.a)).owed).toBe(0);
      await h.expectLedgerProven();
    } finally {
      s.clock.set(START);
    }
  });

  it('after merges: the friend\'s bonus comes back from the survivor\'s transfer lot, the job follows the merged referrer', async () => {
    const r = await h.referral('merged');
    await h.deliver('loyalty.referral_qualified', r.a);
    const e2 = (await h.buy('merged-e2@example.com', 'merged-E2', '5.00', '2026-04-01T10:00:00Z')).customerId;
    const a2 = (await h.buy('merged-a2@example.com', 'merged-A2', '7.00', '2026-04-01T10:00:00Z')).customerId;
    // The friend's purchase, its lots (as transfer lots) and the referral go to E2.
    await mergeCustomers(s, e2, { from: r.e }, actor);
    const refund = await s.commerce.refund(r.purchaseId, { external_id: 'merged-R1' }, actor);
    expect(refund.loyalty).toMatchObject({ points_reversed: 20, referral: { status: 'revoked', points_reversed: 250, unsettled: 0 } });
    expect(await h.referralOf(e2)).toMatchObject({ status: 'revoked', referrer_id: r.a });
    // The referrer merged after the event was queued: its job follows A to A2.
    await mergeCustomers(s, a2, { from: r.a }, actor);
    await h.deliver('loyalty.referral_revoked', r.a);
    const [e, a] = [await h.account(e2), await h.account(a2)];
    expect([e.balance, e.pending, e.owed]).toEqual([5, 0, 0]);
    expect([a.balance, a.pending, a.owed]).toEqual([7 + 10, 0, 0]);
    expect((await h.reversals(a2)).map((x) => x.points)).toEqual([-500]);
    await h.deliver('loyalty.referral_revoked', r.a); // again, through the merge: nothing more
    expect((await h.account(a2)).balance).toBe(17);
    await h.expectLedgerProven();
  });

  it('a later program\'s minimum does not apply to a referral settled before: the minimum the purchase met does', async () => {
    const r = await h.referral('later');
    await h.deliver('loyalty.referral_qualified', r.a);
    await s.loyalty.applyProgram({ program: program('negative_balance', '50.00') }, actor);
    try {
      expect((await s.commerce.refund(r.purchaseId, { external_id: 'later-R1', amount: '3.00' }, actor)).loyalty).toMatchObject({ referral: null }); // 17.00 left
      expect((await s.commerce.refund(r.purchaseId, { external_id: 'later-R2', amount: '2.01' }, actor)).loyalty).toMatchObject({ referral: { status: 'revoked' } }); // 14.99
    } finally {
      await s.loyalty.applyProgram({ program: program('negative_balance') }, actor);
    }
  });

  it.runIf(onPostgres)('the refund and the reward job at once: the referrer ends with no bonus, whichever goes first', async () => {
    type Qualified = { referrer_id: string; friend_id: string; purchase_id: string; occurred_at: string };
    const qualified = async (referrer: string) => (await h.eventsOf('loyalty.referral_qualified', referrer))[0].payload as Qualified;
    const settledNothing = async (r: { a: string; e: string }) => {
      await h.deliver('loyalty.referral_revoked', r.a);
      const paid = (await h.keyed(r.a, `bonus:referral:${r.e}`)).reduce((sum, x) => sum + x.points, 0);
      const back = (await h.reversals(r.a)).reduce((sum, x) => sum - x.points, 0);
      expect(paid - back).toBe(0);
      expect((await h.reversals(r.e)).map((x) => x.points)).toEqual([-250]);
      expect(await h.referralOf(r.e)).toMatchObject({ status: 'revoked' });
      expect((await h.account(r.a)).balance).toBe(10);
    };

    // The job reads the referral while the refund that revokes it is still open: it pays,
    // and the revoke job, queued by the refund's commit, takes it back.
    const one = await h.referral('race-1');
    const original = s.loyalty.reverseForRefund;
    const held = gate();
    s.loyalty.reverseForRefund = (trx, refund) => original(trx, refund).then(held.pass);
    try {
      const refunding = s.commerce.refund(one.purchaseId, { external_id: 'race-1-R' }, actor);
      await held.hit;
      expect(await s.loyalty.rewardReferrer(await qualified(one.a))).toBe(true);
      held.release();
      await refunding;
    } finally {
      s.loyalty.reverseForRefund = original;
    }
    await settledNothing(one);
    expect(await h.reversals(one.a)).toHaveLength(1);

    // The job waits for the referrer's lock while the refund commits and the revoke job
    // queues behind it: the job then reads the referral revoked, and nobody pays.
    const two = await h.referral('race-2');
    const referrerLocked = await heldOpen(s.db, (trx) => sql`SELECT 1 FROM loyalty_members WHERE customer_id = ${two.a} FOR UPDATE`.execute(trx));
    const rewarding = s.loyalty.rewardReferrer(await qualified(two.a));
    await queued();
    await s.commerce.refund(two.purchaseId, { external_id: 'race-2-R' }, actor);
    const revoking = h.deliver('loyalty.referral_revoked', two.a);
    await queued();
    await referrerLocked.commit();
    expect(await rewarding).toBe(false);
    await revoking;
    await settledNothing(two);
    expect(await h.reversals(two.a)).toEqual([]);

    // And left to the scheduler, a few times.
    for (let i = 3; i < 7; i++) {
      const r = await h.referral(`race-${i}`);
      const payload = await qualified(r.a);
      const { errors } = await race<unknown>([() => s.commerce.refund(r.purchaseId, { external_id: `race-${i}-R` }, actor), () => s.loyalty.rewardReferrer(payload)]);
      expect(errors).toEqual([]);
      await settledNothing(r);
    }
    await h.expectLedgerProven();
  });
});

describe('referral bonuses and refunds (refund_shortfall: forgive)', () => {
  let s: Services;
  const h = helpers(() => s);
  beforeAll(async () => {
    s = await openTestServices();
    await s.loyalty.applyProgram({ program: program('forgive') }, actor);
  });
  afterAll(() => s?.close());

  it('bonuses spent already are forgiven: what is left is taken back, never below zero', async () => {
    const r = await h.referral('forgive');
    await h.deliver('loyalty.referral_qualified', r.a);
    s.clock.set('2026-06-14T12:00:00Z');
    try {
      await h.spend(r.a, 400, 'forgive-a'); // of 510: 110 left
      await h.spend(r.e, 200, 'forgive-e'); // of 270: 70 left
      const refund = await s.commerce.refund(r.purchaseId, { external_id: 'forgive-R1' }, actor);
      expect(refund.loyalty).toMatchObject({ points_reversed: 20, referral: { status: 'revoked', points_reversed: 50, unsettled: 0 } });
      await h.deliver('loyalty.referral_revoked', r.a);
      const [e, a] = [await h.account(r.e), await h.account(r.a)];
      expect([e.balance, e.owed, a.balance, a.owed]).toEqual([0, 0, 0, 0]);
      expect(e.explanation.entries.at(-1)!.description).toBe('Referral bonus taken back: the qualifying purchase forgive-E1 was refunded; 200 already spent and forgiven');
      expect(a.explanation.entries.at(-1)!.description).toBe("Referral bonus taken back: your friend's qualifying purchase was refunded; 390 already spent and forgiven");
      await h.expectLedgerProven();
    } finally {
      s.clock.set(START);
    }
  });

  it('a referrer with nothing left is forgiven the whole bonus, once: the job delivered again after a crash takes nothing earned since', async () => {
    const r = await h.referral('forgive-none');
    await h.deliver('loyalty.referral_qualified', r.a);
    s.clock.set('2026-06-14T12:00:00Z');
    try {
      await h.spend(r.a, 500, 'forgive-none-a'); // of 510
      await s.loyalty.adjust(r.a, { points: -10, reason: 'the last 10 points given as a gift', idempotency_key: 'forgive-none-adjust' }, actor);
      await s.commerce.refund(r.purchaseId, { external_id: 'forgive-none-R1' }, actor);
      await h.deliver('loyalty.referral_revoked', r.a);
      // Nothing to take: one entry of 0 says it was forgiven whole (referral-nothing-taken.test.ts words it).
      const forgiven = [{ points: 0, unsettled: null, idempotency_key: expect.stringMatching(/^revoke:bonus:referral:/), details: expect.objectContaining({ role: 'referrer', credited: 500, forgiven: 500 }) }];
      expect(await h.reversals(r.a)).toEqual(forgiven);
      // Points earned since, then the same event again (the job's commit done, its
      // acknowledgement lost): the revocation already happened, forgiven whole.
      await h.buy('forgive-none-a@example.com', 'forgive-none-A2', '50.00', '2026-06-14T11:00:00Z');
      const before = await h.account(r.a);
      await h.deliver('loyalty.referral_revoked', r.a);
      const after = await h.account(r.a);
      expect(await h.reversals(r.a)).toEqual(forgiven);
      expect([after.balance, after.pending]).toEqual([before.balance, before.pending]);
      expect(before.pending).toBe(50);
      expect((await h.referralOf(r.e)).status).toBe('revoked');
      await h.expectLedgerProven();
    } finally {
      s.clock.set(START);
    }
  });
});
