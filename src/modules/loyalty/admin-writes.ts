import { z } from 'zod';
import { invalidField } from '../../shared/errors.ts';
import { say, type Said } from '../../shared/messages/index.ts';

// What an admin's write of stored value (a campaign of coupons, a gift card) needs to be
// safe to retry and never useless. The idempotency key is required, as for every write
// with money in it, since these are called by scripts and integrations (the dashboard has
// no form for them), which are the ones that retry. A client written before the key was
// required is told why, not just that a string is missing.
const KEY_REQUIRED = 'is required (it makes retries safe)';
export const AdminWriteKey = z.string({ error: (issue) => (issue.input === undefined ? KEY_REQUIRED : undefined) }).trim().min(1, KEY_REQUIRED).max(200);

/** An instant as one text, whatever offset it was written in (what a request's hash keeps). */
export const instant = (at: string | undefined) => (at === undefined ? null : new Date(at).toISOString());

/** Refuses an expiry that has passed already: `consequence` says what it would make of the thing. */
export function refusePast(field: string, at: string, now: Date, consequence: Said) {
  if (Date.parse(at) <= now.getTime()) throw invalidField(field, say('expiry.in_past', { at: instant(at)!, now: now.toISOString(), consequence }));
}
