import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from './errors.ts';
import { fixedText, say } from './messages/index.ts';
import { DecimalAmount, isCalendarDay, parseInput, saidIssue } from './validation.ts';

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

describe('parseInput told in another language', () => {
  const refusal = (schema: z.ZodType, input: unknown, what?: string, prefix?: string) => {
    try {
      parseInput(schema, input, what, prefix);
    } catch (error) {
      return error as AppError;
    }
    throw new Error('accepted');
  };
  const schema = z.object({
    points: z.number().int(fixedText('points.whole')),
    factor: z.number().positive(),
    name: z.string(),
    code: z.string().superRefine((code, ctx) => ctx.addIssue({ code: 'custom', ...saidIssue(say('program.used_twice', { code })) })),
    note: z.string().min(3, 'a text the catalogue does not have'),
  });
  const input = { points: 1.5, factor: 0, code: 'gold', note: 'x' };

  it("tells zod's own messages through zod's locale, the catalogue's texts and custom issues from the catalogue, the rest as written", () => {
    const error = refusal(schema, input, 'adjustment');
    expect(error.in('sl').problems).toEqual([
      { field: 'points', reason: 'mora biti celo število točk' },
      { field: 'factor', reason: 'Premajhno: pričakovano, da bo number >0' },
      { field: 'name', reason: 'je obvezno' },
      { field: 'code', reason: 'koda "gold" je uporabljena dvakrat' },
      { field: 'note', reason: 'a text the catalogue does not have' },
    ]);
    expect(error.in('sl').message).toBe('Neveljavna sprememba točk: points: mora biti celo število točk; factor: Premajhno: pričakovano, da bo number >0; name: je obvezno; …');
    expect(error.in('ru').problems[1]).toEqual({ field: 'factor', reason: 'Слишком маленькое значение: ожидалось, что number будет >0' });
  });

  it('keeps the English of message and problems exactly, and it is what in("en") gives', () => {
    const error = refusal(schema, input, 'adjustment');
    expect(error.problems).toEqual([
      { field: 'points', reason: 'must be a whole number of points' },
      { field: 'factor', reason: 'Too small: expected number to be >0' },
      { field: 'name', reason: 'is required' },
      { field: 'code', reason: '"gold" is used twice' },
      { field: 'note', reason: 'a text the catalogue does not have' },
    ]);
    expect(error.message).toBe('Invalid adjustment: points: must be a whole number of points; factor: Too small: expected number to be >0; name: is required; …');
    expect(error.in('en')).toEqual({ message: error.message, problems: error.problems });
  });

  it('names the fields under their prefix, and words a headline it has no entry for generally', () => {
    const error = refusal(z.object({ a: z.number() }), { a: 'x' }, 'gift card', 'card');
    expect(error.in('da')).toEqual({ message: 'Ugyldige data: card.a: Ugyldigt input: forventede tal, fik streng', problems: [{ field: 'card.a', reason: 'Ugyldigt input: forventede tal, fik streng' }] });
    expect(error.message).toBe('Invalid gift card: card.a: Invalid input: expected number, received string');
  });
});
