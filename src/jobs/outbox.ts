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
  // Large batches (imports) insert in chunks to stay under the bind-parameter limit.
  for (let i = 0; i < events.length; i += 5000) {
    await trx
      .insertInto('events')
      .values(
        events.slice(i, i + 5000).map((e) => ({
          type: e.type,
          customer_id: e.customerId ?? null,
          payload: JSON.stringify(e.payload),
          dispatched_at: null,
        })),
      )
      .execute();
  }
}
