import { describe, expect, it } from 'vitest';
import { actor, sweep, withProgramInForce } from '../../../../test/helpers/loyalty-history.ts';
import { deliver } from '../../../../test/helpers/deliver.ts';
import { referralProgram, revokedReferral, said, takenBack } from '../../../../test/helpers/referral-history.ts';

// A referral revoked by a refund that takes nothing of a bonus — it had expired whole, or
// was spent and forgiven whole (refund_shortfall forgive) — writes an entry of 0 (friend in
// the refund, referrer by the job, once), and the account says the referral was revoked and
// why nothing was taken, not "taken back". Before, a bonus forgiven whole wrote no entry.
//
//   A-1 10.00 on 1 Mar: A 10. E claims A's code; E-1 20.00 on 1 Mar 11:00: E 20 + 250, A 500.
//   Expired: every lot expires on 1 May (per_lot, 2 months); E-1 refunded on 1 Jun.
//   Forgiven: no expiry; A gives away 510, E 270 (adjustments); E-1 refunded on 1 Jun.

const base = { name: 'Referrals revoked, nothing taken', ...referralProgram };

describe('a referral revoked after its bonuses expired whole', () => {
  const services = withProgramInForce({ ...base, refund_shortfall: 'negative_balance', expiry: { policy: 'per_lot', months: 2, reminder_days: 7 } });

  it('reads as revoked with nothing taken, in each language', async () => {
    const s = services();
    const h = await revokedReferral(s, () => sweep(s));
    expect(await takenBack(s, 'expired', 'forgiven')).toEqual([[0, 'friend', 250, undefined], [0, 'referrer', 500, undefined]]);
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
  const services = withProgramInForce({ ...base, refund_shortfall: 'forgive' });

  it('writes one entry of 0 each, forgiven whole, and says so; the job delivered again adds nothing', async () => {
    const s = services();
    const h = await revokedReferral(s, async (a, e) => {
      await s.loyalty.adjust(a, { points: -510, reason: 'test: all given away', idempotency_key: 'a-all' }, actor);
      await s.loyalty.adjust(e, { points: -270, reason: 'test: all given away', idempotency_key: 'e-all' }, actor);
    });
    expect(h.refund).toMatchObject({ referral: { status: 'revoked', points_reversed: 0, unsettled: 0 } });
    expect(await takenBack(s, 'expired', 'forgiven')).toEqual([[0, 'friend', undefined, 250], [0, 'referrer', undefined, 500]]);
    await deliver(s, 'loyalty.referral_revoked', { customer: h.referrer });
    expect(await takenBack(s, 'expired', 'forgiven')).toEqual([[0, 'friend', undefined, 250], [0, 'referrer', undefined, 500]]);
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
