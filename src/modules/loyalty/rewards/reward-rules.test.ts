import { describe, expect, it } from 'vitest';
import { compileProgram } from '../program/program.ts';
import { ProgramDocument } from '../program/program.schema.ts';
import { rewardProblem, type Redeemer } from './reward-rules.ts';

// A reward's availability window read as a promotion's is: a date alone is the start of
// that day in the business's time zone (the owner means "from Monday" in Ljubljana), a
// timestamp the instant written. Before, a reward read a date as midnight UTC, an hour or
// two after Ljubljana's.

const program = compileProgram({
  version: 1, effectiveFrom: new Date('2026-01-01T00:00:00Z'), currency: 'EUR', timeZone: 'Europe/Ljubljana',
  document: ProgramDocument.parse({
    name: 'Windows',
    earning: { points_per_currency_unit: 1 },
    rewards: [
      { code: 'december', name: 'December', type: 'free_product', sku: 'D', points: 10, available_from: '2026-12-01', available_to: '2027-01-01' },
      { code: 'exact', name: 'Exact', type: 'free_product', sku: 'E', points: 10, available_from: '2026-12-01T00:00:00Z' },
      { code: 'always', name: 'Always', type: 'free_product', sku: 'A', points: 10 },
    ],
  }),
});

const member: Redeemer = { tier: null, points: 100, lots: [{ id: 1, remaining: 100, availableAt: null, expiresAt: null }] };
const reward = (code: string) => program.document.rewards.find((r) => r.code === code)!;
const problemAt = (code: string, at: string) => rewardProblem(reward(code), program, member, { now: new Date(at), issued: 0 })?.code ?? null;

describe("a reward's window", () => {
  it("opens at the start of its first day and closes at the start of the day after, in the business's time zone", () => {
    // 2026-12-01 00:00 in Ljubljana (UTC+1) is 2026-11-30T23:00Z.
    expect(problemAt('december', '2026-11-30T22:59:59Z')).toBe('not_yet_available');
    expect(problemAt('december', '2026-11-30T23:30:00Z')).toBe(null);
    expect(problemAt('december', '2026-12-31T22:59:59Z')).toBe(null);
    expect(problemAt('december', '2026-12-31T23:00:00Z')).toBe('no_longer_available');
  });

  it('takes a timestamp as the instant written, and no window as always open', () => {
    expect(problemAt('exact', '2026-11-30T23:30:00Z')).toBe('not_yet_available');
    expect(problemAt('exact', '2026-12-01T00:00:00Z')).toBe(null);
    expect(problemAt('always', '1990-01-01T00:00:00Z')).toBe(null);
  });
});
