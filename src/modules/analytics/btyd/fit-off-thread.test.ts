import { describe, expect, it } from 'vitest';
import { fitAll } from './fit-all.ts';
import { fitAllOffThread } from './fit-off-thread.ts';
import { simulateBgNbd } from './simulate.ts';
import { withoutTimes } from './test-data.ts';

// The fit in a worker thread gives the same numbers as on the caller's thread, and the
// caller's thread keeps running while it works.

describe('fitAllOffThread', () => {
  const customers = simulateBgNbd({ params: { r: 0.25, alpha: 4, a: 0.8, b: 2.5 }, customers: 60_000, seed: 7, maxAge: 52, resolution: 1 / 7 })
    .map((c, i) => ({ ...c, monetary: c.x > 0 ? 10 + (i % 37) : 0 }));

  it('fits in a worker the same models as fitAll here, to the last digit', async () => {
    const here = fitAll({ summaries: customers });
    const there = await fitAllOffThread({ summaries: customers }, { offThreadFrom: 1 });
    expect(Object.keys(there.models).sort()).toEqual(['bgnbd', 'gammagamma', 'paretonbd']);
    expect(withoutTimes(there.models)).toEqual(withoutTimes(here.models));
  });

  it('keeps this thread free while the worker fits', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const started = performance.now();
    try {
      await fitAllOffThread({ summaries: customers, models: ['bgnbd', 'paretonbd'] }, { offThreadFrom: 1 });
    } finally {
      clearInterval(timer);
    }
    const elapsed = performance.now() - started;
    // On this thread, a fit lets no timer run until it ends: here the timer ran all along
    // (at least a third of the 5 ms slots, however busy the machine).
    expect(ticks).toBeGreaterThan(elapsed / 5 / 3);
  });

  it('throws a fit’s refusal as the same RangeError, and leaves small inputs on this thread', async () => {
    const nobodyCameBack = [{ x: 0, tx: 0, T: 10 }, { x: 0, tx: 0, T: 12 }];
    expect(() => fitAll({ summaries: nobodyCameBack, models: ['gammagamma'] })).toThrow(RangeError);
    const error = await fitAllOffThread({ summaries: nobodyCameBack, models: ['gammagamma'] }, { offThreadFrom: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RangeError);
    expect((error as Error).message).toBe((() => { try { fitAll({ summaries: nobodyCameBack, models: ['gammagamma'] }); } catch (e) { return (e as Error).message; } })());
    const small = await fitAllOffThread({ summaries: customers.slice(0, 2_000), models: ['bgnbd'] });
    expect(small.models.bgnbd!.customers).toBe(2_000);
  });
});
