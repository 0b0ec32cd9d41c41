import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { auc } from '../churn/index.ts';
import { bgnbdProbabilityAlive, type BgNbdParams } from './bgnbd.ts';
import { fitAll } from './fit-all.ts';
import { paretoNbdProbabilityAlive, type ParetoNbdParams } from './pareto-nbd.ts';
import { hyp2f1 } from './special-functions.ts';
import { summarize } from './summary.ts';
import { cdnowSamplePurchases } from './test-data.ts';

// Why the P(alive) Regulars shows is Pareto/NBD's, not BG/NBD's. In BG/NBD a customer can
// drop out only right after a repeat purchase, so a customer without one (x = 0) is alive
// with probability 1 however long ago they bought; lifetimes' BetaGeoFitter gives the same.
// In Pareto/NBD the lifetime runs from the first purchase, so a one-time buyer's P(alive)
// falls with the time since it. (BG/NBD stays the model of expected purchases and CLV.)

// The published CDNOW fits (weeks; ../shared/data/README.md).
const PARETO_CDNOW: ParetoNbdParams = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };
const BGNBD_CDNOW: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

// Fader & Hardie, "A note on deriving the Pareto/NBD model and related expressions"
// (2005): P(alive) = 1 / (1 + s/(r + s + x) · (α + T)^(r+x) (β + T)^s · A₀),
// with A₀ a difference of two 2F1 terms whose form depends on whether α ≥ β. Written out
// here on its own, apart from pareto-integral.ts's route through the likelihood integral.
function fhProbabilityAlive({ r, alpha, s, beta }: ParetoNbdParams, { x, tx, T }: { x: number; tx: number; T: number }): number {
  const A = r + s + x;
  const [base, b, z] = alpha >= beta ? [alpha, s + 1, (t: number) => (alpha - beta) / (alpha + t)] : [beta, r + x, (t: number) => (beta - alpha) / (beta + t)];
  const term = (t: number) => hyp2f1({ a: A, b, c: A + 1, z: z(t) }) / (base + t) ** A;
  const a0 = term(tx) - term(T);
  return 1 / (1 + (s / A) * (alpha + T) ** (r + x) * (beta + T) ** s * a0);
}

describe('Pareto/NBD P(alive)', () => {
  const histories = [
    { x: 0, tx: 0, T: 1 }, { x: 0, tx: 0, T: 27 }, { x: 0, tx: 0, T: 78 }, { x: 1, tx: 2, T: 39 }, { x: 2, tx: 30.43, T: 38.86 },
    { x: 5, tx: 10, T: 52 }, { x: 12, tx: 50, T: 52 }, { x: 20, tx: 5, T: 104 },
  ];

  it('is Fader & Hardie\'s closed form, for α < β (the published CDNOW fit) and α > β', () => {
    const alphaAbove: ParetoNbdParams = { r: 0.5974, alpha: 11.59, s: 0.5222, beta: 8.828 }; // lifetimes on the CDNOW master file
    for (const params of [PARETO_CDNOW, alphaAbove]) {
      for (const customer of histories) {
        const expected = fhProbabilityAlive(params, customer);
        expect(Math.abs(paretoNbdProbabilityAlive({ params, customer }) - expected), JSON.stringify({ params, customer })).toBeLessThan(1e-9 * Math.max(expected, 1e-6));
      }
    }
  });

  it('falls for a one-time buyer with the time since the purchase, where BG/NBD holds them alive for sure', () => {
    const weeks = [0, 1, 4, 13, 26, 39, 52, 78, 104];
    const pareto = weeks.map((T) => paretoNbdProbabilityAlive({ params: PARETO_CDNOW, customer: { x: 0, tx: 0, T } }));
    expect(weeks.map((T) => bgnbdProbabilityAlive({ params: BGNBD_CDNOW, customer: { x: 0, tx: 0, T } }))).toEqual(weeks.map(() => 1));
    expect(pareto[0]).toBe(1);
    for (let i = 1; i < pareto.length; i++) expect(pareto[i]).toBeLessThan(pareto[i - 1]);
    // A CDNOW customer who has not come back in half a year: 39 %; in a year: 23 %.
    expect(pareto[4]).toBeCloseTo(0.3936, 4);
    expect(pareto[6]).toBeCloseTo(0.2332, 4);
  });

  it('gives lifetimes\' own numbers for its one-time buyers: ParetoNBDFitter below 1, BetaGeoFitter 1', () => {
    // tools/lifetimes-reference: lifetimes' fitters on the CDNOW sample, customers chosen
    // for their edge cases (the youngest and the oldest without a repeat purchase, …).
    const reference = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../../../test/fixtures/lifetimes/cdnow-sample.json'), 'utf8')) as {
      models: { paretonbd: { params: ParetoNbdParams } };
      customers: { id: string; x: number; tx: number; T: number; bgnbd: { probability_alive: number }; paretonbd: { probability_alive: number } }[];
    };
    const once = reference.customers.filter((c) => c.x === 0);
    expect(once.map((c) => c.id)).toEqual(expect.arrayContaining(['2329', '3'])); // T = 27 and T = 38.86 weeks
    for (const c of once) {
      expect(c.bgnbd.probability_alive).toBe(1);
      expect(c.paretonbd.probability_alive).toBeLessThan(0.4);
      expect(paretoNbdProbabilityAlive({ params: reference.models.paretonbd.params, customer: c })).toBeCloseTo(c.paretonbd.probability_alive, 9);
    }
  });
});

// Does P(alive) at the end of calibration (1997-09-30) rank the CDNOW customers by whether
// they bought again in the next 39 weeks? Anyone who did was alive, so a P(alive) worth
// showing must put them above the others. BG/NBD's ranks one-time buyers first, and most
// of them never return: worse than chance.
describe('P(alive) against what the CDNOW customers did next', () => {
  const summaries = summarize({ purchases: cdnowSamplePurchases(), unit: 'week', calibrationEnd: '1997-09-30', holdoutEnd: '1998-06-30' });
  const { bgnbd, paretonbd } = fitAll({ summaries, models: ['bgnbd', 'paretonbd'] }).models;
  const bought = summaries.map((c) => (c.holdoutPurchases > 0 ? 1 : 0));
  const pareto = summaries.map((customer) => paretoNbdProbabilityAlive({ params: paretonbd!.params, customer }));
  const bg = summaries.map((customer) => bgnbdProbabilityAlive({ params: bgnbd!.params, customer }));
  const among = (keep: (i: number) => boolean, scores: number[]) => {
    const idx = summaries.map((_, i) => i).filter(keep);
    return auc({ scores: idx.map((i) => scores[i]), labels: idx.map((i) => bought[i]) });
  };

  it('ranks who buys again: Pareto/NBD well, BG/NBD worse than chance, the two alike among repeat buyers', () => {
    const all = { pareto: among(() => true, pareto), bg: among(() => true, bg) };
    const repeaters = { pareto: among((i) => summaries[i].x > 0, pareto), bg: among((i) => summaries[i].x > 0, bg) };
    console.log(`CDNOW sample, P(alive) at 1997-09-30 against a purchase by 1998-06-30 (AUC): Pareto/NBD ${all.pareto.toFixed(3)}, BG/NBD ${all.bg.toFixed(3)}; ` +
      `repeat buyers only: ${repeaters.pareto.toFixed(3)}, ${repeaters.bg.toFixed(3)}`);
    expect(summaries).toHaveLength(2357);
    expect(all.pareto).toBeGreaterThan(0.7);
    expect(all.bg).toBeLessThan(0.35);
    expect(Math.abs(repeaters.pareto - repeaters.bg)).toBeLessThan(0.02);
  });

  it('is for one-time buyers no lower than the share who came back, and falls with their age', () => {
    const once = summaries.map((_, i) => i).filter((i) => summaries[i].x === 0);
    const share = once.reduce((n, i) => n + bought[i], 0) / once.length;
    const meanAlive = once.reduce((n, i) => n + pareto[i], 0) / once.length;
    console.log(`CDNOW sample one-time buyers: ${once.length}, came back ${(100 * share).toFixed(1)} %, mean P(alive) Pareto/NBD ${(100 * meanAlive).toFixed(1)} %, BG/NBD 100 %`);
    expect(meanAlive).toBeGreaterThanOrEqual(share); // whoever came back was alive
    expect(meanAlive).toBeLessThan(0.5);
    // Older one-time buyers came back less, and Pareto/NBD says they are less likely alive.
    const byAge = (young: boolean) => once.filter((i) => (summaries[i].T < 32) === young);
    const rate = (idx: number[], of: number[]) => idx.reduce((n, i) => n + of[i], 0) / idx.length;
    expect(rate(byAge(false), bought)).toBeLessThan(rate(byAge(true), bought));
    expect(rate(byAge(false), pareto)).toBeLessThan(rate(byAge(true), pareto));
  });
});
