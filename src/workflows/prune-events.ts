import type { Db } from '../db/index.ts';
import { pruneEvents } from '../jobs/outbox.ts';
import { rollupEventsRead } from '../modules/analytics/index.ts';
import { addDays, type Clock } from '../shared/clock.ts';

// The outbox keeps every change as an event, one to three per purchase: left alone it
// grows for as long as the business sells. Once every reader is done with an event (the
// dispatcher has handed it to jobs, the overview's rollup has applied it) and it is older
// than EVENTS_RETENTION_DAYS (long enough for a webhook's last retry, and to look back at
// what was sent), the nightly job deletes it. Events carry ids only, never personal data.

/** Deletes the events older than `retentionDays` that no reader needs; 0 days keeps every event. */
export async function pruneOldEvents({ db, clock, retentionDays }: { db: Db; clock: Clock; retentionDays: number }): Promise<{ removed: number }> {
  if (retentionDays === 0) return { removed: 0 };
  const before = addDays(clock.now(), -retentionDays);
  return { removed: await pruneEvents(db, { before, readThrough: await rollupEventsRead(db) }) };
}
