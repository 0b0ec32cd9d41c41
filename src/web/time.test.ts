import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dateFormats, dayEnd, dayOf, dayStart, instantOfWallClock, lastDayBefore, todayIn, wallClockOf } from './time.ts';

// The dashboard's dates and times in the business's time zone, whatever the browser's own:
// the clocks' changes in Ljubljana (the last Sundays of March and October), in Auckland
// (a southern summer, 13 hours ahead) and in Los Angeles (8 behind, other Sundays).
const LJ = 'Europe/Ljubljana';
const AKL = 'Pacific/Auckland';
const LA = 'America/Los_Angeles';
const HOUR = 3_600_000;

const browserZone = process.env.TZ;
beforeEach(() => {
  // The browser is in Tokyo: nothing below may depend on it.
  process.env.TZ = 'Asia/Tokyo';
});
afterEach(() => {
  if (browserZone === undefined) delete process.env.TZ;
  else process.env.TZ = browserZone;
});

describe('a wall-clock time typed as the instant it names in the business\'s zone', () => {
  it('writes the zone\'s offset of that day, winter and summer, far east and west of Greenwich', () => {
    expect(instantOfWallClock('2026-12-05T00:00', LJ)).toBe('2026-12-05T00:00:00+01:00');
    expect(instantOfWallClock('2026-07-01T09:30', LJ)).toBe('2026-07-01T09:30:00+02:00');
    expect(instantOfWallClock('2026-07-01T09:30:15', LJ)).toBe('2026-07-01T09:30:15+02:00');
    expect(instantOfWallClock('2026-12-05T00:00', AKL)).toBe('2026-12-05T00:00:00+13:00');
    expect(instantOfWallClock('2026-06-01T00:00', AKL)).toBe('2026-06-01T00:00:00+12:00');
    expect(instantOfWallClock('2026-12-05T00:00', LA)).toBe('2026-12-05T00:00:00-08:00');
    expect(instantOfWallClock('2026-07-01T09:30', LA)).toBe('2026-07-01T09:30:00-07:00');
    expect(instantOfWallClock('2026-12-05T00:00', 'Asia/Kolkata')).toBe('2026-12-05T00:00:00+05:30');
    expect(instantOfWallClock('2026-12-05T00:00', 'Pacific/Chatham')).toBe('2026-12-05T00:00:00+13:45');
    expect(instantOfWallClock('2026-12-05T00:00', 'UTC')).toBe('2026-12-05T00:00:00+00:00');
    // The same wall-clock time is another instant in each zone: Auckland's midnight is 4 December in Ljubljana.
    expect(new Date(instantOfWallClock('2026-12-05T00:00', AKL)!).toISOString()).toBe('2026-12-04T11:00:00.000Z');
  });

  it('reads a time the clocks skip as a clock put forward shows it, and a time they show twice as its first', () => {
    // Ljubljana, 29 March 2026: 02:00 winter time is 03:00 summer time.
    expect(instantOfWallClock('2026-03-29T01:59', LJ)).toBe('2026-03-29T01:59:00+01:00');
    expect(instantOfWallClock('2026-03-29T02:30', LJ)).toBe('2026-03-29T03:30:00+02:00');
    expect(instantOfWallClock('2026-03-29T03:00', LJ)).toBe('2026-03-29T03:00:00+02:00');
    // 25 October 2026: 03:00 summer time is 02:00 winter time; 02:30 comes twice.
    expect(instantOfWallClock('2026-10-25T01:59', LJ)).toBe('2026-10-25T01:59:00+02:00');
    expect(instantOfWallClock('2026-10-25T02:30', LJ)).toBe('2026-10-25T02:30:00+02:00');
    expect(instantOfWallClock('2026-10-25T03:00', LJ)).toBe('2026-10-25T03:00:00+01:00');
    // Auckland: summer time ends on 5 April 2026 (03:00 → 02:00) and starts on 27 September (02:00 → 03:00).
    expect(instantOfWallClock('2026-04-05T02:30', AKL)).toBe('2026-04-05T02:30:00+13:00');
    expect(instantOfWallClock('2026-04-05T03:00', AKL)).toBe('2026-04-05T03:00:00+12:00');
    expect(instantOfWallClock('2026-09-27T02:30', AKL)).toBe('2026-09-27T03:30:00+13:00');
    // Los Angeles: 8 March 2026 (02:00 → 03:00) and 1 November (02:00 → 01:00).
    expect(instantOfWallClock('2026-03-08T02:30', LA)).toBe('2026-03-08T03:30:00-07:00');
    expect(instantOfWallClock('2026-11-01T01:30', LA)).toBe('2026-11-01T01:30:00-07:00');
    expect(instantOfWallClock('2026-11-01T02:00', LA)).toBe('2026-11-01T02:00:00-08:00');
  });

  it('leaves an empty input no value, and a text that is no date and time as typed, for the server to name', () => {
    expect(instantOfWallClock('', LJ)).toBeUndefined();
    expect(instantOfWallClock('  ', LJ)).toBeUndefined();
    expect(instantOfWallClock('soon', LJ)).toBe('soon');
    expect(instantOfWallClock('2026-02-30T10:00', LJ)).toBe('2026-02-30T10:00');
    expect(instantOfWallClock('2026-12-05T24:00', LJ)).toBe('2026-12-05T24:00');
  });
});

describe('an instant as a datetime-local input shows it in the business\'s zone', () => {
  it('shows the zone\'s wall-clock time, a date alone as that day\'s start', () => {
    expect(wallClockOf('2026-12-04T23:00:00Z', LJ)).toBe('2026-12-05T00:00');
    expect(wallClockOf('2026-12-04T11:00:00Z', AKL)).toBe('2026-12-05T00:00');
    expect(wallClockOf('2026-12-05T00:00:00+01:00', LA)).toBe('2026-12-04T15:00');
    expect(wallClockOf('2026-12-05', LA)).toBe('2026-12-05T00:00'); // not 4 December, 16:00 (midnight UTC)
    expect(wallClockOf('2026-12-05T09:30', LA)).toBe('2026-12-05T09:30'); // no offset: a wall-clock time already
    // The autumn's two 02:30s in Ljubljana both show as 02:30.
    expect(wallClockOf('2026-10-25T00:30:00Z', LJ)).toBe('2026-10-25T02:30');
    expect(wallClockOf('2026-10-25T01:30:00Z', LJ)).toBe('2026-10-25T02:30');
    expect([wallClockOf('soon', LJ), wallClockOf('', LJ)]).toEqual(['', '']);
  });

  it('gives back the instant it shows, every quarter hour of the days the clocks change', () => {
    for (const [zone, days] of [[LJ, ['2026-03-29', '2026-10-25']], [AKL, ['2026-04-05', '2026-09-27']], [LA, ['2026-03-08', '2026-11-01']]] as const) {
      for (const day of days) {
        const start = Date.parse(dayStart(day, zone));
        const end = Date.parse(dayEnd(day, zone));
        for (let at = start; at < end; at += HOUR / 4) {
          const shown = wallClockOf(new Date(at).toISOString(), zone);
          const back = Date.parse(instantOfWallClock(shown, zone)!);
          // Only the second of a time shown twice reads back as the first, an hour earlier.
          expect([at, at - HOUR], `${zone} ${new Date(at).toISOString()} shown ${shown}`).toContain(back);
          if (back !== at) expect(wallClockOf(new Date(at - HOUR).toISOString(), zone)).toBe(shown);
        }
      }
    }
  });
});

describe('days of the business\'s zone', () => {
  it('begins and ends a day where the zone does: 23 hours in spring, 25 in autumn', () => {
    expect(dayStart('2026-03-29', LJ)).toBe('2026-03-29T00:00:00+01:00');
    expect(dayEnd('2026-03-29', LJ)).toBe('2026-03-30T00:00:00+02:00');
    expect(Date.parse(dayEnd('2026-03-29', LJ)) - Date.parse(dayStart('2026-03-29', LJ))).toBe(23 * HOUR);
    expect(Date.parse(dayEnd('2026-10-25', LJ)) - Date.parse(dayStart('2026-10-25', LJ))).toBe(25 * HOUR);
    expect(dayStart('2026-12-05', AKL)).toBe('2026-12-05T00:00:00+13:00');
    expect(dayEnd('2026-12-31', LA)).toBe('2027-01-01T00:00:00-08:00');
  });

  it('finds the day an instant falls on there, and today', () => {
    expect(dayOf('2026-12-04T11:30:00Z', AKL)).toBe('2026-12-05');
    expect(dayOf('2026-12-04T11:30:00Z', LA)).toBe('2026-12-04');
    expect(dayOf('2026-10-24T22:30:00Z', LJ)).toBe('2026-10-25');
    expect(todayIn(AKL, new Date('2026-06-01T12:00:00Z'))).toBe('2026-06-02');
    expect(todayIn(LA, new Date('2026-06-01T05:00:00Z'))).toBe('2026-05-31');
  });

  it('says the last day an end at a day\'s start leaves whole, and nothing for an end at another time', () => {
    // A gift card entered as expiring 31 Dec, kept as the next day's start there.
    expect(lastDayBefore('2026-12-31T23:00:00.000Z', LJ)).toBe('2026-12-31');
    expect(lastDayBefore('2027-01-01T00:00:00+01:00', LJ)).toBe('2026-12-31');
    expect(lastDayBefore('2026-12-31T11:00:00.000Z', AKL)).toBe('2026-12-31');
    expect(lastDayBefore('2027-01-01T08:00:00.000Z', LA)).toBe('2026-12-31');
    // The same instants are another time of day elsewhere.
    expect(lastDayBefore('2026-12-31T23:00:00.000Z', LA)).toBeUndefined();
    expect(lastDayBefore('2027-01-01T08:00:00.000Z', LJ)).toBeUndefined();
    // The days after the clocks change begin at the new offset: 23 and 25 hours after the one before.
    expect(lastDayBefore(dayEnd('2026-03-29', LJ), LJ)).toBe('2026-03-29');
    expect(lastDayBefore(dayEnd('2026-10-25', LJ), LJ)).toBe('2026-10-25');
    expect(lastDayBefore('2026-03-30T00:00:00+01:00', LJ)).toBeUndefined();
    // A minute past midnight, or a second before it, is a time.
    expect(lastDayBefore('2027-01-01T00:01:00+01:00', LJ)).toBeUndefined();
    expect(lastDayBefore('2026-12-31T23:59:59+01:00', LJ)).toBeUndefined();
    // A date alone is its day's start; no instant, no day.
    expect(lastDayBefore('2027-01-01', LA)).toBe('2026-12-31');
    expect(lastDayBefore('someday', LJ)).toBeUndefined();
  });
});

describe('dates and times written for reading', () => {
  it('writes an instant as the business\'s clocks showed it, and a date alone as that calendar day', () => {
    const lj = dateFormats('en-GB', LJ);
    expect(lj.date('2026-10-25T00:30:00Z', true)).toBe('25\u00a0Oct\u00a02026, 02:30');
    expect(lj.date('2026-10-25T01:30:00Z', true)).toBe('25\u00a0Oct\u00a02026, 02:30');
    expect(lj.date('2026-12-04T23:30:00Z')).toBe('5\u00a0Dec\u00a02026');
    expect(lj.time('2026-03-29T01:00:00Z')).toBe('03:00');
    const akl = dateFormats('en-GB', AKL);
    expect(akl.date('2026-12-04T11:30:00Z', true)).toBe('5\u00a0Dec\u00a02026, 00:30');
    const la = dateFormats('en-GB', LA);
    expect(la.date('2026-12-04T11:30:00Z', true)).toBe('4\u00a0Dec\u00a02026, 03:30');
    // A report's day or a birthday is that day in every zone, never the day before west of Greenwich.
    expect(la.date('2026-06-01')).toBe('1\u00a0Jun\u00a02026');
    expect(akl.date('2026-06-01', true)).toBe('1\u00a0Jun\u00a02026');
    expect(dateFormats('sl-SI', LA).date('2026-06-01')).toBe('1.\u00a0jun.\u00a02026');
  });

  it('names a calendar month as that month in every zone, not the one before west of Greenwich', () => {
    expect(dateFormats('en-GB', LA).month('2026-05')).toBe('May\u00a02026');
    expect(dateFormats('en-GB', AKL).month('2026-01')).toBe('Jan\u00a02026');
    expect(dateFormats('da-DK', LA).month('2026-12')).toBe('dec.\u00a02026');
  });

  it('keeps a date on one line in every language: no plain space inside it, only after the comma before its time', () => {
    // A Russian date ends in "г.", which a line's end must not leave alone.
    expect(dateFormats('ru-RU', LJ).date('2026-12-07')).toBe('7\u00a0дек.\u00a02026\u00a0г.');
    expect(dateFormats('ru-RU', LJ).date('2026-12-07T12:00:00Z', true)).toBe('7\u00a0дек.\u00a02026\u00a0г., 13:00');
    expect(dateFormats('ru-RU', LJ).month('2026-12')).toBe('дек.\u00a02026\u00a0г.');
    for (const locale of ['en-GB', 'sl-SI', 'tr-TR', 'da-DK', 'ru-RU']) {
      const formats = dateFormats(locale, LJ);
      for (const text of [formats.date('2026-12-07'), formats.date('2026-12-07T12:00:00Z'), formats.month('2026-12'), formats.time('2026-12-07T12:00:00Z')]) {
        expect(text, locale).not.toMatch(/ /);
      }
      expect(formats.date('2026-12-07T12:00:00Z', true), locale).not.toMatch(/[^,] /);
    }
  });
});
