import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { deliver, handedOver } from '../../../../test/helpers/deliver.ts';
import { openTestServices } from '../../../../test/helpers/services.ts';
import { recordAll } from '../../../../test/helpers/purchases.ts';
import { mergeCustomers } from '../../../workflows/customer-lifecycle.ts';

// `loyalty simulate` after merges (QA finding: the in-force column counted a merged
// customer's sign-up bonus beside its survivor's — 80,000 and 800 times for 799 members —
// and the challenges note counted the completion a merge took back). A merged customer is
// part of its survivor: each once-per-person bonus falls due once for the person, and the
// program in force replayed gives back the ledger net of what the merges took back.

type Services = Awaited<ReturnType<typeof openTestServices>>;
let s: Services;
const actor = { actor: 'test' };

const program = {
  name: 'Merged bakery',
  earning: { points_per_currency_unit: 1, rounding: 'floor' },
  bonuses: { sign_up: 100, first_purchase: 200, birthday: 100, profile_completion: 70, survey: 30, referral: { referrer: 500, friend: 250, minimum_purchase: '15.00' } },
  challenges: [{ code: 'two-visits', name: 'Two visits', goal: { type: 'visits', count: 2, within_days: 30 }, points: 300 }],
  expiry: { policy: 'none' },
  refund_shortfall: 'negative_balance',
};

// As the job queue hands them over: each delivery below the events not handed over yet.
const handed = handedOver();
async function buy(email: string, key: string, total: string, at: string) {
  s.clock.set(at);
  const [o] = await recordAll(s, [{ external_id: key, customer: { email }, occurred_at: at, total }]);
  await deliver(s, 'purchase.recorded', { handed });
  await deliver(s, 'loyalty.referral_qualified', { handed });
  return o.customerId;
}
async function profile(at: string, p: { email: string; first_name: string; last_name: string; phone: string; birthday: string }) {
  s.clock.set(at);
  await s.customers.upsert(p, actor);
  await deliver(s, 'customer.created', { handed });
  await deliver(s, 'customer.updated', { handed });
}

/** The ledger's bonus entries since `since` by kind, less those a merge took back, and the reversals of revoked referrals (none here). */
async function ledgerNet(since: string) {
  const rows = await sql<{ kind: string; points: number; entries: number }>`
    SELECT e.details->>'bonus' AS kind, sum(e.points)::float8 AS points, count(*)::int AS entries FROM loyalty_entries e
    WHERE e.occurred_at >= ${new Date(since)} AND e.kind = 'bonus'
      AND NOT EXISTS (SELECT 1 FROM loyalty_entries t WHERE t.kind = 'reverse' AND t.details ? 'duplicate_of'
                      AND t.details->'taken_back'->>'customer_id' = e.customer_id::text AND t.details->'taken_back'->>'entry' = e.id::text)
    GROUP BY 1`.execute(s.db);
  const by = Object.fromEntries(rows.rows.map((r) => [r.kind, { points: Number(r.points), entries: r.entries }]));
  const points = (k: string) => by[k]?.points ?? 0;
  return { kinds: { first_purchase: points('first_purchase'), sign_up: points('sign_up'), birthday: points('birthday'), referral: points('referral'), profile_completion: points('profile_completion'), survey: points('survey') }, challenge: by.challenge ?? { points: 0, entries: 0 } };
}

beforeAll(async () => {
  s = await openTestServices();
  s.clock.set('2025-01-01T08:00:00Z');
  await s.loyalty.applyProgram({ program }, actor);
  // Ana, first record A: buys (sign-up 100, first purchase 200), completes her profile (70), visits again (challenge 300).
  const a = await buy('ana@example.com', 'A-1', '20.00', '2025-01-10T10:00:00Z');
  await profile('2025-01-10T10:05:00Z', { email: 'ana@example.com', first_name: 'Ana', last_name: 'Kos', phone: '+38640111222', birthday: '1990-04-10' });
  await buy('ana@example.com', 'A-2', '10.00', '2025-01-12T10:00:00Z');
  // Cy's first record D buys in January; her second, C, is referred by Ana in March and buys 20.00 (friend 250, referrer 500).
  const d = await buy('cy@example.com', 'D-1', '40.00', '2025-01-20T10:00:00Z');
  // Ana, second record B: the same again a month later, and a survey response (30).
  const b = await buy('ana.kos@work.example', 'B-1', '30.00', '2025-02-10T10:00:00Z');
  await profile('2025-02-10T10:05:00Z', { email: 'ana.kos@work.example', first_name: 'Ana', last_name: 'Kos', phone: '+38640333444', birthday: '1990-04-10' });
  await buy('ana.kos@work.example', 'B-2', '10.00', '2025-02-15T10:00:00Z');
  s.clock.set('2025-03-01T10:00:00Z');
  await s.loyalty.surveyBonus(b, { response_id: 'S-1' }, actor);
  s.clock.set('2025-03-05T10:00:00Z');
  const c = (await s.customers.upsert({ email: 'cy.other@example.com' }, actor)).customer.id;
  await deliver(s, 'customer.created', { handed });
  await s.loyalty.claimReferral(c, { code: (await s.loyalty.referralCode(a)).code }, actor);
  await buy('cy.other@example.com', 'C-1', '20.00', '2025-03-06T10:00:00Z');
  // Both of Ana's records have their birthday bonus for 2025 (midnight in Ljubljana).
  s.clock.set('2025-04-09T22:00:00Z');
  await s.loyalty.maintenance.birthdays(new Date('2025-04-09T22:00:00Z'));
  // The merges: C into D (C's sign-up and first purchase back; the referral goes to D, settled),
  // then B into A (B's sign-up, first purchase, profile, birthday and challenge back; the survey stays).
  s.clock.set('2025-05-01T12:00:00Z');
  expect((await mergeCustomers(s, d, { from: c }, actor)).moved).toMatchObject({ duplicate_bonuses: 2, duplicate_bonus_points: 300, referrals: 1 });
  s.clock.set('2025-06-01T12:00:00Z');
  expect((await mergeCustomers(s, a, { from: b }, actor)).moved).toMatchObject({ duplicate_bonuses: 5, duplicate_bonus_points: 100 + 200 + 70 + 100 + 300 });
  // Ana's birthday in 2026, once: the run looks the year's bonus up in both her records' ledgers.
  s.clock.set('2026-04-09T22:00:00Z');
  await s.loyalty.maintenance.birthdays(new Date('2026-04-09T22:00:00Z'));
  s.clock.set('2026-06-01T12:00:00Z');
  expect((await s.loyalty.verify()).ok).toBe(true);
});
afterAll(() => s?.close());

describe('the program in force replayed after merges', () => {
  it('counts each once-per-person bonus once per person and gives back the ledger net of what the merges took back', async () => {
    const r = await s.loyalty.simulate(program, { since: '2025-01-01' });
    const ledger = await ledgerNet('2025-01-01');
    // Two people: one sign-up and one first purchase each; Ana's birthday once a year, her profile and survey once; Cy's referral.
    expect(ledger.kinds).toEqual({ first_purchase: 400, sign_up: 200, birthday: 200, referral: 750, profile_completion: 70, survey: 30 });
    expect({ proposed: r.proposed.bonus_points_by_kind, current: r.current!.bonus_points_by_kind }).toEqual({ proposed: ledger.kinds, current: ledger.kinds });
    expect(r.bonus_triggers).toEqual({ first_purchase: 2, sign_up: 2, birthday: 2, referral: 1, profile_completion: 1, survey: 1 });
    expect(r.difference).toEqual({ points: 0, value: '0.00' });
    // The purchases' 130 points and the bonuses (the challenges aside).
    expect(r.current!.points).toBe(130 + 400 + 200 + 200 + 750 + 70 + 30);
    // The ledger's dated sums agree here (both merges fall in the period): what the merges took back is in them.
    const dated = await sql<{ points: number }>`
      SELECT sum(points)::float8 AS points FROM loyalty_entries WHERE occurred_at >= '2025-01-01' AND (kind IN ('earn', 'bonus') OR (kind = 'reverse' AND details ? 'duplicate_of'))
        AND NOT (kind = 'bonus' AND details->>'bonus' = 'challenge') AND NOT (kind = 'reverse' AND details->>'bonus' = 'challenge')`.execute(s.db);
    expect(Number(dated.rows[0].points)).toBe(r.current!.points);
    // The challenge: Ana completed it once as a person (B's completion was taken back); Cy never.
    expect(ledger.challenge).toEqual({ points: 300, entries: 1 });
    expect(r.not_simulated).toEqual([{ kind: 'challenge', code: 'challenge_timing', reason: expect.any(String), ledger_points: 300, ledger_entries: 1 }]);
  });

  it('settles a merged friend\'s referral with the purchase recorded after the claim, not the survivor\'s earlier one', async () => {
    // From March: D's own 40.00 of January is before the period; C's 20.00 of 6 March, now D's, settled the referral.
    const r = await s.loyalty.simulate(program, { since: '2025-03-01' });
    expect(r.current!.bonus_points_by_kind.referral).toBe(750);
    expect(r.bonus_triggers.referral).toBe(1);
    // A proposal changes what each person is paid once: a sign-up of 150 costs 50 more for each of the two people who joined since January.
    const richer = await s.loyalty.simulate({ ...program, bonuses: { ...program.bonuses, sign_up: 150 } }, { since: '2025-01-01' });
    expect(richer.difference!.points).toBe(100);
  });
});
