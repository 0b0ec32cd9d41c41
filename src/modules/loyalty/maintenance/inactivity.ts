import { sql } from 'kysely';
import { addDays, addMonths, addMonthsIn } from '../../../shared/clock.ts';

// Expiry by inactivity: all of a member's points expire once the program's `months` have
// passed without a purchase. The time runs from the member's last purchase or from their
// joining, whichever is later: a member who joined today is not idle, even when the
// purchases that brought them in were dated long ago (an imported history) — otherwise the
// welcome bonus given at joining expired at the next sweep. The accrual, the nightly sweep,
// its reminders and the account all ask here, so they agree.

interface MemberTimes {
  joined_at: Date;
  last_activity_at: Date | null;
}

/** Since when the member has been idle: the later of their last purchase and their joining. */
export function idleSince(member: MemberTimes): Date {
  const last = member.last_activity_at;
  return last && last.getTime() > member.joined_at.getTime() ? last : member.joined_at;
}

/**
 * When the member's points expire by inactivity if they buy nothing before: `months` after
 * they went idle, counted in the business's time zone as a lot's months are (idle since 00:30
 * on 31 August there: due at 00:30 on 28 February there).
 */
export function inactivityExpiresAt(member: MemberTimes, months: number, timeZone: string): Date {
  return addMonthsIn(idleSince(member), months, timeZone);
}

/**
 * A bound on idleSince for the members whose points are due by `at`: every one of them went
 * idle at or before it (some later than their due date allows, whom inactivityExpiresAt
 * then leaves out). A month's end moves the due date up to 3 days and a zone's offset a
 * few hours, so SQL can pick the candidates and the exact date decides.
 */
export function idleBound(at: Date, months: number): Date {
  return addDays(addMonths(at, -months), 4);
}

/** idleSince as SQL, on the loyalty_members row `alias` (GREATEST skips a NULL last purchase). */
export function idleSinceSql(alias: string) {
  return sql<Date>`GREATEST(${sql.ref(`${alias}.last_activity_at`)}, ${sql.ref(`${alias}.joined_at`)})`;
}
