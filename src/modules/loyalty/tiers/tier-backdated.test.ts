import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openTestServices } from '../../../../test/helpers/services.ts';
import { recordAll } from '../../../../test/helpers/purchases.ts';

// Purchases recorded after the fact are placed in tiers as the replay of `loyalty simulate`
// places them: each judged on the window that ends at the purchase, at the tier held then,
// the tier period counted from it, and a period that ended (plus grace) by now reviewed at
// the moment it fell due, in the purchase's own transaction.

type Services = Awaited<ReturnType<typeof openTestServices>>;
const actor = { actor: 'test' };

/** The café's program (examples/program.json): 10 points per euro, sign-up 100, first purchase 200; silver from 250.00 spent over a rolling 12 months (× 1.25), 30 days of grace. */
const cafe = (() => {
  const doc = JSON.parse(readFileSync(new URL('../../../../examples/program.json', import.meta.url), 'utf8')) as Record<string, unknown>;
  delete doc.$schema;
  return doc;
})();

const buy = (s: Services, customer: string, key: string, at: string, total: string) =>
  recordAll(s, [{ external_id: key, customer: { external_id: customer }, occurred_at: at, total }]).then(([o]) => o);

/** The ledger's points for purchases (their credits, the first-purchase bonus with them, net of reversals). */
async function ledgerPurchasePoints(s: Services) {
  const row = await sql<{ points: number }>`SELECT COALESCE(sum(points), 0)::float8 AS points FROM loyalty_entries WHERE source_type = 'purchase'`.execute(s.db);
  return Number(row.rows[0].points);
}

describe('purchases recorded after the fact (the café program, now 2026-12-04)', () => {
  let s: Services;
  beforeAll(async () => {
    s = await openTestServices();
    s.clock.set('2026-12-04T12:00:00Z');
    await s.loyalty.applyProgram({ program: cafe, effective_from: '2024-01-01T00:00:00Z' }, actor);
  });
  afterAll(() => s?.close());

  it('card-Q: each purchase is judged on the 12 months ending at it and earns at the tier held then', async () => {
    // Q-1 200.00: 200 in its window → member; 2,000 points + 200 first purchase.
    const q1 = await buy(s, 'card-Q', 'Q-1', '2025-11-01T12:00:00Z', '200.00');
    expect(q1.loyalty).toMatchObject({ points_earned: 2200, tier: 'member' });
    // Q-2 100.00: the 12 months ending 2026-01-10 hold 200 + 100 = 300 ≥ 250 → silver from
    // it; it crosses, so it earns at member: 1,000.
    const q2 = await buy(s, 'card-Q', 'Q-2', '2026-01-10T12:00:00Z', '100.00');
    expect(q2.loyalty).toMatchObject({ points_earned: 1000, tier: 'silver' });
    // Q-3 10.00 earns at silver: 10 × 10 × 1.25 = 125. Its window (from 2025-11-30) holds
    // 100 + 10 = 110: no renewal, the period from Q-2 stands.
    const q3 = await buy(s, 'card-Q', 'Q-3', '2026-11-30T12:00:00Z', '10.00');
    expect(q3.loyalty).toMatchObject({ points_earned: 125, tier: 'silver' });
    const account = await s.loyalty.account(q1.customerId);
    if (!account.member) throw new Error('not a member');
    // Silver since Q-2, for 12 months from it; reviewed 30 days after that (2027-02-09).
    expect(account.tier).toMatchObject({ code: 'silver', since: '2026-01-10T12:00:00.000Z', valid_until: '2027-01-10T12:00:00.000Z' });
    expect((await s.loyalty.tierHistory(q1.customerId)).items.map((h) => [h.from, h.to, h.at])).toEqual([['member', 'silver', '2026-01-10T12:00:00.000Z']]);

    // The replay of the program in force agrees: no one moves, and its points are the ledger's.
    const r = await s.loyalty.simulate(cafe, { since: '2025-06-01' });
    expect(r.moves).toMatchObject({ up: 0, down: 0 });
    expect(r.current!.purchase_points + r.current!.bonus_points_by_kind.first_purchase).toBe(await ledgerPurchasePoints(s));
    expect(await ledgerPurchasePoints(s)).toBe(2200 + 1000 + 125);
  });

  it('Z-1: the tier period counts from the purchase, and a period over (plus grace) by now is reviewed at once', async () => {
    // Z-1 400.00 on 2025-12-10 → silver from then until 2026-12-10 (earned at member: 4,000
    // + 200). The review falls due 30 days later, on 2027-01-09: still to come, so silver now.
    const z1 = await buy(s, 'card-Z', 'Z-1', '2025-12-10T12:00:00Z', '400.00');
    expect(z1.loyalty).toMatchObject({ points_earned: 4200, tier: 'silver' });
    const z = await s.loyalty.account(z1.customerId);
    if (!z.member) throw new Error('not a member');
    expect(z.tier).toMatchObject({ code: 'silver', since: '2025-12-10T12:00:00.000Z', valid_until: '2026-12-10T12:00:00.000Z' });
    // The hourly review on its day finds nothing in the 12 months to 2027-01-09: member, dated then.
    s.clock.set('2027-01-09T13:00:00Z');
    await s.loyalty.maintenance.reviewTiers(new Date('2027-01-09T13:00:00Z'));
    expect((await s.loyalty.tierHistory(z1.customerId)).items.map((h) => [h.to, h.reason, h.at])).toEqual([
      ['silver', 'qualified', '2025-12-10T12:00:00.000Z'], ['member', 'tier period ended', '2027-01-09T12:00:00.000Z'],
    ]);
    s.clock.set('2026-12-04T12:00:00Z');

    // Y-1 400.00 on 2025-10-01: silver until 2026-10-01, reviewed on 2026-10-31 — already
    // past — with nothing in the 12 months to then: member again, in the same transaction.
    // At 14:00 local both times: 12:00 UTC in summer time, 13:00 UTC in winter time (grace
    // is days of the business's calendar).
    const y1 = await buy(s, 'card-Y', 'Y-1', '2025-10-01T12:00:00Z', '400.00');
    expect(y1.loyalty).toMatchObject({ points_earned: 4200, tier: 'member' });
    expect((await s.loyalty.tierHistory(y1.customerId)).items.map((h) => [h.to, h.at])).toEqual([
      ['silver', '2025-10-01T12:00:00.000Z'], ['member', '2026-10-31T13:00:00.000Z'],
    ]);
    // A purchase now earns at member (10.00 → 100).
    expect((await buy(s, 'card-Y', 'Y-2', '2026-12-04T11:00:00Z', '10.00')).loyalty).toMatchObject({ points_earned: 100, tier: 'member' });
  });
});

// 1 point per euro, first purchase +100, spend over a rolling 12 months with 30 days of
// grace: silver from 250.00 (× 2), gold from 750.00 (× 3).
const spendProgram = {
  name: 'Invariant',
  earning: { points_per_currency_unit: 1, rounding: 'floor' },
  bonuses: { first_purchase: 100 },
  expiry: { policy: 'none' },
  tiers: {
    metric: 'spend', window: 'rolling_12_months', grace_days: 30,
    levels: [
      { code: 'member', name: 'Member', threshold: '0' },
      { code: 'silver', name: 'Silver', threshold: '250.00', benefits: { points_multiplier: 2 } },
      { code: 'gold', name: 'Gold', threshold: '750.00', benefits: { points_multiplier: 3 } },
    ],
  },
};

describe('the live tiers and points equal the replay, whatever the order purchases arrive in across members', () => {
  let s: Services;
  beforeAll(async () => {
    s = await openTestServices();
    await s.loyalty.applyProgram({ program: spendProgram, effective_from: '2024-01-01T00:00:00Z' }, actor);
  });
  afterAll(() => s?.close());

  it('records 300 purchases of 15 members in a seeded random order, then simulate of the program in force shows no moves and the ledger\'s points', async () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const from = Date.parse('2024-03-01T00:00:00Z');
    const to = Date.parse('2026-05-30T00:00:00Z');
    // Each member's purchases in a few bursts over the two years: tiers reached, renewed, lost at reviews.
    const perMember = Array.from({ length: 15 }, () => [] as { key: string; at: number; total: string }[]);
    for (let i = 0; i < 300; i++) {
      const m = Math.floor(rand() * 15);
      const burst = from + Math.floor(rand() * 4) * ((to - from) / 4);
      const at = Math.floor((burst + rand() * ((to - from) / 4)) / 60_000) * 60_000;
      perMember[m].push({ key: `P-${i}`, at, total: (5 + rand() * 120).toFixed(2) });
    }
    for (const list of perMember) list.sort((a, b) => a.at - b.at);
    // Arrivals: a random member's next one to three purchases at a time, as one request
    // with its purchases shuffled (a batch), the clock at the end — every purchase is
    // recorded after the fact, and members' histories interleave in no time order.
    s.clock.set(new Date(to + 2 * 86_400_000));
    const next = perMember.map(() => 0);
    for (;;) {
      const open = perMember.map((l, m) => m).filter((m) => next[m] < perMember[m].length);
      if (open.length === 0) break;
      const m = open[Math.floor(rand() * open.length)];
      const batch = perMember[m].slice(next[m], next[m] + 1 + Math.floor(rand() * 3));
      next[m] += batch.length;
      batch.sort(() => rand() - 0.5);
      await recordAll(s, batch.map((p) => ({ external_id: p.key, customer: { external_id: `m-${m}` }, occurred_at: new Date(p.at).toISOString(), total: p.total })));
    }
    // The hourly job: reviews that fell due after each member's last purchase.
    await s.loyalty.maintenance.reviewTiers(s.clock.now());
    expect((await s.loyalty.verify()).ok).toBe(true);
    const history = await s.db.selectFrom('loyalty_tier_history').select(['reason']).execute();
    expect(history.some((h) => h.reason === 'qualified') && history.some((h) => h.reason === 'tier period ended')).toBe(true);

    const r = await s.loyalty.simulate(spendProgram, { since: '2024-01-01' });
    expect(r.purchases).toBe(300);
    expect(r.moves).toEqual({ up: 0, down: 0, unchanged: 15 });
    expect(r.current!.purchase_points + r.current!.bonus_points_by_kind.first_purchase).toBe(await ledgerPurchasePoints(s));
  });
});
