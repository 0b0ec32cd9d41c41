import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useCliBusiness } from '../../test/helpers/cli-process.ts';

// Every amount the command line prints for people is written as the language writes money
// (moneyIn, shared/money.ts), as a member's explanation and the dashboard write it:
// "€42.50" in English, "42,50 €" in Slovenian. --json keeps the API's decimal strings.
// Regression: `status`, `customers list`, `loyalty report` and `analyze metrics` printed
// "42.50 EUR" (or a bare "42.50" under a "(EUR)" heading) while `loyalty account` printed
// "€42.50" and "42,50 €".
const { run, ok, json, work } = useCliBusiness('amounts');

const PROGRAM = {
  name: 'Test points',
  point_value: '0.01', enrolment: 'automatic', pending_days: 0,
  earning: { points_per_currency_unit: 10, rounding: 'floor' },
  bonuses: {},
  expiry: { policy: 'none' },
  tiers: { metric: 'spend', window: 'lifetime', levels: [{ code: 'member', name: { en: 'Member' }, threshold: '0' }] },
  rewards: [],
};
const DAY = 86_400_000;
const bought = new Date(Math.floor(Date.now() / DAY) * DAY - 10 * DAY + 12 * 3_600_000);

beforeAll(() => {
  fs.writeFileSync(path.join(work, 'program.json'), JSON.stringify(PROGRAM));
  ok(run('loyalty', 'apply', 'program.json'));
  fs.writeFileSync(path.join(work, 'purchases.csv'), ['external_id,customer_email,occurred_at,total', `o-1,ana@example.com,${bought.toISOString()},1042.50`].join('\n'));
  ok(run('import', 'purchases', 'purchases.csv'));
}, 120_000);

/** A command's output in `language`, its no-break spaces (Intl's, in "42,50 €") as plain ones. */
const told = (language: string, ...args: string[]) => ok(run(...args, '--language', language)).replace(/\u00a0/g, ' ');

describe('amounts the command line prints', () => {
  it('are written as the language writes money in every command, and --json keeps the decimal string', () => {
    expect(told('en', 'status')).toContain('Revenue:   €1,042.50\n');
    expect(told('sl', 'status')).toContain('Prihodki: 1042,50 €\n');
    expect(told('ru', 'status')).toContain('Выручка: 1 042,50 €\n');
    expect(json<{ revenue: string }>(run('status', '--json')).revenue).toBe('1042.50');

    const listed = told('sl', 'customers', 'list').split('\n');
    expect(listed[0]).toMatch(/ Neto poraba /);
    expect(listed[1]).toMatch(/ 1042,50 € /);
    expect(told('en', 'customers', 'list').split('\n')[1]).toMatch(/ €1,042\.50 /);

    // 10 points a euro: 10,425 points outstanding, a liability of 104.25.
    expect(told('sl', 'loyalty', 'report')).toContain('obveznost 104,25 €');
    expect(told('en', 'loyalty', 'report')).toContain('liability €104.25');

    const metrics = told('da', 'analyze', 'metrics');
    expect(metrics.split('\n')[0]).not.toMatch(/EUR/);
    expect(metrics).toMatch(/Nettoomsætning +1\.042,50 €/);
    expect(told('en', 'analyze', 'metrics')).toMatch(/Net revenue +€1,042\.50\n/);
  }, 240_000); // twelve commands, each starting the embedded database (timed out at 60 s on a busy machine)
});
