import http from 'node:http';
import { sql } from 'kysely';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testDatabaseKind } from '../../test/helpers/database.ts';
import { openTestServices } from '../../test/helpers/services.ts';
import { migrateTo, migrateToLatest, type Db } from '../db/index.ts';
import { createWebhookService, verifySignature, type WebhookService } from '../modules/webhooks/index.ts';
import { silentLogger } from '../shared/logger.ts';
import { recordPurchases } from '../workflows/record-purchases.ts';
import { createJobQueue, publish, type EventType, type JobQueue, type StoredEvent } from './index.ts';
import { until } from '../../test/helpers/concurrency.ts';

/** An event type only this file's subscribers read (publish takes the product's types). */
const ownType = (type: string) => type as EventType;

// The outbox, the job queue and webhooks together, on the real database and a real HTTP
// receiver on loopback.
let s: Awaited<ReturnType<typeof openTestServices>>;
let queue: JobQueue;
let receiver: http.Server;
let receiverUrl: string;
const received: { body: string; signature: string; status: number }[] = [];
const seenBySubscriber: StoredEvent[] = [];
let failNext = 1;

beforeAll(async () => {
  s = await openTestServices();
  receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      // The first delivery fails, to prove the retry.
      const status = failNext-- > 0 ? 500 : 200;
      received.push({ body, signature: String(req.headers['regulars-signature']), status });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  queue = createJobQueue({
    db: s.db,
    query: s.database.query,
    logger: silentLogger,
    webhooks: s.webhooks,
    webhookRetryDelaySeconds: 1,
    dispatchIntervalMs: 200,
    subscribers: [{ name: 'test', eventTypes: ['purchase.*'], handle: async (e) => void seenBySubscriber.push(e) }],
  });
  await queue.start();
});
afterAll(async () => {
  await queue?.stop();
  receiver?.close();
  await s?.close();
});


/** Events after the dispatcher's cursor: not handed to jobs yet. */
const undispatched = async (db: Db) =>
  (await sql<{ id: number }>`SELECT e.id FROM events e, outbox_cursor c WHERE (e.txid, e.id) > (c.txid, c.event_id) ORDER BY e.id`.execute(db)).rows.map((r) => r.id);
/** Every event is behind the dispatch's horizon: on PostgreSQL a transaction open elsewhere in the cluster (another test file's) holds it back for a while. */
const allBehindHorizon = async (db: Db) =>
  (await sql<{ behind: boolean }>`SELECT NOT EXISTS (SELECT 1 FROM events WHERE txid >= pg_snapshot_xmin(pg_current_snapshot())) AS behind`.execute(db)).rows[0].behind;

describe('outbox → jobs → webhooks', () => {
  it('delivers each committed event to subscribers and signed webhooks, retrying failures', async () => {
    const { secret } = await s.webhooks.create({ url: receiverUrl, event_types: ['purchase.recorded'] }, { actor: 'test' });
    await recordPurchases(s, [{ external_id: 'w-1', customer: { email: 'w@example.com' }, occurred_at: '2026-05-01T10:00:00Z', total: '5.00' }], { source: 'api' });
    await until(() => received.some((r) => r.status === 200));
    const ok = received.find((r) => r.status === 200)!;
    expect(received[0].status).toBe(500);
    expect(verifySignature({ secret, body: ok.body, header: ok.signature })).toBe(true);
    expect(verifySignature({ secret: 'whsec_wrong', body: ok.body, header: ok.signature })).toBe(false);
    expect(JSON.parse(ok.body)).toMatchObject({ type: 'purchase.recorded', data: { external_id: 'w-1', total: '5.00' } });
    await until(() => seenBySubscriber.length === 1);
    expect(seenBySubscriber[0].type).toBe('purchase.recorded');
    const deliveries = () => s.db.selectFrom('webhook_deliveries').select(['attempt', 'ok']).orderBy('id').execute();
    // An attempt is recorded after the receiver has answered: wait for the record, not only the request.
    await until(async () => (await deliveries()).length >= 2);
    expect(await deliveries()).toEqual([{ attempt: 1, ok: false }, { attempt: 2, ok: true }]);
    expect(await undispatched(s.db)).toEqual([]);
  });

  it('hands over events that were committed while no dispatcher ran (crash recovery)', async () => {
    await queue.stop();
    await recordPurchases(s, [{ external_id: 'w-2', customer: { email: 'w@example.com' }, occurred_at: '2026-05-02T10:00:00Z', total: '6.00' }], { source: 'api' });
    queue = createJobQueue({ db: s.db, query: s.database.query, logger: silentLogger, webhooks: s.webhooks, dispatchIntervalMs: 200, subscribers: [{ name: 'test', eventTypes: ['purchase.*'], handle: async (e) => void seenBySubscriber.push(e) }] });
    await queue.start();
    await until(() => received.filter((r) => r.status === 200).length === 2 && seenBySubscriber.length === 2);
    expect(JSON.parse(received.at(-1)!.body).data.external_id).toBe('w-2');
  });

  it('hands a batch subscriber the events of one dispatch as one job', async () => {
    await queue.stop();
    const purchases = Array.from({ length: 30 }, (_, i) => ({ external_id: `b-${i}`, customer: { email: `b${i}@example.com` }, occurred_at: '2026-05-03T10:00:00Z', total: '4.00' }));
    await recordPurchases(s, purchases, { source: 'api' });
    const batches: StoredEvent[][] = [];
    queue = createJobQueue({
      db: s.db, query: s.database.query, logger: silentLogger, webhooks: s.webhooks, dispatchIntervalMs: 200,
      subscribers: [{ name: 'batch', eventTypes: ['purchase.recorded'], handle: async () => { throw new Error('a batch subscriber is handed batches'); }, handleBatch: async (events) => void batches.push(events) }],
    });
    await queue.start();
    await until(() => batches.flat().length === 30);
    expect(batches).toHaveLength(1);
    expect(new Set(batches[0].map((e) => (e.payload as { external_id: string }).external_id))).toEqual(new Set(purchases.map((p) => p.external_id)));
    // One job for the 30 events, not one each.
    const jobs = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'event.batch'`.execute(s.db);
    expect(jobs.rows[0].n).toBe(1);
  });

  it('drains a backlog of one-at-a-time jobs without waiting a polling interval between them', async () => {
    await queue.stop();
    await s.webhooks.create({ url: `${receiverUrl}?backlog`, event_types: ['purchase.recorded'] }, { actor: 'test' });
    const purchases = Array.from({ length: 30 }, (_, i) => ({ external_id: `d-${i}`, customer: { email: `d${i}@example.com` }, occurred_at: '2026-05-04T10:00:00Z', total: '3.00' }));
    await recordPurchases(s, purchases, { source: 'api' });
    const mine = new Set(purchases.map((p) => p.external_id));
    const handled: StoredEvent[] = [];
    queue = createJobQueue({
      db: s.db, query: s.database.query, logger: silentLogger, webhooks: s.webhooks, dispatchIntervalMs: 200, webhookRetryDelaySeconds: 1,
      subscribers: [{ name: 'one-by-one', eventTypes: ['purchase.recorded'], handle: async (e) => void handled.push(e) }],
    });
    const started = Date.now();
    await queue.start();
    // Each worker polls every second: one job per poll would take half a minute per queue.
    const delivered = () => new Set(received.filter((r) => r.status === 200).map((r) => JSON.parse(r.body).data.external_id as string));
    await until(() => handled.filter((e) => mine.has((e.payload as { external_id: string }).external_id)).length === 30 && [...mine].every((id) => delivered().has(id)), { timeoutMs: 15_000 });
    expect(Date.now() - started).toBeLessThan(15_000);
    // The earlier tests' deliveries drain too: nothing may be in flight when the pool closes.
    for (let left = 1; left > 0; await new Promise((r) => setTimeout(r, 100))) {
      left = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM pgboss.job WHERE state IN ('created', 'retry', 'active')`.execute(s.db)).rows[0].n;
    }
  });

  it('fetches a queue again at once only after a full fetch: a steady trickle of events costs about a fetch a job', async () => {
    await queue.stop();
    // pg-boss's fetch of this queue's jobs, counted on the way to the database.
    let fetches = 0;
    const query: typeof s.database.query = (text, values) => {
      if (values?.[0] === 'event.trickle' && /SKIP LOCKED/.test(text)) fetches++;
      return s.database.query(text, values);
    };
    const handled: StoredEvent[] = [];
    queue = createJobQueue({
      db: s.db, query, logger: silentLogger, webhooks: s.webhooks, dispatchIntervalMs: 50,
      subscribers: [{ name: 'trickle', eventTypes: ['trickle.tick'], handle: async () => undefined, handleBatch: async (events) => void handled.push(...events) }],
    });
    await queue.start();
    // An event every 100 ms: each dispatch makes one job, which never fills a fetch of ten.
    for (let i = 0; i < 20; i++) {
      await publish(s.db, [{ type: ownType('trickle.tick'), payload: { i } }]);
      await new Promise((r) => setTimeout(r, 100));
    }
    await until(() => handled.length === 20);
    const jobs = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'event.trickle'`.execute(s.db)).rows[0].n;
    // Each job's fetch (the dispatcher's nudge), plus a poll a second; fetching again after
    // every job, as a full fetch does, would make twice as many.
    expect(fetches).toBeGreaterThanOrEqual(jobs);
    expect(fetches).toBeLessThan(jobs * 1.5);
  });
});

// The dispatcher's cursor (queue.ts): each committed event handed to jobs exactly once,
// whatever the order in which transactions commit, with several dispatchers, after a
// crash, and across the upgrade from marking events dispatched.
describe('outbox cursor', () => {
  // Dispatchers that are not started: no timer, no workers; the jobs they queue stay
  // where the test can count them. Events of type `cursor.*` go only to their subscriber.
  const dispatcher = ({ name, db = s.db, query = s.database.query, webhooks = s.webhooks }: { name: string; db?: Db; query?: typeof s.database.query; webhooks?: WebhookService }) =>
    createJobQueue({ db, query, logger: silentLogger, webhooks, subscribers: [{ name, eventTypes: ['cursor.*'], handle: async () => undefined }] });
  /** How many jobs each event got in a subscriber's queue. */
  const jobsPerEvent = async (name: string, db: Db = s.db) =>
    new Map((await sql<{ id: number; n: number }>`
      SELECT (data->>'eventId')::bigint AS id, count(*)::int AS n FROM pgboss.job WHERE name = ${`event.${name}`} GROUP BY 1`.execute(db)).rows.map((r) => [Number(r.id), r.n]));
  const idsOf = async (type: string, db: Db = s.db) =>
    (await sql<{ id: number }>`SELECT id FROM events WHERE type = ${type} ORDER BY id`.execute(db)).rows.map((r) => Number(r.id));
  /** Dispatches until nothing is left behind the cursor: on PostgreSQL a transaction elsewhere in the cluster may hold the horizon back for a moment. */
  const dispatchEverything = async (queues: JobQueue[], db: Db = s.db) => {
    for (const end = Date.now() + 20_000; ; await new Promise((r) => setTimeout(r, 50))) {
      await Promise.all(queues.map((q) => q.dispatchAll()));
      if ((await undispatched(db)).length === 0) return;
      if (Date.now() > end) throw new Error('events left undispatched');
    }
  };
  const expectOnceEach = (jobs: Map<number, number>, ids: number[]) => {
    expect([...jobs.keys()].sort((a, b) => a - b)).toEqual(ids);
    expect([...jobs.values()].every((n) => n === 1)).toBe(true);
  };

  beforeAll(async () => {
    // The earlier tests' dispatcher would move the cursor past these tests' events.
    await queue.stop();
    for (const name of ['cursor-xid', 'cursor-race', 'cursor-crash', 'cursor-restore']) await queue.boss.createQueue(`event.${name}`);
  });

  it.runIf(testDatabaseKind === 'postgres')('hands over an event of a transaction that commits after a later one, once', async () => {
    const earlier = await s.database.pool.connect();
    const later = await s.database.pool.connect();
    const q = dispatcher({ name: 'cursor-xid' });
    try {
      // `earlier` takes its transaction id and an event id first, `later` then writes
      // and commits, and `earlier` writes another event (a higher id than later's) and
      // commits last. A cursor of ids alone would pass later's event and never see
      // earlier's first one.
      await earlier.query('BEGIN');
      await earlier.query(`INSERT INTO events (type, payload) VALUES ('cursor.xid', '{"n": 1}')`);
      await later.query('BEGIN');
      await later.query(`INSERT INTO events (type, payload) VALUES ('cursor.xid', '{"n": 2}')`);
      await later.query('COMMIT');
      await earlier.query(`INSERT INTO events (type, payload) VALUES ('cursor.xid', '{"n": 3}')`);
      await q.dispatchAll();
      // Later's event waits for earlier to end: the horizon is earlier's transaction id.
      expect(await jobsPerEvent('cursor-xid')).toEqual(new Map());
      await earlier.query('COMMIT');
      await dispatchEverything([q]);
      await q.dispatchAll();
      expectOnceEach(await jobsPerEvent('cursor-xid'), await idsOf('cursor.xid'));
    } finally {
      await earlier.query('ROLLBACK').catch(() => undefined);
      earlier.release();
      later.release();
    }
  });

  it('dispatches every event exactly once with two dispatchers running at once', async () => {
    const [a, b] = [dispatcher({ name: 'cursor-race' }), dispatcher({ name: 'cursor-race' })];
    let writing = true;
    // 40 transactions of 25 events, written while both dispatchers go round.
    const writers = Promise.all(Array.from({ length: 40 }, (_, t) =>
      publish(s.db, Array.from({ length: 25 }, (_, i) => ({ type: ownType('cursor.race'), payload: { n: t * 25 + i } })))))
      .finally(() => void (writing = false));
    const rounds = { a: 0, b: 0 };
    const goRound = async (q: JobQueue, key: 'a' | 'b') => {
      while (writing) {
        await q.dispatchAll();
        rounds[key]++;
      }
    };
    await Promise.all([writers, goRound(a, 'a'), goRound(b, 'b')]);
    await dispatchEverything([a, b]);
    expect(rounds.a).toBeGreaterThan(0);
    expect(rounds.b).toBeGreaterThan(0);
    const ids = await idsOf('cursor.race');
    expect(ids).toHaveLength(1000);
    expectOnceEach(await jobsPerEvent('cursor-race'), ids);
  });

  it('dispatches nothing when a dispatch fails before it commits, and everything on the next one', async () => {
    await publish(s.db, Array.from({ length: 50 }, (_, n) => ({ type: ownType('cursor.crash'), payload: { n } })));
    const q = dispatcher({ name: 'cursor-crash' });
    const cursorBefore = await s.db.selectFrom('outbox_cursor').selectAll().executeTakeFirstOrThrow();
    // The failing dispatch must see the events to fail on them.
    await until(() => allBehindHorizon(s.db));
    // The last statement of the dispatch, the cursor's update, fails: its jobs are queued by then.
    await sql`ALTER TABLE outbox_cursor ADD CONSTRAINT crash_before_commit CHECK (false) NOT VALID`.execute(s.db);
    try {
      await expect(q.dispatchAll()).rejects.toThrow(/crash_before_commit/);
    } finally {
      await sql`ALTER TABLE outbox_cursor DROP CONSTRAINT crash_before_commit`.execute(s.db);
    }
    expect(await s.db.selectFrom('outbox_cursor').selectAll().executeTakeFirstOrThrow()).toEqual(cursorBefore);
    expect(await jobsPerEvent('cursor-crash')).toEqual(new Map());
    await dispatchEverything([q]);
    expectOnceEach(await jobsPerEvent('cursor-crash'), await idsOf('cursor.crash'));
  });

  it('refuses to start on a database restored into a cluster whose transaction ids are behind, and its repair dispatches the rest once', async () => {
    const q = dispatcher({ name: 'cursor-restore' });
    await publish(s.db, [1, 2, 3].map((n) => ({ type: ownType('cursor.restore'), payload: { n } })));
    await dispatchEverything([q]);
    await publish(s.db, [4, 5].map((n) => ({ type: ownType('cursor.restore'), payload: { n } })));
    // As a restore into a younger cluster leaves it: every id a billion ahead of the cluster's.
    await sql`UPDATE events SET txid = (txid::text::bigint + 1000000000)::text::xid8`.execute(s.db);
    await sql`UPDATE outbox_cursor SET txid = (txid::text::bigint + 1000000000)::text::xid8`.execute(s.db);
    const refused = await q.start().then(() => null, (error: Error) => error);
    await q.stop();
    expect(refused?.message).toMatch(/restored into another cluster/);
    await sql.raw(refused!.message.split('run: ')[1]).execute(s.db);
    await publish(s.db, [{ type: ownType('cursor.restore'), payload: { n: 6 } }]);
    await dispatchEverything([q]);
    expectOnceEach(await jobsPerEvent('cursor-restore'), await idsOf('cursor.restore'));
  });

  it('after the upgrade dispatches the events an earlier version had not, once, and none it had', async () => {
    const database = await openTestDatabase({ migrate: false });
    let q: JobQueue | undefined;
    try {
      await migrateTo(database.db, '0004_analytics_rollups');
      // Dispatched and undispatched events interleaved, as marking left them.
      await sql`
        INSERT INTO events (type, payload, dispatched_at)
        SELECT 'cursor.upgrade', jsonb_build_object('n', n), CASE WHEN n % 3 = 0 THEN NULL ELSE now() END
        FROM generate_series(1, 30) AS n`.execute(database.db);
      await migrateToLatest(database.db);
      // Regression: the dispatcher ordered by the text of txid ('12' before '9'), so a
      // batch ended at the wrong event and the cursor sent some of it again. The events
      // still to dispatch get ids of one and two digits (they read as 1 after the upgrade).
      await sql`UPDATE events SET txid = (payload->>'n')::text::xid8 WHERE txid = '1'`.execute(database.db);
      q = dispatcher({ name: 'cursor-upgrade', db: database.db, query: database.query, webhooks: createWebhookService({ db: database.db, logger: silentLogger }) });
      await q.start(); // creates pg-boss's tables and the queue, then dispatches
      await dispatchEverything([q], database.db);
      await publish(database.db, [{ type: ownType('cursor.upgrade'), payload: { n: 31 } }]);
      await dispatchEverything([q], database.db);
      await q.dispatchAll();
      const expected = (await sql<{ id: number }>`
        SELECT id FROM events WHERE (payload->>'n')::int % 3 = 0 OR (payload->>'n')::int = 31 ORDER BY id`.execute(database.db)).rows.map((r) => Number(r.id));
      expect(expected).toHaveLength(11);
      expectOnceEach(await jobsPerEvent('cursor-upgrade', database.db), expected);
    } finally {
      await q?.stop();
      await database.close();
    }
  });
});
