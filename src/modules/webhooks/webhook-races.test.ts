import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKind } from '../../../test/helpers/database.ts';
import { openTestServices } from '../../../test/helpers/services.ts';
import { openDatabase, type DatabaseHandle } from '../../db/index.ts';
import { createJobQueue, publish, type EventType, type JobQueue } from '../../jobs/index.ts';
import { silentLogger } from '../../shared/logger.ts';
import { createWebhookService, verifySignature } from './index.ts';
import { until } from '../../../test/helpers/concurrency.ts';

// Webhook deliveries under retries, concurrency and endpoint changes, with a real HTTP
// receiver on loopback: each event reaches each endpoint, with the same body and event id
// (the receiver's idempotency key) on every attempt, is recorded as delivered once, and
// is never lost.
let s: Awaited<ReturnType<typeof openTestServices>>;
let receiver: http.Server;
let base: string;
interface Hit { path: string; eventId: string; body: string; signature: string; at: number }
const hits: Hit[] = [];
/** What each path answers, attempt by attempt ('hang' never answers; then the last one). */
const script = new Map<string, (number | 'hang')[]>();
/** Requests left unanswered ('hang'), closed at the end. */
const held: http.ServerResponse[] = [];

beforeAll(async () => {
  s = await openTestServices();
  receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const path = req.url!;
      const n = hits.filter((h) => h.path === path).length;
      hits.push({ path, eventId: String(req.headers['regulars-event-id']), body, signature: String(req.headers['regulars-signature']), at: Date.now() });
      const plan = script.get(path) ?? [200];
      const answer = plan[Math.min(n, plan.length - 1)];
      if (answer === 'hang') held.push(res);
      else res.writeHead(answer).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const res of held) res.destroy();
  receiver?.close();
  await s?.close();
});

// Each endpoint its own event type (one a subscription may name: the product's own): one
// test's events do not reach another's endpoint.
const typeOf: Record<string, EventType> = { '/flaky': 'loyalty.birthday', '/removed': 'coupon.used', '/twice': 'loyalty.points_expiring', '/backlog': 'customer.segment_changed' };
const endpoint = async (path: string, plan: (number | 'hang')[]) => {
  script.set(path, plan);
  return s.webhooks.create({ url: `${base}${path}`, event_types: [typeOf[path]] }, { actor: 'test' });
};
const event = async (path: string, n = 1) => {
  await publish(s.db, Array.from({ length: n }, (_, i) => ({ type: typeOf[path], payload: { n: i } })));
  const rows = await s.db.selectFrom('events').select('id').orderBy('id', 'desc').limit(n).execute();
  return rows.map((r) => Number(r.id)).reverse();
};
const deliveries = (endpointId: string) =>
  s.db.selectFrom('webhook_deliveries').select(['event_id', 'attempt', 'ok']).where('endpoint_id', '=', endpointId).orderBy('id').execute();
const queueOn = (handle: Pick<DatabaseHandle, 'db' | 'query'>, timeoutMs = 10_000): JobQueue =>
  createJobQueue({ db: handle.db, query: handle.query, logger: silentLogger, webhooks: createWebhookService({ db: handle.db, logger: silentLogger, timeoutMs }), webhookRetryDelaySeconds: 1, dispatchIntervalMs: 100 });

describe('a failing endpoint', () => {
  it('times out, answers 500, then 200: delivered once, retried with back-off, the same body, event id and a valid signature each time', async () => {
    const { id, secret } = await endpoint('/flaky', ['hang', 500, 200]);
    const queue = queueOn(s.database, 300);
    await queue.start();
    try {
      const [eventId] = await event('/flaky');
      await until(async () => (await deliveries(id)).some((d) => d.ok));
      const tries = hits.filter((h) => h.path === '/flaky');
      expect(tries).toHaveLength(3);
      expect(new Set(tries.map((t) => t.body)).size).toBe(1);
      expect(tries.map((t) => t.eventId)).toEqual([String(eventId), String(eventId), String(eventId)]);
      for (const t of tries) expect(verifySignature({ secret, body: t.body, header: t.signature })).toBe(true);
      // Back-off: pg-boss waits 1–2 s, then 2–4 s (retryDelay 1 s, doubling).
      expect(tries[1].at - tries[0].at).toBeGreaterThanOrEqual(1000);
      expect(tries[2].at - tries[1].at).toBeGreaterThanOrEqual(2000);
      expect(await deliveries(id)).toEqual([
        { event_id: eventId, attempt: 1, ok: false },
        { event_id: eventId, attempt: 2, ok: false },
        { event_id: eventId, attempt: 3, ok: true },
      ]);
    } finally {
      await queue.stop();
    }
  }, 40_000);

  it('stops being delivered to once removed, while a retry is pending: nothing more is sent, the job ends', async () => {
    const { id } = await endpoint('/removed', [500]);
    const queue = queueOn(s.database);
    await queue.start();
    try {
      await event('/removed');
      await until(() => hits.some((h) => h.path === '/removed'));
      await s.webhooks.remove(id, { actor: 'test' });
      const job = () => sql<{ state: string }>`SELECT state FROM pgboss.job WHERE name = 'webhook.deliver' AND data->>'endpointId' = ${id}`.execute(s.db);
      await until(async () => (await job()).rows[0]?.state === 'completed');
      expect(hits.filter((h) => h.path === '/removed')).toHaveLength(1);
      expect(await deliveries(id)).toEqual([expect.objectContaining({ attempt: 1, ok: false })]);
      // Events after the removal are not queued for it at all.
      await event('/removed');
      await queue.dispatchAll();
      expect((await job()).rows).toHaveLength(1);
    } finally {
      await queue.stop();
    }
  }, 40_000);
});

describe('the same delivery twice', () => {
  it('is sent and recorded as delivered once when two attempts of one job run at once, and not sent again after it succeeded', async () => {
    // A job pg-boss hands out again (expired while its worker hung; the process died
    // between recording the success and completing the job) runs a second attempt.
    const { id } = await endpoint('/twice', [200]);
    const [eventId] = await event('/twice');
    const other = createWebhookService({ db: s.db, logger: silentLogger }); // another server's
    await Promise.all([s.webhooks.deliver({ endpointId: id, eventId, attempt: 1 }), s.webhooks.deliver({ endpointId: id, eventId, attempt: 2 }), other.deliver({ endpointId: id, eventId, attempt: 2 })]);
    const sent = hits.filter((h) => h.path === '/twice');
    // Sent at least once, every time with the event's id, for the receiver to drop a repeat.
    expect(sent.length).toBeGreaterThanOrEqual(1);
    expect(new Set(sent.map((h) => h.eventId))).toEqual(new Set([String(eventId)]));
    expect((await deliveries(id)).filter((d) => d.ok)).toHaveLength(1);
    // Once recorded as delivered, a later run of the job sends nothing.
    await s.webhooks.deliver({ endpointId: id, eventId, attempt: 3 });
    expect(hits.filter((h) => h.path === '/twice')).toHaveLength(sent.length);
    expect((await deliveries(id)).filter((d) => d.ok)).toHaveLength(1);
  });

  it.runIf(testDatabaseKind === 'postgres')('two servers delivering one backlog send each event to the endpoint once', async () => {
    const { id } = await endpoint('/backlog', [200]);
    const url = (s.database.pool as unknown as { options: { connectionString: string } }).options.connectionString;
    const second = await openDatabase({ databaseUrl: url, poolSize: 5 });
    const queues = [queueOn(s.database), queueOn(second)];
    try {
      const ids = await event('/backlog', 40);
      await Promise.all(queues.map((q) => q.start()));
      await until(async () => (await deliveries(id)).length >= 40);
      await Promise.all(queues.map((q) => q.dispatchAll()));
      expect((await deliveries(id)).map((d) => d.event_id).sort((a, b) => a - b)).toEqual(ids);
      expect(hits.filter((h) => h.path === '/backlog').map((h) => Number(h.eventId)).sort((a, b) => a - b)).toEqual(ids);
    } finally {
      await Promise.all(queues.map((q) => q.stop()));
      await second.close();
    }
  }, 40_000);
});
