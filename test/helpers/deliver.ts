import type { StoredEvent } from '../../src/jobs/queue.ts';
import { subscribersOf } from '../../src/jobs/subscribers.ts';
import type { Services } from '../../src/services.ts';

// The tests run no job queue: they hand the outbox's events to the subscribers themselves,
// when the test wants them handled, through this one function.

/** Which of the stored events go, and to whom; by default every event of the type, to every subscriber of it. */
export interface Delivery {
  /** Only this customer's events (a referrer's, say). */
  customer?: string;
  /** Only to the subscriber of this name, not to every one listening for the type. */
  subscriber?: string;
  /** One at a time through `handle`, even to a subscriber that takes batches: the single-event path. */
  oneByOne?: boolean;
  /** The events handed over so far (handedOver()): only the others go, and they join it, as the queue hands an event over once. */
  handed?: Set<string>;
  /** With `handed`: every event again, the ones handed over before too (a job delivered a second time). */
  again?: boolean;
}

/** A record of the events handed over, for `handed`: one per run of deliveries that should each hand over only what is new. */
export const handedOver = () => new Set<string>();

/**
 * The stored events of `type` in id order, handed to the subscribers listening for it as the
 * job queue hands them over: all in one batch to a subscriber that takes batches, else one by
 * one. Answers the events handed over; none, no call (the queue dispatches no empty batch).
 */
export async function deliver(s: Pick<Services, 'db' | 'loyalty' | 'clock'>, type: string, d: Delivery = {}): Promise<StoredEvent[]> {
  const stored = (await s.db.selectFrom('events').selectAll().where('type', '=', type)
    .$if(d.customer !== undefined, (q) => q.where('customer_id', '=', d.customer!))
    .orderBy('id').execute()) as unknown as StoredEvent[];
  const { handed } = d;
  const events = handed ? stored.filter((e) => d.again || !handed.has(String(e.id))) : stored;
  for (const e of events) handed?.add(String(e.id));
  if (events.length === 0) return events;
  const subscribers = subscribersOf(s).filter((x) => x.eventTypes.includes(type) && (d.subscriber === undefined || x.name === d.subscriber));
  if (d.subscriber !== undefined && subscribers.length === 0) throw new Error(`no subscriber ${d.subscriber} of ${type}`);
  for (const sub of subscribers) {
    if (sub.handleBatch && !d.oneByOne) await sub.handleBatch(events);
    else for (const e of events) await sub.handle(e);
  }
  return events;
}
