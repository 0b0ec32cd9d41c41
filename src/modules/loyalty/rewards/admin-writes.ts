import { z } from 'zod';
import { addDaysToDate, isDateOnly, startOfLocalDay } from '../../../shared/clock.ts';
import { invalidField } from '../../../shared/errors.ts';
import { say, type Said } from '../../../shared/messages/index.ts';

// What an admin's write of stored value (a campaign of coupons, a gift card) needs to be
// safe to retry and never useless. The idempotency key is required, as for every write
// with money in it, since these are called by scripts and integrations, which are the
// ones that retry, and by the dashboard's Promotions forms, which make one key per filling
// of the form (a double click makes one). A client written before the key was required is
// told why, not just that a string is missing.
const KEY_REQUIRED = 'is required (it makes retries safe)';
export const AdminWriteKey = z.string({ error: (issue) => (issue.input === undefined ? KEY_REQUIRED : undefined) }).trim().min(1, KEY_REQUIRED).max(200);

/**
 * An optional text of a till's write (an order ref, a reason): one left blank ("" or
 * spaces, as a till's empty field sends it) is none, as a purchase's blank promo code is.
 * Kept as "", it was an order ref of nothing, and a retry without the field was a 409
 * naming a recorded value that read as nothing ("order_ref  (this request: none)").
 */
export const optionalText = (max: number) => z.string().trim().max(max).transform((text) => (text === '' ? undefined : text)).optional();

/** An instant as one text, whatever offset it was written in (what a request's hash keeps). */
export const instant = (at: string | undefined) => (at === undefined ? null : new Date(at).toISOString());

/**
 * The instant an expiry takes effect: a timestamp's own, or for a calendar date the end of
 * that day in `timeZone` (the thing is usable through the whole day, so it expires as the
 * next one begins there; a DST change is the zone's).
 */
export const expiryInstant = (at: string, timeZone: string): Date => (isDateOnly(at) ? startOfLocalDay(addDaysToDate(at, 1), timeZone) : new Date(at));

/**
 * Refuses an expiry that has passed already: `consequence` says what it would make of the
 * thing. A date alone (expiryInstant, in `timeZone`) is told with the instant its day ended.
 */
export function refusePast(field: string, at: string, now: Date, consequence: Said, timeZone = 'UTC') {
  const ends = expiryInstant(at, timeZone);
  if (ends.getTime() > now.getTime()) return;
  const told = isDateOnly(at) ? say('expiry.day_ended', { date: at, at: ends.toISOString(), time_zone: timeZone }) : ends.toISOString();
  throw invalidField(field, say('expiry.in_past', { at: told, now: now.toISOString(), consequence }));
}
