import { describe, expect, it } from 'vitest';
import { endText, startText, validityText, whenText } from './dates.ts';

// The command line writes an instant on the clock of the business's time zone, to the
// minute, in every language alike; a start or an end on a local midnight is a day.
describe('dates as the command line writes them', () => {
  it('writes an instant as its local date and time, across a change of the clocks', () => {
    expect(whenText(new Date('2026-06-01T12:00:00Z'), 'Europe/Ljubljana')).toBe('2026-06-01 14:00');
    expect(whenText('2026-01-15T23:30:59.999Z', 'Europe/Ljubljana')).toBe('2026-01-16 00:30');
    expect(whenText('2026-03-29T00:59:00Z', 'Europe/Ljubljana')).toBe('2026-03-29 01:59');
    expect(whenText('2026-03-29T01:00:00Z', 'Europe/Ljubljana')).toBe('2026-03-29 03:00');
    expect(whenText('2026-06-01T12:00:00Z', 'America/New_York')).toBe('2026-06-01 08:00');
    expect(whenText('2026-06-01T12:00:00Z', 'UTC')).toBe('2026-06-01 12:00');
  });

  it('writes a start on a local midnight as its day, and an end on one as the last day before it', () => {
    expect(startText('2026-06-05T22:00:00.000Z', 'Europe/Ljubljana')).toBe('2026-06-06');
    expect(startText('2026-06-05T22:00:00.000Z', 'UTC')).toBe('2026-06-05 22:00');
    // A gift card given --expires-at 2027-12-31 (through that day) is kept as the next midnight.
    expect(endText('2027-12-31T23:00:00.000Z', 'Europe/Ljubljana')).toEqual({ lastDay: '2027-12-31' });
    expect(endText('2028-01-01T00:00:00.000Z', 'UTC')).toEqual({ lastDay: '2027-12-31' });
    expect(endText('2028-01-01T00:00:00.000Z', 'Europe/Ljubljana')).toEqual({ stops: '2028-01-01 01:00' });
    // A second, or a millisecond, after midnight is a moment, not a day.
    expect(endText('2028-01-01T00:00:00.001Z', 'UTC')).toEqual({ stops: '2028-01-01 00:00' });
  });

  it('tells a validity in words, in the language asked, as its dates were given', () => {
    const tz = 'Europe/Ljubljana';
    const through = validityText(null, '2027-12-31T23:00:00.000Z', tz);
    expect([through.in('en'), through.in('sl'), through.in('ru')]).toEqual(['through 2027-12-31', 'do vključno 2027-12-31', 'по 2027-12-31 включительно']);
    expect(validityText(null, '2027-12-31T17:00:00.000Z', tz).in('da')).toBe('indtil 2027-12-31 18:00');
    expect(validityText('2026-05-31T22:00:00.000Z', '2026-06-30T22:00:00.000Z', tz).in('en')).toBe('from 2026-06-01 through 2026-06-30');
    expect(validityText('2026-06-01T08:00:00.000Z', '2026-06-01T16:00:00.000Z', tz).in('tr')).toBe('2026-06-01 10:00 tarihinden 2026-06-01 18:00 tarihine kadar');
    expect(validityText('2026-06-01T08:00:00.000Z', null, tz).in('sl')).toBe('od 2026-06-01 10:00');
    expect(validityText(null, null, tz).in('ru')).toBe('без ограничения срока');
  });
});
