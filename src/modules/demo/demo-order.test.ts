import { describe, expect, it } from 'vitest';
import { demoCustomers, demoPeriod, generateDemo } from './index.ts';

// The order the demo records its history in, with the recorders stubbed: a shop records a
// refund when it happens, so a customer's refund comes after their purchases made before it
// and before those made after it. Regression: every refund of a batch came after all its
// purchases, and the engine judged tiers on purchases a refund had since undone.

describe("the demo's order of recording", () => {
  it("records each customer's refund between their purchases before and after it", async () => {
    const end = new Date('2026-06-01T00:00:00Z');
    const generated = [...demoCustomers({ seed: 5, count: 400, period: demoPeriod({ end, years: 2 }) })];
    const happened = new Map<string, { customer: number; at: number }>();
    generated.forEach((c, customer) => c.purchases.forEach((p) => {
      happened.set(p.input.external_id, { customer, at: Date.parse(p.input.occurred_at) });
      if (p.refund) happened.set(p.refund.external_id, { customer, at: Date.parse(p.refund.occurred_at) });
    }));
    const recorded: string[] = [];
    await generateDemo({
      end, customers: 400, seed: 5, batchSize: 500,
      stores: { upsert: async () => ({}) as never },
      record: async (inputs) => inputs.map((i) => (recorded.push(i.external_id), { status: 'created' as const, customerId: 'c' })),
      commerce: {
        recordRefund: async (purchase, input) => {
          expect(recorded).toContain(purchase); // its purchase first
          recorded.push((input as { external_id: string }).external_id);
          return {} as never;
        },
        totals: async () => ({ revenue: '0.00', currency: 'EUR' }) as never,
      },
    });
    expect(recorded).toHaveLength(happened.size);
    const refunds = generated.flatMap((c) => c.purchases.flatMap((p) => (p.refund ? [p.refund.external_id] : [])));
    expect(refunds.length).toBeGreaterThan(5);
    for (const refund of refunds) {
      const { customer, at } = happened.get(refund)!;
      const position = recorded.indexOf(refund);
      for (const p of generated[customer].purchases) {
        const when = Date.parse(p.input.occurred_at);
        const before = recorded.indexOf(p.input.external_id) < position;
        expect([p.input.external_id, before]).toEqual([p.input.external_id, when <= at]);
      }
    }
  });
});
