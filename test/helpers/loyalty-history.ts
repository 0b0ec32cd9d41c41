import { sql } from 'kysely';
import { afterAll, beforeAll } from 'vitest';
import { recordAll } from './purchases.ts';
import { openTestServices } from './services.ts';

// The set-up of the tests that write a member's history by hand, each step at its own time,
// and compare the ledger with the replay of the program (simulate-expired-*.test.ts,
// simulate-inactivity-refunds.test.ts, referral-nothing-taken.test.ts).

export type TestServices = Awaited<ReturnType<typeof openTestServices>>;
export const actor = { actor: 'test' };

/** 10 points a euro, first purchase +50, refund_shortfall negative_balance: each test adds the expiry it is about. */
export const purchaseProgram = {
  name: 'Expiring',
  earning: { points_per_currency_unit: 10, rounding: 'floor' },
  bonuses: { first_purchase: 50 },
  refund_shortfall: 'negative_balance',
};

/**
 * Services on a fresh test database for the describe block that calls it, with `program` in
 * force from 1 Jan 2026, before any history a test writes. Registers a beforeAll and an
 * afterAll; answers the services, for tests and hooks to call.
 */
export function withProgramInForce(program: unknown): () => TestServices {
  let services: TestServices | undefined;
  beforeAll(async () => {
    services = await openTestServices();
    services.clock.set('2026-01-01T00:00:00Z');
    await services.loyalty.applyProgram({ program }, actor);
  });
  afterAll(() => services?.close());
  return () => {
    if (!services) throw new Error('withProgramInForce: read before its beforeAll ran (only tests and hooks may use it)');
    return services;
  };
}

/** A purchase recorded at its own time (the clock set to it), through the path the API uses. */
export async function buy(s: TestServices, key: string, email: string, at: string, total: string) {
  s.clock.set(at);
  const [outcome] = await recordAll(s, [{ external_id: key, customer: { email }, occurred_at: at, total }]);
  return outcome;
}

/** The expiry sweep (the hourly job), at `at` or at the clock's time. */
export async function sweep(s: TestServices, at?: string) {
  if (at) s.clock.set(at);
  await s.loyalty.maintenance.expirePoints(s.clock.now());
}

/** A refund at its own time, the expiry sweep having run first; answers its loyalty part. */
export async function refund(s: TestServices, purchaseId: string, key: string, at: string, amount?: string) {
  await sweep(s, at);
  return (await s.commerce.refund(purchaseId, { external_id: key, ...(amount ? { amount } : {}) }, actor)).loyalty;
}

/** The ledger's points by source: purchases (credits net of reversals), and referral bonuses (credits net of their reversals). */
export async function ledgerPoints(s: TestServices) {
  const row = await sql<{ purchases: number; referral: number }>`
    SELECT COALESCE(sum(points) FILTER (WHERE source_type = 'purchase'), 0)::float8 AS purchases,
           COALESCE(sum(points) FILTER (WHERE kind IN ('bonus', 'reverse') AND details->>'bonus' = 'referral'), 0)::float8 AS referral
    FROM loyalty_entries`.execute(s.db);
  return { purchases: Number(row.rows[0].purchases), referral: Number(row.rows[0].referral) };
}

/** The ledger's points for purchases: their credits net of their reversals. */
export async function ledgerPurchasePoints(s: TestServices) {
  return (await ledgerPoints(s)).purchases;
}
