import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseInput } from './validation.ts';

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
