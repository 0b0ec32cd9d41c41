import { describe, expect, it } from 'vitest';
import { wholeNumber } from './texts.ts';

describe('wholeNumber, a campaign form field as it is sent', () => {
  it('sends digits as a number, a negative one too, so the refusal says the least allowed rather than "not a number"', () => {
    expect(wholeNumber(' 25 ')).toBe(25);
    expect(wholeNumber('-3')).toBe(-3);
    expect(wholeNumber('0')).toBe(0);
  });

  it('leaves an empty field out and sends other text as typed, for the server to name', () => {
    expect(wholeNumber('  ')).toBeUndefined();
    expect(wholeNumber('2.5')).toBe('2.5');
    expect(wholeNumber('ten')).toBe('ten');
  });
});
