import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/helpers/app.ts';
import { csvFiles } from '../../../../test/helpers/csv-files.ts';
import { recordAll } from '../../../../test/helpers/purchases.ts';
import { openTestServices } from '../../../../test/helpers/services.ts';
import { importFile } from '../../../workflows/import-file.ts';

// A tier on a lifetime window never reaches the end of a period, so a refund that only
// "lowered the qualification until the review" left a member who bought €600, reached Gold
// and returned it all in Gold for ever. Now such a refund moves them down at once, dated at
// it (reason "refunded", with its loyalty.tier_changed event), to the tier the value left
// qualifies for — live (refund-tier.ts) and in the replay (TierRules.refunded), so
// `loyalty simulate` of the program in force still moves nobody. A rolling window keeps its
// rule: the period's review decides.

const api = useTestApp({ keys: { pos: ['read', 'write', 'admin'] } });
let s: typeof api.services;
const actor = { actor: 'test' };
const files = csvFiles('refund-tier');

const tiers = (metric: string, window: string) => ({
  metric, window, grace_days: 0,
  levels: [
    { code: 'member', name: 'Member', threshold: '0' },
    { code: 'gold', name: 'Gold', threshold: metric === 'points' ? '500' : '500.00' },
  ],
});
const program = (metric = 'spend', window = 'lifetime') => ({
  name: 'Lifetime Gold', earning: { points_per_currency_unit: 1, rounding: 'floor' }, expiry: { policy: 'none' }, tiers: tiers(metric, window),
});

beforeAll(async () => {
  s = api.services;
  s.clock.set('2026-01-01T00:00:00Z');
  await s.loyalty.applyProgram({ program: program() }, actor);
});
afterAll(() => files.remove());

/** One purchase at its own time (the clock there, as a till sends it). */
async function buy(key: string, email: string, at: string, total: string) {
  s.clock.set(at);
  const [o] = await recordAll(s, [{ external_id: key, customer: { email }, occurred_at: at, total }]);
  return o;
}

const tierOf = async (customerId: string) => {
  const a = await s.loyalty.account(customerId);
  if (!a.member) throw new Error('not a member');
  return a.tier?.code;
};
const history = async (customerId: string) => (await s.loyalty.tierHistory(customerId)).items.map((h) => [h.from, h.to, h.reason, h.at]);
const tierEvents = async (customerId: string) =>
  (await s.db.selectFrom('events').select('payload').where('type', '=', 'loyalty.tier_changed').where('customer_id', '=', customerId).execute())
    .map((e) => e.payload as { from: string; to: string; direction: string; reason: string });

/** The program in force replayed: the live tiers are the replay's. */
async function expectReplayAgrees() {
  expect((await s.loyalty.verify()).ok).toBe(true);
  const report = await s.loyalty.simulate(program(), { since: '2026-01-01' });
  expect(report.moves).toMatchObject({ up: 0, down: 0 });
}

describe('a refund on a lifetime window', () => {
  it('in full, after the purchase that reached Gold: back to the base tier at the refund, reason refunded, with its event', async () => {
    const a1 = await buy('A-1', 'ana@example.com', '2026-03-01T10:00:00Z', '600.00');
    expect(a1.loyalty).toMatchObject({ tier: 'gold' });
    s.clock.set('2026-03-10T12:00:00Z');
    expect((await s.commerce.refund(a1.purchaseId, { external_id: 'RA-1' }, actor)).loyalty).toMatchObject({ points_reversed: 600 });
    expect(await tierOf(a1.customerId)).toBe('member');
    expect((await history(a1.customerId)).at(-1)).toEqual(['gold', 'member', 'refunded', '2026-03-10T12:00:00.000Z']);
    expect((await tierEvents(a1.customerId)).at(-1)).toMatchObject({ from: 'gold', to: 'member', direction: 'down', reason: 'refunded' });
    await expectReplayAgrees();
  });

  it('after the move down, a purchase dated before the refund is placed by the history replayed with the refund in it', async () => {
    const id = (await s.db.selectFrom('purchases').select('customer_id').where('external_id', '=', 'A-1').executeTakeFirstOrThrow()).customer_id;
    // 300 after the refund: still member.
    expect((await buy('A-3', 'ana@example.com', '2026-03-20T10:00:00Z', '300.00')).loyalty).toMatchObject({ tier: 'member' });
    // 250 dated before the refund, recorded after A-3: Gold from A-1 on, down at the refund (250 left), Gold again at
    // A-3 (550) — the history replayed from the start says so at A-3's time, not as a change dated now.
    s.clock.set('2026-03-21T12:00:00Z');
    const [a2] = await recordAll(s, [{ external_id: 'A-2', customer: { email: 'ana@example.com' }, occurred_at: '2026-03-05T10:00:00Z', total: '250.00' }]);
    expect(a2.loyalty).toMatchObject({ tier: 'gold' });
    expect(await history(id)).toEqual([
      ['member', 'gold', 'qualified', '2026-03-01T10:00:00.000Z'],
      ['gold', 'member', 'refunded', '2026-03-10T12:00:00.000Z'],
      ['member', 'gold', 'qualified', '2026-03-20T10:00:00.000Z'],
    ]);
    await expectReplayAgrees();
  });

  it('in two parts: the first keeps the total above the threshold and moves no one, the second crosses it and moves them then', async () => {
    const b1 = await buy('B-1', 'bo@example.com', '2026-04-01T10:00:00Z', '700.00');
    expect(b1.loyalty).toMatchObject({ tier: 'gold' });
    s.clock.set('2026-04-05T12:00:00Z');
    await s.commerce.refund(b1.purchaseId, { external_id: 'RB-1', amount: '150.00', occurred_at: '2026-04-05T09:00:00Z' }, actor);
    expect(await tierOf(b1.customerId)).toBe('gold');
    expect(await history(b1.customerId)).toEqual([['member', 'gold', 'qualified', '2026-04-01T10:00:00.000Z']]);
    await expectReplayAgrees();
    s.clock.set('2026-04-08T12:00:00Z');
    await s.commerce.refund(b1.purchaseId, { external_id: 'RB-2', amount: '100.00', occurred_at: '2026-04-08T09:00:00Z' }, actor);
    expect(await tierOf(b1.customerId)).toBe('member');
    expect((await history(b1.customerId)).at(-1)).toEqual(['gold', 'member', 'refunded', '2026-04-08T09:00:00.000Z']);
    await expectReplayAgrees();
  });

  it('through the API', async () => {
    const c1 = await buy('C-1', 'cy@example.com', '2026-05-01T10:00:00Z', '520.00');
    expect(c1.loyalty).toMatchObject({ tier: 'gold' });
    s.clock.set('2026-05-02T12:00:00Z');
    const res = await api.call('POST', '/api/v1/purchases/C-1/refunds', { body: { external_id: 'RC-1', amount: '30.00' } });
    expect(res.statusCode, res.body).toBe(201);
    expect(await tierOf(c1.customerId)).toBe('member');
    expect((await history(c1.customerId)).at(-1)).toEqual(['gold', 'member', 'refunded', '2026-05-02T12:00:00.000Z']);
    await expectReplayAgrees();
  });

  it('in a refunds file, also one imported after later purchases of its member (judged on their whole total, the move dated when recorded)', async () => {
    const d1 = await buy('D-1', 'di@example.com', '2026-06-01T10:00:00Z', '600.00');
    await buy('D-2', 'di@example.com', '2026-06-05T10:00:00Z', '100.00');
    const e1 = await buy('E-1', 'ed@example.com', '2026-06-06T10:00:00Z', '900.00');
    s.clock.set('2026-06-10T12:00:00Z');
    const result = await importFile(s, { kind: 'refunds', file: files.write(['external_id,purchase,occurred_at,amount', 'RD-1,D-1,2026-06-03T10:00:00Z,600.00', 'RE-1,E-1,2026-06-08T10:00:00Z,300.00']) });
    expect(result).toMatchObject({ created: 2, invalid: 0 });
    // Di: 100 left, below Gold; the refund is dated before D-2, so the move is dated as recorded.
    expect(await tierOf(d1.customerId)).toBe('member');
    expect((await history(d1.customerId)).at(-1)).toEqual(['gold', 'member', 'refunded', '2026-06-10T12:00:00.000Z']);
    // Ed: 600 left, still Gold.
    expect(await tierOf(e1.customerId)).toBe('gold');
    expect(await history(e1.customerId)).toHaveLength(1);
    await expectReplayAgrees();
  });
});

describe('a refund on a lifetime window by points', () => {
  let p: Awaited<ReturnType<typeof openTestServices>>;
  beforeAll(async () => {
    p = await openTestServices();
    p.clock.set('2026-01-01T00:00:00Z');
    await p.loyalty.applyProgram({ program: program('points') }, actor);
  });
  afterAll(() => p?.close());

  it('takes the points back and the tier with them', async () => {
    p.clock.set('2026-03-01T10:00:00Z');
    const [o] = await recordAll(p, [{ external_id: 'P-1', customer: { email: 'pe@example.com' }, occurred_at: '2026-03-01T10:00:00Z', total: '600.00' }]);
    expect(o.loyalty).toMatchObject({ tier: 'gold' });
    p.clock.set('2026-03-02T10:00:00Z');
    await p.commerce.refund(o.purchaseId, { external_id: 'RP-1', amount: '50.00' }, actor);
    expect((await p.loyalty.tierHistory(o.customerId)).items).toHaveLength(1);
    p.clock.set('2026-03-03T10:00:00Z');
    await p.commerce.refund(o.purchaseId, { external_id: 'RP-2', amount: '100.00' }, actor);
    expect((await p.loyalty.tierHistory(o.customerId)).items.at(-1)).toMatchObject({ from: 'gold', to: 'member', reason: 'refunded', at: '2026-03-03T10:00:00.000Z' });
    expect((await p.loyalty.verify()).ok).toBe(true);
    expect((await p.loyalty.simulate(program('points'), { since: '2026-01-01' })).moves).toMatchObject({ up: 0, down: 0 });
  });

  it("replays the refund's entries among a purchase dated before them", async () => {
    const buyAt = async (key: string, at: string, total: string, clock = at) => {
      p.clock.set(clock);
      return (await recordAll(p, [{ external_id: key, customer: { email: 'pe@example.com' }, occurred_at: at, total }]))[0];
    };
    // 450 + 40 = 490: member.
    const p3 = await buyAt('P-3', '2026-03-20T10:00:00Z', '40.00');
    expect(p3.loyalty).toMatchObject({ tier: 'member' });
    // 20 between the two refunds: 570 before the second, 470 after it (down there), 510 at P-3 (Gold again then).
    expect((await buyAt('P-2', '2026-03-02T12:00:00Z', '20.00', '2026-03-21T10:00:00Z')).loyalty).toMatchObject({ tier: 'gold' });
    expect((await p.loyalty.tierHistory(p3.customerId)).items.map((h) => [h.to, h.reason, h.at])).toEqual([
      ['gold', 'qualified', '2026-03-01T10:00:00.000Z'], ['member', 'refunded', '2026-03-03T10:00:00.000Z'], ['gold', 'qualified', '2026-03-20T10:00:00.000Z'],
    ]);
    expect((await p.loyalty.verify()).ok).toBe(true);
    expect((await p.loyalty.simulate(program('points'), { since: '2026-01-01' })).moves).toMatchObject({ up: 0, down: 0 });
  });
});

describe('a refund on a lifetime window by purchases', () => {
  let q: Awaited<ReturnType<typeof openTestServices>>;
  const byCount = { name: 'Two visits', earning: { points_per_currency_unit: 1 }, expiry: { policy: 'none' }, tiers: { metric: 'purchases', window: 'lifetime', levels: [
    { code: 'member', name: 'Member', threshold: '0' }, { code: 'gold', name: 'Gold', threshold: '2' },
  ] } };
  beforeAll(async () => {
    q = await openTestServices();
    q.clock.set('2026-01-01T00:00:00Z');
    await q.loyalty.applyProgram({ program: byCount }, actor);
  });
  afterAll(() => q?.close());

  it('a part refunded leaves the purchase counted; one refunded in full no longer counts', async () => {
    const at = async (key: string, time: string) => {
      q.clock.set(time);
      return (await recordAll(q, [{ external_id: key, customer: { email: 'qu@example.com' }, occurred_at: time, total: '20.00' }]))[0];
    };
    await at('Q-1', '2026-02-01T10:00:00Z');
    const q2 = await at('Q-2', '2026-02-02T10:00:00Z');
    expect(q2.loyalty).toMatchObject({ tier: 'gold' });
    q.clock.set('2026-02-03T10:00:00Z');
    await q.commerce.refund(q2.purchaseId, { external_id: 'RQ-1', amount: '5.00' }, actor);
    expect((await q.loyalty.tierHistory(q2.customerId)).items).toHaveLength(1);
    q.clock.set('2026-02-04T10:00:00Z');
    await q.commerce.refund(q2.purchaseId, { external_id: 'RQ-2' }, actor);
    expect((await q.loyalty.tierHistory(q2.customerId)).items.at(-1)).toMatchObject({ from: 'gold', to: 'member', reason: 'refunded', at: '2026-02-04T10:00:00.000Z' });
    expect((await q.loyalty.simulate(byCount, { since: '2026-01-01' })).moves).toMatchObject({ up: 0, down: 0 });
  });
});

describe('a refund after a publish placed the member', () => {
  let u: Awaited<ReturnType<typeof openTestServices>>;
  const goldAt = (threshold: string) => ({ ...program(), tiers: { ...tiers('spend', 'lifetime'), levels: [tiers('spend', 'lifetime').levels[0], { code: 'gold', name: 'Gold', threshold }] } });
  beforeAll(async () => {
    u = await openTestServices();
    u.clock.set('2026-01-01T00:00:00Z');
    await u.loyalty.applyProgram({ program: goldAt('500.00') }, actor);
  });
  afterAll(() => u?.close());

  it('is judged by the thresholds in force: Gold kept while the value meets them, lost when a refund takes it below', async () => {
    u.clock.set('2026-02-01T10:00:00Z');
    const [o] = await recordAll(u, [{ external_id: 'U-1', customer: { email: 'un@example.com' }, occurred_at: '2026-02-01T10:00:00Z', total: '400.00' }]);
    expect(o.loyalty).toMatchObject({ tier: 'member' });
    // Gold from 300.00, published with upgrade_now: Gold at once.
    u.clock.set('2026-02-10T10:00:00Z');
    await u.loyalty.applyProgram({ program: goldAt('300.00'), tier_policy: 'upgrade_now' }, actor);
    u.clock.set('2026-02-11T10:00:00Z');
    await u.commerce.refund(o.purchaseId, { external_id: 'RU-1', amount: '50.00' }, actor);
    expect((await u.loyalty.tierHistory(o.customerId)).items.map((h) => [h.to, h.reason])).toEqual([['gold', 'program changed (upgrade_now)']]);
    u.clock.set('2026-02-12T10:00:00Z');
    await u.commerce.refund(o.purchaseId, { external_id: 'RU-2', amount: '100.00' }, actor);
    expect((await u.loyalty.tierHistory(o.customerId)).items.map((h) => [h.to, h.reason])).toEqual([['gold', 'program changed (upgrade_now)'], ['member', 'refunded']]);
    expect((await u.loyalty.verify()).ok).toBe(true);
    expect((await u.loyalty.simulate(goldAt('300.00'), { since: '2026-01-01' })).moves).toMatchObject({ up: 0, down: 0 });
  });
});

describe('a refund on a rolling window', () => {
  let r: Awaited<ReturnType<typeof openTestServices>>;
  beforeAll(async () => {
    r = await openTestServices();
    r.clock.set('2026-01-01T00:00:00Z');
    await r.loyalty.applyProgram({ program: program('spend', 'rolling_12_months') }, actor);
  });
  afterAll(() => r?.close());

  it('keeps the tier until the review at the end of its period, as before', async () => {
    r.clock.set('2026-03-01T10:00:00Z');
    const [o] = await recordAll(r, [{ external_id: 'R-1', customer: { email: 'ro@example.com' }, occurred_at: '2026-03-01T10:00:00Z', total: '600.00' }]);
    r.clock.set('2026-03-10T12:00:00Z');
    await r.commerce.refund(o.purchaseId, { external_id: 'RR-1' }, actor);
    const a = await r.loyalty.account(o.customerId);
    if (!a.member) throw new Error('not a member');
    expect(a.tier).toMatchObject({ code: 'gold', valid_until: '2027-03-01T10:00:00.000Z' });
    expect((await r.loyalty.tierHistory(o.customerId)).items).toHaveLength(1);
    // The review when the period ends moves them down.
    r.clock.set('2027-03-01T11:00:00Z');
    await r.loyalty.maintenance.reviewTiers(new Date('2027-03-01T11:00:00Z'));
    expect((await r.loyalty.tierHistory(o.customerId)).items.at(-1)).toMatchObject({ from: 'gold', to: 'member', reason: 'tier period ended', at: '2027-03-01T10:00:00.000Z' });
    expect((await r.loyalty.simulate(program('spend', 'rolling_12_months'), { since: '2026-01-01' })).moves).toMatchObject({ up: 0, down: 0 });
  });
});
