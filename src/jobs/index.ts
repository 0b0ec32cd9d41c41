export { publish, type OutgoingEvent } from './outbox.ts';
export { EVENT_TYPES, isKnownEventPattern, type EventType } from './event-types.ts';
export { createJobQueue, type JobQueue, type Subscriber, type StoredEvent } from './queue.ts';
