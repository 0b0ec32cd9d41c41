import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices } from '../../../../test/helpers/services.ts';
import { recordAll } from '../../../../test/helpers/purchases.ts';
import type { StoredEvent } from '../../../jobs/queue.ts';
import { subscribersOf } from '../../../jobs/subscribers.ts';

// A referral revoked by a refund that takes nothing of a bonus — it had expired whole, or
// was spent and forgiven whole (refund_shortfall forgive) — writes an entry of 0 (friend in
// the refund, referrer by the job, once), and the account says the referral was revoked and
// why nothing was taken, not "taken back". Before, a bonus forgiven whole wrote no entry.
//
//   A-1 10.00 on 1 Mar: A 10. E claims A's code; E-1 20.00 on 1 Mar 11:00: E 20 + 250, A 500.
//   Expired: every lot expires on 1 May (per_lot, 2 months); E-1 refunded on 1 Jun.
//   Forgiven: no expiry; A gives away 510, E 270 (adjustments); E-1 refunded on 1 Jun.

type Services = Awaited<ReturnType<typeof openTestServices>>;
const actor = { actor: 'test' };

const base = {
  name: 'Referrals revoked, nothing taken',
  earning: { points_per_currency_unit: 1, rounding: 'floor' },
  bonuses: { referral: { referrer: 500, friend: 250, minimum_purchase: '15.00' } },
};

async function deliver(s: Services, type: string, referrer: string) {
  const events = (await s.db.selectFrom('events').selectAll().where('type', '=', type).where('customer_id', '=', referrer).orderBy('id').execute()) as unknown as StoredEvent[];
  for (const sub of subscribersOf(s).filter((x) => x.eventTypes.includes(type))) {
    if (sub.handleBatch) await sub.handleBatch(events);
    else for (const e of events) await sub.handle(e);
  }
}

async function buy(s: Services, key: string, email: string, at: string, total: string) {
  s.clock.set(at);
  return (await recordAll(s, [{ external_id: key, customer: { email }, occurred_at: at, total }]))[0];
}

/** A refers E; E-1 qualifies; `before` runs before the refund of E-1 on 1 Jun; then the referrer's job. */
async function revoked(s: Services, before: (a: string, e: string) => Promise<void>) {
  const a = await buy(s, 'A-1', 'a@example.com', '2026-03-01T10:00:00Z', '10.00');
  const { code } = await s.loyalty.referralCode(a.customerId);
  const { customer: e } = await s.customers.upsert({ email: 'e@example.com' }, actor);
  await s.loyalty.claimReferral(e.id, { code }, actor);
  const e1 = await buy(s, 'E-1', 'e@example.com', '2026-03-01T11:00:00Z', '20.00');
  await deliver(s, 'loyalty.referral_qualified', a.customerId);
  s.clock.set('2026-06-01T10:00:00Z');
  await before(a.customerId, e.id);
  const { loyalty } = await s.commerce.refund(e1.purchaseId, { external_id: 'E-1-r' }, actor);
  await deliver(s, 'loyalty.referral_revoked', a.customerId);
  return { refund: loyalty, referrer: a.customerId, friend: e.id };
}

/** The referral take-backs written, in order: [points, role, details.expired, details.forgiven]. */
async function takenBack(s: Services) {
  const rows = await s.db.selectFrom('loyalty_entries').select(['points', 'details']).where('kind', '=', 'reverse').where('source_id', '=', 'referral').orderBy('id').execute();
  return rows.map((r) => { const d = r.details as { role?: string; expired?: number; forgiven?: number }; return [Number(r.points), d.role, d.expired, d.forgiven]; });
}

async function said(s: Services, id: string, language?: 'en' | 'sl' | 'tr' | 'da' | 'ru') {
  const a = await s.loyalty.account(id, { language });
  if (!a.member) throw new Error(`${id} is not a member`);
  return a.explanation.entries.filter((e) => e.kind === 'reverse' && e.source.id === 'referral').map((e) => e.description);
}

describe('a referral revoked after its bonuses expired whole', () => {
  let s: Services;
  beforeAll(async () => {
    s = await openTestServices();
    s.clock.set('2026-01-01T00:00:00Z');
    await s.loyalty.applyProgram({ program: { ...base, refund_shortfall: 'negative_balance', expiry: { policy: 'per_lot', months: 2, reminder_days: 7 } } }, actor);
  });
  afterAll(() => s?.close());

  it('reads as revoked with nothing taken, in each language', async () => {
    const h = await revoked(s, async () => { await s.loyalty.maintenance.expirePoints(s.clock.now()); });
    expect(await takenBack(s)).toEqual([[0, 'friend', 250, undefined], [0, 'referrer', 500, undefined]]);
    expect(await said(s, h.friend)).toEqual(['Referral bonus revoked (the qualifying purchase E-1 was refunded): its 250 points had expired already, nothing taken']);
    expect(await said(s, h.referrer)).toEqual(["Referral bonus revoked (your friend's qualifying purchase was refunded): its 500 points had expired already, nothing taken"]);
    expect(await said(s, h.friend, 'sl')).toEqual(['Bonus za priporočilo preklican (nakup E-1, s katerim ste ga prejeli, je bil vrnjen): nič ni odvzeto, ker je že poteklo: 250 točk']);
    expect(await said(s, h.referrer, 'ru')).toEqual(['Бонус за приглашение отменён (приглашённый вами друг вернул покупку, за которую был начислен бонус): ничего не списано, так как уже сгорело: 500 баллов']);
    for (const language of ['tr', 'da'] as const) {
      const [text] = await said(s, h.friend, language);
      expect(text, language).toContain('E-1');
      expect(text, language).toContain('250');
    }
    expect((await s.loyalty.verify()).problems).toEqual([]);
  });
});

describe('a referral revoked after both bonuses were spent (refund_shortfall forgive)', () => {
  let s: Services;
  beforeAll(async () => {
    s = await openTestServices();
    s.clock.set('2026-01-01T00:00:00Z');
    await s.loyalty.applyProgram({ program: { ...base, refund_shortfall: 'forgive' } }, actor);
  });
  afterAll(() => s?.close());

  it('writes one entry of 0 each, forgiven whole, and says so; the job delivered again adds nothing', async () => {
    const h = await revoked(s, async (a, e) => {
      await s.loyalty.adjust(a, { points: -510, reason: 'test: all given away', idempotency_key: 'a-all' }, actor);
      await s.loyalty.adjust(e, { points: -270, reason: 'test: all given away', idempotency_key: 'e-all' }, actor);
    });
    expect(h.refund).toMatchObject({ referral: { status: 'revoked', points_reversed: 0, unsettled: 0 } });
    expect(await takenBack(s)).toEqual([[0, 'friend', undefined, 250], [0, 'referrer', undefined, 500]]);
    await deliver(s, 'loyalty.referral_revoked', h.referrer);
    expect(await takenBack(s)).toEqual([[0, 'friend', undefined, 250], [0, 'referrer', undefined, 500]]);
    expect(await said(s, h.friend)).toEqual(['Referral bonus revoked (the qualifying purchase E-1 was refunded): its 250 points had been spent already: forgiven, nothing taken']);
    expect(await said(s, h.referrer)).toEqual(["Referral bonus revoked (your friend's qualifying purchase was refunded): its 500 points had been spent already: forgiven, nothing taken"]);
    expect(await said(s, h.friend, 'ru')).toEqual(['Бонус за приглашение отменён (покупка E-1, за которую он был начислен, возвращена): ничего не списано, так как уже потрачено и прощено: 250 баллов']);
    expect(await said(s, h.referrer, 'sl')).toEqual(['Bonus za priporočilo preklican (nakup prijatelja, ki ste ga priporočili, je bil vrnjen): nič ni odvzeto, ker je bilo že porabljeno in odpuščeno: 500 točk']);
    for (const language of ['tr', 'da'] as const) expect((await said(s, h.referrer, language))[0], language).toContain('500');
    const v = await s.loyalty.verify();
    expect(v.problems).toEqual([]);
    expect(v.ok).toBe(true);
  });
});
