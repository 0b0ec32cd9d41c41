import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, useCliBusiness } from '../../test/helpers/cli-process.ts';
import { startServeProcess } from '../../test/helpers/serve-process.ts';
import { openTestServices } from '../../test/helpers/services.ts';
import { loadConfig } from '../config.ts';
import type { Db } from '../db/index.ts';
import type { StoredEvent } from '../jobs/queue.ts';
import { subscribersOf } from '../jobs/subscribers.ts';
import { openServices } from '../main.ts';
import { fixedClock } from '../shared/clock.ts';
import { createLogger } from '../shared/logger.ts';
import { withFields } from '../shared/objects.ts';
import type { Services } from '../services.ts';
import { runDemo } from './run-demo.ts';

// `regulars demo` is deterministic for a seed: beside a running server, whose job queue
// delivers the demo's events while the demo records them (the challenges' subscriber takes
// the purchase.recorded events of a dispatch, the profile subscriber customer.created), it
// makes the same business as in a process alone. On the embedded database the demo runs in
// the server (POST /demo) between its jobs; on PostgreSQL the command runs it in its own
// process while the server's jobs work on the same database.
//
// The suspicion this answers: a job reaching a round's purchases after the demo had recorded
// that round's refunds, or before the demo paid the round's challenges itself, might date or
// count a completion otherwise. It does not, by the engine's rules (earning/challenges.ts):
// - a completion is measured from what the database holds at the purchase's moment — the
//   window ends at the purchase and starts at the last completion that stands — dated at
//   the purchase and keyed by its number; whichever of the demo and the job comes first
//   writes it under the member's lock, and the other then finds it (counted, and the
//   one-a-day rule), so a job before the demo's payment makes what the demo would have;
// - a refund only takes purchases out of windows, so a job after it finds no goal the demo
//   did not; a completion it revoked is completed again by the refund itself at the first
//   purchase kept that still reaches the goal (challenge-completed-again.ts), which is what
//   the job would find measuring from the completion that still stands;
// - the profile bonus is once per person (its key), dated when paid: at the run's now,
//   whoever pays it.
// A served run leaves the order to timing: the dispatcher looks every quarter second, the
// workers every second (measured on both databases: the dispatch of round 0's 1,240
// purchases was handled while the demo paid them itself, the later rounds' after their
// refunds). The second test forces both orders on every round, in this process.
//
// What a run dates at its now (the profile and sign-up bonuses, the expiry sweep, the
// redemptions, a revocation's moment) is compared as such; all else entry for entry.
// (A lot expiring in the seconds between the two runs' sweeps would differ: a purchase of a
// year ago at that very time of day.)

const cli = useCliBusiness('demo-served');
// Seed 8's refunds revoke four completions, two of which the refund completes again: what a job
// after the refunds would find otherwise (without challenge-completed-again.ts, the job-late
// run below makes two completions more).
const DEMO = { customers: 300, seed: 8 };
let server: Awaited<ReturnType<typeof startServeProcess>> | undefined;
afterAll(async () => server?.stop());

/** What must be the same of two runs of a seed, on a database whose run began at `since` (what is dated later is the run's own now). */
async function business(s: Pick<Services, 'db' | 'loyalty'>, since: Date) {
  const db: Db = s.db;
  const when = (at: Date | null) => (at === null ? null : at >= since ? 'during the run' : at.toISOString());
  // A customer by what the demo names them with (ids are random).
  const who = sql<string>`(SELECT coalesce(c.email, c.phone, c.external_id) FROM customers c WHERE c.id = customer_id)`;
  const entries = await db.selectFrom('loyalty_entries')
    .select([who.as('who'), 'kind', 'points', 'remaining', 'idempotency_key', 'source_type', 'occurred_at', 'expires_at'])
    .execute();
  const progress = await db.selectFrom('challenge_progress')
    .select([who.as('who'), 'challenge_code', 'window_start', 'progress', 'completed_at', 'revoked_at'])
    .execute();
  // A key that names a purchase or a refund by its id names it by the demo's order or refund number instead.
  const named = new Map<string, string>();
  for (const table of ['purchases', 'refunds'] as const) {
    for (const r of await db.selectFrom(table).select(['id', 'external_id']).execute()) named.set(r.id, r.external_id);
  }
  const key = (k: string | null) => k?.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (id) => named.get(id) ?? 'an id of its own');
  const text = (v: unknown) => JSON.stringify(v);
  return {
    entries: entries.map((e) => text({ ...e, idempotency_key: key(e.idempotency_key), occurred_at: when(e.occurred_at), expires_at: when(e.expires_at) })).sort(),
    progress: progress.map((p) => text({ ...p, completed_at: when(p.completed_at), revoked_at: p.revoked_at && 'revoked' })).sort(),
    report: await s.loyalty.report(),
  };
}

type Business = Awaited<ReturnType<typeof business>>;

/** The demo in this process, on a database of its own, at `since` (the report read at `readAt`); `settle` wraps its own payment of each round's challenges. */
async function inProcess(since: Date, readAt: Date, settle?: (s: Services, pay: () => Promise<unknown>) => Promise<unknown>): Promise<Business> {
  const s = await openTestServices();
  try {
    s.clock.set(since);
    const evaluateChallengesMany: Services['loyalty']['evaluateChallengesMany'] = (items) => s.loyalty.evaluateChallengesMany(items);
    const loyalty = settle ? withFields(s.loyalty, { evaluateChallengesMany: async (items: Parameters<typeof evaluateChallengesMany>[0]) => {
      let paid: Awaited<ReturnType<typeof evaluateChallengesMany>> = [];
      await settle(s, async () => (paid = await evaluateChallengesMany(items)));
      return paid;
    } }) : s.loyalty;
    await runDemo(withFields(s, { loyalty }), DEMO);
    s.clock.set(readAt);
    return await business(s, since);
  } finally {
    await s.close();
  }
}

let alone: { since: Date; readAt: Date; business: Business } | undefined;

describe('regulars demo beside a running server', () => {
  it('makes the same ledger, challenge progress and loyalty report as in a process alone', async () => {
    // Whenever it runs: the server's hourly maintenance (schedules.ts, minute 5) stands aside
    // while the demo writes its history (db/history-writing.ts), which an expiry sweep
    // between its rounds would change (history lots expired before the later rounds'
    // refunds, which then take back nothing).
    server = await startServeProcess(BIN, cli.env(), { jobs: true });
    const since = new Date();
    const made = cli.json<{ created: number }>(cli.run('demo', '--customers', String(DEMO.customers), '--seed', String(DEMO.seed), '--json'));
    expect(made.created).toBeGreaterThan(1000);
    // The jobs it left (its last dispatch) are delivered before the server stops.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    await server.stop();
    const readAt = new Date();
    const served = await openServices({ config: loadConfig(cli.env()), logger: createLogger({ level: 'warn', json: false }), command: 'test', clock: fixedClock(readAt) });
    let beside: Business;
    try {
      beside = await business(served, since);
    } finally {
      await served.database.close();
    }

    alone = { since, readAt, business: await inProcess(since, readAt) };
    expect(beside.entries.length).toBeGreaterThan(2000);
    expect(beside.progress.length).toBeGreaterThan(100);
    expect(beside.entries).toEqual(alone.business.entries);
    expect(beside.progress).toEqual(alone.business.progress);
    expect(beside.report).toEqual(alone.business.report);
  }, 480_000);

  it("is the same whether the challenges' job comes before the demo's own payment of each round, or after the round's refunds", async () => {
    const since = alone?.since ?? new Date();
    const readAt = alone?.readAt ?? since;
    const own = alone?.business ?? (await inProcess(since, readAt));
    // The server's subscribers, as its job queue runs them: the events not yet delivered, one dispatch.
    const deliver = async (s: Services, delivered: Set<number>, upTo: number) => {
      const events = (await s.db.selectFrom('events').select(['id', 'type', 'customer_id', 'payload', 'created_at']).where('id', '<=', upTo).orderBy('id').execute())
        .filter((e) => !delivered.has(e.id)) as unknown as StoredEvent[];
      for (const e of events) delivered.add(e.id);
      for (const sub of subscribersOf(s)) {
        const mine = events.filter((e) => sub.eventTypes.includes(e.type));
        if (mine.length === 0 || (sub.active && !(await sub.active()))) continue;
        if (sub.handleBatch) await sub.handleBatch(mine);
        else for (const e of mine) await sub.handle(e);
      }
    };
    const lastEvent = async (s: Services) => Number((await s.db.selectFrom('events').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst())?.id ?? 0);

    // Job first: every event so far (the round just recorded among them) before the demo pays the round.
    const delivered = new Set<number>();
    const jobFirst = await inProcess(since, readAt, async (s, pay) => {
      await deliver(s, delivered, await lastEvent(s));
      await pay();
    });
    // Job late: before each round's payment, only the events there were at the one before —
    // the rounds before, now after their refunds (and the other batch's rounds): this round's wait.
    const late = new Set<number>();
    let before = 0;
    const jobLate = await inProcess(since, readAt, async (s, pay) => {
      const now = await lastEvent(s);
      await deliver(s, late, before);
      before = now;
      await pay();
    });
    expect(delivered.size).toBeGreaterThan(1000);
    expect(late.size).toBeGreaterThan(1000);
    for (const other of [jobFirst, jobLate]) {
      expect(other.entries).toEqual(own.entries);
      expect(other.progress).toEqual(own.progress);
      expect(other.report).toEqual(own.report);
    }
  }, 300_000);
});
