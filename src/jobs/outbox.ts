import { sql, type RawBuilder } from 'kysely';
import type { Db, Tx } from '../db/index.ts';
import type { EventType } from './event-types.ts';

// Every change writes its event in the same transaction as the change (the outbox), so
// an event exists exactly when its change committed. The dispatcher (queue.ts) hands
// committed events to subscribers and webhooks through the job queue. Events that every
// reader is done with are deleted after a while (pruneEvents), oldest first.
export interface OutgoingEvent {
  type: EventType;
  customerId?: string | null;
  payload: Record<string, unknown>;
}

/**
 * The INSERT that stores these events, to use as a CTE of a writer's own statement
 * (`WITH …, events_out AS (${outboxInsert(events)}) …`): on the purchase path a round
 * trip per statement costs more than the statement, so an event rides along with the
 * change it announces. One JSON parameter for the whole batch: imports publish
 * thousands at once.
 */
export function outboxInsert(events: OutgoingEvent[]): RawBuilder<unknown> {
  let rows = '[';
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    // Built by hand: this runs once per purchase on the ingestion path.
    rows += `${i ? ',' : ''}{"type":${JSON.stringify(e.type)},"customer_id":${e.customerId ? JSON.stringify(e.customerId) : 'null'},"payload":${JSON.stringify(e.payload)}}`;
  }
  rows += ']';
  return sql`
    INSERT INTO events (type, customer_id, payload)
    SELECT type, customer_id, payload FROM json_to_recordset(${rows}::json) AS t(type text, customer_id uuid, payload jsonb)`;
}

export async function publish(trx: Db | Tx, events: OutgoingEvent[]): Promise<void> {
  if (events.length === 0) return;
  await outboxInsert(events).execute(trx);
}

/**
 * Deletes the oldest events, in id order, while each one was written before `before`,
 * has been handed to jobs (it is at or before the dispatcher's cursor) and is at or below
 * `readThrough`, the highest id the log's other readers (the overview's rollup) have
 * applied. It stops at the first event that is not done with, so what remains of the log
 * is always everything after some id. In batches: no statement holds many rows or writes
 * a burst of WAL, and each batch starts where the last ended (no dead entries to skip).
 * Answers how many events went.
 */
export async function pruneEvents(db: Db, { before, readThrough, batch = 5_000 }: { before: Date; readThrough: number; batch?: number }): Promise<number> {
  let removed = 0;
  let after = 0;
  for (;;) {
    const { rows } = await sql<{ id: string; done: boolean }>`
      SELECT e.id, (e.created_at < ${before} AND e.id <= ${readThrough} AND (e.txid, e.id) <= (c.txid, c.event_id)) AS done
      FROM events e CROSS JOIN outbox_cursor c
      WHERE e.id > ${after} ORDER BY e.id LIMIT ${batch}`.execute(db);
    const stop = rows.findIndex((r) => !r.done);
    const doomed = (stop === -1 ? rows : rows.slice(0, stop)).map((r) => r.id);
    if (doomed.length > 0) {
      await sql`DELETE FROM events WHERE id = ANY(${doomed}::bigint[])`.execute(db);
      removed += doomed.length;
      after = Number(doomed[doomed.length - 1]);
    }
    if (stop !== -1 || rows.length < batch) return removed;
  }
}
