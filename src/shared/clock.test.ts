import { describe, expect, it } from 'vitest';
import { addDaysIn, addDaysToDate, addMonthsIn, addMonthsToDate, daysBetweenDates, isBeforeEarliest, localDate, startOfLocalDay, utcOf } from './clock.ts';

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

describe("days and months on a zone's calendar", () => {
  const at = (iso: string, f: (d: Date) => Date) => f(new Date(iso)).toISOString();
  const LJ = 'Europe/Ljubljana';

  it('adds days at the same local time, 23 or 25 hours for a day across a DST change', () => {
    // 12:00 on 10 October (summer time) + 30 days: 12:00 on 9 November (winter time), not 11:00.
    expect(at('2026-10-10T10:00:00Z', (d) => addDaysIn(d, 30, LJ))).toBe('2026-11-09T11:00:00.000Z');
    // 12:00 on 10 March 2027 (winter time) + 30 days: 12:00 on 9 April (summer time), not 13:00.
    expect(at('2027-03-10T11:00:00Z', (d) => addDaysIn(d, 30, LJ))).toBe('2027-04-09T10:00:00.000Z');
    expect(at('2026-11-09T11:00:00Z', (d) => addDaysIn(d, -30, LJ))).toBe('2026-10-10T10:00:00.000Z');
    // 00:30 on 29 March (the day summer time starts) less one day: 00:30 on 28 March.
    expect(at('2026-03-28T23:30:00Z', (d) => addDaysIn(d, -1, LJ))).toBe('2026-03-27T23:30:00.000Z');
    expect(at('2026-03-28T23:30:00Z', (d) => addDaysIn(d, 0, LJ))).toBe('2026-03-28T23:30:00.000Z');
  });

  it('adds months at the same local time, the month-end day when the month is shorter', () => {
    // 00:30 on 31 January local (30 January in UTC) + 1 month: 00:30 on 28 February local.
    expect(at('2026-01-30T23:30:00Z', (d) => addMonthsIn(d, 1, LJ))).toBe('2026-02-27T23:30:00.000Z');
    // 12:00 on 28 March 2026 (winter time) + 12 months: 12:00 on 28 March 2027 (summer time), not 13:00.
    expect(at('2026-03-28T11:00:00Z', (d) => addMonthsIn(d, 12, LJ))).toBe('2027-03-28T10:00:00.000Z');
    // 00:30 on 29 February 2028 local + 12 months: 00:30 on 28 February 2029 local, not on 1 March.
    expect(at('2028-02-28T23:30:00Z', (d) => addMonthsIn(d, 12, LJ))).toBe('2029-02-27T23:30:00.000Z');
    // 12:00 on 25 October 2026 (winter time, the day it returns) less 12 months: 12:00 on 25 October 2025 (summer time).
    expect(at('2026-10-25T11:00:00Z', (d) => addMonthsIn(d, -12, LJ))).toBe('2025-10-25T10:00:00.000Z');
  });
});

// Date.UTC reads a year of 0–99 as 1900–1999: a zone's offset in year 26 came out 1900
// years off, so "0026-06-01T10:00:00Z" was given the local date 1926-06-01 (QA).
describe('years before 100', () => {
  it('keep their year in a local date, a local day\'s start and a month\'s last day', () => {
    expect(localDate(new Date('0026-06-01T10:00:00Z'), 'Europe/Ljubljana')).toBe('0026-06-01');
    expect(localDate(new Date('0099-12-31T12:00:00Z'), 'UTC')).toBe('0099-12-31');
    expect(startOfLocalDay('0026-01-01', 'UTC').toISOString()).toBe('0026-01-01T00:00:00.000Z');
    expect(addMonthsToDate('0004-01-31', 1)).toBe('0004-02-29'); // a leap year (1904 is one too, but 1900, for 0000, is not)
    expect(addMonthsToDate('0000-01-31', 1)).toBe('0000-02-29');
  });

  it('utcOf is Date.UTC for any year, its days and months overflowing as Date.UTC\'s do', () => {
    expect(new Date(utcOf(26, 0, 1, 10, 30, 5)).toISOString()).toBe('0026-01-01T10:30:05.000Z');
    expect(new Date(utcOf(1900, 2, 0)).toISOString()).toBe('1900-02-28T00:00:00.000Z');
    expect(utcOf(2026, 12, 1)).toBe(Date.UTC(2027, 0, 1));
  });

  it('are before the earliest date any input may name (1900-01-01), as written', () => {
    expect(['0026-01-01', '0000-01-01T00:00:00Z', '1000-06-01', '1899-12-31T23:59:59+14:00'].map(isBeforeEarliest)).toEqual([true, true, true, true]);
    expect(['1900-01-01', '1900-01-01T00:00:00+05:00', '2026-06-01'].map(isBeforeEarliest)).toEqual([false, false, false]);
  });
});
