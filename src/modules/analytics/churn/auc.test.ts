import { describe, expect, it } from 'vitest';
import { seededRandom } from '../btyd/index.ts';
import { auc } from './auc.ts';

// The definition: share of (positive, negative) pairs ordered right, ties one half.
function pairwise(scores: number[], labels: number[]): number {
  let good = 0;
  let pairs = 0;
  scores.forEach((s, i) => {
    if (labels[i] !== 1) return;
    scores.forEach((t, j) => {
      if (labels[j] !== 0) return;
      pairs++;
      good += s > t ? 1 : s === t ? 0.5 : 0;
    });
  });
  return good / pairs;
}

describe('auc', () => {
  it('is 1 for a perfect ranking, 0 for a reversed one and ½ for a constant score', () => {
    expect(auc({ scores: [0.1, 0.2, 0.8, 0.9], labels: [0, 0, 1, 1] })).toBe(1);
    expect(auc({ scores: [0.1, 0.2, 0.8, 0.9], labels: [1, 1, 0, 0] })).toBe(0);
    expect(auc({ scores: [3, 3, 3, 3], labels: [1, 0, 1, 0] })).toBe(0.5);
  });

  it('matches the pairwise definition, ties included', () => {
    const random = seededRandom(4);
    for (let round = 0; round < 20; round++) {
      const n = 5 + Math.floor(random() * 200);
      const labels = Array.from({ length: n }, () => (random() < 0.3 ? 1 : 0));
      labels[0] = 1;
      labels[1] = 0;
      // Coarse scores, so that many tie, loosely related to the label.
      const scores = labels.map((y) => Math.round((random() + 0.3 * y) * 8) / 8);
      expect(auc({ scores, labels })).toBeCloseTo(pairwise(scores, labels), 12);
    }
  });

  it('is undefined (NaN) with one class and rejects bad labels', () => {
    expect(auc({ scores: [1, 2], labels: [1, 1] })).toBeNaN();
    expect(() => auc({ scores: [1, 2], labels: [1, 2] })).toThrow(/0 or 1/);
    expect(() => auc({ scores: [1], labels: [1, 0] })).toThrow(/length/);
  });
});
