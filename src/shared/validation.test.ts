import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DecimalAmount, isCalendarDay, parseInput } from './validation.ts';

// zod 4 says "Invalid input" for a field left out of a union (an amount: string or
// number) and "Invalid input: expected string, received undefined" for the rest.

function problems(schema: z.ZodType, input: unknown) {
  try {
    parseInput(schema, input);
  } catch (error) {
    return (error as { problems: unknown[] }).problems;
  }
  throw new Error('accepted');
}

describe('parseInput', () => {
  it('names every missing required field as required, whatever its type', () => {
    const schema = z.object({
      total: z.union([z.string(), z.number()]),
      name: z.string(),
      count: z.number().int(),
      channel: z.enum(['in_store', 'online']),
      customer: z.object({ email: z.string() }),
      lines: z.array(z.object({ sku: z.string() })),
      note: z.string().optional(),
    });
    expect(problems(schema, { lines: [{}] })).toEqual([
      { field: 'total', reason: 'is required' },
      { field: 'name', reason: 'is required' },
      { field: 'count', reason: 'is required' },
      { field: 'channel', reason: 'is required' },
      { field: 'customer', reason: 'is required' },
      { field: 'lines.0.sku', reason: 'is required' },
    ]);
    expect(problems(schema, undefined)).toEqual([{ field: '(body)', reason: 'is required' }]);
  });

  it("keeps a schema's own message, and zod's for a value of the wrong type", () => {
    const schema = z.object({
      key: z.string({ error: (issue) => (issue.input === undefined ? 'is required (it makes retries safe)' : undefined) }),
      channel: z.enum(['in_store', 'online'], 'must be one of in_store, online'),
      name: z.string(),
    });
    expect(problems(schema, { name: 5 })).toEqual([
      { field: 'key', reason: 'is required (it makes retries safe)' },
      { field: 'channel', reason: 'must be one of in_store, online' },
      { field: 'name', reason: 'Invalid input: expected string, received number' },
    ]);
  });
});

describe('DecimalAmount', () => {
  const schema = z.object({ total: DecimalAmount });

  it('takes a decimal string or a non-negative number as written', () => {
    expect(parseInput(schema, { total: ' 29.33 ' })).toEqual({ total: '29.33' });
    expect(parseInput(schema, { total: 29.33 })).toEqual({ total: 29.33 });
    expect(parseInput(schema, { total: '0' })).toEqual({ total: '0' });
  });

  it('tells a value of any other kind why, and a missing one that it is required', () => {
    for (const total of [true, {}, [], null, 'abc', '-5', -1, '1,50']) {
      expect(problems(schema, { total }), JSON.stringify(total)).toEqual([{ field: 'total', reason: 'must be a non-negative decimal amount such as "29.33"' }]);
    }
    expect(problems(schema, {})).toEqual([{ field: 'total', reason: 'is required' }]);
  });
});

describe('isCalendarDay', () => {
  it('takes the days the calendar has, dates and timestamps alike, and refuses those Date.parse would move on', () => {
    for (const v of ['2026-02-28', '2024-02-29', '2026-12-31T23:59:59Z', '2026-03-01T10:15:00+01:00', '2000-02-29']) expect([v, isCalendarDay(v)]).toEqual([v, true]);
    // Date.parse reads each of these as a day of the next month.
    for (const v of ['2026-02-29', '2026-02-30', '2026-02-30T10:00:00Z', '2026-04-31', '1900-02-29', '2026-13-01', '2026-00-10', 'yesterday']) expect([v, isCalendarDay(v)]).toEqual([v, false]);
  });
});
