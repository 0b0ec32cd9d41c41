import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices } from '../../test/helpers/services.ts';
import { testDatabaseKind } from '../../test/helpers/database.ts';
import { openDatabase, unlessWritingHistory, whileWritingHistory, type DatabaseHandle } from '../db/index.ts';
import { createServices, type Services } from '../services.ts';
import { silentLogger } from '../shared/logger.ts';
import { schedulesOf } from './schedules.ts';

// The hourly loyalty maintenance stands aside while a demo writes its backdated history
// (db/history-writing.ts): a sweep between its rounds expired points a later round's
// refund takes back, and a seed made another business. In the demo's process (the
// embedded database; POST /demo), and on PostgreSQL from another process (here another
// pool on the same database, so another session). Explicit runs are not held off.
let s: Awaited<ReturnType<typeof openTestServices>>;
let t: Services;
let second: DatabaseHandle | undefined;
const infos: string[] = [];

beforeAll(async () => {
  s = await openTestServices();
  if (testDatabaseKind === 'postgres') {
    const url = (s.database.pool as unknown as { options: { connectionString: string } }).options.connectionString;
    second = await openDatabase({ databaseUrl: url, poolSize: 5 });
    t = createServices({ config: s.config, database: second, clock: s.clock, logger: silentLogger });
  } else {
    t = s;
  }
});
afterAll(async () => {
  await second?.close();
  await s?.close();
});

const scheduledMaintenance = () =>
  schedulesOf({ ...s, logger: { ...silentLogger, info: (message: string) => void infos.push(message) } }).find((x) => x.name === 'loyalty.maintenance')!;
const ranEverything = { reservations_released: 0, expired: { members: 0, points: 0 }, tiers: { reviewed: 0 } };

describe('the scheduled loyalty maintenance beside a demo', () => {
  it('runs as usual when no history is being written', async () => {
    infos.length = 0;
    expect(await scheduledMaintenance().run()).toMatchObject(ranEverything);
    expect(infos).toEqual([]);
  });

  it('skips its run, saying why, while a demo in this process writes its history; explicit runs go on', async () => {
    infos.length = 0;
    const maintenance = scheduledMaintenance();
    const [scheduled, explicit] = await whileWritingHistory(s.database, async () => [
      await maintenance.run(),
      await s.loyalty.maintenance.runAll(s.clock.now()),
    ]);
    expect(scheduled).toBeUndefined();
    expect(infos).toEqual([expect.stringContaining('a demo is writing its history')]);
    expect(explicit).toMatchObject(ranEverything);
    // Done writing: the next run does the work.
    expect(await maintenance.run()).toMatchObject(ranEverything);
  });

  it.runIf(testDatabaseKind === 'postgres')('skips its run while a demo in another process (another session) writes its history', async () => {
    infos.length = 0;
    const maintenance = scheduledMaintenance();
    const scheduled = await whileWritingHistory(t.database, () => maintenance.run());
    expect(scheduled).toBeUndefined();
    expect(infos).toEqual([expect.stringContaining('a demo is writing its history')]);
    expect(await maintenance.run()).toMatchObject(ranEverything);
  });

  it.runIf(testDatabaseKind === 'postgres')('holds it off for as long as the demo writes, where the database ends idle transactions early', async () => {
    // The lock's transaction idles for the whole demo: a server's idle_in_transaction_session_timeout
    // ended it after 200 ms here, and the scheduled run swept in the middle of the history.
    const { rows: [{ name }] } = await sql<{ name: string }>`SELECT current_database() AS name`.execute(s.db);
    await sql`ALTER DATABASE ${sql.id(name)} SET idle_in_transaction_session_timeout = '200ms'`.execute(s.db);
    try {
      infos.length = 0;
      const maintenance = scheduledMaintenance();
      const scheduled = await whileWritingHistory(t.database, async () => {
        await new Promise((r) => setTimeout(r, 600));
        return maintenance.run();
      });
      expect(scheduled).toBeUndefined();
      expect(infos).toEqual([expect.stringContaining('a demo is writing its history')]);
    } finally {
      await sql`ALTER DATABASE ${sql.id(name)} RESET idle_in_transaction_session_timeout`.execute(s.db);
    }
  });

  it('a demo starting while a scheduled run is under way waits for it, so no sweep overlaps its history', async () => {
    let started!: () => void;
    let finish!: () => void;
    const running = new Promise<void>((r) => (started = r));
    const held = new Promise<void>((r) => (finish = r));
    const order: string[] = [];
    const scheduled = unlessWritingHistory(s.database, async () => {
      started();
      await held;
      order.push('scheduled run');
    });
    await running;
    const demo = whileWritingHistory(t.database, async () => void order.push('history'));
    await new Promise((r) => setTimeout(r, 300));
    expect(order).toEqual([]);
    finish();
    await Promise.all([scheduled, demo]);
    expect(order).toEqual(['scheduled run', 'history']);
  });
});
