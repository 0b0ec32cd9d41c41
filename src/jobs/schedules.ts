import type PgBoss from 'pg-boss';
import { inBackground, refreshStatistics, unlessWritingHistory } from '../db/index.ts';
import { catchUpPurchaseRollup } from '../modules/analytics/index.ts';
import type { Services } from '../services.ts';
import { pruneOldEvents } from '../workflows/prune-events.ts';
import type { Logger } from '../shared/logger.ts';

// Recurring jobs: one line each. pg-boss keeps the schedules in the database, so with
// several servers a job still runs once per tick, and a server that was down at the
// time runs nothing twice. The cron is read in the business's time zone (TIMEZONE).

export interface Schedule {
  /** stable: it names the pg-boss queue and the stored schedule */
  name: string;
  /** minute hour day-of-month month day-of-week, in the business's time zone */
  cron: string;
  run(): Promise<unknown>;
}

export function schedulesOf(s: Pick<Services, 'db' | 'database' | 'clock' | 'config' | 'logger' | 'loyalty' | 'scores'>): Schedule[] {
  return [
    { name: 'analytics.scores', cron: '0 3 * * *', run: () => s.scores.computeScores({ trigger: 'schedule' }) },
    // Points expiry and reminders, tier reviews, birthdays, timed-out checkout reservations.
    // Not while a demo writes its backdated history (db/history-writing.ts): a sweep
    // between its rounds would expire points a later round's refund takes back, and the
    // seed would make another business. The next hour's run, or the demo's own at its
    // end, does the work.
    {
      name: 'loyalty.maintenance',
      cron: '5 * * * *',
      run: async () => {
        const run = await unlessWritingHistory(s.database, () => s.loyalty.maintenance.runAll(s.clock.now()));
        if (!run.skipped) return run.result;
        s.logger.info('loyalty maintenance skipped: a demo is writing its history; the next run, or the demo at its end, does the work');
        return undefined;
      },
    },
    // Checkout reservations give their points back within a minute of timing out, not at
    // the hour's maintenance: a member whose order was abandoned may be back at the till.
    { name: 'loyalty.reservations', cron: '* * * * *', run: () => s.loyalty.releaseStaleReservations(s.clock.now()) },
    // The overview's purchase-day rollup catches up when it is read; catching up every
    // minute as well keeps that read small under steady sales, and builds the rollup in
    // the background after an upgrade instead of in the first reader's request. In steps
    // with a pause between, so that a busy minute's catch-up does not take a core from the
    // requests for seconds (CatchUpOptions says why, docs/benchmarks.md what it measured).
    { name: 'analytics.rollup', cron: '* * * * *', run: () => catchUpPurchaseRollup(s.db, { eventsPerStep: 5_000, pauseMs: 100 }) },
    // The tables' statistics, where no autovacuum keeps them (PGlite; a server with it off):
    // without them a grown table is planned as the empty one it was (db/statistics.ts).
    { name: 'database.statistics', cron: '*/10 * * * *', run: () => refreshStatistics(s.db) },
    // Events every reader is done with, once older than EVENTS_RETENTION_DAYS.
    { name: 'events.prune', cron: '30 4 * * *', run: () => pruneOldEvents({ db: s.db, clock: s.clock, retentionDays: s.config.eventsRetentionDays }) },
  ];
}

const PREFIX = 'schedule.';
export const scheduleQueue = (name: string) => `${PREFIX}${name}`;

/**
 * Registers each schedule and its worker, and removes stored schedules that left the
 * list. A job may run long (the nightly scores of a million customers take minutes), so
 * it expires after hours, not pg-boss's default 15 minutes.
 */
export async function startSchedules({ boss, schedules, timeZone, logger, pollingIntervalSeconds = 5 }: {
  boss: PgBoss;
  schedules: readonly Schedule[];
  timeZone: string;
  logger: Logger;
  pollingIntervalSeconds?: number;
}): Promise<void> {
  const names = new Set(schedules.map((s) => scheduleQueue(s.name)));
  for (const stored of await boss.getSchedules()) {
    if (stored.name.startsWith(PREFIX) && !names.has(stored.name)) await boss.unschedule(stored.name);
  }
  for (const schedule of schedules) {
    const queue = scheduleQueue(schedule.name);
    await boss.createQueue(queue);
    await boss.schedule(queue, schedule.cron, undefined, { tz: timeZone, expireInSeconds: 6 * 3600, retryLimit: 1, retryDelay: 600 });
    await boss.work(queue, { pollingIntervalSeconds }, async () => {
      try {
        await inBackground(schedule.run);
      } catch (error) {
        logger.error(`scheduled job ${schedule.name} failed`, { error: (error as Error).message });
        throw error;
      }
    });
  }
}
