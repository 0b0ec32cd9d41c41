import { describe, expect, it } from 'vitest';
import { bgnbdConditionalExpectedPurchases, bgnbdProbabilityAlive, bgnbdProbabilityOfPurchases, type BgNbdParams } from '../btyd/index.ts';
import { bgnbdProbabilityNoPurchase } from './baseline.ts';

// The published CDNOW fit (weeks).
const params: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

describe('bgnbdProbabilityNoPurchase', () => {
  it('is the model’s P(X(t) = 0) for a customer at their first purchase', () => {
    for (const t of [1, 13, 52]) {
      expect(bgnbdProbabilityNoPurchase({ params, customer: { x: 0, tx: 0, T: 0 }, t })).toBeCloseTo(bgnbdProbabilityOfPurchases({ params, t, n: 0 }), 12);
    }
  });

  it('falls at the rate the conditional expectation rises, for a short horizon', () => {
    // Over a short dt, P(a purchase) ≈ E[purchases]: both are P(alive)·E[λ]·dt to first order.
    const customer = { x: 2, tx: 30.43, T: 38.86 };
    const dt = 1e-5;
    const pPurchase = 1 - bgnbdProbabilityNoPurchase({ params, customer, t: dt });
    expect(pPurchase / dt).toBeCloseTo(bgnbdConditionalExpectedPurchases({ params, customer, t: dt }) / dt, 4);
  });

  it('falls with the horizon, towards 1 − P(alive) (the dead never buy again)', () => {
    const customer = { x: 3, tx: 20, T: 39 };
    expect(bgnbdProbabilityNoPurchase({ params, customer, t: 1e9 })).toBeCloseTo(1 - bgnbdProbabilityAlive({ params, customer }), 3);
    const ps = [4, 13, 26, 52].map((t) => bgnbdProbabilityNoPurchase({ params, customer, t }));
    for (let i = 1; i < ps.length; i++) expect(ps[i]).toBeLessThan(ps[i - 1]);
  });

  it('ranks a one-time buyer of long ago as more likely gone than a recent one', () => {
    // P(alive) says both are surely alive (x = 0).
    const old = bgnbdProbabilityNoPurchase({ params, customer: { x: 0, tx: 0, T: 39 }, t: 13 });
    const recent = bgnbdProbabilityNoPurchase({ params, customer: { x: 0, tx: 0, T: 2 }, t: 13 });
    expect(old).toBeGreaterThan(recent);
  });
});
