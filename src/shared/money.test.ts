import { describe, expect, it } from 'vitest';
import { toMajor, toMinor } from './money.ts';

describe('money', () => {
  it('parses decimal strings exactly', () => {
    expect(toMinor('29.33', 'EUR')).toBe(2933);
    expect(toMinor('0.1', 'EUR')).toBe(10);
    expect(toMinor(29.33, 'EUR')).toBe(2933);
    expect(toMinor('1.10', 'EUR')).toBe(110);
    expect(toMinor('1000', 'JPY')).toBe(1000);
    expect(toMinor('1.234', 'KWD')).toBe(1234);
  });
  it('refuses more decimals than the currency has, and non-amounts', () => {
    expect(() => toMinor('1.234', 'EUR')).toThrow(/more than 2 decimals/);
    expect(() => toMinor('1.5', 'JPY')).toThrow(/more than 0 decimals/);
    expect(() => toMinor('abc', 'EUR')).toThrow(/not a decimal/);
    expect(() => toMinor('1e3', 'EUR')).toThrow();
  });
  it('formats minor units', () => {
    expect(toMajor(2933, 'EUR')).toBe('29.33');
    expect(toMajor(5, 'EUR')).toBe('0.05');
    expect(toMajor(-5, 'EUR')).toBe('-0.05');
    expect(toMajor(1000, 'JPY')).toBe('1000');
    expect(toMajor(123456789012345n, 'EUR')).toBe('1234567890123.45');
  });
});
