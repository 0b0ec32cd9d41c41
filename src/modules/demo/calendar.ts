import { startOfLocalDay } from '../../shared/clock.ts';

// The demo's time line: whole local calendar days from the start, and wall-clock times
// in a store's zone turned into instants. Days are counted, not Dates, so generating a
// million customers costs arithmetic, not Intl calls.

const DAY = 86_400_000;

export interface DemoPeriod {
  start: Date;
  end: Date;
  /** Local calendar days covered; day 0 is the start's calendar date. */
  days: number;
  /** Per day: midnight of that calendar date read as UTC, the date, weekday (0 = Sunday), month (0 = January). */
  dayMs: readonly number[];
  dates: readonly string[];
  weekdays: readonly number[];
  months: readonly number[];
}

export function demoPeriod({ end, years }: { end: Date; years: number }): DemoPeriod {
  const start = new Date(end.getTime() - Math.round(years * 365.25) * DAY);
  const firstDay = Math.floor(start.getTime() / DAY) * DAY;
  const days = Math.ceil((end.getTime() - firstDay) / DAY) + 1;
  const dayMs = Array.from({ length: days }, (_, d) => firstDay + d * DAY);
  return {
    start,
    end,
    days,
    dayMs,
    dates: dayMs.map((ms) => new Date(ms).toISOString().slice(0, 10)),
    weekdays: dayMs.map((ms) => new Date(ms).getUTCDay()),
    months: dayMs.map((ms) => new Date(ms).getUTCMonth()),
  };
}

const offsets = new Map<string, number>();

/**
 * The zone's UTC offset in minutes during a day's opening hours. Taken at the end of the
 * day: European DST switches at 02:00–04:00, before any shop opens, so the end-of-day
 * offset is the one every purchase of that day sees.
 */
function openHoursOffset(dayMs: number, timeZone: string): number {
  const key = `${timeZone}|${dayMs}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    const next = dayMs + DAY;
    offset = (next - startOfLocalDay(new Date(next).toISOString().slice(0, 10), timeZone).getTime()) / 60_000;
    offsets.set(key, offset); // bounded: zones × days of the period
  }
  return offset;
}

const two = (n: number) => String(n).padStart(2, '0');

/** A local wall-clock time as an instant and as ISO 8601 text with the zone's offset, as a POS sends it. */
export function localTime({ period, day, second, timeZone }: { period: DemoPeriod; day: number; second: number; timeZone: string }): { ms: number; iso: string } {
  const offset = openHoursOffset(period.dayMs[day], timeZone);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const clock = `${two(Math.floor(second / 3600))}:${two(Math.floor(second / 60) % 60)}:${two(second % 60)}`;
  return {
    ms: period.dayMs[day] + second * 1000 - offset * 60_000,
    iso: `${period.dates[day]}T${clock}${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`,
  };
}
