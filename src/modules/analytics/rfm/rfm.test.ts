import { describe, expect, it } from 'vitest';
import { quintiles, scoreRfm, segmentOf } from './rfm.ts';

describe('RFM', () => {
  it('scores quintiles by rank, ties alike, deterministically', () => {
    const values = Array.from({ length: 10 }, (_, i) => ({ id: `c${i}`, value: i }));
    const s = quintiles(values, { higherIsBetter: true });
    expect([...s.values()]).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    const tied = quintiles([{ id: 'b', value: 1 }, { id: 'a', value: 1 }, { id: 'c', value: 2 }, { id: 'd', value: 3 }, { id: 'e', value: 4 }], { higherIsBetter: true });
    expect(tied.get('a')).toBe(tied.get('b'));
    expect(quintiles([{ id: 'x', value: 5 }, { id: 'y', value: 1 }], { higherIsBetter: false }).get('y')).toBeGreaterThan(1);
  });

  it('names segments by the rules', () => {
    expect(segmentOf({ r: 5, f: 5, m: 5 })).toBe('Champions');
    expect(segmentOf({ r: 1, f: 5, m: 5 })).toBe("Can't lose them");
    expect(segmentOf({ r: 1, f: 5, m: 2 })).toBe('At risk');
    expect(segmentOf({ r: 5, f: 1, m: 1 })).toBe('New');
    expect(segmentOf({ r: 1, f: 1, m: 1 })).toBe('Lost');
  });

  it('scores a small business worked out by hand', () => {
    // Five customers: recency 1, 10, 30, 90, 365 days; frequency 20, 8, 3, 2, 1.
    const out = scoreRfm([
      { customerId: 'a', recencyDays: 1, frequency: 20, monetary: 50_000 },
      { customerId: 'b', recencyDays: 10, frequency: 8, monetary: 20_000 },
      { customerId: 'c', recencyDays: 30, frequency: 3, monetary: 5_000 },
      { customerId: 'd', recencyDays: 90, frequency: 2, monetary: 4_000 },
      { customerId: 'e', recencyDays: 365, frequency: 1, monetary: 900 },
    ]);
    expect(out.map((c) => [c.customerId, c.r, c.f, c.m, c.segment])).toEqual([
      ['a', 5, 5, 5, 'Champions'],
      ['b', 4, 4, 4, 'Loyal'],
      ['c', 3, 3, 3, 'Need attention'],
      ['d', 2, 2, 2, 'Hibernating'],
      ['e', 1, 1, 1, 'Lost'],
    ]);
  });
});
