import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAll } from '../../../../test/helpers/purchases.ts';
import { openTestServices } from '../../../../test/helpers/services.ts';
import { race, times } from '../../../../test/helpers/concurrency.ts';

// Issuing a gift card and creating a coupon campaign make stored value, and an admin's
// script that lost the response sends the request again: under one idempotency key they
// create exactly one gift card or campaign, however often and however concurrently the
// request comes, and every answer is the first one. On PostgreSQL the concurrent requests
// run in concurrent transactions; PGlite runs them one after the other, where the same
// outcomes must hold.
let s: Awaited<ReturnType<typeof openTestServices>>;
const actor = { actor: 'test' };

const without = <T extends { created: boolean }>({ created: _, ...rest }: T) => rest;

const giftCardsUnder = (key: string) => s.db.selectFrom('gift_cards').select('code').where('idempotency_key', '=', key).execute();
const campaignsUnder = (key: string) => s.db.selectFrom('coupon_campaigns').select('id').where('idempotency_key', '=', key).execute();
const codesOf = (campaignId: string) => s.db.selectFrom('coupons').select('code').where('campaign_id', '=', campaignId).execute();

beforeAll(async () => {
  s = await openTestServices();
});
afterAll(() => s?.close());

describe('issuing a gift card', () => {
  it('needs a key, and a retry with it answers the same card without issuing another', async () => {
    await expect(s.loyalty.issueGiftCard({ amount: '25.00' }, actor)).rejects.toMatchObject({ kind: 'invalid', problems: [{ field: 'idempotency_key' }] });
    await expect(s.loyalty.issueGiftCard({ amount: '25.00', idempotency_key: '   ' }, actor)).rejects.toMatchObject({ problems: [{ field: 'idempotency_key' }] });
    await expect(s.loyalty.issueGiftCard({ amount: '25.00', idempotency_key: 'k'.repeat(201) }, actor)).rejects.toMatchObject({ problems: [{ field: 'idempotency_key' }] });

    const first = await s.loyalty.issueGiftCard({ amount: '25.00', expires_at: '2027-06-01T00:00:00Z', idempotency_key: 'issue-1' }, actor);
    expect(first).toMatchObject({ created: true, initial: '25.00', balance: '25.00', currency: 'EUR' });
    // The same request, written otherwise (25 for 25.00, the same instant in another offset, the key padded).
    const again = await s.loyalty.issueGiftCard({ amount: 25, expires_at: '2027-06-01T02:00:00+02:00', idempotency_key: ' issue-1 ' }, actor);
    expect(again.created).toBe(false);
    expect(without(again)).toEqual(without(first));
    expect(await giftCardsUnder('issue-1')).toHaveLength(1);

    // A replay after the card was spent from answers the same card as it is now.
    await s.loyalty.chargeGiftCard(first.code, { amount: '5.00', idempotency_key: 'order-1' }, actor);
    expect(await s.loyalty.issueGiftCard({ amount: '25.00', expires_at: '2027-06-01T00:00:00Z', idempotency_key: 'issue-1' }, actor)).toMatchObject({ created: false, code: first.code, balance: '20.00' });
  });

  it('refuses the same key with another body, naming the key and what differs', async () => {
    const [o] = await recordAll(s, [{ external_id: 'p-1', customer: { email: 'gift@example.com' }, occurred_at: '2026-05-20T10:00:00Z', total: '5.00' }]);
    await s.loyalty.issueGiftCard({ amount: '40.00', idempotency_key: 'issue-2' }, actor);
    // (A regular expression in toMatchObject matches any string: the texts are compared whole.)
    const refusals: [object, string, string][] = [
      [{ amount: '40.01' }, 'amount', '40.00 (this request: 40.01)'],
      [{ amount: '40.00', customer_id: o.customerId }, 'customer_id', `none (this request: ${o.customerId})`],
      [{ amount: '40.00', expires_at: '2027-01-01T00:00:00Z' }, 'expires_at', 'none (this request: 2027-01-01T01:00:00+01:00)'],
    ];
    for (const [other, field, reason] of refusals) {
      await expect(s.loyalty.issueGiftCard({ ...other, idempotency_key: 'issue-2' }, actor)).rejects.toMatchObject({
        kind: 'conflict', message: `Gift card with idempotency key issue-2 was already issued with other values: ${field} ${reason}`, problems: [{ field, reason }],
      });
    }
    expect(await giftCardsUnder('issue-2')).toHaveLength(1);
    // Another key is another card.
    const other = await s.loyalty.issueGiftCard({ amount: '40.00', idempotency_key: 'issue-3' }, actor);
    expect(other.created).toBe(true);
  });

  it('10 requests with one key at once: one gift card, ten equal answers', async () => {
    const { ok, errors } = await race(times(10, () => () => s.loyalty.issueGiftCard({ amount: '50.00', idempotency_key: 'issue-race' }, actor)));
    expect(errors).toEqual([]);
    expect(ok.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(ok.map((r) => r.code)).size).toBe(1);
    expect(await giftCardsUnder('issue-race')).toHaveLength(1);
  });

  it('one key with two bodies at once: one card, the other body refused every time', async () => {
    const { ok, errors } = await race(times(10, (i) => () => s.loyalty.issueGiftCard({ amount: i % 2 ? '10.00' : '20.00', idempotency_key: 'issue-mixed' }, actor)));
    expect(ok.filter((r) => r.created)).toHaveLength(1);
    expect(ok).toHaveLength(5);
    expect(new Set(ok.map((r) => r.initial)).size).toBe(1);
    expect(errors).toHaveLength(5);
    for (const e of errors) expect(e).toMatchObject({ kind: 'conflict', message: expect.stringMatching(/^Gift card with idempotency key issue-mixed was already issued with other values: amount /) });
    expect(await giftCardsUnder('issue-mixed')).toHaveLength(1);
  });
});

describe('creating a coupon campaign', () => {
  const spring = { name: 'Spring', benefit: { type: 'fixed_discount', amount: '3.00' }, count: 40, max_uses: 1, expires_at: '2026-07-01T00:00:00Z' };

  it('needs a key, and a retry with it answers the same campaign and codes without making more', async () => {
    await expect(s.loyalty.createCampaign(spring, actor)).rejects.toMatchObject({ problems: [{ field: 'idempotency_key' }] });
    const first = await s.loyalty.createCampaign({ ...spring, idempotency_key: 'camp-1' }, actor);
    expect(first.created).toBe(true);
    expect(new Set(first.codes).size).toBe(40);
    expect(first.benefit).toEqual({ type: 'fixed_discount', amount: '3.00' });
    const again = await s.loyalty.createCampaign({ ...spring, benefit: { type: 'fixed_discount', amount: 3 }, idempotency_key: 'camp-1' }, actor);
    expect(again.created).toBe(false);
    expect(without(again)).toEqual(without(first));
    expect(await campaignsUnder('camp-1')).toHaveLength(1);
    expect(await codesOf(first.id)).toHaveLength(40);
    expect(await s.db.selectFrom('coupons').select('code').where('kind', '=', 'promotion').execute()).toHaveLength(40);
    // Sent as a number, stored and answered as the business's decimal like every amount.
    const { benefit } = await s.loyalty.createCampaign({ name: 'Numbers', benefit: { type: 'fixed_discount', amount: 5 }, count: 1, idempotency_key: 'camp-number' }, actor);
    expect(benefit).toEqual({ type: 'fixed_discount', amount: '5.00' });
    expect((await s.db.selectFrom('coupons').select('benefit').where('campaign_id', '=', (await campaignsUnder('camp-number'))[0].id).executeTakeFirstOrThrow()).benefit).toEqual(benefit);
  });

  it('replays a shared-code campaign instead of refusing its code as taken', async () => {
    const summer = { name: 'Summer', benefit: { type: 'percent_discount', percent: 10 }, code: 'summer-26', max_uses: 500, per_customer_limit: 1, idempotency_key: 'camp-2' };
    const first = await s.loyalty.createCampaign(summer, actor);
    const again = await s.loyalty.createCampaign({ ...summer, code: 'SUMMER26' }, actor);
    expect(again).toMatchObject({ created: false, id: first.id, codes: first.codes });
    // The same code under another key is still another campaign's code.
    await expect(s.loyalty.createCampaign({ ...summer, idempotency_key: 'camp-3' }, actor)).rejects.toMatchObject({ kind: 'conflict', message: expect.stringMatching(/exists already/) });
  });

  it('refuses the same key with another body, naming the key and what differs', async () => {
    await s.loyalty.createCampaign({ ...spring, count: 3, idempotency_key: 'camp-4' }, actor);
    // (QA F6: it said only "a different body", naming no field.) Times in the business's zone, as a gift card's.
    const refusals: [object, string, string][] = [
      [{ count: 4 }, 'count', '3 (this request: 4)'],
      [{ name: 'Autumn' }, 'name', '"Spring" (this request: "Autumn")'],
      [{ max_uses: 2 }, 'max_uses', '1 (this request: 2)'],
      [{ benefit: { type: 'fixed_discount', amount: '3.01' } }, 'benefit.amount', '3.00 (this request: 3.01)'],
      [{ benefit: { type: 'percent_discount', percent: 10 } }, 'benefit', 'type fixed_discount, amount 3.00 (this request: type percent_discount, percent 10)'],
      [{ expires_at: '2026-08-01T00:00:00Z' }, 'expires_at', '2026-07-01T02:00:00+02:00 (this request: 2026-08-01T02:00:00+02:00)'],
      [{ per_customer_limit: 1 }, 'per_customer_limit', 'none (this request: 1)'],
      [{ count: undefined, code: 'SPRING-26' }, 'count', '3 (this request: none); code none (this request: SPRING-26)'],
    ];
    for (const [other, field, reason] of refusals) {
      await expect(s.loyalty.createCampaign({ ...spring, count: 3, ...other, idempotency_key: 'camp-4' }, actor)).rejects.toMatchObject({
        kind: 'conflict', message: `Campaign with idempotency key camp-4 was already created with other values: ${field} ${reason}`, problems: expect.arrayContaining([expect.objectContaining({ field })]),
      });
    }
    // A shared code compares as it is stored: "spring-26" is "SPRING26"; another code is named as each was written.
    await s.loyalty.createCampaign({ ...spring, count: undefined, code: 'spring-26', idempotency_key: 'camp-5' }, actor);
    await expect(s.loyalty.createCampaign({ ...spring, count: undefined, code: 'SPRING26', name: 'Spring!', idempotency_key: 'camp-5' }, actor)).rejects.toMatchObject({ problems: [{ field: 'name' }] });
    await expect(s.loyalty.createCampaign({ ...spring, count: undefined, code: 'SPRING27', idempotency_key: 'camp-5' }, actor)).rejects.toMatchObject({
      problems: [{ field: 'code', reason: 'spring-26 (this request: SPRING27)' }], message: 'Campaign with idempotency key camp-5 was already created with other values: code spring-26 (this request: SPRING27)',
    });
    const [campaign] = await campaignsUnder('camp-4');
    expect(await codesOf(campaign.id)).toHaveLength(3);
  });

  it('10 requests with one key at once: one campaign with its N codes, ten equal answers', async () => {
    const { ok, errors } = await race(times(10, () => () => s.loyalty.createCampaign({ ...spring, count: 25, idempotency_key: 'camp-race' }, actor)));
    expect(errors).toEqual([]);
    expect(ok.filter((r) => r.created)).toHaveLength(1);
    for (const r of ok) expect(without(r)).toEqual(without(ok[0]));
    const campaigns = await campaignsUnder('camp-race');
    expect(campaigns).toHaveLength(1);
    expect(await codesOf(campaigns[0].id)).toHaveLength(25);
  });

  it('10 requests with one key for one shared code at once: one campaign, no "code exists"', async () => {
    const { ok, errors } = await race(times(10, () => () => s.loyalty.createCampaign({ name: 'Flash', benefit: { type: 'percent_discount', percent: 5 }, code: 'FLASH-SALE', idempotency_key: 'camp-flash' }, actor)));
    expect(errors).toEqual([]);
    expect(ok.filter((r) => r.created)).toHaveLength(1);
    expect(await campaignsUnder('camp-flash')).toHaveLength(1);
  });
});
