import { describe, expect, it } from 'vitest';
import { calendarNames, canTurn, clampDay, monthWeeks, moveDay, outside } from './month-grid.ts';
import { LANGUAGES, LOCALES } from './i18n/index.ts';

describe('the dashboard’s calendar', () => {
  it('lays a month out in weeks from Monday, with the days of the months around it filling its first and last week', () => {
    // December 2026 begins on a Tuesday and ends on a Thursday.
    const december = monthWeeks('2026-12-17');
    expect(december.map((w) => [w[0], w[6]])).toEqual([
      ['2026-11-30', '2026-12-06'], ['2026-12-07', '2026-12-13'], ['2026-12-14', '2026-12-20'], ['2026-12-21', '2026-12-27'], ['2026-12-28', '2027-01-03'],
    ]);
    expect(december.flat()).toHaveLength(35);
    // March 2026 begins on a Sunday: six weeks, the first of six February days.
    const march = monthWeeks('2026-03-01');
    expect(march).toHaveLength(6);
    expect(march[0]).toEqual(['2026-02-23', '2026-02-24', '2026-02-25', '2026-02-26', '2026-02-27', '2026-02-28', '2026-03-01']);
    expect(march[5]).toEqual(['2026-03-30', '2026-03-31', '2026-04-01', '2026-04-02', '2026-04-03', '2026-04-04', '2026-04-05']);
    // February 2027 begins on a Monday and ends on a Sunday: four weeks, no day of another month.
    expect(monthWeeks('2027-02-10').flat()).toEqual(Array.from({ length: 28 }, (_, i) => `2027-02-${String(i + 1).padStart(2, '0')}`));
    // A leap February.
    expect(monthWeeks('2028-02-01').flat()).toContain('2028-02-29');
    for (const week of monthWeeks('2026-12-01')) expect(new Date(`${week[0]}T00:00:00Z`).getUTCDay()).toBe(1);
  });

  it('moves by day, week, month and year across the ends of months and years, and to the week’s Monday and Sunday', () => {
    const move = (day: string, key: string, shift = false) => moveDay(day, key, shift);
    expect(move('2026-12-31', 'ArrowRight')).toBe('2027-01-01');
    expect(move('2027-01-01', 'ArrowLeft')).toBe('2026-12-31');
    expect(move('2026-12-28', 'ArrowDown')).toBe('2027-01-04');
    expect(move('2027-01-04', 'ArrowUp')).toBe('2026-12-28');
    expect(move('2026-12-15', 'PageDown')).toBe('2027-01-15');
    expect(move('2027-01-15', 'PageUp')).toBe('2026-12-15');
    // A month without the day: its last.
    expect(move('2027-01-31', 'PageDown')).toBe('2027-02-28');
    expect(move('2028-02-29', 'PageUp', true)).toBe('2027-02-28');
    expect(move('2026-12-07', 'PageDown', true)).toBe('2027-12-07');
    // Home and End keep the week, even where it spans two months (Thursday 31 December 2026).
    expect(move('2026-12-31', 'Home')).toBe('2026-12-28');
    expect(move('2026-12-31', 'End')).toBe('2027-01-03');
    expect(move('2026-12-28', 'Home')).toBe('2026-12-28');
    expect(move('2027-01-03', 'End')).toBe('2027-01-03');
    expect(move('2026-12-07', 'Tab')).toBeUndefined();
  });

  it('keeps the focus within the bounds, and says which days and months lie outside them', () => {
    const bounds = { min: '2026-03-10', max: '2026-03-31' };
    expect(moveDay('2026-03-31', 'ArrowRight', false, bounds)).toBe('2026-03-31');
    expect(moveDay('2026-03-20', 'PageDown', false, bounds)).toBe('2026-03-31');
    expect(moveDay('2026-03-12', 'ArrowUp', false, bounds)).toBe('2026-03-10');
    expect(moveDay('2026-03-12', 'Home', false, bounds)).toBe('2026-03-10');
    expect(moveDay('2026-03-30', 'End', false, bounds)).toBe('2026-03-31');
    expect(moveDay('2026-03-12', 'ArrowDown', false, { max: '2026-03-31' })).toBe('2026-03-19');
    expect(['2026-03-09', '2026-03-10', '2026-03-31', '2026-04-01'].map((d) => outside(d, bounds))).toEqual([true, false, false, true]);
    expect(outside('1999-01-01', {})).toBe(false);
    expect(clampDay('2026-05-01', bounds)).toBe('2026-03-31');
    // A From typed after the To: the To wins.
    expect(clampDay('2026-05-01', { min: '2026-06-01', max: '2026-04-01' })).toBe('2026-04-01');
    expect([canTurn('2026-03-15', -1, bounds), canTurn('2026-03-15', 1, bounds)]).toEqual([false, false]);
    expect([canTurn('2026-03-15', -1, { min: '2026-02-28' }), canTurn('2026-03-15', 1, { max: '2026-04-01' })]).toEqual([true, true]);
    expect([canTurn('2026-03-15', -1, {}), canTurn('2026-03-15', 1, {})]).toEqual([true, true]);
  });

  it('names months and weekdays in each language, Monday first, the heading’s month in its standalone form', () => {
    const sl = calendarNames(LOCALES.sl);
    expect(sl.heading('2026-12-07')).toBe('December 2026');
    expect(sl.weekdays.map((d) => d.short)).toEqual(['pon.', 'tor.', 'sre.', 'čet.', 'pet.', 'sob.', 'ned.']);
    expect(sl.full('2026-12-07')).toBe('ponedeljek, 7. december 2026');
    const ru = calendarNames(LOCALES.ru);
    // A Russian date says "декабря" (of December); the month alone is "декабрь".
    expect(ru.heading('2026-12-07')).toBe('Декабрь 2026 г.');
    expect(ru.full('2026-12-07')).toBe('понедельник, 7 декабря 2026 г.');
    expect(ru.weekdays[0]).toEqual({ short: 'пн', long: 'понедельник' });
    expect(calendarNames(LOCALES.en).weekdays.map((d) => d.short)).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
    expect(calendarNames(LOCALES.tr).heading('2026-12-07')).toBe('Aralık 2026');
    expect(calendarNames(LOCALES.da).heading('2026-12-07')).toBe('December 2026');
    // Every locale the dashboard speaks starts its week on Monday, as the calendar does.
    for (const language of LANGUAGES) {
      const locale = new Intl.Locale(LOCALES[language]) as Intl.Locale & { getWeekInfo?: () => { firstDay: number }; weekInfo?: { firstDay: number } };
      expect((locale.getWeekInfo?.() ?? locale.weekInfo)?.firstDay, language).toBe(1);
    }
  });
});
