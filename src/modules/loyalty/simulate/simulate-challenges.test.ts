import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliver } from '../../../../test/helpers/deliver.ts';
import { recordAll } from '../../../../test/helpers/purchases.ts';
import { openTestServices } from '../../../../test/helpers/services.ts';

// `loyalty simulate`'s not_simulated challenge figure against refunds (QA F5): "challenge
// (500 points paid by the ledger in the period)" while the ledger's net was 250, a refund
// having taken 250 back. The figure is net of what refunds took back of the completions
// they revoked, as it is of what merges took back.

type Services = Awaited<ReturnType<typeof openTestServices>>;
let s: Services;
const actor = { actor: 'test' };

const program = {
  name: 'Visits',
  earning: { points_per_currency_unit: 1 },
  refund_shortfall: 'negative_balance',
  challenges: [{ code: 'three-visits', name: '3 visits in 30 days', goal: { type: 'visits', count: 3, within_days: 30 }, points: 250 }],
};

async function buy(email: string, rows: [string, string, string][]) {
  await recordAll(s, rows.map(([key, at, total]) => ({ external_id: key, customer: { email }, occurred_at: at, total })));
  await deliver(s, 'purchase.recorded', { subscriber: 'loyalty.challenges' });
}
const purchaseId = async (key: string) => (await s.db.selectFrom('purchases').select('id').where('external_id', '=', key).executeTakeFirstOrThrow()).id;

/** The ledger's challenge entries since `since`: the bonuses and what refunds took back of them. */
async function ledgerNet(since: string) {
  const found = await sql<{ points: number }>`
    SELECT COALESCE(sum(points), 0)::float8 AS points FROM loyalty_entries
    WHERE source_type = 'bonus' AND source_id = 'challenge' AND occurred_at >= ${new Date(since)}`.execute(s.db);
  return Number(found.rows[0].points);
}

beforeAll(async () => {
  s = await openTestServices();
  await s.loyalty.applyProgram({ program }, actor);
  s.clock.set('2026-12-10T12:00:00Z');
  // QA's member: completed at B-3; B-3 refunded, completed again at B-4 (250 back, 250 again).
  await buy('b@example.com', [['B-1', '2026-11-20T10:00:00Z', '30.00'], ['B-2', '2026-11-25T10:00:00Z', '12.34'], ['B-3', '2026-11-26T10:00:00Z', '80.00'], ['B-4', '2026-11-27T10:00:00Z', '10.01']]);
  await s.commerce.refund(await purchaseId('B-3'), { external_id: 'B-R3', occurred_at: '2026-11-29T10:00:00Z' }, actor);
  // One whose purchases kept do not meet the goal: completed at W-3, revoked, not completed again.
  await buy('w@example.com', [['W-1', '2026-11-02T10:00:00Z', '5.00'], ['W-2', '2026-11-03T10:00:00Z', '5.00'], ['W-3', '2026-11-04T10:00:00Z', '5.00']]);
  await s.commerce.refund(await purchaseId('W-2'), { external_id: 'W-R2', occurred_at: '2026-11-30T10:00:00Z' }, actor);
  // And one who keeps the completion.
  await buy('k@example.com', [['K-1', '2026-11-05T10:00:00Z', '5.00'], ['K-2', '2026-11-06T10:00:00Z', '5.00'], ['K-3', '2026-11-07T10:00:00Z', '5.00']]);
  expect((await s.loyalty.verify()).problems).toEqual([]);
});
afterAll(() => s?.close());

describe('the challenges simulate does not replay, against refunds', () => {
  it("are given net of what refunds took back: the ledger's net in the period", async () => {
    const r = await s.loyalty.simulate(program, { since: '2026-11-01' });
    // Paid: B 250 + 250, W 250, K 250; taken back by refunds: B 250, W 250.
    expect(await ledgerNet('2026-11-01')).toBe(500);
    expect(r.not_simulated).toEqual([{ kind: 'challenge', code: 'challenge_timing', reason: expect.any(String), ledger_points: 500, ledger_entries: 2 }]);
  });

  it('count a take-back with the completion it revoked, as a merge\'s', async () => {
    // From 27 November: B's completion again at B-4 is in the period; the one at B-3 and W's, and so what refunds took back of them, are not.
    const r = await s.loyalty.simulate(program, { since: '2026-11-27' });
    expect(r.not_simulated).toEqual([expect.objectContaining({ ledger_points: 250, ledger_entries: 1 })]);
    // The ledger's dated sum counts the take-backs of 29 and 30 November instead.
    expect(await ledgerNet('2026-11-27')).toBe(250 - 250 - 250);
  });
});
