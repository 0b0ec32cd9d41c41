import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices } from '../../../test/helpers/services.ts';
import { EXAMPLE_PROGRAM, runDemo } from '../../workflows/run-demo.ts';
import { demoCustomers, demoPeriod } from './index.ts';

// End to end through the real purchase workflow. runDemo ends the history at the start
// of the clock's day (UTC); the test clock says 2026-06-01T12:00Z.
const generated = [...demoCustomers({ seed: 3, count: 300, period: demoPeriod({ end: new Date('2026-06-01T00:00:00Z'), years: 2 }) })];
const purchases = generated.flatMap((c) => c.purchases);

describe('regulars demo', () => {
  let s: Awaited<ReturnType<typeof openTestServices>>;
  beforeAll(async () => {
    s = await openTestServices();
  });
  afterAll(() => s?.close());

  const count = async (table: 'refunds' | 'purchase_lines' | 'customers' | 'coupons' | 'gift_cards') =>
    Number((await s.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  it('records what the generator made, and a second run adds nothing', async () => {
    const progress: number[] = [];
    const first = await runDemo(s, { customers: 300, seed: 3, onProgress: (p) => progress.push(p.purchases) });
    expect(first).toMatchObject({ stores: 3, customers: 300, purchases: purchases.length, created: purchases.length, refunds: purchases.filter((p) => p.refund).length });
    expect(progress.at(-1)).toBe(purchases.length);

    const totals = await s.commerce.totals();
    expect(totals.customers).toBe(generated.length); // no two generated people merged into one
    expect(totals.purchases).toBe(purchases.length);
    expect(await count('purchase_lines')).toBe(purchases.reduce((sum, p) => sum + p.input.lines.length, 0));
    expect(await count('refunds')).toBe(first.refunds);
    const cents = (amount: string) => Math.round(Number(amount) * 100);
    const net = purchases.reduce((sum, p) => sum + cents(p.input.total) - (p.refund ? (p.refund.amount ? cents(p.refund.amount) : cents(p.input.total)) : 0), 0);
    expect(cents(totals.revenue)).toBe(net);
    expect((await s.stores.list()).map((x) => x.code).sort()).toEqual(['copenhagen', 'istanbul', 'ljubljana']);

    // The profile sent with the first purchase is the customer's.
    const someone = generated.find((c) => c.profile.external_id && c.profile.phone && c.profile.birthday)!.profile;
    const row = await s.db.selectFrom('customers').selectAll().where('external_id', '=', someone.external_id!).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ email: someone.email ?? null, phone: someone.phone, first_name: someone.first_name, language: someone.language, birthday: someone.birthday, time_zone: someone.time_zone });
    expect(row.consent.sms?.status).toBe(someone.consent?.sms ? 'granted' : 'withdrawn');

    // The demo runs the example loyalty program: every buyer is a member, and the ledger proves itself.
    const loyalty = await s.loyalty.report();
    expect(loyalty.members).toBe(generated.length);
    expect(loyalty.points.earned).toBeGreaterThan(0);
    expect((await s.loyalty.verify()).ok).toBe(true);

    // Its history replayed under the program it runs moves nobody and costs what the ledger
    // paid: each refund was recorded when it happened, before the customer's later purchases.
    const inForce = JSON.parse(fs.readFileSync(EXAMPLE_PROGRAM, 'utf8'));
    const replayed = await s.loyalty.simulate(inForce, { since: '2024-01-01' });
    expect([replayed.moves, replayed.in_force_moves, replayed.difference?.points]).toEqual([{ up: 0, down: 0, unchanged: generated.length }, { up: 0, down: 0 }, 0]);

    // On the last day some members spend their points: each a coupon or gift card, within what they had.
    expect(first.redemptions).toBeGreaterThan(0);
    expect(first.redemptions).toBeLessThanOrEqual(generated.filter((c) => c.wish !== null).length);
    const redeemed = await s.db.selectFrom('loyalty_entries').select(['customer_id', 'points', 'idempotency_key']).where('kind', '=', 'redeem').execute();
    expect(redeemed).toHaveLength(first.redemptions);
    expect(new Set(redeemed.map((r) => r.customer_id)).size).toBe(first.redemptions); // once a member
    expect(loyalty.points.redeemed).toBe(-redeemed.reduce((sum, r) => sum + r.points, 0));
    expect(loyalty.redemption_rate).toBeGreaterThan(0);
    const issued = await count('coupons') + await count('gift_cards');
    expect(issued).toBe(first.redemptions);
    const balances = await s.loyalty.spendable(redeemed.map((r) => r.customer_id));
    for (const r of redeemed) expect(balances.get(r.customer_id)!.available).toBeGreaterThanOrEqual(0);

    // Points a member gains after the demo (here from staff; in a shop from a challenge or a
    // birthday) do not make a second run spend them: the wishes came with the first run's history.
    const redeemers = new Set(redeemed.map((r) => r.customer_id));
    const wishers = await s.db.selectFrom('customers').select('id')
      .where('external_id', 'in', generated.filter((c) => c.wish !== null && c.profile.external_id).map((c) => c.profile.external_id!)).execute();
    const wisherId = wishers.map((c) => c.id).find((id) => !redeemers.has(id))!; // one who could not afford their wish
    await s.loyalty.adjust(wisherId, { points: 10_000, reason: 'a goodwill gesture', idempotency_key: 'demo-test-goodwill' }, { actor: 'test' });
    const adjusted = await s.loyalty.report();

    const again = await runDemo(s, { customers: 300, seed: 3 });
    expect(again).toMatchObject({ purchases: first.purchases, created: 0, redemptions: 0 });
    expect(await s.commerce.totals()).toEqual(totals);
    expect((await s.loyalty.report()).points).toEqual(adjusted.points);
    expect(await count('refunds')).toBe(first.refunds);
    expect(await count('coupons') + await count('gift_cards')).toBe(issued);
    expect((await s.loyalty.verify()).ok).toBe(true);
  });
});
