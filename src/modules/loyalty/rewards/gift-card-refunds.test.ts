import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices } from '../../../../test/helpers/services.ts';
import { race, times } from '../../../../test/helpers/concurrency.ts';
import { createLoyaltyCore } from '../loyalty.core.ts';
import { createGiftCardRefunds, type GiftCardRefundsService } from './gift-card-refunds.ts';
import { createGiftCards, type GiftCardsService } from './gift-cards.ts';

// Refunds of one gift card charge racing each other, and a refund racing its own retry,
// never give back more than the charge took: they take the card's row lock, as charges do.
// On PostgreSQL several "processes" (services of their own) run them in concurrent
// transactions; PGlite runs them one after the other, where the same outcomes must hold.
let s: Awaited<ReturnType<typeof openTestServices>>;
let processes: (GiftCardsService & GiftCardRefundsService)[];
const actor = { actor: 'test' };
const on = (i: number) => processes[i % processes.length];

beforeAll(async () => {
  s = await openTestServices();
  processes = times(4, () => {
    const core = createLoyaltyCore({ db: s.db, clock: s.clock, currency: 'EUR', timeZone: 'Europe/Ljubljana' });
    return { ...createGiftCards(core), ...createGiftCardRefunds(core) };
  });
});
afterAll(() => s?.close());

describe('gift card refunds at once', () => {
  it('10 refunds of 5.00 against a 20.00 charge at once: exactly four succeed, the rest are told 0.00 is left', async () => {
    const card = await s.loyalty.issueGiftCard({ amount: '30.00', idempotency_key: 'race-card' }, actor);
    await s.loyalty.chargeGiftCard(card.code, { amount: '20.00', idempotency_key: 'race-charge' }, actor);
    const { ok, errors } = await race(times(10, (i) => () => on(i).refundGiftCard(card.code, { charge_key: 'race-charge', amount: '5.00', idempotency_key: `r-${i}` }, actor)));
    expect(ok).toHaveLength(4);
    expect(errors).toHaveLength(6);
    for (const e of errors) expect(e).toMatchObject({ kind: 'conflict', message: /€0\.00 of it is left/, problems: [{ field: 'amount' }] });
    expect((await s.loyalty.giftCard(card.code)).balance).toBe('30.00');
    const refunds = await s.db.selectFrom('gift_card_refunds').select(['amount_minor', 'balance_after_minor']).where('code', '=', card.code.replaceAll('-', '')).orderBy('balance_after_minor').execute();
    expect(refunds.map((r) => Number(r.balance_after_minor))).toEqual([1500, 2000, 2500, 3000]);
  });

  it('one refund retried 8 times at once gives back once; refunds and charges of one card take turns', async () => {
    const card = await s.loyalty.issueGiftCard({ amount: '40.00', idempotency_key: 'retry-card' }, actor);
    await s.loyalty.chargeGiftCard(card.code, { amount: '25.00', idempotency_key: 'retry-charge' }, actor);
    const retried = await race(times(8, (i) => () => on(i).refundGiftCard(card.code, { charge_key: 'retry-charge', amount: '10.00', idempotency_key: 'one-refund' }, actor)));
    expect(retried.errors).toEqual([]);
    expect(retried.ok.filter((r) => r.created)).toHaveLength(1);
    expect(retried.ok.every((r) => r.refunded === '10.00')).toBe(true);
    expect((await s.loyalty.giftCard(card.code)).balance).toBe('25.00');

    // The rest given back while the card is charged again: the balance is every step's sum.
    const mixed = await race<unknown>([
      () => on(0).refundGiftCard(card.code, { charge_key: 'retry-charge', idempotency_key: 'the-rest' }, actor),
      ...times(5, (i) => () => on(i + 1).chargeGiftCard(card.code, { amount: '5.00', idempotency_key: `again-${i}` }, actor)),
    ]);
    expect(mixed.errors).toEqual([]);
    expect((await s.loyalty.giftCard(card.code)).balance).toBe('15.00');
  });
});
