import { addDaysToDate, isDateOnly, localDate } from '../shared/clock.ts';

// The dashboard's dates and times are the business's (GET /status names its time zone, the
// server's TIMEZONE), wherever the browser is: a manager travelling, or a head office in
// another zone, types and reads the days the business means. The server reads a date alone
// as the start of that day in that zone; an input's wall-clock time is written here as the
// instant it names there, with that day's offset ("2026-12-05T00:00:00+01:00"), so the
// request says the very moment and still reads as the time that was typed.

const DAY_MS = 86_400_000;
const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

const partFormatters = new Map<string, Intl.DateTimeFormat>();
/** Year … second an instant shows in a zone. */
function wallClockParts(ms: number, timeZone: string) {
  let formatter = partFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    partFormatters.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(new Date(ms));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)!.value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

/** How far a zone's clocks are ahead of UTC at an instant, in milliseconds (whole seconds). */
function offsetMs(ms: number, timeZone: string): number {
  const p = wallClockParts(ms, timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(ms / 1000) * 1000;
}

/** "+01:00", "-07:00", "+13:45". */
function offsetText(offset: number): string {
  const minutes = Math.round(Math.abs(offset) / 60_000);
  return `${offset < 0 ? '-' : '+'}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** An instant as local time in a zone with the zone's offset then: "2026-05-01T10:00:00+02:00". */
function written(ms: number, timeZone: string): string {
  const p = wallClockParts(ms, timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${offsetText(offsetMs(ms, timeZone))}`;
}

/**
 * The instant a wall-clock time names in a zone, in milliseconds; undefined for a text that
 * is no date and time in the calendar (2026-02-30T10:00). A time the clocks skip (the
 * spring's 02:30 in Ljubljana) is read with the offset before the change, so it is that
 * much later (03:30 summer time), as a clock put forward shows it; a time they show twice
 * (the autumn's 02:30) is the first of the two, summer time's.
 */
function wallClockInstant(local: string, timeZone: string): number | undefined {
  const m = WALL_CLOCK.exec(local);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1).map((v) => Number(v ?? 0));
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  const back = new Date(wall);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) return undefined;
  // No zone changes its offset twice within two days: the offsets a day before and a day
  // after are the only two the wall-clock time can have.
  const before = offsetMs(wall - DAY_MS, timeZone);
  const after = offsetMs(wall + DAY_MS, timeZone);
  const shows = [wall - before, wall - after].filter((at) => at + offsetMs(at, timeZone) === wall);
  return shows.length ? Math.min(...shows) : wall - before;
}

/**
 * An input's wall-clock time (a datetime-local's "2026-12-05T00:00", or with seconds) as
 * the instant it names in the zone, with that day's offset: "2026-12-05T00:00:00+01:00".
 * Empty is no value; a text that is no date and time stays as typed, for the server to name.
 */
export function instantOfWallClock(local: string, timeZone: string): string | undefined {
  const text = local.trim();
  if (!text) return undefined;
  const at = wallClockInstant(text, timeZone);
  return at === undefined ? text : written(at, timeZone);
}

/**
 * An instant as a datetime-local input shows it in the zone, to the minute: "2026-12-05T00:00".
 * A date alone is that day's start, as the server reads it. A text that is no instant shows as nothing.
 */
export function wallClockOf(text: string, timeZone: string): string {
  const value = text.trim();
  if (isDateOnly(value)) return `${value}T00:00`;
  // A time without an offset is a wall-clock time already: the zone's, not this browser's.
  if (WALL_CLOCK.test(value)) return value.slice(0, 16);
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return '';
  const p = wallClockParts(ms, timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/** The instant a calendar day (YYYY-MM-DD) begins in the zone, with its offset: "2026-10-25T00:00:00+02:00". */
export function dayStart(date: string, timeZone: string): string {
  return instantOfWallClock(`${date}T00:00`, timeZone) ?? date;
}

/** The instant the calendar day after `date` begins in the zone: the end of `date` (23 or 25 hours long on a day the clocks change). */
export const dayEnd = (date: string, timeZone: string): string => dayStart(addDaysToDate(date, 1), timeZone);

/** Today's calendar day in the zone (YYYY-MM-DD). */
export const todayIn = (timeZone: string, now = new Date()): string => localDate(now, timeZone);

/** The calendar day (YYYY-MM-DD) an instant falls on in the zone. */
export const dayOf = (iso: string, timeZone: string): string => localDate(new Date(iso), timeZone);

/**
 * The last calendar day (YYYY-MM-DD) an end leaves whole in the zone, when it falls exactly
 * at a day's start there: a gift card entered as expiring 31 Dec is kept as 2027-01-01T00:00
 * there, and is valid through 2026-12-31. A date alone is its day's start, as the server reads
 * it. Undefined for an end at another time of day (to be shown with its time) or no instant.
 */
export function lastDayBefore(end: string, timeZone: string): string | undefined {
  const value = end.trim();
  if (isDateOnly(value)) return addDaysToDate(value, -1);
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return undefined;
  const day = dayOf(value, timeZone);
  return Date.parse(dayStart(day, timeZone)) === ms ? addDaysToDate(day, -1) : undefined;
}

export interface DateFormats {
  /** A date ("5 Dec 2026"), with its time ("5 Dec 2026, 00:00") when asked: an instant as the zone's clocks showed it, a date alone as that calendar day. */
  date(iso: string, withTime?: boolean): string;
  /** The time of day alone, in the zone. */
  time(iso: string): string;
  /** A calendar month (YYYY-MM) by its short name and year ("May 2026"), as a date alone is: in no zone. */
  month(yearMonth: string): string;
}

/**
 * A date written as one word: its spaces no-break ones, so a line never ends inside it
 * (a Russian "7 дек. 2026 г." left "г." alone on the next line; "7 Dec" and "2026" parted
 * in every language). Only the space after a comma stays: "7 Dec 2026," and its time may
 * part as a sentence's words do.
 */
const keptTogether = (text: string) => text.replace(/(?<!,) /g, '\u00a0');

/**
 * How a language writes dates and times in a zone. A date alone (a report's day, a
 * birthday) is a calendar day in no zone: written as it is, never moved to the day before
 * west of Greenwich.
 */
export function dateFormats(locale: string, timeZone: string): DateFormats {
  const keep = (format: Intl.DateTimeFormat) => (at: Date) => keptTogether(format.format(at));
  const day = keep(new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }));
  const date = keep(new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone }));
  const dateTime = keep(new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }));
  const time = keep(new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone }));
  const month = keep(new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }));
  return {
    date: (iso, withTime = false) => (isDateOnly(iso) ? day(new Date(`${iso}T00:00:00Z`)) : (withTime ? dateTime : date)(new Date(iso))),
    time: (iso) => time(new Date(iso)),
    month: (yearMonth) => month(new Date(`${yearMonth}-01T00:00:00Z`)),
  };
}
