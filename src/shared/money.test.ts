import { describe, expect, it } from 'vitest';
import { money, moneyIn, toMajor, toMinor } from './money.ts';

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

  it('writes an amount as each language writes money, from its exact decimal string', () => {
    const spaced = (text: string) => text.replace(/\u00a0/g, ' ');
    expect(moneyIn('en', '649.70', 'EUR')).toBe('€649.70');
    expect(spaced(moneyIn('sl', '649.70', 'EUR'))).toBe('649,70 €');
    expect(spaced(moneyIn('ru', '1042.50', 'EUR'))).toBe('1 042,50 €');
    expect(moneyIn('tr', '9007199254740993.01', 'EUR')).toBe('€9.007.199.254.740.993,01');
    expect(moneyIn('en', 'n/a', 'EUR')).toBe('n/a EUR');
    expect(spaced(money('3.20', 'EUR').in('da'))).toBe('3,20 €');
  });
});
