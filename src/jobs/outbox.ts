import { sql } from 'kysely';
import type { Db, Tx } from '../db/index.ts';

// Every change writes its event in the same transaction as the change (the outbox), so
// an event exists exactly when its change committed. The dispatcher (dispatcher.ts)
// hands committed events to subscribers and webhooks through the job queue.
export interface OutgoingEvent {
  type: string;
  customerId?: string | null;
  payload: Record<string, unknown>;
}

export async function publish(trx: Db | Tx, events: OutgoingEvent[]): Promise<void> {
  if (events.length === 0) return;
  // One JSON parameter for the whole batch: imports publish thousands at once.
  const rows = JSON.stringify(events.map((e) => ({ type: e.type, customer_id: e.customerId ?? null, payload: e.payload })));
  await sql`
    INSERT INTO events (type, customer_id, payload)
    SELECT type, customer_id, payload FROM jsonb_to_recordset(${rows}::jsonb) AS t(type text, customer_id uuid, payload jsonb)`.execute(trx);
}
