import { deliver } from './deliver.ts';
import { actor, buy, type TestServices } from './loyalty-history.ts';

// A referral, its bonuses paid and then revoked by a refund, as the tests of what the ledger
// takes back and of the replay write it (referral-nothing-taken.test.ts,
// simulate-expired-referrals.test.ts). 1 point a euro; friend 250, referrer 500:
//
//   A-1 10.00 on 1 Mar: A 10. A gives E a code, which E claims.
//   E-1 20.00 on 1 Mar 11:00 settles it: E 20 + 250, A 500 (paid by the referrer's job at once).
//   On 1 Jun, after what the test does then, E-1 all back: the referral is revoked (the
//   friend's bonus in the refund, the referrer's by the job).

/** The program's part the history needs: points per euro, and the referral bonuses. */
export const referralProgram = {
  earning: { points_per_currency_unit: 1, rounding: 'floor' },
  bonuses: { referral: { referrer: 500, friend: 250, minimum_purchase: '15.00' } },
};

/** A buys A-1 10.00 at `at` and gives E a code, which E claims. */
export async function referred(s: TestServices, at: string) {
  const a = await buy(s, 'A-1', 'a@example.com', at, '10.00');
  const { code } = await s.loyalty.referralCode(a.customerId);
  const { customer: e } = await s.customers.upsert({ email: 'e@example.com' }, actor);
  await s.loyalty.claimReferral(e.id, { code }, actor);
  return { referrer: a.customerId, friend: e.id };
}

/** The history above; `before` runs on 1 Jun, before E-1's refund. Answers the refund's loyalty part, and who is who. */
export async function revokedReferral(s: TestServices, before: (referrer: string, friend: string) => Promise<unknown>) {
  const { referrer, friend } = await referred(s, '2026-03-01T10:00:00Z');
  const e1 = await buy(s, 'E-1', 'e@example.com', '2026-03-01T11:00:00Z', '20.00');
  await deliver(s, 'loyalty.referral_qualified', { customer: referrer });
  s.clock.set('2026-06-01T10:00:00Z');
  await before(referrer, friend);
  const { loyalty } = await s.commerce.refund(e1.purchaseId, { external_id: 'E-1-r' }, actor);
  await deliver(s, 'loyalty.referral_revoked', { customer: referrer });
  return { refund: loyalty, referrer, friend };
}

/** The referral take-backs written, in order: [points, role, and the `details` named, in that order]. */
export async function takenBack(s: TestServices, ...details: ('expired' | 'forgiven')[]) {
  const rows = await s.db.selectFrom('loyalty_entries').select(['points', 'details']).where('kind', '=', 'reverse').where('source_id', '=', 'referral').orderBy('id').execute();
  return rows.map((r) => {
    const d = r.details as { role?: string; expired?: number; forgiven?: number };
    return [Number(r.points), d.role, ...details.map((name) => d[name])];
  });
}

/** What the member's account says of their referral take-backs, in `language` (English when none). */
export async function said(s: TestServices, id: string, language?: 'en' | 'sl' | 'tr' | 'da' | 'ru') {
  const a = await s.loyalty.account(id, { language });
  if (!a.member) throw new Error(`${id} is not a member`);
  return a.explanation.entries.filter((e) => e.kind === 'reverse' && e.source.id === 'referral').map((e) => e.description);
}
