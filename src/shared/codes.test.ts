import { describe, expect, it } from 'vitest';
import { bareCode } from './codes.ts';

describe('bareCode', () => {
  it('reads a code in any case, grouping and kind of dash as the same code', () => {
    const printed = 'N5A5-P8ES-K2QX';
    for (const typed of [printed, 'n5a5p8esk2qx', ' n5a5 p8es k2qx ', 'N5A5\u2013P8ES\u2013K2QX', 'N5A5\u2014P8ES\u2014K2QX', 'N5A5\u2212P8ES\u2011K2QX', 'N5A5\u00a0P8ES\u00a0K2QX']) {
      expect(bareCode(typed), JSON.stringify(typed)).toBe('N5A5P8ESK2QX');
    }
  });

  it('keeps every letter and digit, and nothing but them and dashes goes', () => {
    expect(bareCode('summer_25')).toBe('SUMMER_25');
    expect(bareCode('A.B')).toBe('A.B');
  });
});
