import { describe, expect, it } from 'vitest';
import { AppError, describeError, invalidField, isAppError } from '../shared/errors.ts';
import { say } from '../shared/messages/index.ts';
import { namingOptions } from './option-names.ts';

const OPTIONS = { date_format: '--date-format', map: '--map' };
const refusal = async (error: unknown, options: Record<string, string> = OPTIONS) => {
  try {
    await namingOptions(options, async () => {
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

  it('renames a field a reason names (quoted, as the API writes it), in the message and the problems alike', async () => {
    const rename = async (error: unknown) => (await refusal(error, { from: '--from', to: '--to' })) as AppError;
    const backwards = await rename(invalidField('to', say('analytics.not_before_from')));
    expect(describeError(backwards)).toBe('--to: must not be before --from');
    expect(backwards.in('ru').problems).toEqual([{ field: '--to', reason: 'не может быть раньше --from' }]);
    // A server's answer with two problems: the list under the headline, each said once.
    const fromServer = new AppError('invalid', 'Invalid query: from: is not a calendar date; to: must not be before `from`', [
      { field: 'from', reason: 'is not a calendar date' },
      { field: 'to', reason: 'must not be before `from`' },
    ]);
    expect(describeError(await rename(fromServer))).toBe(['Invalid query:', '  - --from: is not a calendar date', '  - --to: must not be before --from'].join('\n'));
    // A quoted name that is no option of the command stays as the API writes it.
    expect(describeError(await rename(invalidField('to', 'must not be after `until`')))).toBe('--to: must not be after `until`');
  });

  it("renames a nested field by its path, and only that path (a dot in it is a dot)", async () => {
    const options = { 'benefit.amount': '--amount' };
    expect(describeError(await refusal(invalidField('benefit.amount', 'must be a decimal amount'), options))).toBe('--amount: must be a decimal amount');
    const lookalike = new AppError('invalid', 'Invalid campaign: benefit.amount: must be a decimal amount; benefitXamount: is not one', [
      { field: 'benefit.amount', reason: 'must be a decimal amount' },
      { field: 'benefitXamount', reason: 'is not one' },
    ]);
    const told = (await refusal(lookalike, options)) as AppError;
    expect(told.message).toBe('Invalid campaign: --amount: must be a decimal amount; benefitXamount: is not one');
    expect(describeError(told)).toBe(['Invalid campaign:', '  - --amount: must be a decimal amount', '  - benefitXamount: is not one'].join('\n'));
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
