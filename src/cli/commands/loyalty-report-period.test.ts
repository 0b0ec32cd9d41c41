import { beforeAll, describe, expect, it } from 'vitest';
import { useCliBusiness } from '../../../test/helpers/cli-process.ts';
import { describeReport } from './loyalty.ts';

// `regulars loyalty report --from --to` as a user runs it (embedded database, or PostgreSQL
// with REGULARS_TEST_DB=postgres): the period reaches the report, a bad date is refused naming
// its option in the language asked. The figures of a period are worked by hand in
// src/modules/loyalty/accounts/report-period.test.ts.
const cli = useCliBusiness('report-period');
const { run, runIn, json } = cli;

beforeAll(() => {
  expect(run('migrate').status).toBe(0);
});

/** March 2026's report as the server answers it (README's worked case), asked on 1 June. */
const march = {
  as_of: '2026-06-01T12:00:00.000Z', period: { from: '2026-03-01', to: '2026-03-31' }, members: 2,
  points: { outstanding: 120, pending: 0, owed: 10, issued: 70, earned: 75, adjusted_in: 0, adjusted_out: 0, merged_in: 0, merged_out: 0, redeemed: 20, expired: 14, expiring_now: 12, reversed: 15, forfeited: 0 },
  liability: { points: 120, value: '1.20', point_value: '0.01', currency: 'EUR' }, breakage_rate: 0.2, redemption_rate: 20 / 70, tiers: [],
  opening: { at: '2026-02-28T23:00:00.000Z', points: 14, value: '0.14', point_value: '0.01', currency: 'EUR' },
  closing: { at: '2026-03-31T22:00:00.000Z', points: 50, value: '0.50', point_value: '0.01', currency: 'EUR' },
} as Parameters<typeof describeReport>[0];

describe('regulars loyalty report --from --to', () => {
  it('answers the period asked, and the whole ledger without one', () => {
    expect(json<{ period: unknown }>(run('loyalty', 'report', '--from', '2026-01-01', '--to', '2026-03-31', '--json')).period).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(json<{ period: unknown }>(run('loyalty', 'report', '--json')).period).toBeNull();
    expect(cli.ok(run('loyalty', 'report', '--from', '2026-01-01'))).toMatch(/^Period 2026-01-01 – …: /);
  });

  it('refuses a date that is none and a period ending before it starts, naming the option, in the language asked', () => {
    const bad = run('loyalty', 'report', '--from', '2026-02-30');
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain('--from: is not a calendar date');
    const backwards = runIn({ REGULARS_LANGUAGE: 'sl' }, 'loyalty', 'report', '--from', '2026-04-01', '--to', '2026-03-31');
    expect(backwards.status).not.toBe(0);
    // The other field named as the option too (the API quotes it as `from`).
    expect(backwards.stderr).toContain('--to: ne sme biti pred --from\n');
    expect(run('loyalty', 'report', '--from', '2026-04-01', '--to', '2026-03-31').stderr).toContain('--to: must not be before --from\n');
  });

  it('says first which days the movements are of, and that the state is now\'s', () => {
    expect(describeReport(march, 'en').split('\n')[0]).toBe('Period 2026-03-01 – 2026-03-31: movements, issued points and rates of these days; members, outstanding points and tiers as of now');
    expect(describeReport(march, 'da').split('\n')[0]).toMatch(/^Periode 2026-03-01 – 2026-03-31: /);
    expect(describeReport({ ...march, period: null, opening: null, closing: null }, 'en').split('\n')[0]).toBe('Members: 2');
  });

  it("says the period's opening and closing next, the closing now when the period reaches today", () => {
    const [, opening, closing] = describeReport(march, 'en').split('\n');
    expect(opening).toMatch(/^Opening, start of 2026-03-01: 14 points outstanding, liability .*0[.,]14/);
    expect(closing).toMatch(/^Closing, end of 2026-03-31: 50 points outstanding, liability .*0[.,]50/);
    expect(describeReport(march, 'sl').split('\n')[1]).toMatch(/^Začetno stanje, začetek 2026-03-01: neporabljene točke 14/);
    const now = { ...march, period: { from: null, to: '2026-06-01' }, opening: { at: null, points: 0, value: '0.00', point_value: null, currency: 'EUR' }, closing: { at: march.as_of, points: 120, value: '1.20', point_value: '0.01', currency: 'EUR' } };
    expect(describeReport(now, 'en').split('\n')[1]).toMatch(/^Closing, now: 120 points outstanding/);
  });
});
