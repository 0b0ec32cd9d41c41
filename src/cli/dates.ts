import { loadConfig } from '../config.ts';
import { addDaysToDate } from '../shared/clock.ts';
import { say, type Said } from '../shared/messages/index.ts';
import { serverBusiness, type Business } from './remote.ts';

// How the command line writes a date or an instant for people, one way in every command and
// language (--json prints the API's values as they are). A calendar date (a birthday, a
// report's period, YYYY-MM-DD) stays as written. An instant is its date and time on the
// clock of the business's time zone — TIMEZONE, the zone the services read a date alone in
// — to the minute: "2026-06-01 14:00". A validity's start or end that falls on a midnight of
// that zone is a day: a start is the day it starts, and an end, which the server keeps as
// the instant the thing stops working, is the last day it still works — a gift card issued
// with `--expires-at 2027-12-31` (usable through that day) is stored as 2028-01-01 00:00 and
// shown "through 2027-12-31", as it was given.

/** An instant as the services answer it locally (Date) or a server's JSON does (ISO text). */
export type Instant = Date | string;

/**
 * The business's time zone and currency: this command's TIMEZONE and CURRENCY when it opened
 * the database itself; when it went through a server (remote.ts), the server's, as GET
 * /status names them, for the answers are the server's.
 */
export async function business(): Promise<Business> {
  const server = serverBusiness();
  if (server) return server;
  const config = loadConfig();
  return { timeZone: config.timeZone, currency: config.currency };
}

const clocks = new Map<string, Intl.DateTimeFormat>();

/** An instant's date, hour and minute on the clocks of `timeZone`, and whether it is exactly a midnight there. */
function wallClock(at: Instant, timeZone: string): { date: string; hour: string; minute: string; midnight: boolean } {
  const instant = at instanceof Date ? at : new Date(at);
  let clock = clocks.get(timeZone);
  if (!clock) {
    clock = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    clocks.set(timeZone, clock);
  }
  const parts = clock.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const [hour, minute, second] = [part('hour'), part('minute'), part('second')];
  return {
    date: `${part('year')}-${part('month')}-${part('day')}`,
    hour,
    minute,
    midnight: hour === '00' && minute === '00' && second === '00' && instant.getUTCMilliseconds() === 0,
  };
}

/** A calendar date (YYYY-MM-DD) as the command line writes one: as it is, in no zone. */
export const dayText = (date: string): string => date.slice(0, 10);

/** An instant as its local date and time in `timeZone`: "2026-06-01 14:00". */
export function whenText(at: Instant, timeZone: string): string {
  const c = wallClock(at, timeZone);
  return `${c.date} ${c.hour}:${c.minute}`;
}

/** A start (a version's effective_from, a campaign's valid_from): its day alone when it falls on a local midnight. */
export function startText(at: Instant, timeZone: string): string {
  const c = wallClock(at, timeZone);
  return c.midnight ? c.date : `${c.date} ${c.hour}:${c.minute}`;
}

/** An exclusive end (expires_at): the last day it works when it falls on a local midnight ("2027-12-31"), else the instant it stops. */
export function endText(at: Instant, timeZone: string): { lastDay: string } | { stops: string } {
  const c = wallClock(at, timeZone);
  return c.midnight ? { lastDay: addDaysToDate(c.date, -1) } : { stops: `${c.date} ${c.hour}:${c.minute}` };
}

/** How long a thing works, in words: "through 2027-12-31", "from 2026-06-01 until 2026-06-30 18:00", "no time limit". */
export function validityText(from: Instant | null, until: Instant | null, timeZone: string): Said {
  const start = from === null ? undefined : startText(from, timeZone);
  if (until === null) return start === undefined ? say('cli.dates.always') : say('cli.dates.from', { from: start });
  const end = endText(until, timeZone);
  if (start === undefined) return 'lastDay' in end ? say('cli.dates.through', { date: end.lastDay }) : say('cli.dates.until', { at: end.stops });
  return 'lastDay' in end ? say('cli.dates.from_through', { from: start, date: end.lastDay }) : say('cli.dates.from_until', { from: start, at: end.stops });
}
