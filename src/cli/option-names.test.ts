import { describe, expect, it } from 'vitest';
import { AppError, describeError, invalidField, isAppError } from '../shared/errors.ts';
import { say } from '../shared/messages/index.ts';
import { namingOptions } from './option-names.ts';

const OPTIONS = { date_format: '--date-format', map: '--map' };
const refusal = async (error: unknown) => {
  try {
    await namingOptions(OPTIONS, async () => {
      throw error;
    })();
  } catch (caught) {
    return caught;
  }
  throw new Error('the action did not fail');
};

describe('namingOptions', () => {
  it('tells a refused setting by the option that sets it, in every language', async () => {
    const error = await refusal(invalidField('date_format', say('date_format.needs_minutes', { format: 'D.M.YYYY H' })));
    expect(isAppError(error)).toBe(true);
    const told = error as AppError;
    expect(told.kind).toBe('invalid');
    expect(told.problems).toEqual([{ field: '--date-format', reason: say('date_format.needs_minutes', { format: 'D.M.YYYY H' }).in('en') }]);
    expect(describeError(told)).toBe(`--date-format: ${say('date_format.needs_minutes', { format: 'D.M.YYYY H' }).in('en')}`);
    expect(told.in('sl').message).toBe(`--date-format: ${say('date_format.needs_minutes', { format: 'D.M.YYYY H' }).in('sl')}`);
  });

  it('renames what a running server answered (its problem read back into an error)', async () => {
    const fromServer = new AppError('invalid', 'Invalid import: map: total names no column; date_format: "YYYY" needs a month', [
      { field: 'map', reason: 'total names no column' },
      { field: 'date_format', reason: '"YYYY" needs a month' },
    ]);
    expect(describeError(await refusal(fromServer))).toBe(['Invalid import:', '  - --map: total names no column', '  - --date-format: "YYYY" needs a month'].join('\n'));
  });

  it('leaves other errors and fields that are no option as they are', async () => {
    const rowProblem = invalidField('total', 'is not an amount');
    expect(await refusal(rowProblem)).toBe(rowProblem);
    const plain = new Error('disk full');
    expect(await refusal(plain)).toBe(plain);
    // A field whose name only ends like an option's is not renamed.
    const lookalike = invalidField('customer_map', 'unknown');
    expect(await refusal(lookalike)).toBe(lookalike);
  });
});
