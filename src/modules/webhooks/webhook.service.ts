import { audit, lockKeys, type Actor, type Db, type Tx } from '../../db/index.ts';
import { systemClock, type Clock } from '../../shared/clock.ts';
import { notFound } from '../../shared/errors.ts';
import { say } from '../../shared/messages/index.ts';
import { newId, newSecret } from '../../shared/ids.ts';
import type { Logger } from '../../shared/logger.ts';
import { parseInput } from '../../shared/validation.ts';
import { WebhookInput } from './webhook.schema.ts';
import { SIGNATURE_HEADER, sign } from './signature.ts';

export const matchesEventType = (patterns: string[], type: string): boolean =>
  patterns.some((p) => p === '*' || p === type || (p.endsWith('.*') && type.startsWith(p.slice(0, -1))));

export function createWebhookService({ db, logger, clock = systemClock, timeoutMs = 10_000 }: { db: Db; logger: Logger; clock?: Clock; timeoutMs?: number }) {
  /** The attempts this process is making, by endpoint and event (see `deliver`). */
  const attempts = new Map<string, Promise<void>>();
  return {
    async create(input: unknown, { actor }: { actor: Actor }) {
      const data = parseInput(WebhookInput, input, 'webhook');
      const id = newId();
      const secret = `whsec_${newSecret(24)}`;
      await db.insertInto('webhook_endpoints').values({ id, url: data.url, secret, event_types: data.event_types, description: data.description ?? null }).execute();
      await audit(db, { at: clock.now(), actor, action: 'webhook.create', subject: data.url });
      return { id, url: data.url, event_types: data.event_types, description: data.description ?? null, secret };
    },

    async list() {
      return db.selectFrom('webhook_endpoints').select(['id', 'url', 'event_types', 'description', 'active', 'created_at']).orderBy('created_at').execute();
    },

    async remove(id: string, { actor }: { actor: Actor }) {
      const result = await db.updateTable('webhook_endpoints').set({ active: false }).where('id', '=', id).where('active', '=', true).executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) throw notFound(say('webhook.not_found', { id }));
      await audit(db, { at: clock.now(), actor, action: 'webhook.delete', subject: id });
    },

    async deliveries(endpointId: string, limit = 50) {
      return db.selectFrom('webhook_deliveries').selectAll().where('endpoint_id', '=', endpointId).orderBy('id', 'desc').limit(limit).execute();
    },

    /** Endpoints that want this event type (read by the dispatcher for every batch). */
    async endpointsFor(types: string[], executor: Db | Tx = db) {
      const endpoints = await executor.selectFrom('webhook_endpoints').select(['id', 'event_types']).where('active', '=', true).execute();
      return new Map(types.map((t) => [t, endpoints.filter((e) => matchesEventType(e.event_types, t)).map((e) => e.id)]));
    },

    /**
     * One delivery attempt; throws on failure so the job queue retries with back-off.
     *
     * At least once, recorded as delivered once. A job can run again after its delivery
     * succeeded (the process died between recording the success and completing the job,
     * or pg-boss handed out again a job whose worker hung past its expiry), and two runs
     * of it can overlap: without the checks below the receiver got it again each time and
     * the log showed it delivered twice. So a run finds a recorded success and sends
     * nothing; runs in one process share one attempt; and the success is recorded under
     * the delivery's lock, once. Runs in two processes at once may both send — every
     * attempt carries the event's id (regulars-event-id) and the same body, for the
     * receiver to drop a repeat.
     */
    deliver({ endpointId, eventId, attempt }: { endpointId: string; eventId: number; attempt: number }): Promise<void> {
      const key = `${endpointId}:${eventId}`;
      const running = attempts.get(key);
      if (running) return running;
      const attempting = deliverOnce(endpointId, eventId, attempt).finally(() => attempts.delete(key));
      attempts.set(key, attempting);
      return attempting;
    },
  };

  async function deliverOnce(endpointId: string, eventId: number, attempt: number): Promise<void> {
    const endpoint = await db.selectFrom('webhook_endpoints').selectAll().where('id', '=', endpointId).executeTakeFirst();
    if (!endpoint || !endpoint.active) return; // removed since: nothing to do
    const event = await db.selectFrom('events').selectAll().where('id', '=', eventId).executeTakeFirstOrThrow();
    if (await deliveredAlready(db, endpointId, eventId)) return;
    const body = JSON.stringify({ id: String(event.id), type: event.type, created_at: event.created_at.toISOString(), data: event.payload });
    const started = Date.now();
    let status: number | null = null;
    let error: string | null = null;
    try {
      const response = await fetch(endpoint.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: sign(endpoint.secret, body, Math.floor(Date.now() / 1000)), 'regulars-event-id': String(event.id), 'user-agent': 'Regulars-Webhooks/1' },
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
      status = response.status;
      await response.body?.cancel();
      if (!response.ok) error = `HTTP ${response.status}`;
    } catch (e) {
      error = (e as Error).message;
    }
    const row = { endpoint_id: endpointId, event_id: eventId, attempt, ok: error === null, response_status: status, error, duration_ms: Date.now() - started };
    if (error === null) {
      // Another process's run of the same job may have recorded its success meanwhile.
      await db.transaction().execute(async (trx) => {
        await lockKeys(trx, [`webhook-delivery:${endpointId}:${eventId}`]);
        if (!(await deliveredAlready(trx, endpointId, eventId))) await trx.insertInto('webhook_deliveries').values(row).execute();
      });
      return;
    }
    await db.insertInto('webhook_deliveries').values(row).execute();
    logger.warn('webhook delivery failed', { endpoint: endpoint.url, event: eventId, attempt, error });
    throw new Error(`Webhook ${endpoint.url}: ${error}`);
  }
}

/** Whether a delivery of the event to the endpoint succeeded (webhook_deliveries_delivered, migration 0012). */
async function deliveredAlready(executor: Db | Tx, endpointId: string, eventId: number): Promise<boolean> {
  const row = await executor.selectFrom('webhook_deliveries').select('id')
    .where('endpoint_id', '=', endpointId).where('event_id', '=', eventId).where('ok', '=', true).limit(1).executeTakeFirst();
  return row !== undefined;
}

export type WebhookService = ReturnType<typeof createWebhookService>;
