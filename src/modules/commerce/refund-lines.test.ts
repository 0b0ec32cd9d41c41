import { describe, expect, it } from 'vitest';
import { valueOfLines } from './refund-lines.ts';

describe('the value of returned lines', () => {
  const bought = [{ sku: 'MUG', category: null, quantity: 2, unitPriceMinor: 500 }];

  it('takes the discount from every line alike', () => {
    expect(valueOfLines({ bought, returned: [{ sku: 'MUG', quantity: 1 }], totalMinor: 800, discountMinor: 200 })).toBe(400);
  });

  it('is nothing, never below, for a purchase recorded with a discount beyond its lines', () => {
    // Regression: such a purchase (accepted before purchase-lines.ts held a discount to the
    // lines) valued its returned lines below zero.
    expect(valueOfLines({ bought, returned: [{ sku: 'MUG', quantity: 1 }], totalMinor: 0, discountMinor: 1500 })).toBe(0);
  });
});
