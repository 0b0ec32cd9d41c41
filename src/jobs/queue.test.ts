import http from 'node:http';
import { sql } from 'kysely';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices } from '../../test/helpers/services.ts';
import type { Db } from '../db/index.ts';
import { verifySignature } from '../modules/webhooks/index.ts';
import { silentLogger } from '../shared/logger.ts';
import { recordPurchases } from '../workflows/record-purchases.ts';
import { createJobQueue, type JobQueue, type StoredEvent } from './index.ts';

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
    pool: s.database.pool,
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

const until = async (check: () => boolean, ms = 20_000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
};

/** Events after the dispatcher's cursor: not handed to jobs yet. */
const undispatched = async (db: Db) =>
  (await sql<{ id: number }>`SELECT e.id FROM events e, outbox_cursor c WHERE (e.txid, e.id) > (c.txid, c.event_id) ORDER BY e.id`.execute(db)).rows.map((r) => r.id);

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
    const deliveries = await s.db.selectFrom('webhook_deliveries').select(['attempt', 'ok']).orderBy('id').execute();
    expect(deliveries).toEqual([{ attempt: 1, ok: false }, { attempt: 2, ok: true }]);
    expect(await undispatched(s.db)).toEqual([]);
  });

  it('hands over events that were committed while no dispatcher ran (crash recovery)', async () => {
    await queue.stop();
    await recordPurchases(s, [{ external_id: 'w-2', customer: { email: 'w@example.com' }, occurred_at: '2026-05-02T10:00:00Z', total: '6.00' }], { source: 'api' });
    queue = createJobQueue({ db: s.db, pool: s.database.pool, logger: silentLogger, webhooks: s.webhooks, dispatchIntervalMs: 200, subscribers: [{ name: 'test', eventTypes: ['purchase.*'], handle: async (e) => void seenBySubscriber.push(e) }] });
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
      db: s.db, pool: s.database.pool, logger: silentLogger, webhooks: s.webhooks, dispatchIntervalMs: 200,
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
      db: s.db, pool: s.database.pool, logger: silentLogger, webhooks: s.webhooks, dispatchIntervalMs: 200, webhookRetryDelaySeconds: 1,
      subscribers: [{ name: 'one-by-one', eventTypes: ['purchase.recorded'], handle: async (e) => void handled.push(e) }],
    });
    const started = Date.now();
    await queue.start();
    // Each worker polls every second: one job per poll would take half a minute per queue.
    const delivered = () => new Set(received.filter((r) => r.status === 200).map((r) => JSON.parse(r.body).data.external_id as string));
    await until(() => handled.filter((e) => mine.has((e.payload as { external_id: string }).external_id)).length === 30 && [...mine].every((id) => delivered().has(id)), 15_000);
    expect(Date.now() - started).toBeLessThan(15_000);
    // The earlier tests' deliveries drain too: nothing may be in flight when the pool closes.
    for (let left = 1; left > 0; await new Promise((r) => setTimeout(r, 100))) {
      left = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM pgboss.job WHERE state IN ('created', 'retry', 'active')`.execute(s.db)).rows[0].n;
    }
  });
});
