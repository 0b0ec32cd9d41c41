import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices } from '../../../../test/helpers/services.ts';
import type { AppError } from '../../../shared/errors.ts';

// A campaign whose per-customer limit no customer could reach is refused, naming
// per_customer_limit. Regression: a shared code with per_customer_limit 3 and no max_uses
// (1) was made, usable once in all, its author believing each customer had three uses.
// A limit above max_uses over several codes is one a customer can reach ("3 of these 10").

let s: Awaited<ReturnType<typeof openTestServices>>;
const actor = { actor: 'test' };

beforeAll(async () => {
  s = await openTestServices();
  s.clock.set('2026-11-20T12:00:00Z');
});
afterAll(() => s?.close());

const campaign = (key: string, over: Record<string, unknown>) => ({ name: key, idempotency_key: key, benefit: { type: 'percent_discount', percent: 10 }, ...over });

describe("a campaign's per-customer limit", () => {
  it('is refused past the uses of all its codes together, naming per_customer_limit; nothing made', async () => {
    const before = (await s.loyalty.campaigns({})).items.length;
    await expect(s.loyalty.createCampaign(campaign('shared-default', { code: 'THREE-EACH', per_customer_limit: 3 }), actor)).rejects.toMatchObject({
      kind: 'invalid',
      problems: [{ field: 'per_customer_limit', reason: 'must be at most `max_uses` (1; 1 when not given): the shared code can be used that many times by all customers together, so no customer could reach this limit' }],
    });
    await expect(s.loyalty.createCampaign(campaign('shared-five', { code: 'FIVE-EACH', max_uses: 5, per_customer_limit: 6 }), actor)).rejects.toMatchObject({
      problems: [{ field: 'per_customer_limit', reason: expect.stringContaining('`max_uses` (5;') }],
    });
    const codes = s.loyalty.createCampaign(campaign('two-codes', { count: 2, per_customer_limit: 3 }), actor);
    await expect(codes).rejects.toMatchObject({
      problems: [{ field: 'per_customer_limit', reason: "must be at most 2, the uses of all the campaign's codes together (`count` 2 × `max_uses` 1; `max_uses` is 1 when not given): no customer could reach a higher limit" }],
    });
    // Told in each language.
    const refusal = (await codes.catch((error: unknown) => error)) as AppError;
    expect(refusal.in('sl').problems[0]!.reason).toMatch(/^mora biti največ 2, kolikor uporab imajo vse kode kampanje skupaj/);
    expect((await s.loyalty.campaigns({})).items.length).toBe(before);
  });

  it('stands up to those uses, and above max_uses over several codes', async () => {
    const made = [
      await s.loyalty.createCampaign(campaign('shared-ok', { code: 'FIVE-OK', max_uses: 5, per_customer_limit: 5 }), actor),
      await s.loyalty.createCampaign(campaign('codes-ok', { count: 10, per_customer_limit: 3 }), actor),
      await s.loyalty.createCampaign(campaign('codes-uses-ok', { count: 2, max_uses: 4, per_customer_limit: 8 }), actor),
    ];
    expect(made.map((c) => [c.created, c.per_customer_limit, c.codes.length])).toEqual([[true, 5, 1], [true, 3, 10], [true, 8, 2]]);
  });
});
