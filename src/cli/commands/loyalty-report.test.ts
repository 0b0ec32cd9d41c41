import { describe, expect, it } from 'vitest';
import { describeReport } from './loyalty.ts';

// `regulars loyalty report` names each tier as the dashboard's report does, in the language
// asked: it printed the tiers' codes ("member", "silver") in every language.
const report = {
  as_of: '2026-12-06T20:00:00.000Z', members: 7,
  points: { outstanding: 969, pending: 789, owed: 0, issued: 1219, earned: 2866, adjusted_in: 0, adjusted_out: 0, merged_in: 0, merged_out: 0, redeemed: 200, expired: 50, expiring_now: 0, reversed: 1647, forfeited: 0 },
  liability: { points: 969, value: '9.69', point_value: '0.01', currency: 'EUR' },
  breakage_rate: 50 / 1219, redemption_rate: 200 / 1219,
  tiers: [
    { tier: 'member', name: { en: 'Member', sl: 'Član', ru: 'Участник' }, members: 4 },
    { tier: 'silver', name: { en: 'Silver', sl: 'Srebrni' }, members: 1 },
    { tier: 'bronze', name: 'bronze', members: 1 },
    { tier: null, name: null, members: 1 },
  ],
} as Parameters<typeof describeReport>[0];

const tierLines = (text: string) => text.split('\n').slice(-4);

describe('the loyalty report on the command line', () => {
  it('names the tiers in the language asked, English where the program gives none, an old tier by its code', () => {
    expect(tierLines(describeReport(report, 'sl'))).toEqual(['  Član         4', '  Srebrni      1', '  bronze       1', expect.stringMatching(/^ {2}\S.* {2,}1$/)]);
    expect(tierLines(describeReport(report, 'en'))).toEqual(['  Member       4', '  Silver       1', '  bronze       1', expect.stringMatching(/^ {2}\S.* {2,}1$/)]);
    expect(tierLines(describeReport(report, 'ru'))[0]).toBe('  Участник     4');
    expect(describeReport(report, 'sl')).toContain('obveznost 9,69');
  });
});
