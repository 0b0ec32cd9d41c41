import { describe, expect, it } from 'vitest';
import { compileProgram, pointsForPurchase, type PurchaseFacts } from '../program/program.ts';
import { ProgramDocument } from '../program/program.schema.ts';
import { earnedShareReturned, lineWeights, pointsToReverseByLines } from './refund-points.ts';

// The weights of a purchase's lines in what it earned, worked out again from its stored
// lines and the program version that earned it, as refund-points.ts says; by hand.

const program = compileProgram({
  version: 1, effectiveFrom: new Date('2026-01-01T00:00:00Z'), currency: 'EUR', timeZone: 'Europe/Ljubljana',
  document: ProgramDocument.parse({
    name: 'Weights',
    earning: {
      points_per_currency_unit: 10,
      multipliers: [
        { name: 'Coffee counts double', when: { categories: ['coffee'] }, factor: 2 },
        // Applies only in the store "airport": a purchase elsewhere did not get it.
        { name: 'Airport mugs', when: { categories: ['merch'], stores: ['airport'] }, factor: 3 },
      ],
    },
  }),
});

const lines = [
  { sku: 'BEANS', category: 'coffee', quantity: 2, unitPriceMinor: 5000 },
  { sku: 'MUG', category: 'merch', quantity: 4, unitPriceMinor: 3000 },
  // The same SKU again at another price (a second bag on offer).
  { sku: 'BEANS', category: 'coffee', quantity: 1, unitPriceMinor: 2000 },
];
const facts = (storeCode: string | null): PurchaseFacts => ({
  occurredAt: new Date('2026-05-20T10:00:00Z'), localDate: '2026-05-20', storeCode, channel: 'in_store', totalMinor: 24000, lines,
});

describe('line weights', () => {
  it('apply a line rule only where the purchase entry says it applied', () => {
    const here = pointsForPurchase(program, facts('lj-center'), { tier: null });
    // 240 × 10 × (100 × 2 + 120 + 20 × 2) / 240 = 3,600.
    expect(here.points).toBe(3600);
    expect(lineWeights(program, lines, here.factors)).toEqual([20000, 12000, 4000]);
    const airport = pointsForPurchase(program, facts('airport'), { tier: null });
    expect(airport.points).toBe(6000); // 2,400 × (200 + 360 + 40) / 240
    expect(lineWeights(program, lines, airport.factors)).toEqual([20000, 36000, 4000]);
    // Without the version (it cannot be found), each line weighs its amount: the amount's share.
    expect(lineWeights(undefined, lines, here.factors)).toEqual([10000, 12000, 2000]);
  });

  it('weigh a SKU on two lines at its average, and scale a refund below its lines\' value', () => {
    const weights = [20000, 12000, 4000];
    const returns = (refunds: { amountMinor: number; lines: { sku: string; quantity: number }[] }[]) => ({ bought: lines, discountMinor: 0, totalMinor: 24000, refunds });
    // One of three bags: (20,000 + 4,000) / 3 of 36,000 = 2/9.
    expect(earnedShareReturned(weights, returns([{ amountMinor: 4000, lines: [{ sku: 'BEANS', quantity: 1 }] }]))).toBeCloseTo(2 / 9, 12);
    // Two mugs (60.00) refunded at 30.00: 6,000/36,000 × ½; then 24.00 by amount alone: 0.1.
    expect(earnedShareReturned(weights, returns([{ amountMinor: 3000, lines: [{ sku: 'MUG', quantity: 2 }] }, { amountMinor: 2400, lines: [] }]))).toBeCloseTo(1 / 12 + 0.1, 12);
  });

  it('round on the cumulative share, halves up, and give back all once everything is', () => {
    const at = (share: number, refundedMinor: number, alreadyReversed = 0) => pointsToReverseByLines({ earned: 2000, bonus: 200, alreadyReversed, share, refundedMinor, totalMinor: 22000 });
    // 2,000 × 0.71875 = 1,437.5 → 1,438; bonus 200 × 130 / 220 = 118.2 → 118.
    expect(at(0.71875, 13000)).toBe(1438 + 118);
    expect(at(0.71875, 13000, 1556)).toBe(0);
    expect(at(1, 21000, 1556)).toBe(2000 + 191 - 1556); // every line back: all the points; the bonus by the amount (200 × 210/220 = 190.9 → 191)
    expect(at(0.5, 22000, 1556)).toBe(2200 - 1556); // fully refunded
  });
});
