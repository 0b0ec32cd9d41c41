import { sql, type RawBuilder } from 'kysely';
import type { Db, Tx } from '../db/index.ts';

// Every change writes its event in the same transaction as the change (the outbox), so
// an event exists exactly when its change committed. The dispatcher (dispatcher.ts)
// hands committed events to subscribers and webhooks through the job queue.
export interface OutgoingEvent {
  type: string;
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
    SELECT type, customer_id, payload FROM jsonb_to_recordset(${rows}::jsonb) AS t(type text, customer_id uuid, payload jsonb)`;
}

export async function publish(trx: Db | Tx, events: OutgoingEvent[]): Promise<void> {
  if (events.length === 0) return;
  await outboxInsert(events).execute(trx);
}
