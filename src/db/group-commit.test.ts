import { describe, expect, it } from 'vitest';
import { createGroupCommit } from './group-commit.ts';

describe('createGroupCommit', () => {
  it('writes what waits as one group and answers each request with its own outcome', async () => {
    const groups: number[][] = [];
    const group = createGroupCommit(async (items: number[]) => {
      groups.push(items);
      await new Promise((r) => setTimeout(r, 5));
      return items.map((n) => n * 10);
    }, { maxInFlight: 1, maxBatch: 50 });
    const answers = await Promise.all(Array.from({ length: 120 }, async (_, n) => (await group.submit(n)).outcome));
    expect(answers).toEqual(Array.from({ length: 120 }, (_, n) => n * 10));
    // Submitted in one turn of the event loop: written in order, in groups of at most 50.
    expect(groups.map((g) => g.length)).toEqual([50, 50, 20]);
    expect(groups.flat()).toEqual(Array.from({ length: 120 }, (_, n) => n));
  });

  it('tells each request how long it waited, how long its group took and how large it was', async () => {
    const group = createGroupCommit(async (items: number[]) => {
      await new Promise((r) => setTimeout(r, 20));
      return items;
    }, { maxInFlight: 1, maxBatch: 3 });
    const answers = await Promise.all([1, 2, 3, 4].map((n) => group.submit(n)));
    expect(answers.map((a) => a.outcome)).toEqual([1, 2, 3, 4]);
    expect(answers.map((a) => a.timing.groupSize)).toEqual([3, 3, 3, 1]);
    for (const { timing } of answers) expect(timing.writeMs).toBeGreaterThanOrEqual(19);
    // The fourth waited for the first group's transaction.
    expect(answers[3].timing.queuedMs).toBeGreaterThanOrEqual(19);
    expect(answers[0].timing.queuedMs).toBeLessThan(19);
  });

  it('splits a group that fails as a whole until the item at fault fails alone', async () => {
    let attempts = 0;
    const group = createGroupCommit(async (items: string[]) => {
      attempts++;
      if (items.includes('bad')) throw new Error('the database refused the group');
      return items.map((s) => s.toUpperCase());
    }, { maxInFlight: 1 });
    const first = group.submit('first').then((w) => w.outcome);
    const rest = ['a', 'b', 'bad', 'c', 'd'].map((s) => group.submit(s).then((w) => w.outcome, (e: Error) => `failed: ${e.message}`));
    expect(await first).toBe('FIRST');
    expect(await Promise.all(rest)).toEqual(['A', 'B', 'failed: the database refused the group', 'C', 'D']);
    expect(attempts).toBeGreaterThan(2);
  });
});
