import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAll } from '../../../../test/helpers/purchases.ts';
import { openTestServices } from '../../../../test/helpers/services.ts';

// A date without a time in a program is a day as the business lives it: the start of that
// day in its TIMEZONE (Europe/Ljubljana here), as everywhere else a date stands alone —
// not midnight UTC, which began a "from 1 January" version and a "double points from
// Saturday" promotion an hour late in Ljubljana (and a day early west of Greenwich).

type Services = Awaited<ReturnType<typeof openTestServices>>;
const actor = { actor: 'test' };

const program = {
  name: 'Local days',
  earning: { points_per_currency_unit: 1, promotions: [{ name: 'Double weekend', from: '2026-06-06', to: '2026-06-08', factor: 2 }] },
  expiry: { policy: 'none' },
};

describe('dates alone in a program', () => {
  let s: Services;
  beforeAll(async () => {
    s = await openTestServices();
    s.clock.set('2026-06-01T12:00:00Z');
    await s.loyalty.applyProgram({ program }, actor);
    s.clock.set('2026-06-10T12:00:00Z');
  });
  afterAll(() => s?.close());

  it('a promotion runs from the start of its first day to the start of its last, in the business\'s time zone', async () => {
    const earned = async (key: string, at: string) =>
      (await recordAll(s, [{ external_id: key, customer: { email: `${key}@example.com` }, occurred_at: at, total: '10.00' }]))[0].loyalty?.points_earned;
    // 00:30 on Saturday in Ljubljana is Friday 22:30 UTC: in the promotion.
    expect(await earned('sat-early', '2026-06-05T22:30:00Z')).toBe(20);
    expect(await earned('fri-late', '2026-06-05T21:30:00Z')).toBe(10);
    // 00:30 on Monday in Ljubljana: over.
    expect(await earned('mon-early', '2026-06-07T22:30:00Z')).toBe(10);
    expect(await earned('sun-late', '2026-06-07T21:30:00Z')).toBe(20);
  });

  it('a version dated by day alone takes effect at that day\'s start there', async () => {
    const applied = await s.loyalty.applyProgram({ program: { ...program, name: 'New year' }, effective_from: '2027-01-01' }, actor);
    expect(applied.effective_from).toBe('2026-12-31T23:00:00.000Z');
  });
});

// A time without its offset ("2026-06-06T10:00") is read by JavaScript in the zone of the
// machine the server runs on — UTC in a container — so a promotion written for 10:00 in
// Ljubljana began at 11:00 there, and `--effective-from 2026-12-08T10:00` took effect at
// 11:00. Such a time is refused where a program is given, naming it, nothing applied.
describe('a time without its offset in a program', () => {
  let s: Services;
  beforeAll(async () => {
    s = await openTestServices();
    s.clock.set('2026-06-01T12:00:00Z');
    await s.loyalty.applyProgram({ program }, actor);
  });
  afterAll(() => s?.close());

  const offsetless = {
    ...program,
    earning: { points_per_currency_unit: 1, promotions: [{ name: 'Morning', from: '2026-06-06T10:00', to: '2026-06-06T14:00:00+02:00', factor: 2 }] },
    rewards: [{ code: 'five', name: 'Five off', type: 'fixed_discount', amount: '5.00', points: 50, available_to: '2026-07-01T18:30' }],
  };
  const refusal = (error: unknown) => (error as { problems: { field: string; reason: string }[] }).problems;

  it('is refused by apply and simulate, naming each time, and nothing is applied', async () => {
    for (const attempt of [() => s.loyalty.applyProgram({ program: offsetless }, actor), () => s.loyalty.simulate(offsetless, { since: '2026-05-01' })]) {
      const error = await attempt().then(() => null, (e: unknown) => e);
      expect(refusal(error)).toEqual([
        { field: 'program.earning.promotions.0.from', reason: expect.stringContaining('has no time zone offset ("2026-06-06T10:00")') },
        { field: 'program.rewards.0.available_to', reason: expect.stringContaining('has no time zone offset ("2026-07-01T18:30")') },
      ]);
    }
    const error = await s.loyalty.applyProgram({ program, effective_from: '2026-06-02T10:00' }, actor).then(() => null, (e: unknown) => e);
    expect(refusal(error)).toEqual([{ field: 'effective_from', reason: expect.stringContaining('has no time zone offset ("2026-06-02T10:00")') }]);
    expect((await s.loyalty.currentProgram()).versions).toHaveLength(1);
  });

  // A misspelt effective_from was read as none: the version took effect at once, its tier
  // rules re-placing members, where it was meant for a later date.
  it('a misspelt effective_from or tier_policy is refused by name, nothing applied', async () => {
    const error = await s.loyalty.applyProgram({ program, effective_form: '2027-01-01', tier_polcy: 'reevaluate_now' }, actor).then(() => null, (e: unknown) => e);
    expect(refusal(error)).toEqual([{ field: '(body)', reason: 'unknown fields "effective_form" (did you mean "effective_from"?), "tier_polcy" (did you mean "tier_policy"?)' }]);
    expect((await s.loyalty.currentProgram()).versions).toHaveLength(1);
  });

  it('a time with its offset, or a date alone, is taken', async () => {
    const applied = await s.loyalty.applyProgram({ program: { ...offsetless, earning: { ...offsetless.earning, promotions: [{ ...offsetless.earning.promotions[0], from: '2026-06-06T10:00:00+02:00' }] }, rewards: [{ ...offsetless.rewards[0], available_to: '2026-07-01' }] }, effective_from: '2026-06-02T10:00Z' }, actor);
    expect(applied.effective_from).toBe('2026-06-02T10:00:00.000Z');
  });
});
