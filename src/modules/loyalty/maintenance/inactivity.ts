import { sql } from 'kysely';
import { addMonths } from '../../../shared/clock.ts';

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

/** When the member's points expire by inactivity if they buy nothing before. */
export function inactivityExpiresAt(member: MemberTimes, months: number): Date {
  return addMonths(idleSince(member), months);
}

/** idleSince as SQL, on the loyalty_members row `alias` (GREATEST skips a NULL last purchase). */
export function idleSinceSql(alias: string) {
  return sql<Date>`GREATEST(${sql.ref(`${alias}.last_activity_at`)}, ${sql.ref(`${alias}.joined_at`)})`;
}
