import { describe, expect, it } from 'vitest';
import { discountGiven, minorOrNull, percentOf, useAmounts } from './discounts.ts';

// What a coupon's use gave, in minor units: integer arithmetic on a percentage's digits,
// rounded once, halves up; a fixed amount at most the order; a product at its price.

describe('percentOf', () => {
  it('rounds once to the minor unit, halves up, without float error', () => {
    expect(percentOf(1999, 15)).toBe(300); // 299.85
    expect(percentOf(1000, 12.5)).toBe(125);
    expect(percentOf(1, 50)).toBe(1); // half a cent: up
    expect(percentOf(1, 49.9)).toBe(0);
    expect(percentOf(10005, 0.1)).toBe(10); // 10.005
    expect(percentOf(1500, 33.3)).toBe(500); // 499.5 exactly, which floats make 499.49999999999994 and round down
    expect(percentOf(2990, 33.3)).toBe(996); // 995.67
    expect(percentOf(4590, 100)).toBe(4590);
    expect(percentOf(0, 25)).toBe(0);
    // Past what a double holds exactly, the digits still are.
    expect(percentOf(9_000_000_000_000_001, 10)).toBe(900_000_000_000_000);
    expect(percentOf(100_000_000, 0.0000001)).toBe(0);
  });
});

describe('discountGiven', () => {
  const none = { subtotal: null, price: null };
  it('gives a fixed amount, at most the subtotal when one is sent', () => {
    expect(discountGiven({ type: 'fixed_discount', amount: '5.00' }, none, 'EUR')).toBe(500);
    expect(discountGiven({ type: 'fixed_discount', amount: '5.00' }, { subtotal: 320, price: null }, 'EUR')).toBe(320);
    expect(discountGiven({ type: 'fixed_discount', amount: '5.00' }, { subtotal: 2000, price: null }, 'EUR')).toBe(500);
    expect(discountGiven({ type: 'fixed_discount', amount: '500' }, none, 'JPY')).toBe(500);
  });
  it('gives a percentage of the subtotal, a product at its price, and nothing it cannot tell', () => {
    expect(discountGiven({ type: 'percent_discount', percent: 10 }, { subtotal: 2490, price: null }, 'EUR')).toBe(249);
    expect(discountGiven({ type: 'percent_discount', percent: 10 }, none, 'EUR')).toBeNull();
    expect(discountGiven({ type: 'free_product', sku: 'COFFEE' } as never, { subtotal: 900, price: 320 }, 'EUR')).toBe(320);
    expect(discountGiven({ type: 'free_product', sku: 'COFFEE' } as never, { subtotal: 900, price: null }, 'EUR')).toBeNull();
    expect(discountGiven({ type: 'event' }, { subtotal: 900, price: null }, 'EUR')).toBeNull();
    // A stored amount that is not one of this currency records nothing rather than a wrong figure.
    expect(discountGiven({ type: 'fixed_discount', amount: '5.005' }, none, 'EUR')).toBeNull();
    expect(minorOrNull(undefined, 'EUR')).toBeNull();
  });
});

describe('useAmounts', () => {
  it('reads the amounts a till sent in minor units, and names the field of a bad one', () => {
    expect(useAmounts({ order_subtotal: '24.9', product_price: 3.2 }, 'EUR')).toEqual({ subtotal: 2490, price: 320 });
    expect(useAmounts({}, 'EUR')).toEqual({ subtotal: null, price: null });
    expect(() => useAmounts({ order_subtotal: '24.905' }, 'EUR')).toThrow(expect.objectContaining({ problems: [expect.objectContaining({ field: 'order_subtotal' })] }));
    expect(() => useAmounts({ product_price: '1.5' }, 'JPY')).toThrow(expect.objectContaining({ problems: [expect.objectContaining({ field: 'product_price' })] }));
  });
});
