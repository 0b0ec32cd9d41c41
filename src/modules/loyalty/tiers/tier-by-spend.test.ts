import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKind } from '../../../../test/helpers/database.ts';
import { openTestServices } from '../../../../test/helpers/services.ts';
import { recordAll } from '../../../../test/helpers/purchases.ts';

// A tier by net spend over a rolling 12 months, reached by purchases recorded together
// (one transaction, as the group commit and the batch endpoint write them): each of the
// group's purchases inside the window counts once, older ones not at all, and a member
// read again (another writer held it) does not count the group's purchases twice. Each
// purchase is judged on the 12 months that end at it, and a tier period counts from it
// (the test clock stands at 2026-06-01T12:00Z, after all of them).

let s: Awaited<ReturnType<typeof openTestServices>>;
const actor = { actor: 'test' };

const program = {
  name: 'Spend tiers',
  earning: { points_per_currency_unit: 1, rounding: 'floor' },
  bonuses: { first_purchase: 100 },
  expiry: { policy: 'none' },
  tiers: {
    metric: 'spend', window: 'rolling_12_months', grace_days: 30,
    levels: [
      { code: 'member', name: 'Member', threshold: '0' },
      { code: 'silver', name: 'Silver', threshold: '100.00' },
      { code: 'gold', name: 'Gold', threshold: '300.00', benefits: { points_multiplier: 2 } },
    ],
  },
  rewards: [{ code: 'coffee', name: 'Free coffee', type: 'free_product', sku: 'ESP', points: 50 }],
};

const purchase = (key: string, email: string, at: string, total: string) => ({ external_id: key, customer: { email }, occurred_at: at, total });

const record = (...purchases: ReturnType<typeof purchase>[]) => recordAll(s, purchases);

beforeAll(async () => {
  s = await openTestServices();
  await s.loyalty.applyProgram({ program, effective_from: '2025-01-01T00:00:00Z' }, actor);
});
afterAll(() => s?.close());

describe('tier by spend in a rolling window, reached in a group', () => {
  it('counts the purchases inside the window, those of the same group included, and not older ones', async () => {
    // 90.00 thirteen months ago: outside the window, though it counts in the lifetime spend.
    await record(purchase('old', 'bo@example.com', '2025-05-01T10:00:00Z', '90.00'));
    // With another customer's purchase in the group: lifetime 160 ≥ 100, but 70 in the window.
    const [first, second, big] = await record(
      purchase('g1', 'bo@example.com', '2026-05-10T10:00:00Z', '40.00'),
      purchase('g2', 'bo@example.com', '2026-05-11T10:00:00Z', '30.00'),
      purchase('g3', 'cy@example.com', '2026-05-11T10:00:00Z', '500.00'),
    );
    expect(first.loyalty).toMatchObject({ tier: 'member' });
    expect(second.loyalty).toMatchObject({ tier: 'member' });
    // Two more in one group: 70 + 20 + 15 = 105 in the window → silver.
    const [, third] = await record(
      purchase('g4', 'bo@example.com', '2026-05-20T10:00:00Z', '20.00'),
      purchase('g5', 'bo@example.com', '2026-05-21T10:00:00Z', '15.00'),
    );
    expect(third.loyalty).toMatchObject({ tier: 'silver' });
    // A new customer whose first group reaches gold: 500.00 → gold at once (earned at the base rate, + the first-purchase bonus).
    const cy = await s.loyalty.account(big.customerId);
    if (!cy.member) throw new Error('not a member');
    expect(cy.tier?.code).toBe('gold');
    expect(cy.balance).toBe(600);
    expect((await s.loyalty.tierHistory(third.customerId)).items.map((h) => h.to)).toEqual(['silver']);
  });

  it('renews the period of a member who qualifies again, and upgrades in the purchase that crosses', async () => {
    const [o] = await record(purchase('g6', 'bo@example.com', '2026-05-31T10:00:00Z', '10.00'));
    const account = await s.loyalty.account(o.customerId);
    if (!account.member) throw new Error('not a member');
    // Renewed for 12 months from the purchase that qualified again (not from the clock).
    expect(account.tier).toMatchObject({ code: 'silver', valid_until: '2027-05-31T10:00:00.000Z' });
    // 115 + 190 = 305 ≥ 300: gold, from the purchase that crosses (it still earns at silver: 190).
    const [up] = await record(purchase('g7', 'bo@example.com', '2026-06-01T09:00:00Z', '190.00'));
    expect(up.loyalty).toMatchObject({ points_earned: 190, tier: 'gold' });
    expect((await s.loyalty.tierHistory(o.customerId)).items.map((h) => h.to)).toEqual(['silver', 'gold']);
    expect((await s.loyalty.verify()).ok).toBe(true);
  });

  it("moves a member up between their purchases in one group, each earning at the tier it was bought in, with each purchase's own receipt", async () => {
    // A batch or an import chunk holding one member's purchases: as if sent one by one.
    // 120 crosses silver (100) and earns at member; 50 and 200 earn at silver, 200 crossing
    // gold (120 + 50 + 200 = 370 ≥ 300); 10 earns at gold (× 2). Sent out of time order.
    const at = (day: string, key: string, total: string) => purchase(key, 'ed@example.com', `2026-05-${day}T10:00:00Z`, total);
    const [e3, e1, e4, e2] = await record(at('03', 'e3', '200.00'), at('01', 'e1', '120.00'), at('04', 'e4', '10.00'), at('02', 'e2', '50.00'));
    expect(e1.loyalty).toEqual({ points_earned: 220, balance: 220, pending: 0, tier: 'silver' });
    expect(e2.loyalty).toEqual({ points_earned: 50, balance: 270, pending: 0, tier: 'silver' });
    expect(e3.loyalty).toEqual({ points_earned: 200, balance: 470, pending: 0, tier: 'gold' });
    expect(e4.loyalty).toEqual({ points_earned: 20, balance: 490, pending: 0, tier: 'gold' });
    expect((await s.loyalty.tierHistory(e1.customerId)).items.map((h) => [h.from, h.to])).toEqual([['member', 'silver'], ['silver', 'gold']]);
    const account = await s.loyalty.account(e1.customerId);
    expect(account.balance).toBe(490);
    expect((await s.loyalty.verify()).ok).toBe(true);
  });

  it.skipIf(testDatabaseKind !== 'postgres')('gives the first-purchase bonus once when another writer held the member meanwhile', async () => {
    // A member who joined before buying anything (a redemption of the sign-up points, say,
    // holds the member while the purchase reads): the purchase reads the member again, after
    // its purchase is written, and must not count that purchase twice.
    const di = (await s.customers.upsert({ email: 'di@example.com' }, actor)).customer.id;
    await s.loyalty.enrol(di, actor);
    const writer = await s.database.pool.connect();
    try {
      await writer.query('BEGIN');
      await writer.query('SELECT 1 FROM loyalty_members WHERE customer_id = $1 FOR UPDATE', [di]);
      const pending = record(purchase('d1', 'di@example.com', '2026-05-31T10:00:00Z', '25.00'));
      await new Promise((r) => setTimeout(r, 300));
      await writer.query('UPDATE loyalty_members SET updated_at = now() WHERE customer_id = $1', [di]);
      await writer.query('COMMIT');
      const [o] = await pending;
      expect(o.loyalty).toMatchObject({ points_earned: 125, balance: 125 });
    } finally {
      writer.release();
    }
  });
});
