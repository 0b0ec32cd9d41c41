import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices } from '../../../../test/helpers/services.ts';

// A campaign's validity may be given as dates, as a gift card's expiry is ("valid 1–31
// December"): valid_from a date opens at the start of that day in the business's time
// zone (Europe/Ljubljana here), expires_at a date is usable through that day. Regression:
// both were refused unless a timestamp, while a gift card took a date.

let s: Awaited<ReturnType<typeof openTestServices>>;
const actor = { actor: 'test' };

beforeAll(async () => {
  s = await openTestServices();
  s.clock.set('2026-11-20T12:00:00Z');
});
afterAll(() => s?.close());

const december = { name: 'December', benefit: { type: 'fixed_discount', amount: '2.00' }, count: 1, valid_from: '2026-12-01', expires_at: '2026-12-31' };

describe("a campaign's dates", () => {
  it("open at the start of the first day and close at the end of the last, in the business's time zone", async () => {
    const campaign = await s.loyalty.createCampaign({ ...december, idempotency_key: 'december' }, actor);
    const code = campaign.codes[0];
    // Midnight in Ljubljana (UTC+1 in winter): 23:00 UTC the day before.
    expect(await s.loyalty.coupon(code)).toMatchObject({ valid_from: '2026-11-30T23:00:00.000Z', expires_at: '2026-12-31T23:00:00.000Z', problem_code: 'not_yet_valid' });
    // Its words tell the business's time, as the till's clock reads it, not UTC's.
    expect((await s.loyalty.coupon(code)).problem).toBe('the coupon is valid from 2026-12-01T00:00:00+01:00');
    s.clock.set('2026-12-31T22:59:00Z'); // 23:59 on 31 December there: still good
    expect(await s.loyalty.coupon(code)).toMatchObject({ usable: true });
    s.clock.set('2026-12-31T23:00:00Z');
    expect(await s.loyalty.coupon(code)).toMatchObject({ problem_code: 'expired', problem: 'the coupon expired at 2027-01-01T00:00:00+01:00' });
    s.clock.set('2026-11-20T12:00:00Z');
  });

  it('is one request with the dates and with the instants they mean: a retry answers the campaign', async () => {
    const first = await s.loyalty.createCampaign({ ...december, idempotency_key: 'december-2' }, actor);
    const again = await s.loyalty.createCampaign({ ...december, idempotency_key: 'december-2', valid_from: '2026-12-01T00:00:00+01:00', expires_at: '2027-01-01T00:00:00+01:00' }, actor);
    expect(again).toMatchObject({ created: false, id: first.id, codes: first.codes });
    // Another last day is named, as the campaign has it beside the request's.
    await expect(s.loyalty.createCampaign({ ...december, idempotency_key: 'december-2', expires_at: '2026-12-30' }, actor)).rejects.toMatchObject({
      kind: 'conflict', problems: [{ field: 'expires_at', reason: '2027-01-01T00:00:00+01:00 (this request: 2026-12-31T00:00:00+01:00)' }],
    });
  });

  it('refuses a last day before the first, a day already over, and what is neither a timestamp nor a date, naming the field; nothing made', async () => {
    const before = (await s.loyalty.campaigns({})).items.length;
    await expect(s.loyalty.createCampaign({ ...december, idempotency_key: 'bad-1', valid_from: '2026-12-31', expires_at: '2026-12-01' }, actor)).rejects.toMatchObject({ problems: [{ field: 'expires_at' }] });
    await expect(s.loyalty.createCampaign({ ...december, idempotency_key: 'bad-2', valid_from: undefined, expires_at: '2026-11-19' }, actor)).rejects.toMatchObject({ problems: [{ field: 'expires_at', reason: expect.stringMatching(/2026-11-19, which ended at .* in Europe\/Ljubljana/) }] });
    await expect(s.loyalty.createCampaign({ ...december, idempotency_key: 'bad-3', valid_from: '1 December' }, actor)).rejects.toMatchObject({ problems: [{ field: 'valid_from', reason: expect.stringMatching(/or a date \(2026-12-01/) }] });
    await expect(s.loyalty.createCampaign({ ...december, idempotency_key: 'bad-4', expires_at: '2026-12-31T18:00' }, actor)).rejects.toMatchObject({ problems: [{ field: 'expires_at', reason: expect.stringMatching(/or a date \(2026-12-31: the codes are usable through that day\)/) }] });
    // Today is fine: usable through its end.
    await s.loyalty.createCampaign({ ...december, idempotency_key: 'today', valid_from: undefined, expires_at: '2026-11-20' }, actor);
    expect((await s.loyalty.campaigns({})).items.length).toBe(before + 1);
  });
});
