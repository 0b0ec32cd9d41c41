import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError, describeError, invalid } from './errors.ts';
import { parseInput } from './validation.ts';

describe('describeError', () => {
  it('lists each field problem once, under a headline that no longer repeats them', () => {
    let error: unknown;
    try {
      parseInput(z.object({ a: z.number(), b: z.string(), c: z.boolean() }), { a: 'x', b: 1, c: 2 }, 'program');
    } catch (e) {
      error = e;
    }
    const lines = describeError(error).split('\n');
    expect(lines[0]).toBe('Invalid program:');
    expect(lines.slice(1)).toEqual([expect.stringMatching(/^ {2}- a: /), expect.stringMatching(/^ {2}- b: /), expect.stringMatching(/^ {2}- c: /)]);
  });

  it("cuts a conflict's message before the differences it lists", () => {
    const error = new AppError('conflict', 'Purchase till-1 was already recorded with other values: total 12.40 (this request: 12.50); store lj (this request: mb)', [
      { field: 'total', reason: '12.40 (this request: 12.50)' }, { field: 'store', reason: 'lj (this request: mb)' },
    ]);
    expect(describeError(error)).toBe('Purchase till-1 was already recorded with other values:\n  - total: 12.40 (this request: 12.50)\n  - store: lj (this request: mb)');
  });

  it('keeps a message that does not name its problems whole', () => {
    const error = invalid('The file has 2 bad rows', [{ field: 'line 2', reason: 'no total' }, { field: 'line 5', reason: 'no date' }]);
    expect(describeError(error)).toBe('The file has 2 bad rows\n  - line 2: no total\n  - line 5: no date');
  });
});
