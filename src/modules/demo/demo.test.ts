import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices } from '../../../test/helpers/services.ts';
import { runDemo } from '../../workflows/run-demo.ts';
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

  const count = async (table: 'refunds' | 'purchase_lines' | 'customers') =>
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

    const again = await runDemo(s, { customers: 300, seed: 3 });
    expect(again).toMatchObject({ purchases: first.purchases, created: 0 });
    expect(await s.commerce.totals()).toEqual(totals);
    expect((await s.loyalty.report()).points).toEqual(loyalty.points);
    expect(await count('refunds')).toBe(first.refunds);
  });
});
