import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { deliver, handedOver } from '../../../../test/helpers/deliver.ts';
import { openTestServices } from '../../../../test/helpers/services.ts';
import { recordAll } from '../../../../test/helpers/purchases.ts';

// `loyalty simulate` against histories written through the real purchase and refund
// paths, one purchase at a time with the clock at the purchase (as a till sends them),
// and the tier review run when it falls due (as the hourly job does). Replaying the
// program in force must give back what the ledger earned and the tiers members hold;
// the hand-worked cases below say why each number is what it is.

type Services = Awaited<ReturnType<typeof openTestServices>>;
const actor = { actor: 'test' };
const DAY = 86_400_000;

/** Moves the clock to `at`, running the tier review at every moment one fell due on the way (the hourly job, on time). */
async function advance(s: Services, at: string | number, graceDays: number) {
  const target = typeof at === 'number' ? at : Date.parse(at);
  for (;;) {
    const row = await sql<{ due: Date | null }>`SELECT min(tier_valid_until) AS due FROM loyalty_members`.execute(s.db);
    const due = row.rows[0]?.due ? new Date(row.rows[0].due).getTime() + graceDays * DAY : null;
    if (due === null || due > target) break;
    s.clock.set(new Date(due));
    await s.loyalty.maintenance.reviewTiers(new Date(due));
  }
  s.clock.set(new Date(target));
}

/** One purchase, recorded alone at its own time. */
async function buy(s: Services, graceDays: number, p: { key: string; email: string; at: string; total: string; channel?: string; lines?: unknown[] }) {
  await advance(s, p.at, graceDays);
  const [o] = await recordAll(s, [{ external_id: p.key, customer: { email: p.email }, occurred_at: p.at, total: p.total, channel: p.channel, lines: p.lines ?? [] }]);
  return o;
}

/** A refund at its own time: of `amount`, of the `lines` returned, or (neither) of the rest of the purchase. */
async function refund(s: Services, graceDays: number, purchaseId: string, r: { key: string; at: string; amount?: string; lines?: { sku: string; quantity: number }[] }) {
  await advance(s, r.at, graceDays);
  return s.commerce.refund(purchaseId, { external_id: r.key, ...(r.amount ? { amount: r.amount } : {}), ...(r.lines ? { lines: r.lines } : {}) }, actor);
}

/** The ledger's points for purchases since `since`: their credits (earn, first-purchase bonus) net of their reversals. */
async function ledgerPurchasePoints(s: Services, since: string) {
  const row = await sql<{ points: number }>`
    SELECT COALESCE(sum(e.points), 0)::float8 AS points FROM loyalty_entries e
    JOIN purchases p ON p.customer_id = e.customer_id AND p.id::text = e.source_id
    WHERE e.source_type = 'purchase' AND p.occurred_at >= ${new Date(since)}`.execute(s.db);
  return Number(row.rows[0].points);
}

const tiersOf = (r: { tiers: { code: string; proposed: number; today: number }[] }) => Object.fromEntries(r.tiers.map((t) => [t.code, [t.proposed, t.today]]));

// 1 point per euro (floor), first purchase +100, spend over a rolling 12 months with 30
// days of grace: member, silver from 250.00 (× 2), gold from 750.00 (× 3).
const handProgram = {
  name: 'Hand-worked',
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

describe('a refund after a tier upgrade', () => {
  let s: Services;
  beforeAll(async () => {
    s = await openTestServices();
    s.clock.set('2025-01-01T00:00:00Z');
    await s.loyalty.applyProgram({ program: handProgram }, actor);
  });
  afterAll(() => s?.close());

  it('takes the refund off the qualifying spend when it happens, not back when the purchase was made', async () => {
    const g = 30;
    // A-1 12.35: 12 + 100 first purchase; spend 12.35 → member.
    const a1 = await buy(s, g, { key: 'A-1', email: 'ana@example.com', at: '2026-02-02T10:00:00Z', total: '12.35' });
    // A-2 240.00 earns at member: 240; spend 252.35 ≥ 250 → silver.
    const a2 = await buy(s, g, { key: 'A-2', email: 'ana@example.com', at: '2026-02-03T10:00:00Z', total: '240.00' });
    expect(a2.loyalty).toMatchObject({ points_earned: 240, tier: 'silver' });
    // A-1 refunded in full a week later: its 112 points go back; the silver period stands.
    expect((await refund(s, g, a1.purchaseId, { key: 'RA-1', at: '2026-02-10T10:00:00Z' })).loyalty).toMatchObject({ points_reversed: 112 });
    // A-3 289.00 and A-4 100.00 earn at silver (× 2): 578 and 200.
    expect((await buy(s, g, { key: 'A-3', email: 'ana@example.com', at: '2026-02-15T10:00:00Z', total: '289.00' })).loyalty).toMatchObject({ points_earned: 578, tier: 'silver' });
    expect((await buy(s, g, { key: 'A-4', email: 'ana@example.com', at: '2026-03-01T10:00:00Z', total: '100.00' })).loyalty).toMatchObject({ points_earned: 200, tier: 'silver' });
    await advance(s, '2026-06-01T12:00:00Z', g);

    // 12 + 100 − 112 + 240 + 578 + 200 = 1,018: what the ledger holds for these purchases.
    expect(await ledgerPurchasePoints(s, '2026-01-01')).toBe(1018);
    const same = await s.loyalty.simulate(handProgram, { since: '2026-01-01' });
    expect(same).toMatchObject({ purchases: 4, customers: 1, moves: { up: 0, down: 0, unchanged: 1 } });
    expect(same.proposed).toMatchObject({ points: 1018, purchase_points: 1018, bonus_points: 0 });
    expect(same.current).toMatchObject({ points: 1018 });
    expect(tiersOf(same)).toEqual({ member: [0, 0], silver: [1, 1], gold: [0, 0] });

    // Twice the points per euro: A-1 24 + 100, all taken back; A-2 480; A-3 289 × 2 × 2 = 1,156; A-4 400.
    const doubled = await s.loyalty.simulate({ ...handProgram, earning: { ...handProgram.earning, points_per_currency_unit: 2 } }, { since: '2026-01-01' });
    expect(doubled.proposed.points).toBe(2036);
    expect(doubled.difference).toEqual({ points: 1018, value: '10.18' });
  });
});

describe('history before --since inside the tier window', () => {
  let s: Services;
  beforeAll(async () => {
    s = await openTestServices();
    s.clock.set('2025-01-01T00:00:00Z');
    await s.loyalty.applyProgram({ program: handProgram }, actor);
  });
  afterAll(() => s?.close());

  it('seeds each member\'s qualification and tier at --since from the purchases before it, and counts every member in the tiers', async () => {
    const g = 30;
    // Cy: 300.00 on 2025-03-01 → silver until 2026-03-01; reviewed on 2026-03-31 with nothing in the window → member.
    await buy(s, g, { key: 'C-1', email: 'cy@example.com', at: '2025-03-01T10:00:00Z', total: '300.00' });
    // Ed: 300.00 on 2025-11-01 → silver until 2026-11-01, nothing bought since --since.
    await buy(s, g, { key: 'E-1', email: 'ed@example.com', at: '2025-11-01T10:00:00Z', total: '300.00' });
    // Bo: 600.00 the day before --since → silver; 225.00 after it earns at silver (450) and
    // makes 825.00 in the window → gold.
    await buy(s, g, { key: 'B-1', email: 'bo@example.com', at: '2025-12-31T10:00:00Z', total: '600.00' });
    expect((await buy(s, g, { key: 'B-2', email: 'bo@example.com', at: '2026-03-01T12:00:00Z', total: '225.00' })).loyalty).toMatchObject({ points_earned: 450, tier: 'gold' });
    // Di joined without buying anything.
    const di = (await s.customers.upsert({ email: 'di@example.com' }, actor)).customer.id;
    await s.loyalty.enrol(di, actor);
    await advance(s, '2026-06-01T12:00:00Z', g);
    expect((await s.loyalty.report()).tiers.map((t) => [t.tier, t.members]).sort()).toEqual([['gold', 1], ['member', 2], ['silver', 1]]);

    expect(await ledgerPurchasePoints(s, '2026-01-01')).toBe(450);
    const same = await s.loyalty.simulate(handProgram, { since: '2026-01-01' });
    expect(same).toMatchObject({ purchases: 1, customers: 1 });
    expect(same.proposed).toMatchObject({ points: 450, purchase_points: 450, bonus_points: 0 });
    expect(same.current).toMatchObject({ points: 450 });
    // All four members, those without a purchase since --since included: Cy and Di members, Ed silver, Bo gold.
    expect(tiersOf(same)).toEqual({ member: [2, 2], silver: [1, 1], gold: [1, 1] });
    expect(same.moves).toEqual({ up: 0, down: 0, unchanged: 4 });
    expect([same.movers, same.movers_truncated]).toEqual([[], false]);

    // Gold from 900.00 instead: Bo stays silver (825 < 900) and moves down; his 225 still earns at silver.
    const higher = structuredClone(handProgram);
    higher.tiers.levels[2].threshold = '900.00';
    const r = await s.loyalty.simulate(higher, { since: '2026-01-01' });
    expect(r.proposed.points).toBe(450);
    expect(tiersOf(r)).toEqual({ member: [2, 2], silver: [2, 1], gold: [0, 1] });
    expect(r.moves).toEqual({ up: 0, down: 1, unchanged: 3 });
    // Who: Bo, named by his email (his record has no name).
    const bo = await s.db.selectFrom('customers').select('id').where('email', '=', 'bo@example.com').executeTakeFirstOrThrow();
    expect(r.movers).toEqual([{ customer_id: bo.id, name: 'bo@example.com', from: 'gold', to: 'silver', direction: 'down' }]);
    expect(r.movers_truncated).toBe(false);

    // The levels renamed (member → basic, gold → top), thresholds as they are: a rename moves nobody.
    const renamed = structuredClone(handProgram);
    renamed.tiers.levels[0].code = 'basic';
    renamed.tiers.levels[2].code = 'top';
    const names = await s.loyalty.simulate(renamed, { since: '2026-01-01' });
    expect(names.moves).toEqual({ up: 0, down: 0, unchanged: 4 });
  });
});

// The tier rules the history below is replayed under: qualifying by spend over a rolling
// 12 months (refunds lower the purchase's own net spend), by points over a rolling 12
// months (a reversal is an entry of its own, dated at the refund), and by purchases over
// the calendar year (a fully refunded purchase stops counting).
const tierRules = [
  { metric: 'spend', window: 'rolling_12_months', thresholds: ['250.00', '900.00'] },
  { metric: 'points', window: 'rolling_12_months', thresholds: ['300', '1200'] },
  { metric: 'purchases', window: 'calendar_year', thresholds: ['4', '10'] },
] as const;

describe.each(tierRules)('the program in force (tiers by $metric, $window) replayed over a history written by the purchase and refund paths', (rules) => {
  let s: Services;
  const grace = 14;
  // Line and channel factors, tier multipliers, a daily cap and a first-purchase bonus:
  // every rule whose outcome depends on the tier or on what came before.
  const program = {
    name: 'Busy café',
    earning: {
      points_per_currency_unit: 1, rounding: 'floor', daily_cap: 400,
      multipliers: [{ when: { categories: ['coffee'] }, factor: 2 }, { when: { channels: ['online'] }, factor: 1.25 }],
    },
    bonuses: { first_purchase: 50 },
    expiry: { policy: 'none' },
    tiers: {
      metric: rules.metric, window: rules.window, grace_days: grace,
      levels: [
        { code: 'member', name: 'Member', threshold: '0' },
        { code: 'silver', name: 'Silver', threshold: rules.thresholds[0], benefits: { points_multiplier: 1.5 } },
        { code: 'gold', name: 'Gold', threshold: rules.thresholds[1], benefits: { points_multiplier: 2 } },
      ],
    },
  };

  beforeAll(async () => {
    s = await openTestServices();
    s.clock.set('2024-05-01T00:00:00Z');
    await s.loyalty.applyProgram({ program }, actor);
  });
  afterAll(() => s?.close());

  it('reports zero change, the tiers members hold, and points equal to the ledger\'s purchase points net of reversals', async () => {
    // A deterministic pseudo-random history: 10 customers, 120 purchases from 2024-06 to
    // 2026-05, most of each customer's in a burst of three months, the bursts spread over
    // the two years (so tiers are reached, then reviewed and kept or lost), a fifth of the
    // purchases refunded, in full or in part, 1–60 days later. Half the refunds of a basket
    // with a coffee line name that line instead (taken back by what it earned, × 2 and
    // capped), and a full one then returns the cake line a day later.
    let seed = 42;
    const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const from = Date.parse('2024-06-01T00:00:00Z');
    const to = Date.parse('2026-05-25T00:00:00Z');
    const burst = 90 * DAY;
    const bursts = Array.from({ length: 10 }, (_, k) => from + (k / 9) * (to - from - burst));
    type Event = { at: number; run: () => Promise<void> };
    const events: Event[] = [];
    const ids = new Map<string, string>();
    for (let i = 0; i < 120; i++) {
      const customer = Math.floor(rand() * 10);
      const at = Math.floor((rand() < 0.8 ? bursts[customer] + rand() * burst : from + rand() * (to - from)) / 60_000) * 60_000;
      const email = `c${customer}@example.com`;
      const cents = 500 + Math.floor(rand() * 18_000);
      const total = (cents / 100).toFixed(2);
      const coffee = rand() < 0.4 ? Math.floor(cents * rand()) : 0;
      const lines = coffee > 0 ? [{ sku: 'ESP', category: 'coffee', quantity: 1, unit_price: (coffee / 100).toFixed(2) }, { sku: 'CAKE', category: 'cakes', quantity: 1, unit_price: ((cents - coffee) / 100).toFixed(2) }] : [];
      const key = `P-${i}`;
      const channel = rand() < 0.2 ? 'online' : 'in_store';
      events.push({ at, run: async () => void ids.set(key, (await buy(s, grace, { key, email, at: new Date(at).toISOString(), total, channel, lines })).purchaseId) });
      if (rand() < 0.2) {
        const refundAt = at + Math.floor((1 + rand() * 59) * DAY);
        const part = rand() < 0.5 ? undefined : (Math.max(1, Math.floor(cents * rand())) / 100).toFixed(2);
        const coffeeLine = coffee > 0 && i % 2 === 0;
        const first = coffeeLine ? { lines: [{ sku: 'ESP', quantity: 1 }] } : { amount: part };
        if (refundAt < to) events.push({ at: refundAt, run: async () => void (await refund(s, grace, ids.get(key)!, { key: `R-${i}`, at: new Date(refundAt).toISOString(), ...first })) });
        const cakeAt = refundAt + DAY;
        if (coffeeLine && part === undefined && cakeAt < to) {
          events.push({ at: cakeAt, run: async () => void (await refund(s, grace, ids.get(key)!, { key: `R-${i}-cake`, at: new Date(cakeAt).toISOString(), lines: [{ sku: 'CAKE', quantity: 1 }] })) });
        }
      }
    }
    events.sort((a, b) => a.at - b.at);
    for (const e of events) await e.run();
    await advance(s, '2026-06-01T12:00:00Z', grace);
    expect((await s.loyalty.verify()).ok).toBe(true);
    const lineRefunds = await sql<{ n: number }>`SELECT count(*)::int AS n FROM refunds WHERE lines <> '[]'::jsonb`.execute(s.db);
    expect(lineRefunds.rows[0].n).toBeGreaterThanOrEqual(4);
    // The history moved members up and, at reviews, down.
    const changes = await s.db.selectFrom('loyalty_tier_history').select(['reason']).execute();
    expect(changes.some((c) => c.reason === 'qualified') && changes.some((c) => c.reason === 'tier period ended')).toBe(true);

    const today = new Map((await s.db.selectFrom('loyalty_members').select(['tier']).execute()).reduce((m, r) => m.set(r.tier!, (m.get(r.tier!) ?? 0) + 1), new Map<string, number>()));
    // Over the whole history, and from a date with months of purchases before it that qualify.
    for (const since of ['2024-01-01', '2025-09-01']) {
      const r = await s.loyalty.simulate(program, { since });
      const ledger = await ledgerPurchasePoints(s, since);
      expect(ledger).toBeGreaterThan(0);
      expect({ since, proposed: r.proposed.points, current: r.current!.points }).toEqual({ since, proposed: ledger, current: ledger });
      expect(r.difference).toEqual({ points: 0, value: '0.00' });
      expect(r.moves).toMatchObject({ up: 0, down: 0, unchanged: 10 });
      expect(r.tiers.map((t) => [t.code, t.proposed, t.today])).toEqual(['member', 'silver', 'gold'].map((c) => [c, today.get(c) ?? 0, today.get(c) ?? 0]));
    }
  });
});

// ── Refunds naming lines ─────────────────────────────────────────────────────
// The live ledger takes back what the returned lines earned (refund-points.ts), and the
// replay must too, each program weighing the lines by its own line rules. 10 points a
// euro (floor), coffee × 2, first purchase +100, no tiers. The basket: BEANS 40.00
// (coffee) and MUG 20.00 (merch), 65.00 with 5.00 of shipping outside the lines; it earns
// 650 × (40 × 2 + 20) / 60 = 1,083.3 → 1,083.

const lineProgram = {
  name: 'Coffee counts double',
  earning: { points_per_currency_unit: 10, rounding: 'floor', multipliers: [{ when: { categories: ['coffee'] }, factor: 2 }] },
  bonuses: { first_purchase: 100 },
  expiry: { policy: 'none' },
};
const coffeeTimes = (factor: number) => {
  const p = structuredClone(lineProgram);
  p.earning.multipliers[0].factor = factor;
  return p;
};
const BASKET = [
  { sku: 'BEANS', category: 'coffee', quantity: 1, unit_price: '40.00' },
  { sku: 'MUG', category: 'merch', quantity: 1, unit_price: '20.00' },
];

/** What the ledger holds: the members' points, and the purchases' entries since `since` (they agree here: no other bonuses). */
async function ledgerTotal(s: Services, since: string) {
  const row = await sql<{ points: number }>`SELECT COALESCE(sum(points), 0)::float8 AS points FROM loyalty_members`.execute(s.db);
  const members = Number(row.rows[0].points);
  expect(await ledgerPurchasePoints(s, since)).toBe(members);
  return members;
}

describe('a refund naming lines, replayed as the ledger took it back', () => {
  let s: Services;
  beforeAll(async () => {
    s = await openTestServices();
    s.clock.set('2026-01-01T00:00:00Z');
    await s.loyalty.applyProgram({ program: lineProgram }, actor);
  });
  afterAll(() => s?.close());

  it('takes back what the returned line earned under each program\'s own multiplier, and a refund by amount its share', async () => {
    // Ana's basket, first purchase: 1,083 + 100. Returning the beans (40.00) takes back
    // 1,083 × 80 / 100 = 866.4 → 866 of the points and 100 × 40 / 65 = 61.5 → 62 of the
    // bonus: 928, leaving 255. (By the amount's share it was 1,183 × 40 / 65 = 728.)
    // Bo's, the same basket refunded by 40.00 alone: 1,183 × 40 / 65 = 728, leaving 455.
    const a1 = await buy(s, 0, { key: 'A-1', email: 'ana@example.com', at: '2026-02-02T10:00:00Z', total: '65.00', lines: BASKET });
    const b1 = await buy(s, 0, { key: 'B-1', email: 'bo@example.com', at: '2026-02-03T10:00:00Z', total: '65.00', lines: BASKET });
    expect([a1.loyalty?.points_earned, b1.loyalty?.points_earned]).toEqual([1183, 1183]);
    const byLines = await refund(s, 0, a1.purchaseId, { key: 'RA-1', at: '2026-02-09T10:00:00Z', lines: [{ sku: 'BEANS', quantity: 1 }] });
    expect(byLines).toMatchObject({ refund: { amount: '40.00' }, loyalty: { points_reversed: 928 } });
    expect((await refund(s, 0, b1.purchaseId, { key: 'RB-1', at: '2026-02-10T10:00:00Z', amount: '40.00' })).loyalty).toMatchObject({ points_reversed: 728 });
    await advance(s, '2026-06-01T12:00:00Z', 0);
    expect((await s.loyalty.verify()).ok).toBe(true);

    expect(await ledgerTotal(s, '2026-01-01')).toBe(255 + 455);
    const same = await s.loyalty.simulate(lineProgram, { since: '2026-01-01' });
    expect([same.current!.points, same.proposed.points]).toEqual([710, 710]);
    // What went back is split by the amount's share of the bonus (62 of each): Ana's 866 and Bo's 666 of the points.
    expect(same.proposed).toMatchObject({ purchase_points: 1083 - 866 + 1083 - 666, bonus_points: 2 * (100 - 62) });

    // Coffee × 3: each basket earns 650 × (40 × 3 + 20) / 60 = 1,516.7 → 1,516. Ana's beans
    // weigh 120 of 140 now: 1,516 × 6 / 7 = 1,299.4 → 1,299, and the bonus's 62, leaving
    // 255 (her mug earns the same under both). Weighed by the program in force's 80 of 100
    // it would be 1,213, leaving 341. Bo's: 1,616 × 40 / 65 = 994.5 → 994, leaving 622.
    const triple = await s.loyalty.simulate(coffeeTimes(3), { since: '2026-01-01' });
    expect(triple.current!.points).toBe(710);
    expect(triple.proposed.points).toBe(255 + 622);
    expect(triple.difference).toEqual({ points: 167, value: '1.67' });
  });
});

describe('a purchase refunded line by line until every line is back', () => {
  let s: Services;
  beforeAll(async () => {
    s = await openTestServices();
    s.clock.set('2026-01-01T00:00:00Z');
    await s.loyalty.applyProgram({ program: lineProgram }, actor);
  });
  afterAll(() => s?.close());

  it('takes back exactly the purchase\'s points, refund by refund as the ledger did, though its shipping stays paid', async () => {
    // Cy's first purchase, 5.00: 50 + 100, kept throughout. Then 60.53: BEANS 3 × 13.33
    // (coffee) and MUG 2 × 7.77, 5.00 of shipping; 605.3 × (39.99 × 2 + 15.54) / 55.53 =
    // 1,041.2 → 1,041. The beans weigh 26.66 each and a mug 7.77, of 95.52 in all.
    await buy(s, 0, { key: 'C-0', email: 'cy@example.com', at: '2026-02-01T10:00:00Z', total: '5.00' });
    const c1 = await buy(s, 0, { key: 'C-1', email: 'cy@example.com', at: '2026-02-02T10:00:00Z', total: '60.53', lines: [
      { sku: 'BEANS', category: 'coffee', quantity: 3, unit_price: '13.33' },
      { sku: 'MUG', category: 'merch', quantity: 2, unit_price: '7.77' },
    ] });
    expect(c1.loyalty?.points_earned).toBe(1041);
    // Cumulative shares, rounded, less what went before: 26.66 / 95.52 → 291; 34.43 → 375
    // (84); 87.75 → 956 (581); every line back → all 1,041 (85).
    const steps = [
      { lines: [{ sku: 'BEANS', quantity: 1 }], points: 291 },
      { lines: [{ sku: 'MUG', quantity: 1 }], points: 84 },
      { lines: [{ sku: 'BEANS', quantity: 2 }], points: 581 },
      { lines: [{ sku: 'MUG', quantity: 1 }], points: 85 },
    ];
    let left = 150 + 1041;
    for (const [i, step] of steps.entries()) {
      const r = await refund(s, 0, c1.purchaseId, { key: `RC-${i}`, at: `2026-02-1${i}T10:00:00Z`, lines: step.lines });
      expect(r.loyalty).toMatchObject({ points_reversed: step.points });
      left -= step.points;
      expect(await ledgerTotal(s, '2026-01-01')).toBe(left);
      const replayed = await s.loyalty.simulate(lineProgram, { since: '2026-01-01' });
      expect({ i, current: replayed.current!.points, proposed: replayed.proposed.points }).toEqual({ i, current: left, proposed: left });
    }
    // 55.53 of 60.53 refunded: by the amount's share 1,041 × 55.53 / 60.53 = 955 would have gone back, leaving 86.
    expect(left).toBe(150);
    expect((await s.loyalty.verify()).ok).toBe(true);
    // Under coffee × 3 the purchase earns 1,477, and all of it goes back as well.
    const triple = await s.loyalty.simulate(coffeeTimes(3), { since: '2026-01-01' });
    expect([triple.proposed.points, triple.current!.points]).toEqual([150, 150]);
  });
});

// ── Bonuses not tied to a purchase ───────────────────────────────────────────
// Sign-up, birthday (with the tier's birthday_bonus), referral (settled by the friend's
// first purchase that meets the minimum, revoked by a refund below it), profile
// completion and survey, each written by its real path: enrolment at sign-up or with a
// purchase, the birthday job at the local midnight it pays on, the referral claim and the
// jobs that follow its events, the customer events' subscriber, the survey call.

/** The ledger's bonus points since `since` by kind: the bonus credits, and the reversals of revoked referrals. */
async function ledgerBonusPoints(s: Services, since: string) {
  const rows = await sql<{ kind: string; points: number }>`
    SELECT details->>'bonus' AS kind, sum(points)::float8 AS points FROM loyalty_entries
    WHERE occurred_at >= ${new Date(since)} AND (kind = 'bonus' OR (kind = 'reverse' AND source_type = 'bonus'))
    GROUP BY 1`.execute(s.db);
  return { first_purchase: 0, sign_up: 0, birthday: 0, referral: 0, profile_completion: 0, survey: 0, ...Object.fromEntries(rows.rows.map((r) => [r.kind, Number(r.points)])) };
}

// Sign-up 20, first purchase 50, birthday 100 (silver +50, gold +200), profile 70, survey
// 30, referral 500 + 250 from a purchase of 15.00; 1 point per euro, silver × 1.5, gold × 2.
const bonusProgram = (metric: 'spend' | 'points') => ({
  name: 'Bakery with bonuses',
  earning: { points_per_currency_unit: 1, rounding: 'floor' },
  bonuses: { sign_up: 20, first_purchase: 50, birthday: 100, profile_completion: 70, survey: 30, referral: { referrer: 500, friend: 250, minimum_purchase: '15.00' } },
  expiry: { policy: 'none' },
  tiers: {
    metric, window: 'rolling_12_months', grace_days: 30,
    levels: [
      { code: 'member', name: 'Member', threshold: '0' },
      { code: 'silver', name: 'Silver', threshold: metric === 'spend' ? '250.00' : '400', benefits: { points_multiplier: 1.5, birthday_bonus: 50 } },
      { code: 'gold', name: 'Gold', threshold: metric === 'spend' ? '750.00' : '1400', benefits: { points_multiplier: 2, birthday_bonus: 200 } },
    ],
  },
});

/**
 * Ana (birthday 15 March) buys, completes her profile, brings Bo and Cy; Bo's 9.00 is below
 * the minimum and his 90.00 settles the referral; Cy's 18.00 settles hers and a refund of
 * 5.00 revokes it. Di joins without buying (birthday 20 July), Ed joins on his birthday
 * with a complete profile. Three survey responses, one sent twice. Europe/Ljubljana: a
 * birthday starts at 23:00 UTC the day before in winter, 22:00 in summer.
 */
async function writeBonusHistory(s: Services, grace: number) {
  const handed = handedOver(); // each deliver below hands over the events written since the one before
  const at = async (when: string) => advance(s, when, grace);
  const birthdayJob = async (when: string) => {
    await at(when);
    await s.loyalty.maintenance.birthdays(new Date(when));
  };
  const a1 = await buy(s, grace, { key: 'A-1', email: 'ana@example.com', at: '2025-01-10T10:00:00Z', total: '300.00' });
  await at('2025-01-10T10:05:00Z');
  await s.customers.upsert({ email: 'ana@example.com', first_name: 'Ana', last_name: 'Kos', phone: '+38640111222', birthday: '1990-03-15' }, actor);
  await deliver(s, 'customer.created', { handed });
  await deliver(s, 'customer.updated', { handed });
  const { code } = await s.loyalty.referralCode(a1.customerId);

  await at('2025-02-01T09:00:00Z');
  const bo = (await s.customers.upsert({ email: 'bo@example.com' }, actor)).customer.id;
  await deliver(s, 'customer.created', { handed });
  await s.loyalty.claimReferral(bo, { code }, actor);
  await buy(s, grace, { key: 'B-1', email: 'bo@example.com', at: '2025-02-03T10:00:00Z', total: '9.00' });
  await buy(s, grace, { key: 'B-2', email: 'bo@example.com', at: '2025-02-05T10:00:00Z', total: '90.00' });
  await deliver(s, 'loyalty.referral_qualified', { handed });

  await at('2025-02-10T08:00:00Z');
  const cy = (await s.customers.upsert({ email: 'cy@example.com' }, actor)).customer.id;
  await s.loyalty.claimReferral(cy, { code }, actor);
  await buy(s, grace, { key: 'C-1', email: 'cy@example.com', at: '2025-02-12T10:00:00Z', total: '5.00' });
  const c2 = await buy(s, grace, { key: 'C-2', email: 'cy@example.com', at: '2025-02-14T10:00:00Z', total: '18.00' });
  await deliver(s, 'customer.created', { handed });
  await deliver(s, 'loyalty.referral_qualified', { handed });
  const revoked = await refund(s, grace, c2.purchaseId, { key: 'RC-2', at: '2025-02-20T10:00:00Z', amount: '5.00' });
  expect(revoked.loyalty).toMatchObject({ points_reversed: 5, referral: { status: 'revoked', points_reversed: 250 } });
  await deliver(s, 'loyalty.referral_revoked', { handed });

  await at('2025-03-01T09:00:00Z');
  const di = (await s.customers.upsert({ email: 'di@example.com', birthday: '1988-07-20' }, actor)).customer.id;
  await deliver(s, 'customer.created', { handed });
  await buy(s, grace, { key: 'A-2', email: 'ana@example.com', at: '2025-03-01T10:00:00Z', total: '500.00' });
  // By points, Bo is silver since B-2 only with the friend's 250 (20 + 9 + 50 + 90 + 250 = 419 ≥ 400): B-3 earns 15, not 10.
  const b3 = await buy(s, grace, { key: 'B-3', email: 'bo@example.com', at: '2025-03-10T10:00:00Z', total: '10.00' });
  await birthdayJob('2025-03-14T23:00:00Z');
  await birthdayJob('2025-03-15T10:00:00Z'); // the same day again: nothing more
  await at('2025-04-10T10:00:00Z');
  await s.loyalty.surveyBonus(di, { response_id: 'S-1' }, actor);
  await s.loyalty.surveyBonus(di, { response_id: 'S-1' }, actor); // the same response again: nothing more
  await at('2025-05-10T10:00:00Z');
  await s.loyalty.surveyBonus(a1.customerId, { response_id: 'S-2' }, actor);

  await birthdayJob('2025-07-19T22:00:00Z');
  await at('2025-08-05T15:00:00Z');
  const ed = (await s.customers.upsert({ email: 'ed@example.com', first_name: 'Ed', last_name: 'Vuk', phone: '+38640999888', birthday: '1995-08-05' }, actor)).customer.id;
  await deliver(s, 'customer.created', { handed });
  await birthdayJob('2025-08-05T16:00:00Z'); // the job's next run after Ed joined on his birthday
  await at('2025-09-10T10:00:00Z');
  await s.loyalty.surveyBonus(ed, { response_id: 'S-3' }, actor);
  await buy(s, grace, { key: 'A-3', email: 'ana@example.com', at: '2026-02-01T10:00:00Z', total: '100.00' });
  await birthdayJob('2026-03-14T23:00:00Z');
  await advance(s, '2026-04-15T12:00:00Z', grace);
  expect((await s.loyalty.verify()).ok).toBe(true);
  return { boLastReceipt: b3.loyalty };
}

describe.each(['spend', 'points'] as const)('bonuses not tied to a purchase: the program in force (tiers by %s) replayed over the history the live paths wrote', (metric) => {
  let s: Services;
  const grace = 30;
  const program = bonusProgram(metric);
  let history: Awaited<ReturnType<typeof writeBonusHistory>>;
  beforeAll(async () => {
    s = await openTestServices();
    s.clock.set('2024-12-01T00:00:00Z');
    await s.loyalty.applyProgram({ program }, actor);
    history = await writeBonusHistory(s, grace);
  });
  afterAll(() => s?.close());

  it('gives back the ledger\'s bonus points kind by kind, its total, and the tiers members hold', async () => {
    expect(history.boLastReceipt).toMatchObject(metric === 'points' ? { points_earned: 15, tier: 'silver' } : { points_earned: 10, tier: 'member' });
    const today = new Map((await s.db.selectFrom('loyalty_members').select(['tier']).execute()).reduce((m, r) => m.set(r.tier!, (m.get(r.tier!) ?? 0) + 1), new Map<string, number>()));
    for (const since of ['2025-01-01', '2025-06-01']) {
      const ledger = await ledgerBonusPoints(s, since);
      const r = await s.loyalty.simulate(program, { since });
      expect({ since, proposed: r.proposed.bonus_points_by_kind, current: r.current!.bonus_points_by_kind }).toEqual({ since, proposed: ledger, current: ledger });
      const otherBonuses = Object.values(ledger).reduce((a, b) => a + b, 0) - ledger.first_purchase;
      expect(r.current!.points).toBe((await ledgerPurchasePoints(s, since)) + otherBonuses);
      expect(r.difference).toEqual({ points: 0, value: '0.00' });
      expect(r.tiers.map((t) => [t.code, t.proposed, t.today])).toEqual(['member', 'silver', 'gold'].map((c) => [c, today.get(c) ?? 0, today.get(c) ?? 0]));
      expect(r.moves).toMatchObject({ up: 0, down: 0 });
    }
    if (metric !== 'spend') return;
    // The ledger, by hand. Since 1 January 2025: five sign-ups (20 each); three first
    // purchases (50 each); Ana's birthdays at gold (100 + 200, twice), Di's and Ed's as
    // members (100 each); Bo's referral (250 + 500) and Cy's, revoked (250 + 500 − 750);
    // Ana's and Ed's profiles (70 each); three survey responses (30 each).
    expect(await ledgerBonusPoints(s, '2025-01-01')).toEqual({ first_purchase: 150, sign_up: 100, birthday: 800, referral: 750, profile_completion: 140, survey: 90 });
    // Since 1 June 2025: Ed's sign-up, profile and response; Di's, Ed's and Ana's second birthday.
    expect(await ledgerBonusPoints(s, '2025-06-01')).toEqual({ first_purchase: 0, sign_up: 20, birthday: 500, referral: 0, profile_completion: 70, survey: 30 });
    const r = await s.loyalty.simulate(program, { since: '2025-06-01' });
    expect(r.bonus_triggers).toEqual({ first_purchase: 0, sign_up: 1, birthday: 3, referral: 0, profile_completion: 1, survey: 1 });
    // The three first purchases fell due since January (the bonus is paid for each: 150 above).
    expect((await s.loyalty.simulate(program, { since: '2025-01-01' })).bonus_triggers.first_purchase).toBe(3);
  });
});

describe('bonuses not tied to a purchase: proposals, worked by hand', () => {
  let s: Services;
  const grace = 30;
  const program = bonusProgram('spend');
  const since = '2025-01-01';
  beforeAll(async () => {
    s = await openTestServices();
    s.clock.set('2024-12-01T00:00:00Z');
    await s.loyalty.applyProgram({ program }, actor);
    await writeBonusHistory(s, grace);
  });
  afterAll(() => s?.close());

  const proposal = (change: (p: ReturnType<typeof bonusProgram>) => void) => {
    const p = structuredClone(program);
    change(p);
    return s.loyalty.simulate(p, { since });
  };

  it('a birthday bonus doubled: 100 more for each of the four birthdays in the period', async () => {
    const r = await proposal((p) => void (p.bonuses.birthday = 200));
    expect(r.bonus_triggers.birthday).toBe(4);
    // Ana at gold twice (200 + 200), Di and Ed as members (200 each): 1,200 against 800.
    expect([r.proposed.bonus_points_by_kind.birthday, r.current!.bonus_points_by_kind.birthday]).toEqual([1200, 800]);
    expect(r.difference).toEqual({ points: 400, value: '4.00' });
  });

  it('a tier\'s birthday_bonus goes with the tier the replay has the member in on the day', async () => {
    // Gold's 200 → 400: only Ana's two birthdays were at gold.
    const richer = await proposal((p) => void (p.tiers.levels[2].benefits!.birthday_bonus = 400));
    expect(richer.proposed.bonus_points_by_kind.birthday).toBe(800 + 2 * 200);
    // Gold from 900.00: Ana's 800.00 leaves her silver on both birthdays (100 + 50 each, not
    // 100 + 200), and her 100.00 of February 2026 earns at silver (150, not 200).
    const harder = await proposal((p) => void (p.tiers.levels[2].threshold = '900.00'));
    expect(harder.proposed.bonus_points_by_kind.birthday).toBe(150 + 100 + 100 + 150);
    expect(harder.difference!.points).toBe(-300 - 50);
  });

  it('a referral minimum raised above the friend\'s purchase pays no referral; one lowered settles earlier and escapes the refund', async () => {
    // 100.00: Bo's 90.00 no longer qualifies, nor Cy's 18.00, and neither bought more.
    const higher = await proposal((p) => void (p.bonuses.referral.minimum_purchase = '100.00'));
    expect([higher.proposed.bonus_points_by_kind.referral, higher.current!.bonus_points_by_kind.referral]).toEqual([0, 750]);
    expect(higher.difference!.points).toBe(-750);
    // 4.00: Bo's 9.00 and Cy's 5.00 settle their referrals; the refund of Cy's 18.00 revokes nothing.
    const lower = await proposal((p) => void (p.bonuses.referral.minimum_purchase = '4.00'));
    expect(lower.proposed.bonus_points_by_kind.referral).toBe(1500);
    expect(lower.bonus_triggers.referral).toBe(2);
  });

  it('sign-up, survey and profile bonuses from their triggers; what only the ledger knows is said, and challenges are left out', async () => {
    const r = await proposal((p) => {
      p.bonuses.sign_up = 0;
      p.bonuses.survey = 60;
      (p as Record<string, unknown>).challenges = [{ code: 'five-visits', name: '5 visits', goal: { type: 'visits', count: 5, within_days: 30 }, points: 400 }];
    });
    expect(r.bonus_triggers).toMatchObject({ sign_up: 5, survey: 3, profile_completion: 2 });
    expect(r.proposed.bonus_points_by_kind).toMatchObject({ sign_up: 0, survey: 180, profile_completion: 140 });
    expect(r.difference!.points).toBe(-100 + 90);
    // Each with a stable code, which the dashboard translates, beside its English sentence.
    expect(r.notes).toEqual([{ code: 'ledger_only_triggers', message: expect.stringMatching(/only those a program in force rewarded are counted/) }]);
    expect(r.not_simulated).toEqual([{ kind: 'challenge', code: 'challenge_timing', reason: expect.stringMatching(/^Challenges are not simulated/), ledger_points: 0, ledger_entries: 0 }]);
  });
});
