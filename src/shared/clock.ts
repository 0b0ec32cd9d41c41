// Time comes from a Clock so tests (and the demo generator) can set "now".
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(at: Date | string): Clock & { set(at: Date | string): void } {
  let current = new Date(at);
  return {
    now: () => new Date(current),
    set: (next) => {
      current = new Date(next);
    },
  };
}

/** The calendar date (YYYY-MM-DD) of an instant in an IANA time zone. */
export function localDate(at: Date, timeZone: string): string {
  // Intl is slow (tens of µs a call) and this runs for every purchase: the zone's offset
  // is looked up once per quarter hour (every real offset change falls on one) and cached.
  const shifted = new Date(at.getTime() + cachedOffsetMs(at, timeZone));
  return shifted.toISOString().slice(0, 10);
}

const QUARTER_HOUR = 15 * 60_000;
const offsets = new Map<string, number>();
function cachedOffsetMs(at: Date, timeZone: string): number {
  const bucket = Math.floor(at.getTime() / QUARTER_HOUR);
  const key = `${timeZone}|${bucket}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    offset = offsetMs(new Date(bucket * QUARTER_HOUR), timeZone);
    if (offsets.size > 100_000) offsets.clear();
    offsets.set(key, offset);
  }
  return offset;
}

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** Whether a text is a calendar date alone (YYYY-MM-DD), not a timestamp. */
export const isDateOnly = (text: string) => /^\d{4}-\d{2}-\d{2}$/.test(text);

/** What an input names: a date alone is the start of that day in `timeZone`, a timestamp the instant written. */
export const instantOf = (text: string, timeZone: string): Date => (isDateOnly(text) ? startOfLocalDay(text, timeZone) : new Date(text));

/** How far ahead of now a sale or a refund may be dated: a till's clock running ahead, a time zone crossed. */
export const FUTURE_ALLOWANCE_MS = 24 * 3600_000;

/**
 * The earliest date any input may name (a purchase, a refund, a birthday, a query's
 * period, an imported row): every date a client sends is at least this, as written
 * (YYYY-MM-DD, before any offset). Nobody alive was born before it and no till's record
 * is older, so an earlier date is a typo ("0026" for 2026, a year 0000) — and such years
 * broke things: PostgreSQL has no year 0, years 0–99 were read as 1900–1999 by Date.UTC,
 * and before about 1900 the zones kept local mean time with offsets in seconds. Refused
 * naming the field (validation.ts isBeforeEarliest), never a 500 or a customer since 1026.
 */
export const EARLIEST_DATE = '1900-01-01';

/** Whether a date or a timestamp, as written (YYYY-MM-DD…), names a day before EARLIEST_DATE. */
export const isBeforeEarliest = (text: string): boolean => text.slice(0, 10) < EARLIEST_DATE;

/**
 * The instant of a UTC calendar date and time given by its parts, for any year: Date.UTC
 * (and new Date(y, …)) read a year of 0–99 as 1900–1999, so year 26's offset came out a
 * 1900 years off and its local date in 1926.
 */
export function utcOf(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const at = new Date(0);
  at.setUTCFullYear(year, month, day);
  return at.setUTCHours(hour, minute, second, 0);
}

/** The instant a calendar date (YYYY-MM-DD) begins in an IANA time zone. */
export const startOfLocalDay = (date: string, timeZone: string): Date => localInstant(date, '00:00:00', timeZone);

/** The instant a wall-clock time (YYYY-MM-DD, HH:mm:ss) shows in an IANA time zone. */
export function localInstant(date: string, time: string, timeZone: string): Date {
  const utcGuess = new Date(`${date}T${time}Z`);
  // The zone's offset at that moment; applied twice to settle across a DST change.
  let instant = utcGuess;
  for (let i = 0; i < 2; i++) instant = new Date(utcGuess.getTime() - cachedOffsetMs(instant, timeZone));
  return instant;
}

const partFormatters = new Map<string, Intl.DateTimeFormat>();
function offsetMs(at: Date, timeZone: string): number {
  let formatter = partFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    partFormatters.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const asUtc = utcOf(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

const DAY_MS = 86_400_000;

/** The instant `days` days of 24 hours after `at` (before, when negative). */
export const addDays = (at: Date, days: number) => new Date(at.getTime() + days * DAY_MS);

/** The same day of the month `months` months after `at` (UTC), or the month's last day when it has no such day. */
export function addMonths(at: Date, months: number): Date {
  const d = new Date(at);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const lastDay = new Date(utcOf(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, lastDay));
  return d;
}

/**
 * The same wall-clock time on the same day of the month `months` months after `at` as
 * `timeZone` reads it (the month's last day when it has no such day). A lot earned at
 * 00:30 on 31 January in Ljubljana (30 January in UTC) is due at 00:30 on 28 February
 * there, not a day later; one earned at 00:30 on 1 March on 1 April, not on 29 March.
 */
export function addMonthsIn(at: Date, months: number, timeZone: string): Date {
  const local = new Date(at.getTime() + cachedOffsetMs(at, timeZone)).toISOString();
  return localInstant(addMonthsToDate(local.slice(0, 10), months), local.slice(11, 23), timeZone);
}

/**
 * The same wall-clock time `days` days after `at` (before, when negative) as `timeZone`
 * reads it: 23 or 25 hours for a day across a DST change. A tier period ending at 12:00 on
 * 10 October in Ljubljana, with 30 days of grace, is reviewed at 12:00 on 9 November
 * there, not at 11:00.
 */
export function addDaysIn(at: Date, days: number, timeZone: string): Date {
  const local = new Date(at.getTime() + cachedOffsetMs(at, timeZone)).toISOString();
  return localInstant(addDaysToDate(local.slice(0, 10), days), local.slice(11, 23), timeZone);
}

// Calendar dates (YYYY-MM-DD, in no zone: a store's business day, a birthday, a report's
// period), counted at UTC midnight, where no zone or DST change moves them.
const utcMidnight = (date: string) => new Date(`${date}T00:00:00Z`);
const dateOf = (at: Date) => at.toISOString().slice(0, 10);

/** The calendar date `days` days after `date` (before, when negative). */
export const addDaysToDate = (date: string, days: number): string => dateOf(addDays(utcMidnight(date), days));

/** The calendar date `months` months after `date`; a day beyond the target month's end becomes its last day. */
export const addMonthsToDate = (date: string, months: number): string => dateOf(addMonths(utcMidnight(date), months));

/** Days from `from` to `to` (negative when `to` is earlier). */
export const daysBetweenDates = (from: string, to: string): number => (utcMidnight(to).getTime() - utcMidnight(from).getTime()) / DAY_MS;

/** An instant as local time in a zone, with the zone's offset then: 2026-05-01T10:00:00+02:00 (milliseconds when it has any). */
export function timeIn(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', timeZoneName: 'longOffset',
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const ms = at.getUTCMilliseconds();
  // "GMT+02:00", or "GMT" alone where the offset is zero.
  const offset = part('timeZoneName').replace('GMT', '') || '+00:00';
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}:${part('second')}${ms ? `.${String(ms).padStart(3, '0')}` : ''}${offset}`;
}
