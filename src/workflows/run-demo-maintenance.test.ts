import { describe, expect, it } from 'vitest';
import { openTestServices } from '../../test/helpers/services.ts';
import { schedulesOf } from '../jobs/schedules.ts';
import { silentLogger } from '../shared/logger.ts';
import { runDemo } from './run-demo.ts';

// A seed makes one business even when the server's hourly maintenance comes due while the
// demo writes its history: an expiry sweep between its rounds expired the history's points
// before the later rounds' refunds, which then took back nothing (seen beside a server: 133
// points more expired, 133 fewer reversed). The schedule stands aside
// (db/history-writing.ts); here it is due all along, every 20 ms of the demo.

const DEMO = { customers: 300, seed: 8 };

async function demo({ withSchedule }: { withSchedule: boolean }) {
  const s = await openTestServices();
  try {
    const maintenance = schedulesOf({ ...s, logger: silentLogger }).find((x) => x.name === 'loyalty.maintenance')!;
    let done = false;
    const due = (async () => {
      let runs = 0;
      while (withSchedule && !done) {
        await maintenance.run();
        runs += 1;
        await new Promise((r) => setTimeout(r, 20));
      }
      return runs;
    })();
    try {
      await runDemo(s, DEMO);
    } finally {
      done = true;
    }
    const runs = await due;
    const kinds = await s.db.selectFrom('loyalty_entries').select(['kind']).select((eb) => [eb.fn.sum<number>('points').as('points'), eb.fn.countAll<number>().as('n')])
      .groupBy('kind').orderBy('kind').execute();
    return { runs, kinds: kinds.map((k) => ({ kind: k.kind, points: Number(k.points), n: Number(k.n) })), report: await s.loyalty.report() };
  } finally {
    await s.close();
  }
}

describe('regulars demo while the hourly maintenance is due', () => {
  it('makes the same business as without it', async () => {
    const alone = await demo({ withSchedule: false });
    const beside = await demo({ withSchedule: true });
    expect(beside.runs).toBeGreaterThan(3);
    expect(beside.kinds).toEqual(alone.kinds);
    expect(beside.report).toEqual(alone.report);
  }, 240_000);
});
