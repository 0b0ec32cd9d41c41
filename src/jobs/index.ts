export { publish, type OutgoingEvent } from './outbox.ts';
export { createJobQueue, type JobQueue, type Subscriber, type StoredEvent } from './queue.ts';
