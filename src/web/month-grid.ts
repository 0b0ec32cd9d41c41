import { addDaysToDate, addMonthsToDate } from '../shared/clock.ts';

// The pure parts of the dashboard's own calendar (Calendar.tsx): a month's weeks, where a
// key moves, the names in a language. Weeks start on Monday in all five languages, as their
// locales (i18n LOCALES) say: English is en-GB, whose week starts on Monday too (en-US's
// would start on Sunday, but the dashboard's English writes dates the British way, 07/12/2026).
// Intl.Locale's week info would say so, but Firefox has none: the first day is fixed here.

/** The first day of a month (YYYY-MM-DD), of the day's month. */
export const monthStart = (day: string) => `${day.slice(0, 7)}-01`;
/** The last day of the day's month. */
export const monthEnd = (day: string) => addDaysToDate(addMonthsToDate(monthStart(day), 1), -1);
/** 0 for Monday … 6 for Sunday. */
const weekday = (day: string) => (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;

/**
 * The weeks a month's page shows, Monday first: each seven ISO days, the first week begun
 * with the days of the month before and the last ended with those of the month after (four
 * to six weeks). `day` is any day of the month.
 */
export function monthWeeks(day: string): string[][] {
  const first = monthStart(day);
  const last = monthEnd(day);
  const weeks: string[][] = [];
  for (let start = addDaysToDate(first, -weekday(first)); start <= last; start = addDaysToDate(start, 7)) {
    weeks.push(Array.from({ length: 7 }, (_, i) => addDaysToDate(start, i)));
  }
  return weeks;
}

export interface Bounds { min?: string; max?: string }

/** Whether a day lies outside the bounds (the calendar offers it disabled). */
export const outside = (day: string, { min, max }: Bounds) => (min !== undefined && day < min) || (max !== undefined && day > max);

/** The day itself, or the bound it passed. A min after the max (a From typed after the To) keeps the max. */
export const clampDay = (day: string, { min, max }: Bounds) => (max !== undefined && day > max ? max : min !== undefined && day < min ? min : day);

/**
 * The day a key moves the calendar's focus to from `day` (the WAI-ARIA date picker's keys):
 * ← → a day, ↑ ↓ a week, Page Up / Page Down a month (with Shift a year, the month's last
 * day when it has no such day: 31 January → 28 February), Home / End the week's Monday /
 * Sunday; kept within the bounds, so the focus never rests on a day that cannot be chosen.
 * Undefined for any other key.
 */
export function moveDay(day: string, key: string, shift: boolean, bounds: Bounds = {}): string | undefined {
  const months = shift ? 12 : 1;
  const moved = ({
    ArrowLeft: () => addDaysToDate(day, -1),
    ArrowRight: () => addDaysToDate(day, 1),
    ArrowUp: () => addDaysToDate(day, -7),
    ArrowDown: () => addDaysToDate(day, 7),
    PageUp: () => addMonthsToDate(day, -months),
    PageDown: () => addMonthsToDate(day, months),
    Home: () => addDaysToDate(day, -weekday(day)),
    End: () => addDaysToDate(day, 6 - weekday(day)),
  } as Record<string, () => string>)[key];
  return moved && clampDay(moved(), bounds);
}

/** Whether a month before (-1) or after (1) the day's has any day within the bounds. */
export function canTurn(day: string, by: -1 | 1, { min, max }: Bounds): boolean {
  const month = addMonthsToDate(monthStart(day), by);
  return by < 0 ? min === undefined || monthEnd(month) >= min : max === undefined || month <= max;
}

export interface CalendarNames {
  /** The month and year as a heading: the standalone (nominative) form, "Декабрь 2026 г.", not the "декабря" of a date. */
  heading(day: string): string;
  /** Monday … Sunday: short ("pon.") and full ("ponedeljek"). */
  weekdays: { short: string; long: string }[];
  /** A day as a screen reader says its button: "ponedeljek, 7. december 2026". */
  full(day: string): string;
}

const named = new Map<string, CalendarNames>();
/** The calendar's names in a locale (i18n LOCALES), from Intl: a calendar day in no time zone. */
export function calendarNames(locale: string): CalendarNames {
  let names = named.get(locale);
  if (!names) {
    const at = (day: string) => new Date(`${day}T00:00:00Z`);
    const month = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
    const short = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
    const long = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
    const full = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'UTC' });
    names = {
      // Slovenian and Danish write a month lower case ("december 2026"); a heading starts with a capital in all five.
      heading: (day) => month.format(at(day)).replace(/^\p{Ll}/u, (c) => c.toLocaleUpperCase(locale)),
      // 2026-12-07 is a Monday.
      weekdays: Array.from({ length: 7 }, (_, i) => addDaysToDate('2026-12-07', i)).map((d) => ({ short: short.format(at(d)), long: long.format(at(d)) })),
      full: (day) => full.format(at(day)),
    };
    named.set(locale, names);
  }
  return names;
}
