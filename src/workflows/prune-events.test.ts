import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAll } from '../../test/helpers/purchases.ts';
import { openTestServices } from '../../test/helpers/services.ts';
import { catchUpPurchaseRollup } from '../modules/analytics/index.ts';
import { schedulesOf } from '../jobs/schedules.ts';
import { pruneOldEvents } from './prune-events.ts';

let s: Awaited<ReturnType<typeof openTestServices>>;

beforeAll(async () => {
  s = await openTestServices();
});
afterAll(() => s?.close());

let bought = 0;
async function buy(n: number) {
  const inputs = Array.from({ length: n }, () => {
    const k = ++bought;
    return { external_id: `p${k}`, customer: { email: `buyer${k}@example.com` }, total: '10.00', occurred_at: '2026-05-01T10:00:00Z' };
  });
  await recordAll(s, inputs);
}
const ids = async () => (await sql<{ id: string }>`SELECT id FROM events ORDER BY id`.execute(s.db)).rows.map((r) => Number(r.id));
/** What the dispatcher does once it has handed every event so far to jobs. */
const dispatchAll = () => sql`UPDATE outbox_cursor SET (txid, event_id) = (SELECT max(txid), max(id) FROM events)`.execute(s.db);
const age = (days: number, where = sql`TRUE`) => sql`UPDATE events SET created_at = now() - make_interval(days => ${days}) WHERE ${where}`.execute(s.db);

describe('pruning old events', () => {
  it('deletes the old events every reader is done with, oldest first, and stops at the first one still needed', async () => {
    s.clock.set(new Date());
    await buy(3); // a customer.created and a purchase.recorded each
    await dispatchAll();
    await catchUpPurchaseRollup(s.db);
    const read = await ids();
    await buy(2); // after the cursor and the rollup
    const unread = (await ids()).filter((id) => !read.includes(id));
    await age(100);
    // One of the read events is young: it and everything after it stay.
    const young = read[4];
    await age(10, sql`id = ${young}`);

    expect(await pruneOldEvents({ db: s.db, clock: s.clock, retentionDays: 90 })).toEqual({ removed: 4 });
    expect(await ids()).toEqual([...read.slice(4), ...unread]);

    // Old enough now, it goes with the rest of what was read; the unread stay.
    await age(100, sql`id = ${young}`);
    expect(await pruneOldEvents({ db: s.db, clock: s.clock, retentionDays: 90 })).toEqual({ removed: read.length - 4 });
    expect(await ids()).toEqual(unread);

    // Read by the rollup but not yet handed to jobs: kept.
    await catchUpPurchaseRollup(s.db);
    expect(await pruneOldEvents({ db: s.db, clock: s.clock, retentionDays: 90 })).toEqual({ removed: 0 });
    // Handed to jobs and read: gone, unless the retention is 0 (keep every event).
    await dispatchAll();
    expect(await pruneOldEvents({ db: s.db, clock: s.clock, retentionDays: 0 })).toEqual({ removed: 0 });
    expect(await pruneOldEvents({ db: s.db, clock: s.clock, retentionDays: 120 })).toEqual({ removed: 0 });
    expect(await pruneOldEvents({ db: s.db, clock: s.clock, retentionDays: 90 })).toEqual({ removed: unread.length });
    expect(await ids()).toEqual([]);
  });

  it('runs nightly at 04:30 with EVENTS_RETENTION_DAYS (90 by default)', async () => {
    const prune = schedulesOf(s).find((x) => x.name === 'events.prune')!;
    expect(prune.cron).toBe('30 4 * * *');
    expect(s.config.eventsRetentionDays).toBe(90);
    expect(await prune.run()).toEqual({ removed: 0 });
  });
});
