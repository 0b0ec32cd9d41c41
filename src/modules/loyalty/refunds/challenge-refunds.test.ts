import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { heldOpen, queued, race } from '../../../../test/helpers/concurrency.ts';
import { csvFiles } from '../../../../test/helpers/csv-files.ts';
import { deliver } from '../../../../test/helpers/deliver.ts';
import { recordAll } from '../../../../test/helpers/purchases.ts';
import { openTestServices } from '../../../../test/helpers/services.ts';
import { importFile } from '../../../workflows/import-file.ts';

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
  const deliverPurchases = () => deliver(get(), 'purchase.recorded', { subscriber: 'loyalty.challenges' });
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
    await deliverPurchases();
    return { id: bought[0].customerId, purchases: bought.map((b) => b.purchaseId), email };
  }
  return { buy, deliver: deliverPurchases, account, challenge, takenBack, revokedEvents, expectLedgerProven, explorer };
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
    const revoked = [{ challenge: 'explorer', completion: 1, points_reversed: 300, unsettled: 0, completed_again: null }];
    expect(first.loyalty).toEqual({ points_reversed: 5 + 100, unsettled: 0, referral: null, challenges: revoked, balance: 10, pending: 0, tier: null, tier_change: null }); // with the first-purchase bonus
    expect(await s.commerce.refund(y.purchases[0], { external_id: 'y-R1' }, actor)).toMatchObject({ created: false, loyalty: { points_reversed: 105, challenges: revoked } });
    await s.commerce.refund(y.purchases[2], { external_id: 'y-R3' }, actor);
    await h.deliver(); // the job delivered again completes nothing: one category is left
    expect((await h.takenBack(y.id)).map((e) => e.points)).toEqual([-300]);
    expect(await h.revokedEvents(y.id)).toHaveLength(1);
    expect((await h.account(y.id)).balance).toBe(5);
    await h.expectLedgerProven();
  });

  it('is not completed again on the day of the completion revoked: one a day; the next purchase on another day completes it', async () => {
    const email = 'd@example.com';
    const p: Awaited<ReturnType<typeof h.buy>>[] = [];
    for (const [k, at] of [['k1', '2025-12-01T10:00:00Z'], ['k2', '2025-12-02T10:00:00Z'], ['k3', '2025-12-03T10:00:00Z'], ['k4', '2025-12-03T15:00:00Z']]) p.push(await h.buy(email, `d-${k}`, at, k));
    await h.deliver();
    const id = p[0].customerId;
    expect(await h.challenge(id, 'explorer')).toMatchObject({ completed: 1, last_completed_at: '2025-12-03T10:00:00.000Z' });
    // k1, k2 and k4 make three categories again, but k4 was bought on the day of the completion revoked.
    const refunded = await s.commerce.refund(p[2].purchaseId, { external_id: 'd-R3' }, actor);
    expect(refunded.loyalty!.challenges).toEqual([{ challenge: 'explorer', completion: 1, points_reversed: 300, unsettled: 0, completed_again: null }]);
    expect(await h.challenge(id, 'explorer')).toMatchObject({ completed: 0 });
    await h.buy(email, 'd-k5', '2025-12-04T10:00:00Z', 'k5');
    await h.deliver();
    expect(await h.challenge(id, 'explorer')).toMatchObject({ completed: 1, last_completed_at: '2025-12-04T10:00:00.000Z' });
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
    expect(said).toBe('Challenge bonus revoked: Try 3 categories; purchase g-1 was refunded, leaving 2 of the 3 it needs; its 300 points had been spent already: forgiven, nothing taken');
    await h.expectLedgerProven();
  });
});

// QA F4: "3 visits in 30 days" completed at B-3 of B-1 … B-4; B-3 refunded in full took the
// bonus back and the account read 3 of 3 but not completed, until the next purchase. The
// purchases kept meet the goal: the refund completes it again at once, dated at B-4.
describe('a challenge completed again by the purchases kept (QA F4)', () => {
  let s: Services;
  const h = helpers(() => s);
  const files = csvFiles('challenge-again');
  beforeAll(async () => {
    s = await openTestServices();
    await s.loyalty.applyProgram({ program: {
      name: 'Visits', refund_shortfall: 'negative_balance', earning: { points_per_currency_unit: 1 },
      challenges: [
        { code: 'three-visits', name: '3 visits in 30 days', goal: { type: 'visits', count: 3, within_days: 30 }, points: 250 },
        { code: 'regular', name: 'Regular', goal: { type: 'visits', count: 3, within_days: 30 }, points: 100, repeatable: true },
      ],
    } }, actor);
    s.clock.set('2026-12-10T12:00:00Z');
  });
  afterAll(async () => {
    await s?.close();
    files.remove();
  });
  const importPurchases = (email: string, rows: [string, string, string][]) =>
    importFile(s, { kind: 'purchases', file: files.write(['external_id,customer_email,occurred_at,total', ...rows.map(([k, at, total]) => `${k},${email},${at},${total}`)]) });
  const purchaseId = async (key: string) => (await s.db.selectFrom('purchases').select('id').where('external_id', '=', key).executeTakeFirstOrThrow()).id;
  const customerOf = async (key: string) => (await s.db.selectFrom('purchases').select('customer_id').where('external_id', '=', key).executeTakeFirstOrThrow()).customer_id;
  /** The challenges of a refund's answer (commerce answers what loyalty's hook gave, untyped). */
  const challengesOf = (r: { loyalty: Record<string, unknown> | null }) => r.loyalty!.challenges as { challenge: string; completion: number; completed_again: unknown }[];
  const completedEvents = (id: string) => s.db.selectFrom('events').select('payload').where('type', '=', 'loyalty.challenge_completed').where('customer_id', '=', id).execute();
  const qa = (tag: string): [string, string, string][] => [
    [`${tag}-1`, '2026-11-20T10:00:00Z', '30.00'], [`${tag}-2`, '2026-11-25T10:00:00Z', '12.34'],
    [`${tag}-3`, '2026-11-26T10:00:00Z', '80.00'], [`${tag}-4`, '2026-11-27T10:00:00Z', '10.01'],
  ];

  it('a refunds file that revokes a completion the purchases kept still meet: completed again at once, at the kept purchase that meets it', async () => {
    await importPurchases('b@example.com', qa('B'));
    await h.deliver();
    const id = await customerOf('B-1');
    expect(await h.challenge(id, 'three-visits')).toMatchObject({ progress: 3, completed: 1, last_completed_at: '2026-11-26T10:00:00.000Z' });
    expect((await h.account(id)).balance).toBe(30 + 12 + 80 + 10 + 250 + 100);

    const refunds = await importFile(s, { kind: 'refunds', file: files.write(['external_id,purchase,occurred_at', 'B-R3,B-3,2026-11-29T10:00:00Z']) });
    expect(refunds).toMatchObject({ created: 1, invalid: 0 });
    // B-1, B-2 and B-4: three visits within 30 days — completed again, dated at B-4, not at the next purchase.
    expect(await h.challenge(id, 'three-visits')).toMatchObject({ progress: 3, completed: 1, last_completed_at: '2026-11-27T10:00:00.000Z' });
    expect(await h.challenge(id, 'regular')).toMatchObject({ progress: 0, completed: 1, last_completed_at: '2026-11-27T10:00:00.000Z' });
    const a = await h.account(id);
    expect(a.balance).toBe(30 + 12 + 10 + 250 + 100);
    // The explanation: each completion, the take-back, and each completion again at B-4.
    const said = a.explanation.entries.filter((e) => e.source.id === 'challenge').map((e) => [e.at, e.points, e.description]);
    expect(said).toEqual([
      ['2026-11-26T10:00:00.000Z', 250, 'Challenge completed: 3 visits in 30 days'],
      ['2026-11-26T10:00:00.000Z', 100, 'Challenge completed: Regular'],
      ['2026-11-27T10:00:00.000Z', 100, 'Challenge completed: Regular'],
      ['2026-11-27T10:00:00.000Z', 250, 'Challenge completed: 3 visits in 30 days'],
      ['2026-11-29T10:00:00.000Z', -100, 'Challenge bonus taken back: Regular; purchase B-3 was refunded, leaving 2 of the 3 it needs'],
      ['2026-11-29T10:00:00.000Z', -250, 'Challenge bonus taken back: 3 visits in 30 days; purchase B-3 was refunded, leaving 2 of the 3 it needs'],
    ]);
    expect((await completedEvents(id)).map((e) => [e.payload.challenge, e.payload.completion]).sort()).toEqual([['regular', 1], ['regular', 2], ['three-visits', 1], ['three-visits', 2]]);
    expect(await h.revokedEvents(id)).toHaveLength(2);

    // The challenge job delivered again changes nothing; the next purchases count after B-4: the one that does not repeat stays done once.
    await importPurchases('b@example.com', [['B-5', '2026-11-28T10:00:00Z', '5.00'], ['B-6', '2026-11-30T10:00:00Z', '5.00'], ['B-7', '2026-12-01T10:00:00Z', '5.00']]);
    await h.deliver();
    expect(await h.challenge(id, 'three-visits')).toMatchObject({ completed: 1, last_completed_at: '2026-11-27T10:00:00.000Z' });
    expect(await h.challenge(id, 'regular')).toMatchObject({ completed: 2, last_completed_at: '2026-12-01T10:00:00.000Z' });
    expect((await h.account(id)).balance).toBe(30 + 12 + 10 + 15 + 250 + 100 + 100);
    await h.expectLedgerProven();
  });

  it("the refund's answer names the completion made again, and its retry answers the same", async () => {
    await importPurchases('c@example.com', qa('C'));
    await h.deliver();
    const first = await s.commerce.refund(await purchaseId('C-3'), { external_id: 'C-R3' }, actor);
    const challenges = [
      { challenge: 'regular', completion: 1, points_reversed: 100, unsettled: 0, completed_again: { completion: 2, points: 100 } },
      { challenge: 'three-visits', completion: 1, points_reversed: 250, unsettled: 0, completed_again: { completion: 2, points: 250 } },
    ];
    expect(first.loyalty).toEqual({ points_reversed: 80, unsettled: 0, referral: null, challenges, balance: 402, pending: 0, tier: null, tier_change: null });
    const again = await s.commerce.refund(await purchaseId('C-3'), { external_id: 'C-R3' }, actor);
    expect(again.created).toBe(false);
    expect(again.loyalty).toEqual(first.loyalty);
    // A later refund of the purchase that completed it again revokes that completion; B-1 and B-2 alone meet no goal.
    const second = await s.commerce.refund(await purchaseId('C-4'), { external_id: 'C-R4' }, actor);
    expect(second.loyalty!.challenges).toEqual([
      { challenge: 'regular', completion: 2, points_reversed: 100, unsettled: 0, completed_again: null },
      { challenge: 'three-visits', completion: 2, points_reversed: 250, unsettled: 0, completed_again: null },
    ]);
    const id = await customerOf('C-1');
    expect(await h.challenge(id, 'three-visits')).toMatchObject({ completed: 0 });
    expect((await h.account(id)).balance).toBe(30 + 12);
    await h.expectLedgerProven();
  });

  it('is not completed again when the purchases kept meet the goal only outside its window', async () => {
    await importPurchases('w@example.com', [['W-1', '2026-11-01T10:00:00Z', '1.00'], ['W-2', '2026-11-20T10:00:00Z', '1.00'], ['W-3', '2026-11-25T10:00:00Z', '1.00'], ['W-4', '2026-12-05T10:00:00Z', '1.00']]);
    await h.deliver();
    const id = await customerOf('W-1');
    expect(await h.challenge(id, 'three-visits')).toMatchObject({ completed: 1, last_completed_at: '2026-11-25T10:00:00.000Z' });
    // W-1, W-3 and W-4 are three visits, but not within 30 days of one another.
    const refunded = await s.commerce.refund(await purchaseId('W-2'), { external_id: 'W-R2' }, actor);
    expect(challengesOf(refunded).map((c) => [c.challenge, c.completed_again])).toEqual([['regular', null], ['three-visits', null]]);
    expect(await h.challenge(id, 'three-visits')).toMatchObject({ progress: 2, completed: 0 });
    expect((await h.account(id)).balance).toBe(3);
    await h.expectLedgerProven();
  });

  it('the challenge job and the refund at once: one completion again, at the kept purchase, whichever goes first', async () => {
    for (let i = 0; i < 5; i++) {
      const tag = `R${i}`;
      await importPurchases(`race-${i}@example.com`, qa(tag));
      const id = await customerOf(`${tag}-1`);
      // The job not yet run for these purchases: it completes at R-3 or, after the refund, at R-4.
      const items = qa(tag).map(([, at]) => ({ customerId: id, at: new Date(at) }));
      const refund = await purchaseId(`${tag}-3`);
      if (i === 0) {
        // The job first, waiting for the member: it completes "3 visits" at R-3, then the refund revokes that and completes it again at R-4.
        const locked = await heldOpen(s.db, (trx) => sql`SELECT 1 FROM loyalty_members WHERE customer_id = ${id} FOR UPDATE`.execute(trx));
        const completing = s.loyalty.evaluateChallenges(id, items[2].at, new Set(['three-visits']));
        await queued();
        const refunding = s.commerce.refund(refund, { external_id: `${tag}-R3` }, actor);
        await queued();
        await locked.commit();
        const [, refunded] = await Promise.all([completing, refunding]);
        expect(challengesOf(refunded).map((c) => [c.challenge, c.completion, c.completed_again])).toEqual([['three-visits', 1, { completion: 2, points: 250 }]]);
        await s.loyalty.evaluateChallengesMany(items); // the rest of the dispatch, after the refund: "Regular" at R-4
      } else {
        // Left to the scheduler.
        const { errors } = await race<unknown>([
          () => s.commerce.refund(refund, { external_id: `${tag}-R3` }, actor),
          () => s.loyalty.evaluateChallengesMany(items),
        ]);
        expect(errors).toEqual([]);
      }
      for (const code of ['three-visits', 'regular']) {
        expect(await h.challenge(id, code)).toMatchObject({ completed: 1, last_completed_at: '2026-11-27T10:00:00.000Z' });
      }
      expect((await h.account(id)).balance).toBe(30 + 12 + 10 + 250 + 100);
    }
    await h.expectLedgerProven();
  });
});
