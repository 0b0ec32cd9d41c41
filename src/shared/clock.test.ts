import { describe, expect, it } from 'vitest';
import { addDaysToDate, addMonthsToDate, daysBetweenDates, localDate, startOfLocalDay } from './clock.ts';

describe('local calendar dates', () => {
  it('gives the date in the zone, across midnight and DST changes', () => {
    expect(localDate(new Date('2026-05-01T23:30:00Z'), 'Europe/Ljubljana')).toBe('2026-05-02');
    expect(localDate(new Date('2026-05-01T23:30:00Z'), 'UTC')).toBe('2026-05-01');
    expect(localDate(new Date('2026-03-29T00:59:59Z'), 'Europe/Ljubljana')).toBe('2026-03-29');
    expect(localDate(new Date('2026-03-28T22:59:59Z'), 'Europe/Ljubljana')).toBe('2026-03-28');
    expect(localDate(new Date('2026-03-28T23:00:00Z'), 'Europe/Ljubljana')).toBe('2026-03-29');
    expect(localDate(new Date('2026-10-24T21:59:59Z'), 'Europe/Ljubljana')).toBe('2026-10-24'); // CEST, +2
    expect(localDate(new Date('2026-10-25T22:59:59Z'), 'Europe/Ljubljana')).toBe('2026-10-25'); // CET, +1
    expect(localDate(new Date('2026-01-01T18:20:00Z'), 'Asia/Kathmandu')).toBe('2026-01-02'); // +05:45
  });

  it('agrees with Intl for every quarter hour of a year', () => {
    const intl = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York', year: 'numeric', month: '2-digit', day: '2-digit' });
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 15 * 60_000 + 7_000) {
      expect(localDate(new Date(t), 'America/New_York')).toBe(intl.format(new Date(t)));
    }
  });

  it('finds the start of a local day', () => {
    expect(startOfLocalDay('2026-05-02', 'Europe/Ljubljana').toISOString()).toBe('2026-05-01T22:00:00.000Z');
    expect(startOfLocalDay('2026-01-15', 'Europe/Istanbul').toISOString()).toBe('2026-01-14T21:00:00.000Z');
  });
});

describe('calendar dates', () => {
  it('adds days across month, year and leap-day ends', () => {
    expect(addDaysToDate('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDaysToDate('2024-02-29', 1)).toBe('2024-03-01');
    expect(addDaysToDate('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDaysToDate('2025-01-01', -1)).toBe('2024-12-31');
    expect(addDaysToDate('2023-03-26', 365)).toBe('2024-03-25');
  });

  it('adds months, a day beyond the target month becoming its last', () => {
    expect(addMonthsToDate('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonthsToDate('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonthsToDate('2024-11-15', 3)).toBe('2025-02-15');
    expect(addMonthsToDate('2024-03-31', -1)).toBe('2024-02-29');
    expect(addMonthsToDate('2024-01-10', -13)).toBe('2022-12-10');
  });

  it('counts the days between two dates', () => {
    expect(daysBetweenDates('2024-01-01', '2024-12-31')).toBe(365);
    expect(daysBetweenDates('2024-03-01', '2024-02-28')).toBe(-2);
  });
});
