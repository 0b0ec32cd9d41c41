import { sql } from 'kysely';
import type { Tx } from '../../../db/index.ts';
import { localDate } from '../../../shared/clock.ts';
import { publish, type OutgoingEvent } from '../../../jobs/outbox.ts';
import { CATEGORIES_KEPT } from '../../commerce/index.ts';
import * as ledger from '../ledger/ledger.repository.ts';
import type { LoyaltyCore } from '../loyalty.core.ts';
import { text, type Program } from '../program/program.ts';
import { activeIds, lockActiveCustomers } from '../lifecycle/merged-customers.ts';
import type { ProgramDocument } from '../program/program.schema.ts';
import { createBonusCredits } from './bonus-credit.ts';
import { categoriesIn, visitsIn } from './challenge-window.ts';

// Challenges: where each member stands on each, and the bonus when a purchase reaches a
// goal. They follow from the purchase's outbox event, so a purchase never waits on them.

type Challenge = ProgramDocument['challenges'][number];

/** A member's standing on one challenge (challengeStandings). */
interface ChallengeStanding {
  customerId: string;
  /** The moment the standing is taken at (its window ends there). */
  at: Date;
  challenge: Challenge;
  /** Towards the goal, since the last completion (within the challenge's window). */
  progress: number;
  /** Completions that stand: a refund may have revoked others (challenge-revocation.ts). */
  completions: number;
  lastCompletedAt: Date | null;
  /** Every completion ever, revoked ones too: the next bonus key's number and the one-a-day rule go by these. */
  allCompletions: number;
  lastAnyAt: Date | null;
}

/** Members whose challenges one statement checks (evaluateChallengesMany). */
const CHALLENGE_CHECK_CHUNK = 1_000;

/**
 * Members whose completions one transaction checks and credits (completeMany): on the
 * embedded database a request waits for the whole transaction, so it stays short (~100 ms).
 */
const COMPLETION_CHUNK = 100;

export function createChallenges(core: LoyaltyCore) {
  const { db, clock, timeZone } = core.deps;
  const creditBonuses = createBonusCredits(core);

  /**
   * Where each member stands on each challenge: completions so far, the last one, and the
   * progress since — purchase days (visits) or distinct categories in the challenge's
   * window that ends at the member's `at`, counting only after the last completion. One
   * statement for any number of members and challenges. The members go as two arrays
   * and the challenges as a few bytes of JSON: a dispatch's ~350 buyers as one JSON row
   * per question made a 108 KB parameter that, under load, took as long to bind as to answer.
   *
   * `reachedOnly`: only whether a goal can be reached matters (the purchase subscriber):
   * leaves out completed challenges that do not repeat, and questions whose member has
   * bought on fewer days in all than a visits goal, or in fewer categories in all than a
   * categories goal (customer_stats.purchase_days and categories, kept by every purchase),
   * without reading their purchases. Most members of a busy shop are such, and this runs
   * for every dispatch of purchases.
   */
  async function challengeStandings(db_: Tx | typeof db, members: { customerId: string; at: Date }[], challenges: readonly Challenge[], { reachedOnly = false } = {}): Promise<ChallengeStanding[]> {
    if (members.length === 0 || challenges.length === 0) return [];
    const rules = JSON.stringify(challenges.map((c, j) => ({ j, code: c.code, visits: c.goal.type === 'visits', goal: c.goal.count, within_days: c.goal.within_days, repeatable: Boolean(c.repeatable) })));
    // What the goal counts: challenge-window.ts. A window is whole days of 24 hours, as
    // shared/clock.ts's addDays counts them for the program's other rules.
    const result = await sql<{ i: string; j: number; completions: string; last_completed_at: Date | null; all_completions: string; last_any_at: Date | null; progress: number }>`
      SELECT m.i, c.j, done.n AS completions, done.last AS last_completed_at, done.n_all AS all_completions, done.last_any AS last_any_at, CASE WHEN c.visits
        THEN ${visitsIn(sql.ref('m.customer_id'), sql.ref('w.start_at'), sql.ref('m.end_at'))}
        ELSE ${categoriesIn(sql.ref('m.customer_id'), sql.ref('w.start_at'), sql.ref('m.end_at'))}
        END::int AS progress
      FROM unnest(${members.map((m) => m.customerId)}::uuid[], ${members.map((m) => m.at.toISOString())}::timestamptz[]) WITH ORDINALITY AS m(customer_id, end_at, i)
      LEFT JOIN customer_stats s ON s.customer_id = m.customer_id
      CROSS JOIN json_to_recordset(${rules}::json) AS c(j int, code text, visits boolean, goal int, within_days int, repeatable boolean)
      CROSS JOIN LATERAL (SELECT count(cp.completed_at) FILTER (WHERE cp.revoked_at IS NULL) AS n, max(cp.completed_at) FILTER (WHERE cp.revoked_at IS NULL) AS last,
                                 count(cp.completed_at) AS n_all, max(cp.completed_at) AS last_any FROM challenge_progress cp
                          WHERE cp.customer_id = m.customer_id AND cp.challenge_code = c.code) done
      CROSS JOIN LATERAL (SELECT greatest(done.last, m.end_at - c.within_days * interval '24 hours') AS start_at) w
      ${reachedOnly ? sql`WHERE (done.n = 0 OR c.repeatable)
        AND CASE WHEN c.visits THEN s.purchase_days >= c.goal
                 ELSE cardinality(s.categories) >= least(c.goal, ${sql.lit(CATEGORIES_KEPT)}) END` : sql``}
      ORDER BY m.i, c.j`.execute(db_);
    return result.rows.map((r) => ({
      customerId: members[Number(r.i) - 1].customerId, at: members[Number(r.i) - 1].at, challenge: challenges[r.j], progress: Number(r.progress),
      completions: Number(r.completions), lastCompletedAt: r.last_completed_at, allCompletions: Number(r.all_completions), lastAnyAt: r.last_any_at,
    }));
  }

  /**
   * Completes, for each member, the challenges of `codes` their purchase at `at` reaches:
   * the one check and credit of a completion, for one purchase event (evaluateChallenges)
   * as for a dispatch's (evaluateChallengesMany). COMPLETION_CHUNK members a transaction,
   * each of a few statements for all of them: a completion a transaction made the demo of
   * 5,000 customers twice as slow (3,862 of them). Customers are locked (shared) and then
   * members, each in id order, as a purchase and a refund lock them, so neither waits on
   * the other in a cycle. Each bonus is keyed by its completion's number: a second
   * delivery finds the completion made and writes nothing. Answers the codes completed by
   * the id asked for.
   */
  async function completeMany(program: Program, wanted: { customerId: string; at: Date; codes: ReadonlySet<string> }[]): Promise<Map<string, string[]>> {
    const completed = new Map<string, string[]>();
    let pending = [...wanted].sort((a, b) => (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0));
    while (pending.length > 0) {
      // Two ids merged into one customer since they were read: the second in a transaction after.
      const later: typeof pending = [];
      for (let from = 0; from < pending.length; from += COMPLETION_CHUNK) {
        const chunk = pending.slice(from, from + COMPLETION_CHUNK);
        await db.transaction().execute(async (trx) => {
          const now = clock.now();
          // An event queued before a merge: the survivor's challenges; erased since: forfeited (erasure.ts).
          const active = await lockActiveCustomers(trx, chunk.map((w) => w.customerId));
          const items: (typeof chunk[number] & { requested: string })[] = [];
          const seen = new Set<string>();
          for (const w of chunk) {
            const a = active.get(w.customerId);
            if (!a || a.status === 'erased') continue;
            if (seen.has(a.id)) later.push(w);
            else items.push({ customerId: a.id, at: w.at, codes: w.codes, requested: w.customerId }), seen.add(a.id);
          }
          const members = await ledger.lockMembers(trx, items.map((i) => i.customerId), { now, create: false });
          const live = items.filter((i) => members.has(i.customerId));
          const byId = new Map(live.map((i) => [i.customerId, i]));
          // For all at once: not done if it does not repeat, the goal reached, no completion yet
          // on the purchase's local day (by the last one, or by a row of that day written before
          // days were the business's: dayTaken).
          const due = (await challengeStandings(trx, live.map((i) => ({ customerId: i.customerId, at: i.at })), program.document.challenges)).flatMap((st) => {
            const { challenge, customerId, at } = st;
            if (!byId.get(customerId)!.codes.has(challenge.code)) return [];
            if ((st.completions > 0 && !challenge.repeatable) || st.progress < challenge.goal.count) return [];
            // challenge_progress keeps one row per challenge and day (window_start, the
            // completion's date): a second completion on the same day overwrote the first's row,
            // so the count stayed behind the bonuses paid and every later completion drew a key
            // already used, and was never rewarded. At most one completion a day: what was
            // bought after it counts towards the next, on a later day. A revoked completion
            // keeps its row and its number (migration 0021), so both count here. The day is the
            // business's (its time zone), as a visit's is: by UTC dates a purchase at 00:30 in
            // Ljubljana fell on the day before and was refused a completion on a new day, and two
            // completions could fall on one. Rows written before keep their UTC day: a day taken
            // by one is skipped too, as the key (customer, challenge, day) has room for one.
            const day = localDate(at, timeZone);
            if (st.lastAnyAt && localDate(new Date(st.lastAnyAt), timeZone) === day) return [];
            const n = st.allCompletions + 1;
            return [{
              member: members.get(customerId)!, points: challenge.points, key: `bonus:challenge:${challenge.code}:${n}`, at,
              details: { bonus: 'challenge', challenge: text(challenge.name), code: challenge.code, completion: n }, customerId, challenge, progress: st.progress, day, n,
            }];
          });
          if (due.length === 0) return;
          const taken = await sql<{ customer_id: string; challenge_code: string }>`
            SELECT p.customer_id, p.challenge_code FROM challenge_progress p
            JOIN unnest(${due.map((d) => d.customerId)}::uuid[], ${due.map((d) => d.challenge.code)}::text[], ${due.map((d) => d.day)}::date[]) AS q(customer_id, code, day)
              ON p.customer_id = q.customer_id AND p.challenge_code = q.code AND p.window_start = q.day`.execute(trx);
          const dayTaken = new Set(taken.rows.map((r) => `${r.customer_id} ${r.challenge_code}`));
          const done = await creditBonuses(trx, program, due.filter((d) => !dayTaken.has(`${d.customerId} ${d.challenge.code}`)), now);
          if (done.length === 0) return;
          await trx.insertInto('challenge_progress')
            .values(done.map((c) => ({ customer_id: c.customerId, challenge_code: c.challenge.code, window_start: c.day, progress: JSON.stringify({ count: c.progress, goal: c.challenge.goal }), completed_at: c.at, updated_at: now })))
            .onConflict((oc) => oc.columns(['customer_id', 'challenge_code', 'window_start']).doUpdateSet((eb) => ({ completed_at: eb.ref('excluded.completed_at'), updated_at: now }))).execute();
          const events: OutgoingEvent[] = done.map((c) => ({ type: 'loyalty.challenge_completed', customerId: c.customerId, payload: { customer_id: c.customerId, challenge: c.challenge.code, points: c.challenge.points, completion: c.n } }));
          await publish(trx, events);
          for (const c of done) {
            const requested = byId.get(c.customerId)!.requested;
            (completed.get(requested) ?? completed.set(requested, []).get(requested)!).push(c.challenge.code);
          }
        });
      }
      pending = later;
    }
    return completed;
  }

  const service = {
    /** Subscriber of purchase.recorded: completes the challenges the purchase finishes (of `only`'s codes, when given). */
    async evaluateChallenges(requested: string, at: Date, only?: ReadonlySet<string>): Promise<string[]> {
      const program = await core.programAt(clock.now());
      if (!program || program.document.challenges.length === 0) return [];
      const codes = only ?? new Set(program.document.challenges.map((c) => c.code));
      return (await completeMany(program, [{ customerId: requested, at, codes }])).get(requested) ?? [];
    },

    /**
     * The same for a batch of purchase events (the job queue hands over the events of a
     * dispatch at once): one statement measures every member's progress on every
     * challenge they can still complete, and only the members who reached a goal are
     * checked again under their lock and credited, many a transaction (completeMany).
     */
    async evaluateChallengesMany(items: { customerId: string; at: Date }[]) {
      const program = await core.programAt(clock.now());
      if (!program || program.document.challenges.length === 0 || items.length === 0) return [];
      // By the customer each id stands for after merges: the merged customer's purchases are
      // the survivor's now (completeMany follows the id again under the lock).
      const survivors = await activeIds(db, items.map((i) => i.customerId));
      // At each of a member's purchases in the dispatch, not only the latest: a goal reached
      // by an earlier one is completed at its time (the bonus dated and expiring from there),
      // and a goal within a window ("5 visits in 30 days") reached then may be out of the
      // window that ends at the latest.
      const times = new Map<string, Set<number>>();
      for (const i of items) {
        const id = survivors.get(i.customerId) ?? i.customerId;
        const seen = times.get(id);
        if (seen) seen.add(i.at.getTime());
        else times.set(id, new Set([i.at.getTime()]));
      }
      let questions = [...times].flatMap(([customerId, ats]) => [...ats].sort((a, b) => a - b).map((t) => ({ customerId, at: new Date(t) })));
      const completed = new Map<string, string[]>();
      // Each member's earliest moment at which a goal is reached is completed (checked again
      // under the lock), then their later moments are measured again, from the state that
      // completion left: until no goal is reached. The standings of one statement are taken
      // before any completion, and after one they overstate the later moments (a window
      // starts again at the completion; one that does not repeat is done): a member's whole
      // history in one call (the demo's, an import's backlog) reached a goal at nearly every
      // purchase of a regular, each checked in transactions of its own that found nothing
      // (the demo of 5,000 customers, which pays its challenges so: 137 s against 78 s).
      // The completions themselves are checked and credited for many members a transaction
      // (completeMany): one each made the demo of 5,000 customers' 3,862 as many transactions.
      while (questions.length > 0) {
        // Customer → the earliest moment a goal is reached, with its challenges.
        const earliest = new Map<string, { at: Date; codes: Set<string> }>();
        // A statement per CHALLENGE_CHECK_CHUNK questions: after a large import the queue hands
        // over thousands of events at once, and on the embedded database one statement over
        // all of them held its only connection for seconds.
        for (let from = 0; from < questions.length; from += CHALLENGE_CHECK_CHUNK) {
          for (const { customerId, at, challenge, progress } of await challengeStandings(db, questions.slice(from, from + CHALLENGE_CHECK_CHUNK), program.document.challenges, { reachedOnly: true })) {
            if (progress < challenge.goal.count) continue;
            const first = earliest.get(customerId);
            if (!first || at < first.at) earliest.set(customerId, { at, codes: new Set([challenge.code]) });
            else if (at.getTime() === first.at.getTime()) first.codes.add(challenge.code);
          }
        }
        for (const [id, codes] of await completeMany(program, [...earliest].map(([customerId, { at, codes }]) => ({ customerId, at, codes })))) {
          (completed.get(id) ?? completed.set(id, []).get(id)!).push(...codes);
        }
        // What is left: each member's moments after the one just checked (the others reached no goal).
        questions = questions.filter((q) => q.at > (earliest.get(q.customerId)?.at ?? q.at));
      }
      return [...completed].map(([customerId, challenges]) => ({ customerId, challenges }));
    },

    /** Progress of every challenge, for the account view. */
    async challenges(customerId: string) {
      const now = clock.now();
      const program = await core.programAt(now);
      if (!program) return [];
      const standings = await challengeStandings(db, [{ customerId, at: now }], program.document.challenges);
      return standings.map(({ challenge: c, progress, completions, lastCompletedAt }) => {
        const reached = !c.repeatable && completions ? c.goal.count : progress;
        return { code: c.code, name: c.name, goal: c.goal, points: c.points, repeatable: c.repeatable, progress: Math.min(reached, c.goal.count), completed: completions, last_completed_at: lastCompletedAt?.toISOString() ?? null };
      });
    },
  };
  return service;
}
