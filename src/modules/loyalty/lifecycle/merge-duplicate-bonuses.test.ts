import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices } from '../../../../test/helpers/services.ts';
import { recordAll } from '../../../../test/helpers/purchases.ts';
import { mergeCustomers } from '../../../workflows/customer-lifecycle.ts';

// One person, one of each once-per-person bonus (merge-duplicate-bonuses.ts). QA finding:
// after a merge the survivor had its own 200-point first-purchase bonus and the merged
// customer's, moved over as adjustments. Every balance below is worked by hand.
let s: Awaited<ReturnType<typeof openTestServices>>;
const actor = { actor: 'staff:ana' };

const program = {
  name: 'One person',
  earning: { points_per_currency_unit: 10 },
  bonuses: { sign_up: 50, first_purchase: 200 },
  refund_shortfall: 'negative_balance',
  rewards: [{ code: 'mug', name: { en: 'Mug', sl: 'Skodelica' }, type: 'free_product', sku: 'MUG', points: 300 }],
};

/** A purchase recorded at its own time (the sign-up bonus of a first purchase is given then too). */
async function buy(email: string, key: string, total: string, at: string) {
  s.clock.set(at);
  const [o] = await recordAll(s, [{ external_id: key, customer: { email }, occurred_at: at, total }]);
  return o;
}
async function account(id: string, language: 'en' | 'sl' = 'en') {
  const a = await s.loyalty.account(id, { language });
  if (!a.member) throw new Error('not a member');
  return a;
}
const merge = (survivor: string, from: string) => mergeCustomers(s, survivor, { from }, actor);

beforeAll(async () => {
  s = await openTestServices();
  s.clock.set('2026-04-01T08:00:00Z');
  await s.loyalty.applyProgram({ program }, actor);
});
afterAll(() => s?.close());

describe('a merge of two customers who are one person', () => {
  it('takes back the later first-purchase and sign-up bonuses from the survivor, from their own lots, audited and explained', async () => {
    // A, merged: 20.00 on 1 May → 200 + first-purchase 200 + sign-up 50 = 450.
    const a = (await buy('ana@example.com', 'a1', '20.00', '2026-05-01T09:00:00Z')).customerId;
    // B, the survivor: 10.00 on 10 May → 100 + first-purchase 200 + sign-up 50 = 350.
    const b = (await buy('ana.novak@example.com', 'b1', '10.00', '2026-05-10T09:00:00Z')).customerId;
    expect((await account(a)).balance).toBe(450);
    expect((await account(b)).balance).toBe(350);

    s.clock.set('2026-06-01T12:00:00Z');
    const { moved } = await merge(b, a);
    // 450 moved; B's own first-purchase (10 May) and sign-up (10 May) bonuses are the later ones: 250 back.
    expect(moved).toMatchObject({ loyalty_points: 450, duplicate_bonuses: 2, duplicate_bonus_points: 250 });
    // 350 + 450 − 250 = 550 = the person's 200 + 100 of purchases, one first-purchase bonus (200), one sign-up bonus (50).
    const after = await account(b);
    expect(after).toMatchObject({ balance: 550, pending: 0, owed: 0 });
    // The bonuses taken back are the merge's adjustment, not a refund's: adjusted 450 − 250, nothing reversed (there was no refund).
    expect(after.lifetime).toEqual({ earned: 350, adjusted: 200, redeemed: 0, reversed: 0, expired: 0 });
    expect(after.lifetime.earned + after.lifetime.adjusted - after.lifetime.redeemed - after.lifetime.reversed - after.lifetime.expired).toBe(after.balance + after.pending + after.expiring_now);

    const takenBack = after.explanation.entries.filter((e) => e.kind === 'reverse');
    // The ledger's kind stays reverse; the entry reads as an adjustment by the merge (shown_as), as the lifetime figures count it.
    expect(takenBack.map((e) => [e.points, e.shown_as, e.description])).toEqual([
      [-50, 'adjust', 'Taken back, given twice to one person (customers merged): Welcome bonus for joining; the earlier one stays'],
      [-200, 'adjust', 'Taken back, given twice to one person (customers merged): First purchase bonus (b1); the earlier one stays'],
    ]);
    // The transfers (one per lot of A's: its purchase, first-purchase and sign-up) name the merged record in words, not by its id:
    // A has no name or card number here.
    const movedIn = after.explanation.entries.filter((e) => e.kind === 'adjust');
    expect(movedIn.reduce((sum, e) => sum + e.points, 0)).toBe(450);
    expect(new Set(movedIn.map((e) => `${e.shown_as}: ${e.description}`))).toEqual(new Set(['adjust: Merged in from a duplicate record: its points moved here']));
    expect(after.explanation.entries.filter((e) => e.description.includes(a))).toEqual([]);
    // The report: the bonuses taken back are out of earned (450 + 350 − 250), not in reversed; it still adds up.
    const report = (await s.loyalty.report()).points;
    expect(report).toMatchObject({ earned: 550, reversed: 0, merged_in: 450, merged_out: 450, outstanding: 550, issued: 550 });
    expect(report.earned + report.adjusted_in - report.adjusted_out + report.merged_in - report.merged_out - report.redeemed - report.expired - report.reversed - report.forfeited + report.owed).toBe(report.outstanding);
    // Each from the bonus's own lot: B's bonus entries are left with nothing.
    const bEntries = await s.db.selectFrom('loyalty_entries').select(['id', 'idempotency_key', 'remaining']).where('customer_id', '=', b).execute();
    const own = (key: string) => bEntries.find((e) => e.idempotency_key === key)!;
    expect(takenBack.map((e) => 'took_from' in e && e.took_from)).toEqual([
      [{ entry: own('bonus:sign_up').id, points: 50 }],
      [{ entry: own('bonus:first_purchase').id, points: 200 }],
    ]);
    expect([own('bonus:first_purchase').remaining, own('bonus:sign_up').remaining]).toEqual([0, 0]);
    expect((await account(b, 'sl')).explanation.entries.filter((e) => e.kind === 'reverse').map((e) => e.description)).toEqual([
      'Odvzeto, ista oseba ga je prejela dvakrat (združeni stranki): Bonus dobrodošlice ob včlanitvi; ostane prejšnji',
      'Odvzeto, ista oseba ga je prejela dvakrat (združeni stranki): Bonus za prvi nakup (b1); ostane prejšnji',
    ]);
    const audited = await s.db.selectFrom('audit_log').select(['actor', 'details']).where('action', '=', 'loyalty.duplicate_bonus_taken_back').where('subject', '=', b).execute();
    expect(audited.map((r) => [r.actor, (r.details as { bonus: string; points: number }).bonus, (r.details as { points: number }).points]))
      .toEqual([['staff:ana', 'bonus:sign_up', 50], ['staff:ana', 'bonus:first_purchase', 200]]);
    expect((await s.loyalty.verify()).ok).toBe(true);

    // A later refund of B's purchase takes back its own 100 points, not the bonus taken back already:
    // credited 100 + 200 − 200 = 100, all of it refunded → 100. 550 − 100 = 450.
    const refund = await s.commerce.refund((await s.db.selectFrom('purchases').select('id').where('external_id', '=', 'b1').executeTakeFirstOrThrow()).id, { external_id: 'b1-back' }, actor);
    expect(refund).toMatchObject({ loyalty: { points_reversed: 100, unsettled: 0 } });
    expect((await account(b)).balance).toBe(450);
    expect((await s.loyalty.verify()).ok).toBe(true);
  });

  it('takes back what the survivor already spent as a debt (refund_shortfall: negative_balance), and never twice', async () => {
    // C, merged: 10.00 on 1 May → 100 + 200 + 50 = 350; a mug (300) leaves 50.
    const c = (await buy('bo@example.com', 'c1', '10.00', '2026-05-01T09:00:00Z')).customerId;
    await s.loyalty.redeemReward(c, { reward: 'mug', idempotency_key: 'c-mug' }, actor);
    // D, the survivor: 5.00 on 10 May → 50 + 200 + 50 = 300; a mug (300) leaves 0.
    const d = (await buy('bo.kos@example.com', 'd1', '5.00', '2026-05-10T09:00:00Z')).customerId;
    await s.loyalty.redeemReward(d, { reward: 'mug', idempotency_key: 'd-mug' }, actor);

    s.clock.set('2026-06-02T12:00:00Z');
    const { moved } = await merge(d, c);
    // In the order the bonuses were given (the sign-up bonus was written first): D's sign-up bonus (50) takes the 50
    // that came from C (its own lot is spent); D's first-purchase bonus (200) finds no points left and owes all of it.
    expect(moved).toMatchObject({ loyalty_points: 50, duplicate_bonuses: 2, duplicate_bonus_points: 250 });
    // 0 + 50 − 250 = −200: the person earned 100 + 50 + 200 + 50 = 400 and spent 600.
    const after = await account(d);
    expect(after).toMatchObject({ balance: -200, owed: 200, explanation: { sum_of_entries: -200, stored_points: -200 } });
    expect(after.explanation.entries.filter((e) => e.kind === 'reverse').map((e) => [e.points, 'unsettled' in e && e.unsettled])).toEqual([[-50, 0], [-200, 200]]);
    expect((await s.loyalty.verify()).ok).toBe(true);

    // The person merged again (E into D): the bonuses taken back are not taken back a second time; E's own are.
    // E: 3.00 on 20 May → 30 + 200 + 50 = 280, which first settles 200 of D's debt once it moves.
    const e = (await buy('bo.k@example.com', 'e1', '3.00', '2026-05-20T09:00:00Z')).customerId;
    s.clock.set('2026-06-03T12:00:00Z');
    expect((await merge(d, e)).moved).toMatchObject({ loyalty_points: 280, duplicate_bonuses: 2, duplicate_bonus_points: 250 });
    // −200 + 280 − 250 = −170: earned 400 + 30, spent 600.
    expect(await account(d)).toMatchObject({ balance: -170, owed: 170 });
    expect((await s.loyalty.verify()).ok).toBe(true);
  });

  it('names the merged record in the transfer by its name, else its card number, in each language', async () => {
    s.clock.set('2026-05-01T08:00:00Z');
    await s.customers.upsert({ email: 'fa@example.com', first_name: 'Fa', last_name: 'Novak' }, actor);
    await s.customers.upsert({ email: 'gi@example.com', external_id: 'CARD-7' }, actor);
    const f = (await buy('fa@example.com', 'f1', '4.00', '2026-05-02T09:00:00Z')).customerId;
    const g = (await buy('gi@example.com', 'g1', '6.00', '2026-05-03T09:00:00Z')).customerId;
    const h = (await buy('ha@example.com', 'h1', '8.00', '2026-05-04T09:00:00Z')).customerId;
    s.clock.set('2026-06-04T12:00:00Z');
    await merge(h, f);
    await merge(h, g);
    // One transfer per lot moved (purchase, first purchase, sign-up), each saying whose.
    const said = async (language: 'en' | 'sl') => [...new Set((await account(h, language)).explanation.entries.filter((e) => e.kind === 'adjust').map((e) => e.description))];
    expect(await said('en')).toEqual(['Merged in from the record of Fa Novak: its points moved here', 'Merged in from the record of CARD-7: its points moved here']);
    expect(await said('sl')).toEqual(['Združeno iz zapisa stranke Fa Novak: njene točke prenesene sem', 'Združeno iz zapisa stranke CARD-7: njene točke prenesene sem']);
  });
});
