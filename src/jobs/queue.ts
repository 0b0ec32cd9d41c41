import { CompiledQuery, sql } from 'kysely';
import PgBoss from 'pg-boss';
import { inBackground, type DatabaseHandle, type Db, type Tx } from '../db/index.ts';
import type { Logger } from '../shared/logger.ts';
import { matchesEventType, type WebhookService } from '../modules/webhooks/index.ts';
import { startSchedules, type Schedule } from './schedules.ts';

// The job queue is pg-boss on the product's own connection pool (PGlite is one session,
// so a second pool is not an option). The outbox dispatcher turns committed events into
// jobs — one per subscriber and one per webhook endpoint — in the same transaction that
// moves its cursor past them: an event is handed over exactly once, and a crash at any
// point either leaves it after the cursor (retried) or fully enqueued.
//
// The cursor is a position in (txid, id) order, txid being the id of the transaction
// that wrote the event (migration 0005). It replaced marking each event dispatched, which
// wrote every event row a second time — a non-HOT update, payload and all — and cost the
// ingestion path's database about 20 µs per event. Ids alone cannot be a cursor: a
// transaction that took a lower id can commit after one that took a higher id, and its
// event would appear behind a cursor already past it. Transaction ids give a safe
// horizon: every transaction whose id is below the xmin of a snapshot has ended, and one
// that has not taken an id yet will take a higher one, so no event can appear in
// (txid, id) order before the first one with txid >= xmin. The dispatcher reads only up
// to there, and so never skips an event that commits later.
//
// The price: an event waits until every transaction with a lower id has ended. Those are
// milliseconds for the purchase path, but a long-running writing transaction (a large
// import in one transaction, a session left idle in a transaction after a write, a
// forgotten prepared transaction) holds back the events committed after it began until it
// ends — and since transaction ids are shared by the whole cluster, so does one in another
// database of the same PostgreSQL. Nothing is lost or reordered; it is late. Acceptable for
// an outbox whose consumers are mail, webhooks and read models. On PGlite (one session)
// nothing else is ever open during a dispatch, so every committed event is ready.

export interface StoredEvent {
  id: number;
  type: string;
  customer_id: string | null;
  payload: Record<string, unknown>;
  created_at: Date;
}

export interface Subscriber {
  /** Queue name suffix; stable, it names stored jobs. */
  name: string;
  eventTypes: string[];
  /** Checked once per dispatch: false skips the subscriber (no job per event when, say, no program has challenges). */
  active?: () => Promise<boolean>;
  handle(event: StoredEvent): Promise<void>;
  /**
   * When given, the events of one dispatch (up to DISPATCH_LIMIT) are one job, handled together:
   * set-based work, and a queue row per dispatch instead of per event (each job costs
   * the database an insert, two updates and a delete). A failure retries the whole job.
   */
  handleBatch?(events: StoredEvent[]): Promise<void>;
}

export interface JobQueueOptions {
  db: Db;
  /** The pool's query (DatabaseHandle.query): pg-boss's statements are prepared like ours once they come back. */
  query: DatabaseHandle['query'];
  logger: Logger;
  webhooks: WebhookService;
  subscribers?: Subscriber[];
  /** Recurring jobs (schedules.ts); their cron is read in `timeZone` (default UTC). */
  schedules?: Schedule[];
  timeZone?: string;
  /** Seconds before the first retry of a failed webhook (doubling after). */
  webhookRetryDelaySeconds?: number;
  webhookRetryLimit?: number;
  dispatchIntervalMs?: number;
}

const WEBHOOK_QUEUE = 'webhook.deliver';
/**
 * Events read per dispatch, and how often the dispatcher looks. Each dispatch is a
 * transaction and a job per batch subscriber (its fetch, its read of the events, its
 * work, its completion). At 2,000 purchases a second (about 6,000 events), 500 events
 * once a second made a dozen dispatches and two dozen jobs a second, some 5 % of the
 * machine, in a burst every second that showed in the purchases' p99; a quarter of a
 * second's events (about 1,500) are now one dispatch.
 */
const DISPATCH_LIMIT = 2000;
const DISPATCH_INTERVAL_MS = 250;
const subscriberQueue = (name: string) => `event.${name}`;

export function createJobQueue(options: JobQueueOptions) {
  const { db, query, logger, webhooks } = options;
  const inFlight = createInFlight();
  const subscribers = options.subscribers ?? [];
  const boss = new PgBoss({
    // The queue's own statements (fetching, completing) are background work: on the
    // embedded database they let requests go first (db/priority.ts).
    db: { executeSql: (text, values) => inFlight.track(inBackground(() => query(text, values))) },
    schema: 'pgboss',
    supervise: true,
    schedule: true,
  });
  boss.on('error', (error) => logger.error('job queue error', { error: error.message }));

  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let dispatching: Promise<number> | undefined;

  const adapter = (trx: Tx): PgBoss.Db => ({
    executeSql: async (text, values) => trx.executeQuery(CompiledQuery.raw(text, values)) as Promise<{ rows: any[] }>,
  });

  // Everything inside runs on `trx`: on PGlite the pool has one connection, and a query
  // on `db` here would wait for the connection this transaction holds — forever.
  async function dispatchOnce(): Promise<number> {
    // Asked before the transaction: `active` may read the database through the pool.
    const listening: Subscriber[] = [];
    for (const s of subscribers) if (!s.active || (await s.active())) listening.push(s);
    const filled = new Set<string>();
    const dispatched = await db.transaction().execute(async (trx) => {
      // Dispatchers take turns on the cursor's row lock (two servers on one database). The
      // events are read in the next statement, so with a snapshot taken after the lock: a
      // dispatcher that waited sees the cursor and the jobs its predecessor committed.
      const cursor = (await sql<{ txid: string; event_id: number }>`
        SELECT txid::text AS txid, event_id FROM outbox_cursor FOR UPDATE`.execute(trx)).rows[0];
      // The horizon is this statement's own snapshot: the events it admits are committed
      // and visible to it. The order is the column's (xid8), not the text sent back:
      // '10' sorts before '9'.
      const events = await sql<{ id: number; type: string; position: string }>`
        SELECT id, type, txid::text AS position FROM events e
        WHERE (e.txid, e.id) > (${cursor.txid}::xid8, ${cursor.event_id}::bigint)
          AND e.txid < pg_snapshot_xmin(pg_current_snapshot())
        ORDER BY e.txid, e.id LIMIT ${DISPATCH_LIMIT}`.execute(trx);
      if (events.rows.length === 0) return 0;
      const endpoints = await webhooks.endpointsFor([...new Set(events.rows.map((e) => e.type))], trx);
      const byQueue = new Map<string, PgBoss.JobInsert[]>();
      for (const s of listening.filter((s) => s.handleBatch)) {
        const eventIds = events.rows.filter((e) => matchesEventType(s.eventTypes, e.type)).map((e) => e.id);
        if (eventIds.length) push(byQueue, subscriberQueue(s.name), { data: { eventIds } });
      }
      for (const event of events.rows) {
        for (const s of listening) {
          if (!s.handleBatch && matchesEventType(s.eventTypes, event.type)) push(byQueue, subscriberQueue(s.name), { data: { eventId: event.id } });
        }
        for (const endpointId of endpoints.get(event.type) ?? []) {
          push(byQueue, WEBHOOK_QUEUE, {
            data: { endpointId, eventId: event.id },
            retryLimit: options.webhookRetryLimit ?? 10,
            retryDelay: options.webhookRetryDelaySeconds ?? 30,
            retryBackoff: true,
          });
        }
      }
      for (const [queue, list] of byQueue) {
        await boss.insert(list.map((j) => ({ ...j, name: queue }) as PgBoss.JobInsert), { db: adapter(trx) });
        filled.add(queue);
      }
      const last = events.rows[events.rows.length - 1];
      // One small row, no index on its columns: a HOT update, whatever the batch size.
      await sql`UPDATE outbox_cursor SET txid = ${last.position}::xid8, event_id = ${last.id}`.execute(trx);
      return events.rows.length;
    });
    // Committed: the workers of those queues fetch now instead of at their next poll.
    for (const queue of filled) for (const id of workersOf.get(queue) ?? []) boss.notifyWorker(id);
    return dispatched;
  }

  // pg-boss waits a whole polling interval after every fetch, even one that found jobs,
  // so a worker taking one job at a time would handle one per interval: a backlog of
  // webhook deliveries would drain at one a second. A worker whose fetch came back full
  // fetches again at once; one that got fewer than it asked for has emptied the queue,
  // and waits for the interval or for the nudge above (a nudge while it works makes it
  // fetch again as soon as it is done). Under a steady stream of purchases that empty
  // fetch after every dispatch's job was 40 % of the queue's fetches, each planned anew
  // by PostgreSQL (the job table is partitioned by queue).
  const workersOf = new Map<string, string[]>();
  /** Starts a worker on `queue` that handles up to `options.batchSize` jobs a fetch, as above. */
  async function workDraining<J>(queue: string, options: PgBoss.WorkOptions & { batchSize: number }, handler: (jobs: J[]) => Promise<void>): Promise<void> {
    let workerId = '';
    const handle = async (jobs: J[]) => {
      try {
        await inFlight.track(inBackground(() => handler(jobs)));
      } finally {
        if (workerId && jobs.length >= options.batchSize) boss.notifyWorker(workerId);
      }
    };
    // One handler for both of pg-boss's overloads (with and without job metadata).
    workerId = await boss.work(queue, options, handle as unknown as PgBoss.WorkHandler<unknown>);
    workersOf.set(queue, [...(workersOf.get(queue) ?? []), workerId]);
  }

  function push(map: Map<string, PgBoss.JobInsert[]>, key: string, job: Omit<PgBoss.JobInsert, 'name'>) {
    const list = map.get(key) ?? [];
    list.push(job as PgBoss.JobInsert);
    map.set(key, list);
  }

  async function dispatchAll(): Promise<number> {
    if (dispatching) return dispatching;
    dispatching = (async () => {
      let total = 0;
      // A dispatch that found fewer than it could take has read everything committed.
      let found: number;
      do {
        found = await dispatchOnce();
        total += found;
      } while (found === DISPATCH_LIMIT);
      return total;
    })().finally(() => {
      dispatching = undefined;
    });
    return dispatching;
  }

  return {
    boss,

    async start() {
      await assertCursorFromThisCluster(db);
      await boss.start();
      await boss.createQueue(WEBHOOK_QUEUE);
      await workDraining(WEBHOOK_QUEUE, { includeMetadata: true, pollingIntervalSeconds: 1, batchSize: 1 }, async ([job]: PgBoss.JobWithMetadata<{ endpointId: string; eventId: number }>[]) => {
        await webhooks.deliver({ endpointId: job.data.endpointId, eventId: job.data.eventId, attempt: job.retryCount + 1 });
      });
      for (const s of subscribers) {
        await boss.createQueue(subscriberQueue(s.name));
        // A batch subscriber's job names many events (`eventIds`); a job queued per event
        // (`eventId`: other subscribers, and a batch subscriber's jobs queued by an earlier version) names one.
        const queue = subscriberQueue(s.name);
        await workDraining(queue, { pollingIntervalSeconds: 1, batchSize: s.handleBatch ? 10 : 1 }, async (jobs: PgBoss.Job<{ eventId?: number; eventIds?: number[] }>[]) => {
          const events = (await db.selectFrom('events').select(['id', 'type', 'customer_id', 'payload', 'created_at'])
            .where('id', '=', sql<number>`ANY(${jobs.flatMap((j) => j.data.eventIds ?? [j.data.eventId!])}::bigint[])`).orderBy('id').execute()) as StoredEvent[];
          if (s.handleBatch) await s.handleBatch(events);
          else for (const event of events) await s.handle(event);
        });
      }
      if (options.schedules) await startSchedules({ boss, schedules: options.schedules, timeZone: options.timeZone ?? 'UTC', logger });
      running = true;
      const tick = async () => {
        try {
          await inBackground(dispatchAll);
        } catch (error) {
          logger.error('outbox dispatch failed', { error: (error as Error).message });
        }
        if (running) timer = setTimeout(tick, options.dispatchIntervalMs ?? DISPATCH_INTERVAL_MS);
      };
      timer = setTimeout(tick, 0);
    },

    /** Hands every committed event to its jobs now (tests, and after a large import). */
    dispatchAll,

    async stop() {
      running = false;
      if (timer) clearTimeout(timer);
      await dispatching?.catch(() => undefined);
      await boss.stop({ graceful: true, wait: true, timeout: 5000 });
      // pg-boss stops waiting for its workers while a fetch is still on its way back, and
      // that fetch's jobs then run (and are completed) after stop() returned — on a pool
      // the caller may be closing. Its own queries and our handlers are counted: stop()
      // returns when they have all settled.
      await inFlight.settled(5000);
    },
  };
}

/**
 * Transaction ids belong to a PostgreSQL cluster. A database restored from a dump into
 * another cluster (a new server, disaster recovery; pg_upgrade keeps them) may bring
 * events and a cursor whose ids lie ahead of the new cluster's: the events written there
 * would sort behind the cursor and never be dispatched, and the restored undispatched
 * ones would wait for the new cluster to reach their ids. Checked at start, before this
 * server accepts writes, while the repair is still exact: the restored events up to the
 * cursor become 0 (dispatched), the rest 1 (not yet), as migration 0005 did. A committed
 * id at or above the snapshot's xmax cannot come from this cluster: no false alarm.
 */
async function assertCursorFromThisCluster(db: Db): Promise<void> {
  const row = await sql<{ ahead: boolean }>`
    SELECT greatest(c.txid, (SELECT max(txid) FROM events)) >= pg_snapshot_xmax(pg_current_snapshot()) AS ahead
    FROM outbox_cursor c`.execute(db);
  if (!row.rows[0]?.ahead) return;
  throw new Error(
    'The outbox cursor is ahead of this PostgreSQL cluster\'s transaction ids: the database was restored into another cluster. ' +
      'Before anything writes to it, run: ' +
      "UPDATE events SET txid = CASE WHEN (txid, id) <= (SELECT txid, event_id FROM outbox_cursor) THEN '0'::xid8 ELSE '1'::xid8 END; " +
      "UPDATE outbox_cursor SET txid = '1', event_id = 0;",
  );
}

/** Counts promises in flight; `settled` resolves once none has been for a moment (or at the time limit). */
function createInFlight() {
  let pending = 0;
  return {
    track<T>(promise: Promise<T>): Promise<T> {
      pending++;
      return promise.finally(() => void pending--);
    },
    async settled(limitMs: number) {
      const end = Date.now() + limitMs;
      // Two quiet readings in a row: a fetch that just returned may start its jobs on the next tick.
      let quietReadings = 0;
      while (quietReadings < 2 && Date.now() < end) {
        await new Promise((r) => setTimeout(r, 25));
        quietReadings = pending === 0 ? quietReadings + 1 : 0;
      }
    },
  };
}

export type JobQueue = ReturnType<typeof createJobQueue>;
