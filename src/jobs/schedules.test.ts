import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices } from '../../test/helpers/services.ts';
import { silentLogger } from '../shared/logger.ts';
import { createJobQueue, type JobQueue } from './index.ts';
import { scheduleQueue, schedulesOf, type Schedule } from './schedules.ts';

// Schedules are stored by pg-boss with their cron and time zone; a job on the queue runs
// the schedule's function, and a schedule that left the list is removed.
let s: Awaited<ReturnType<typeof openTestServices>>;
let queue: JobQueue | undefined;

beforeAll(async () => {
  s = await openTestServices();
});
afterAll(async () => {
  await queue?.stop();
  await s?.close();
});

const until = async (check: () => boolean, ms = 20_000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
};

const start = async (schedules: Schedule[]) => {
  await queue?.stop();
  queue = createJobQueue({ db: s.db, query: s.database.query, logger: silentLogger, webhooks: s.webhooks, schedules, timeZone: 'Europe/Ljubljana' });
  await queue.start();
  return queue;
};

describe('schedules', () => {
  it('has the nightly scores at 03:00, and its job scores the customers', async () => {
    const [scores] = schedulesOf(s);
    expect(scores).toMatchObject({ name: 'analytics.scores', cron: '0 3 * * *' });
    const summary = (await scores.run()) as { trigger: string; customers: number };
    expect(summary).toMatchObject({ trigger: 'schedule', customers: 0 });
  });

  it('has the hourly loyalty maintenance, and its job runs every step', async () => {
    const maintenance = schedulesOf(s).find((x) => x.name === 'loyalty.maintenance')!;
    expect(maintenance.cron).toBe('5 * * * *');
    expect(await maintenance.run()).toMatchObject({ reservations_released: 0, expired: { members: 0, points: 0 }, tiers: { reviewed: 0 } });
  });

  it('catches the overview rollup up every minute: built the first time, then only what is new', async () => {
    const rollup = schedulesOf(s).find((x) => x.name === 'analytics.rollup')!;
    expect(rollup.cron).toBe('* * * * *');
    expect(await rollup.run()).toMatchObject({ rebuilt: true });
    expect(await rollup.run()).toEqual({ rebuilt: false, customersRecounted: 0, steps: 1 });
  });

  it('refreshes the statistics of grown tables every ten minutes (no autovacuum on PGlite)', async () => {
    const statistics = schedulesOf(s).find((x) => x.name === 'database.statistics')!;
    expect(statistics.cron).toBe('*/10 * * * *');
    await statistics.run();
    await sql`INSERT INTO stores (id, code, name, time_zone) SELECT gen_random_uuid(), 'grown-' || g, 'Grown ' || g, 'UTC' FROM generate_series(1, 3000) g`.execute(s.db);
    expect(await statistics.run()).toEqual(['stores']);
    expect(await statistics.run()).toEqual([]);
  });

  it('stores each schedule in the business’s time zone, runs its job, and drops removed ones', async () => {
    const ran: string[] = [];
    const q = await start([
      { name: 'test.tick', cron: '0 3 * * *', run: async () => void ran.push('tick') },
      { name: 'test.tock', cron: '30 4 * * 1', run: async () => void ran.push('tock') },
    ]);
    const stored = (await q.boss.getSchedules()).filter((x) => x.name.startsWith('schedule.test.'));
    expect(stored.map((x) => ({ name: x.name, cron: x.cron, tz: x.options?.tz ?? (x as { timezone?: string }).timezone })).sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { name: 'schedule.test.tick', cron: '0 3 * * *', tz: 'Europe/Ljubljana' },
      { name: 'schedule.test.tock', cron: '30 4 * * 1', tz: 'Europe/Ljubljana' },
    ]);
    await q.boss.send(scheduleQueue('test.tick'), {});
    await until(() => ran.includes('tick'));

    const again = await start([{ name: 'test.tick', cron: '0 3 * * *', run: async () => undefined }]);
    expect((await again.boss.getSchedules()).map((x) => x.name).filter((n) => n.startsWith('schedule.test.'))).toEqual(['schedule.test.tick']);
  });
});
