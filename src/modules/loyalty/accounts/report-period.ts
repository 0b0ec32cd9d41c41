import { sql, type RawBuilder } from 'kysely';
import { z } from 'zod';
import type { Db } from '../../../db/index.ts';
import { addDaysToDate, startOfLocalDay } from '../../../shared/clock.ts';
import { withFields } from '../../../shared/objects.ts';
import { CalendarDate, datesInOrder, TO_BEFORE_FROM } from '../../../shared/validation.ts';

// The loyalty report's period, and the one definition of its figures: the whole ledger is
// the period without bounds, so a report of a period that holds all of it answers what the
// report without one does.

/**
 * GET /loyalty/report's query, and `regulars loyalty report --from --to`: local dates of the
 * business's time zone, both optional, each bound inclusive — as /analytics/metrics and
 * /analytics/cohorts take theirs (CalendarDate, and `to` before `from` refused naming `to`).
 */
export const LoyaltyReportQuery = z
  .object({
    from: CalendarDate.optional().describe('first local date of the period (the business\'s time zone); without it, from the ledger\'s start'),
    to: CalendarDate.optional().describe('last local date of the period, inclusive; without it, up to now'),
  })
  .refine(datesInOrder, TO_BEFORE_FROM);
export type LoyaltyReportQuery = z.input<typeof LoyaltyReportQuery>;

/** The instants a period covers, [start, end): from's local midnight to the midnight after `to`; null where it is open. */
export interface ReportWindow {
  from: string | null;
  to: string | null;
  start: Date | null;
  end: Date | null;
}

export function reportWindow(query: z.output<typeof LoyaltyReportQuery>, timeZone: string): ReportWindow | null {
  if (!query.from && !query.to) return null;
  return {
    from: query.from ?? null,
    to: query.to ?? null,
    start: query.from ? startOfLocalDay(query.from, timeZone) : null,
    end: query.to ? startOfLocalDay(addDaysToDate(query.to, 1), timeZone) : null,
  };
}

/** The report's state: now's, whatever the period. */
export interface ReportState {
  members: number;
  outstanding: number;
  pending: number;
}

/** The report's sums of movements (report): expired is expired_swept + expiring_now. */
export interface ReportMovements {
  owed: number;
  earned: number;
  adjusted_in: number;
  adjusted_out: number;
  merged_in: number;
  merged_out: number;
  redeemed: number;
  expired_swept: number;
  expiring_now: number;
  reversed: number;
  forfeited: number;
}

export type ReportTotals = ReportState & ReportMovements;

/**
 * Every figure of the report, over `window` or (null) the whole ledger. The state — members,
 * outstanding, pending — is always now's: the ledger keeps no past balances, and a period
 * only chooses which movements count. A movement counts in the period it happened in
 * (occurred_at: a purchase's earning when it was made, a refund's take-back when refunded),
 * with two rules that make a period's figure stay put once the period is over:
 * - an expiry counts when its points expired — the lot's expiry date, or the expiry entry's
 *   time when that is earlier (inactivity takes lots before their dates) — not when the
 *   hourly maintenance wrote it off: a lot due at 23:30 on 31 March swept at 00:10 is March's;
 *   a lot past its date and not swept yet counts by its date (expiring_now);
 * - owed is what the take-backs of the period still owe (their `unsettled`), so that
 *   issued = earned + adjusted_in − (reversed − owed) counts, of those take-backs, only what
 *   left the members' lots. Without a period that is every debt, as it always was.
 */
export async function reportTotals(db: Db, now: Date, window: ReportWindow | null): Promise<ReportTotals> {
  const [state, movements] = await Promise.all([reportState(db, now), reportMovements(db, now, window)]);
  return withFields(state, movements);
}

async function reportState(db: Db, now: Date): Promise<ReportState> {
  const state = await sql<ReportState>`
    SELECT (SELECT count(*) FROM loyalty_members m JOIN customers c ON c.id = m.customer_id WHERE c.status = 'active')::float8 AS members,
           (SELECT COALESCE(sum(remaining), 0) FROM loyalty_entries WHERE remaining > 0 AND (expires_at IS NULL OR expires_at > ${now}))::float8 AS outstanding,
           (SELECT COALESCE(sum(remaining), 0) FROM loyalty_entries WHERE remaining > 0 AND available_at > ${now})::float8 AS pending`.execute(db);
  return state.rows[0];
}

/** The movements of reportTotals, over `window` or (null) the whole ledger. */
export async function reportMovements(db: Db, now: Date, window: ReportWindow | null): Promise<ReportMovements> {
  const inWindow = (column: RawBuilder<unknown>) => {
    const parts = [sql`TRUE`];
    if (window?.start) parts.push(sql`${column} >= ${window.start}`);
    if (window?.end) parts.push(sql`${column} < ${window.end}`);
    return sql.join(parts, sql` AND `);
  };
  const occurred = inWindow(sql.ref('occurred_at'));
  // The part of the swept expiries the period moves by the date the points expired rather
  // than the entry's: its allocations dated in the window less those of its entries in the
  // window. 0 without a period (both sums are every allocation), so none is read then.
  const expiredAt = sql`LEAST(COALESCE(c.expires_at, d.occurred_at), d.occurred_at)`;
  const movedByDate = window
    ? sql`(SELECT COALESCE(sum(a.points) FILTER (WHERE ${inWindow(expiredAt)}), 0) - COALESCE(sum(a.points) FILTER (WHERE ${inWindow(sql.ref('d.occurred_at'))}), 0)
           FROM loyalty_allocations a
           JOIN loyalty_entries d ON d.customer_id = a.customer_id AND d.id = a.debit_id AND d.kind = 'expire'
           JOIN loyalty_entries c ON c.customer_id = a.customer_id AND c.id = a.credit_id)`
    : sql`0`;
  // Lots past their expiry count as expired from that moment, as the members' balances
  // show them, not only once the sweep (maintenance) has written their expiry entries.
  // Adjustments are the staff's, apart from the transfers a merge writes (source
  // 'merge'), which move points between two members and net to zero over the program,
  // and the forfeiture an erasure writes (source 'erasure'). A bonus a merge took back
  // as the person's second (a reverse entry naming the one that stays, duplicate_of)
  // was never the person's to earn: earned is net of it, and reversed is refunds'.
  const totals = await sql<ReportMovements>`
    SELECT COALESCE(sum(unsettled) FILTER (WHERE unsettled > 0), 0)::float8 AS owed,
           (COALESCE(sum(points) FILTER (WHERE kind IN ('earn', 'bonus')), 0)
            + COALESCE(sum(points) FILTER (WHERE kind = 'reverse' AND details ? 'duplicate_of'), 0))::float8 AS earned,
           COALESCE(sum(points) FILTER (WHERE kind = 'adjust' AND source_type NOT IN ('merge', 'erasure') AND points > 0), 0)::float8 AS adjusted_in,
           COALESCE(-sum(points) FILTER (WHERE kind = 'adjust' AND source_type NOT IN ('merge', 'erasure') AND points < 0), 0)::float8 AS adjusted_out,
           COALESCE(-sum(points) FILTER (WHERE kind = 'adjust' AND source_type = 'erasure'), 0)::float8 AS forfeited,
           COALESCE(sum(points) FILTER (WHERE kind = 'adjust' AND source_type = 'merge' AND points > 0), 0)::float8 AS merged_in,
           COALESCE(-sum(points) FILTER (WHERE kind = 'adjust' AND source_type = 'merge' AND points < 0), 0)::float8 AS merged_out,
           (COALESCE(-sum(points) FILTER (WHERE kind = 'redeem'), 0) - COALESCE(sum(points) FILTER (WHERE kind = 'release'), 0))::float8 AS redeemed,
           (COALESCE(-sum(points) FILTER (WHERE kind = 'expire'), 0) + ${movedByDate})::float8 AS expired_swept,
           (SELECT COALESCE(sum(remaining), 0) FROM loyalty_entries WHERE remaining > 0 AND expires_at <= ${now} AND ${inWindow(sql.ref('expires_at'))})::float8 AS expiring_now,
           COALESCE(-sum(points) FILTER (WHERE kind = 'reverse' AND NOT details ? 'duplicate_of'), 0)::float8 AS reversed
    FROM loyalty_entries WHERE ${occurred}`.execute(db);
  return totals.rows[0];
}

/**
 * The points the program has given for good: earned and added by staff, less what refunds
 * took back from the members' lots. A refund of points already spent takes them back
 * only as the member earns again (until then they are owed), so only reversed − owed is
 * subtracted. Over the ledger, outstanding = issued − adjusted_out − redeemed − expired −
 * forfeited (merges' transfers net to zero), and outstanding is never below zero: so
 * redeemed + expired + forfeited never exceed the points issued, and neither rate exceeds 100 %.
 * Over a period they can: points issued before it may be redeemed or expire in it.
 */
export function pointsIssued(t: Pick<ReportTotals, 'earned' | 'adjusted_in' | 'reversed' | 'owed'>): number {
  return t.earned + t.adjusted_in - (t.reversed - t.owed);
}

/**
 * The points outstanding at an instant — a period's opening (the start of `from`) — by the same
 * definition as the period's figures: the ledger before that instant is a period without a
 * start, and its outstanding is the identity above (pointsChange). Every figure is a sum of
 * movements by their dates, so a period's closing is its opening plus its change, and the
 * closing of one period the opening of the next. Owed is the take-backs' debt as it stands
 * now (as the period's issued counts it): a debt the member has repaid since counts as taken
 * at the refund. An instant after now is now.
 */
export async function outstandingAt(db: Db, now: Date, at: Date): Promise<number> {
  return pointsChange(await reportMovements(db, now, { from: null, to: null, start: null, end: at < now ? at : null }));
}

/**
 * What movements do to the points outstanding: issued − adjusted_out − redeemed − expired −
 * forfeited + merged_in − merged_out (a merge writes its two sides at once, so they net to zero
 * over any period). Over the whole ledger it is the outstanding now (report.test.ts).
 */
export function pointsChange(t: ReportMovements): number {
  return pointsIssued(t) - t.adjusted_out - t.redeemed - (t.expired_swept + t.expiring_now) - t.forfeited + t.merged_in - t.merged_out;
}
