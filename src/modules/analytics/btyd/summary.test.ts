import { describe, expect, it } from 'vitest';
import { groupSummaries } from './aggregate.ts';
import { calibrationAndHoldout, dayNumber, summarize } from './summary.ts';
import { cdnowPublishedSummary, cdnowSamplePurchases, cdnowSampleSummary } from './test-data.ts';

describe('summarize', () => {
  const purchases = [
    { customerId: 'a', at: '2024-01-01', value: 10 },
    { customerId: 'a', at: '2024-01-01T18:30:00+01:00', value: 5 }, // same day: one purchase of 15
    { customerId: 'a', at: '2024-01-08', value: 20 },
    { customerId: 'a', at: new Date(Date.UTC(2024, 0, 22, 9)), value: 40 },
    { customerId: 'a', at: '2024-02-05', value: 99 }, // after calibration
    { customerId: 'b', at: '2024-01-15', value: 7 },
    { customerId: 'c', at: '2024-02-01', value: 1 }, // first purchase after calibration: left out
  ];

  it('counts repeat purchase days, times in the unit, mean repeat value', () => {
    const out = summarize({ purchases, unit: 'week', calibrationEnd: new Date(Date.UTC(2024, 0, 29)) });
    expect(out).toEqual([
      { customerId: 'a', x: 2, tx: 3, T: 4, monetary: 30 },
      { customerId: 'b', x: 0, tx: 0, T: 2, monetary: 0 },
    ]);
    const days = summarize({ purchases, unit: 'day', calibrationEnd: '2024-01-29' });
    expect(days[0]).toMatchObject({ x: 2, tx: 21, T: 28 });
    const months = summarize({ purchases, unit: 'month', calibrationEnd: '2024-01-29' });
    expect(months[0].T).toBeCloseTo(28 / 30.4375, 12);
  });

  it('ignores purchases before the observation start', () => {
    const out = summarize({ purchases, unit: 'day', calibrationEnd: '2024-01-29', observationStart: '2024-01-05' });
    expect(out[0]).toMatchObject({ customerId: 'a', x: 1, tx: 14, T: 21, monetary: 40 });
  });

  it('splits calibration and holdout', () => {
    const out = calibrationAndHoldout({ purchases, unit: 'week', calibrationEnd: '2024-01-29', holdoutEnd: '2024-02-26' });
    expect(out[0]).toMatchObject({ customerId: 'a', x: 2, holdoutPurchases: 1, holdoutValue: 99, holdoutLength: 4 });
    expect(out[1]).toMatchObject({ customerId: 'b', holdoutPurchases: 0, holdoutLength: 4 });
    expect(out).toHaveLength(2);
  });

  it('rejects what it cannot read', () => {
    expect(() => dayNumber('12/1/2010 8:26')).toThrow(RangeError);
    expect(() => dayNumber('2024-02-30')).toThrow(RangeError);
    expect(dayNumber('2024-02-29T23:59:59-08:00')).toBe(dayNumber('2024-02-29'));
    expect(() => summarize({ purchases: [{ customerId: 'a', at: '2024-01-01', value: Number.NaN }], unit: 'day', calibrationEnd: '2024-02-01' })).toThrow(/value/);
  });

  it("rebuilds the shipped CDNOW summary from CDNOW_sample.txt", () => {
    const built = new Map(summarize({ purchases: cdnowSamplePurchases(), unit: 'week', calibrationEnd: '1997-09-30' }).map((c) => [c.customerId, c]));
    const published = cdnowPublishedSummary();
    expect(built.size).toBe(published.length);
    for (const p of published) {
      const c = built.get(p.id)!;
      expect(c.x).toBe(p.frequency);
      expect(Math.abs(c.tx - p.recency)).toBeLessThan(0.01);
      expect(Math.abs(c.T - p.T)).toBeLessThan(0.01);
    }
    for (const p of cdnowSampleSummary()) expect(Math.abs(built.get(p.customerId)!.monetary - p.monetary)).toBeLessThan(0.01);
  });
});

describe('groupSummaries', () => {
  it('makes identical summaries one weighted group', () => {
    const groups = groupSummaries([
      { x: 1, tx: 2, T: 5 }, { x: 0, tx: 0, T: 5 }, { x: 1, tx: 2, T: 5 }, { x: 1, tx: 2, T: 5, weight: 3 }, { x: 2, tx: 5, T: 5 },
    ]);
    expect(groups.customers).toBe(7);
    expect(groups.size).toBe(3);
    const ones = [...groups.x].indexOf(1);
    expect(groups.weight[ones]).toBe(5);
    expect(groups.times[groups.txIndex[ones]]).toBe(2);
    expect([...groups.xWeight].reduce((s, w) => s + w, 0)).toBe(7);
  });

  it('rejects impossible summaries', () => {
    expect(() => groupSummaries([{ x: 1, tx: 6, T: 5 }])).toThrow(/tx/);
    expect(() => groupSummaries([{ x: 0, tx: 1, T: 5 }])).toThrow(/tx must be 0/);
    expect(() => groupSummaries([{ x: -1, tx: 0, T: 5 }])).toThrow(RangeError);
  });
});
