import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { heldOpen, queued, race } from '../../../../test/helpers/concurrency.ts';
import { recordAll } from '../../../../test/helpers/purchases.ts';
import { openTestServices } from '../../../../test/helpers/services.ts';
import type { StoredEvent } from '../../../jobs/queue.ts';
import { subscribersOf } from '../../../jobs/subscribers.ts';

// Challenge completions against refunds (challenge-revocation.ts): a refund that leaves a
// completion fewer qualifying purchases than its goal revokes it and takes its bonus back,
// once, whatever is retried or runs at once; points already spent follow refund_shortfall.
// The challenge job is called the way the queue calls it, with the stored events.

type Services = Awaited<ReturnType<typeof openTestServices>>;
const actor = { actor: 'test' };

const program = (refund_shortfall: 'negative_balance' | 'forgive') => ({
  name: 'Challenge refunds',
  refund_shortfall,
  earning: { points_per_currency_unit: 1 },
  bonuses: { first_purchase: 100 },
  challenges: [
    { code: 'explorer', name: { en: 'Try 3 categories', ru: 'Попробуйте 3 категории' }, goal: { type: 'categories', count: 3, within_days: 90 }, points: 300 },
    { code: 'five-visits', name: '5 visits in 30 days', goal: { type: 'visits', count: 5, within_days: 30 }, points: 400, repeatable: true },
  ],
  rewards: [{ code: 'voucher', name: 'Voucher', type: 'free_product', sku: 'V', points: 100 }],
});

const line = (category: string) => ({ sku: category, category, quantity: 1, unit_price: '5.00' });

function helpers(get: () => Services) {
  const buy = async (email: string, key: string, at: string, category?: string) =>
    (await recordAll(get(), [{ external_id: key, customer: { email }, occurred_at: at, total: '5.00', lines: category ? [line(category)] : [] }]))[0];
  /** The purchase events, handed to the challenge job as the queue hands a dispatch over. */
  async function deliver() {
    const events = (await get().db.selectFrom('events').selectAll().where('type', '=', 'purchase.recorded').orderBy('id').execute()) as unknown as StoredEvent[];
    await subscribersOf(get()).find((x) => x.name === 'loyalty.challenges')!.handleBatch!(events);
  }
  async function account(id: string, language?: 'en' | 'sl' | 'tr' | 'da' | 'ru') {
    const a = await get().loyalty.account(id, { language });
    if (!a.member) throw new Error(`${id} is not a member`);
    return a;
  }
  const challenge = async (id: string, code: string) => (await account(id)).challenges.find((c) => c.code === code)!;
  const takenBack = (id: string) => get().db.selectFrom('loyalty_entries').select(['points', 'unsettled', 'details'])
    .where('customer_id', '=', id).where('kind', '=', 'reverse').where('source_type', '=', 'bonus').where('source_id', '=', 'challenge').orderBy('id').execute();
  const revokedEvents = (id: string) => get().db.selectFrom('events').select('payload').where('type', '=', 'loyalty.challenge_revoked').where('customer_id', '=', id).execute();
  async function expectLedgerProven() {
    const v = await get().loyalty.verify();
    expect(v.problems).toEqual([]);
  }
  /** Three purchases of 5.00 in k1, k2, k3 on Dec 1–3 2025: "Try 3 categories" completed on the third. */
  async function explorer(tag: string) {
    const email = `${tag}@example.com`;
    const bought = [];
    for (const [i, k] of ['k1', 'k2', 'k3'].entries()) bought.push(await buy(email, `${tag}-${i + 1}`, `2025-12-0${i + 1}T10:00:00Z`, k));
    await deliver();
    return { id: bought[0].customerId, purchases: bought.map((b) => b.purchaseId), email };
  }
  return { buy, deliver, account, challenge, takenBack, revokedEvents, expectLedgerProven, explorer };
}

describe('challenge bonuses and refunds (refund_shortfall: negative_balance)', () => {
  let s: Services;
  const h = helpers(() => s);
  beforeAll(async () => {
    s = await openTestServices();
    await s.loyalty.applyProgram({ program: program('negative_balance') }, actor);
  });
  afterAll(() => s?.close());

  it('refunding every purchase of a completion takes its bonus back, with the purchases and the first-purchase bonus', async () => {
    const w = await h.explorer('w');
    expect((await h.account(w.id)).balance).toBe(15 + 100 + 300);
    for (const [i, p] of w.purchases.entries()) await s.commerce.refund(p, { external_id: `w-R${i + 1}` }, actor);
    const a = await h.account(w.id);
    expect(a.balance).toBe(0);
    expect(a.challenges.find((c) => c.code === 'explorer')).toMatchObject({ progress: 0, completed: 0 });
    // Revoked by the refund that took it below the goal (the first), once.
    expect((await h.takenBack(w.id)).map((e) => [e.points, e.details.purchase])).toEqual([[-300, 'w-1']]);
    expect((await h.revokedEvents(w.id)).map((e) => e.payload)).toEqual([expect.objectContaining({ customer_id: w.id, challenge: 'explorer', completion: 1, points_reversed: 300 })]);
    const said = a.explanation.entries.find((e) => e.kind === 'reverse' && e.source.id === 'challenge')!.description;
    expect(said).toBe('Challenge bonus taken back: Try 3 categories; purchase w-1 was refunded, leaving 2 of the 3 it needs');
    expect((await h.account(w.id, 'ru')).explanation.entries.find((e) => e.kind === 'reverse' && e.source.id === 'challenge')!.description)
      .toBe('Бонус за задание списан: Попробуйте 3 категории; покупка w-1 возвращена, задание больше не выполнено (2 из 3)');
    await h.expectLedgerProven();
  });

  it('a partial refund changes nothing; a full one of a single purchase revokes; new purchases complete it again', async () => {
    const x = await h.explorer('x');
    await s.commerce.refund(x.purchases[1], { external_id: 'x-R1', amount: '4.00' }, actor);
    expect(await h.challenge(x.id, 'explorer')).toMatchObject({ completed: 1 });
    await s.commerce.refund(x.purchases[1], { external_id: 'x-R2', amount: '1.00' }, actor);
    // (Progress reads 0 now: December is outside the 90 days that end today.)
    expect(await h.challenge(x.id, 'explorer')).toMatchObject({ progress: 0, completed: 0 });
    expect((await h.account(x.id)).balance).toBe(10 + 100);
    // A fourth category with the two kept: completed anew, under a key of its own.
    await h.buy(x.email, 'x-4', '2025-12-10T10:00:00Z', 'k4');
    await h.deliver();
    expect(await h.challenge(x.id, 'explorer')).toMatchObject({ completed: 1, last_completed_at: '2025-12-10T10:00:00.000Z' });
    expect((await h.account(x.id)).balance).toBe(15 + 100 + 300);
    await h.expectLedgerProven();
  });

  it('a retried refund and later refunds of the same completion take nothing back twice', async () => {
    const y = await h.explorer('y');
    const first = await s.commerce.refund(y.purchases[0], { external_id: 'y-R1' }, actor);
    expect(first.created).toBe(true);
    // The answer names the completion it revoked, as the till's retry reads it back.
    const revoked = [{ challenge: 'explorer', completion: 1, points_reversed: 300, unsettled: 0 }];
    expect(first.loyalty).toEqual({ points_reversed: 5 + 100, unsettled: 0, referral: null, challenges: revoked }); // with the first-purchase bonus
    expect(await s.commerce.refund(y.purchases[0], { external_id: 'y-R1' }, actor)).toMatchObject({ created: false, loyalty: { points_reversed: 105, challenges: revoked } });
    await s.commerce.refund(y.purchases[2], { external_id: 'y-R3' }, actor);
    await h.deliver(); // the job delivered again completes nothing: one category is left
    expect((await h.takenBack(y.id)).map((e) => e.points)).toEqual([-300]);
    expect(await h.revokedEvents(y.id)).toHaveLength(1);
    expect((await h.account(y.id)).balance).toBe(5);
    await h.expectLedgerProven();
  });

  it('"5 visits": revokes only the completion whose visits the refund took below five', async () => {
    const email = 'v@example.com';
    const days = ['01', '02', '03', '04', '05', '11', '12', '13', '14', '15'];
    const bought = [];
    for (const d of days) bought.push(await h.buy(email, `v-${d}`, `2026-05-${d}T10:00:00Z`));
    await h.deliver();
    const id = bought[0].customerId;
    expect(await h.challenge(id, 'five-visits')).toMatchObject({ completed: 2, last_completed_at: '2026-05-15T10:00:00.000Z' });
    // The 12th was one of the second five: four are left after the first completion.
    await s.commerce.refund(bought[6].purchaseId, { external_id: 'v-R12' }, actor);
    expect(await h.challenge(id, 'five-visits')).toMatchObject({ completed: 1, last_completed_at: '2026-05-05T10:00:00.000Z', progress: 4 });
    expect((await h.takenBack(id)).map((e) => [e.points, e.details.completion])).toEqual([[-400, 2]]);
    expect((await h.account(id)).balance).toBe(45 + 100 + 400);
    await h.expectLedgerProven();
  });

  it('a bonus spent already becomes a debt the next credits settle', async () => {
    const z = await h.explorer('z');
    for (let i = 0; i < 4; i++) await s.loyalty.redeemReward(z.id, { reward: 'voucher', idempotency_key: `z-v${i}` }, actor);
    await s.commerce.refund(z.purchases[0], { external_id: 'z-R1' }, actor);
    const [taken] = await h.takenBack(z.id);
    // 15 were left; the purchase's 5 and the first-purchase bonus took them and owe 90: all 300 are owed.
    expect([taken.points, taken.unsettled]).toEqual([-300, 300]);
    expect((await h.account(z.id)).owed).toBe(90 + 300);
    await h.buy(z.email, 'z-4', '2026-05-20T10:00:00Z', 'k9');
    expect((await h.account(z.id)).owed).toBe(390 - 5);
    await h.expectLedgerProven();
  });

  it('the challenge job and a refund at once: the bonus is never kept', async () => {
    const settled = async (id: string) => {
      expect((await h.account(id)).balance).toBe(10 + 100);
      expect(await h.challenge(id, 'explorer')).toMatchObject({ completed: 0 });
    };
    // The job completes while the refund waits for the member: the refund then revokes.
    const one = await (async () => {
      const email = 'race-1@example.com';
      const p: Awaited<ReturnType<typeof h.buy>>[] = [];
      for (const [i, k] of ['k1', 'k2', 'k3'].entries()) p.push(await h.buy(email, `race-1-${i}`, `2025-12-0${i + 1}T10:00:00Z`, k));
      return p;
    })();
    const locked = await heldOpen(s.db, (trx) => sql`SELECT 1 FROM loyalty_members WHERE customer_id = ${one[0].customerId} FOR UPDATE`.execute(trx));
    const completing = s.loyalty.evaluateChallenges(one[0].customerId, new Date('2025-12-03T10:00:00Z'));
    await queued();
    const refunding = s.commerce.refund(one[2].purchaseId, { external_id: 'race-1-R' }, actor);
    await queued();
    await locked.commit();
    await Promise.all([completing, refunding]);
    await settled(one[0].customerId);

    // Left to the scheduler, a few times.
    for (let i = 2; i < 6; i++) {
      const p: Awaited<ReturnType<typeof h.buy>>[] = [];
      for (const [j, k] of ['k1', 'k2', 'k3'].entries()) p.push(await h.buy(`race-${i}@example.com`, `race-${i}-${j}`, `2025-12-0${j + 1}T10:00:00Z`, k));
      const { errors } = await race<unknown>([
        () => s.commerce.refund(p[1].purchaseId, { external_id: `race-${i}-R` }, actor),
        () => s.loyalty.evaluateChallenges(p[0].customerId, new Date('2025-12-03T10:00:00Z')),
      ]);
      expect(errors).toEqual([]);
      await settled(p[0].customerId);
    }
    await h.expectLedgerProven();
  });
});

describe('challenge bonuses and refunds (refund_shortfall: forgive)', () => {
  let s: Services;
  const h = helpers(() => s);
  beforeAll(async () => {
    s = await openTestServices();
    await s.loyalty.applyProgram({ program: program('forgive') }, actor);
  });
  afterAll(() => s?.close());

  it('a bonus spent in part is forgiven the rest; spent whole, an entry of 0 says why the challenge is undone', async () => {
    const f = await h.explorer('f');
    for (let i = 0; i < 4; i++) await s.loyalty.redeemReward(f.id, { reward: 'voucher', idempotency_key: `f-v${i}` }, actor);
    // 15 left: the last purchase's 5 back, then 10 of the 300, the other 290 forgiven.
    await s.commerce.refund(f.purchases[2], { external_id: 'f-R3' }, actor);
    const taken = await h.takenBack(f.id);
    expect(taken.map((e) => e.points)).toEqual([-10]);
    expect(taken[0].details).toMatchObject({ forgiven: 290, code: 'explorer' });
    await s.commerce.refund(f.purchases[1], { external_id: 'f-R2' }, actor);
    expect(await h.takenBack(f.id)).toHaveLength(1);
    expect(await h.challenge(f.id, 'explorer')).toMatchObject({ completed: 0 });
    expect((await h.account(f.id)).balance).toBe(0);

    const g = await h.explorer('g');
    await s.loyalty.adjust(g.id, { points: -415, reason: 'test: spend it all', idempotency_key: 'g-all' }, actor);
    await s.commerce.refund(g.purchases[0], { external_id: 'g-R1' }, actor);
    const [nothing] = await h.takenBack(g.id);
    expect([nothing.points, nothing.details.forgiven]).toEqual([0, 300]);
    const said = (await h.account(g.id)).explanation.entries.find((e) => e.kind === 'reverse' && e.source.id === 'challenge')!.description;
    expect(said).toBe('Challenge bonus taken back: Try 3 categories; purchase g-1 was refunded, leaving 2 of the 3 it needs; 300 already spent and forgiven');
    await h.expectLedgerProven();
  });
});
