import { sql } from 'kysely';
import type { Db } from '../../../db/index.ts';
import { toMajor, currencyExponent } from '../../../shared/money.ts';
import type { ReturnedLine } from '../../commerce/index.ts';
import type { Program, PurchaseFacts } from '../program/program.ts';
import {
  challengeNote, countTriggers, epochMicros, ledgerOnlyNote, readBonusTriggers, readJoined, readReferrals,
  type BonusTriggerCounts, type NotSimulated, type ReferralTrigger, type SimulationNote,
} from './simulate-bonuses.ts';
import { Replay } from './simulate-replay.ts';
import type { ProgramOutcome, ReplayBasket, ReplayPurchase } from './simulate-replay-records.ts';
import { historyStart } from '../tiers/tier-timeline.ts';
import type { OnPublish, PublishMoves, TierMover, TierPolicy } from '../program/publish-preview.ts';

// `regulars loyalty simulate`: replays stored purchases against a proposed program —
// nothing is written — and reports what it would cost and how members' tiers would
// move, next to the program in force replayed the same way. The replay uses the same
// earning and tier functions as the live accrual (program.ts) and takes refunds back the
// way the live ledger does (ledger.ts; by what the lines earned for a refund naming
// lines, refund-points.ts), each at its own time; so the program in force,
// replayed over the purchases it earned, gives back the ledger's points and the tiers
// members hold — the baseline the proposal is measured against.
//
// Points are counted from --since, but tiers do not start afresh there: the replay reads
// purchases from far enough back (historyStart) that each member's qualifying window and
// tier at --since come out of their own history.
//
// The bonuses not tied to a purchase (sign-up, birthday, referral, survey, profile
// completion) are replayed from their real triggers, each at its own time among the
// purchases; simulate-bonuses.ts says where each trigger comes from, and what is left out.

/** A member whose tier the proposal changes: `from` is today's (null: not placed yet), `to` the proposal's. */
export interface Mover extends TierMover {
  /** The name on the customer's record, or its email, or null. */
  name: string | null;
}

/** The most movers a report lists by name. */
export const MOVERS_LISTED = 1000;

export interface SimulationReport {
  since: string;
  until: string;
  purchases: number;
  customers: number;
  proposed: ProgramOutcome;
  current: ProgramOutcome | null;
  /** proposed − current, in points and in the currency. */
  difference: { points: number; value: string } | null;
  /** Members by tier at the end of the replay under the proposed rules vs their tier today. */
  tiers: { code: string; proposed: number; today: number }[];
  moves: { up: number; down: number; unchanged: number };
  /**
   * How many members the program in force, replayed the same way, also places otherwise than
   * today (null without a program in force or tiers): a tier today rests on purchases judged
   * by the tier rules in force when each was made, and publishing a version re-judges no past
   * purchase — a member whose window met a lowered threshold only before it was published holds
   * the old tier, where the replay gives them the new one. Those moves are the history's, not
   * the proposal's: simulating the program in force gives exactly these as its `moves`.
   */
  in_force_moves: { up: number; down: number } | null;
  /**
   * Who moves: each member whose tier under the proposed rules differs from today's, those
   * moving down first (the ones a change of rules could upset), then up; at most
   * MOVERS_LISTED, `movers_truncated` when there are more (the counts are in `moves`).
   */
  movers: Mover[];
  movers_truncated: boolean;
  /**
   * What publishing the proposal now would do to members' tiers under each tier policy
   * (publish-preview.ts): publishing places members by their standing now, it does not
   * replay history, so these differ from `moves`; each names its movers as `movers` does.
   */
  on_publish: { tier_rules_changed: boolean } & Record<TierPolicy, Omit<PublishMoves, 'movers'> & { movers: Mover[] }>;
  /**
   * How many times each bonus not tied to a purchase fell due in the period: the same
   * triggers for both programs (referrals: those settled in it under either one's minimum).
   */
  bonus_triggers: BonusTriggerCounts;
  /** Bonuses the replay leaves out of both programs, and why. */
  not_simulated: NotSimulated[];
  /** What some of the bonus figures rest on, where it is not the history itself. */
  notes: SimulationNote[];
  duration_ms: number;
}

/**
 * Where the replay starts reading for a program, so that each member's tier at --since comes
 * out of their own purchases and not out of where the replay began. The tier held at --since
 * was last set (reached, renewed or reviewed) less than one tier period plus grace before it
 * — an older one has been reviewed by then — on a window reaching one window further back.
 * Rolling 12 months: 24 months plus grace before --since; calendar year: the start of the
 * year before the one --since minus grace falls in; lifetime: the whole history (null).
 * Without tiers, --since itself. The rule is tier-timeline.ts historyStart, where the live
 * engine reads a back-dated purchase's member from too.
 */

const toDate = (v: Date | string) => (v instanceof Date ? v : new Date(v));

const NO_LINES: PurchaseFacts['lines'] = [];
const NOTHING_RETURNED: ReturnedLine[] = [];

const PAGE = 20_000;

/**
 * The lines and discount of each purchase one of whose refunds names lines, by purchase id,
 * as the live reversal reads them (returnsOfPurchase): one query keyed by those purchases
 * (a few per hundred), so the cursor over all the purchases carries nothing more for them.
 */
async function readBaskets(db: Db, refundRows: { customer_id: string; purchase_id: string; lines: ReturnedLine[] | null }[]): Promise<Map<string, ReplayBasket>> {
  const keys = new Map<string, string>();
  for (const r of refundRows) if (r.lines) keys.set(r.purchase_id, r.customer_id);
  if (keys.size === 0) return new Map();
  const rows = await sql<{ id: string; discount_minor: number; bought: ReplayBasket['bought'] | null }>`
    SELECT p.id, p.discount_minor,
           (SELECT json_agg(json_build_object('sku', l.sku, 'category', l.category, 'quantity', l.quantity::float8, 'unitPriceMinor', l.unit_price_minor) ORDER BY l.line_no)
            FROM purchase_lines l WHERE l.customer_id = p.customer_id AND l.purchase_id = p.id) AS bought
    FROM unnest(${[...keys.values()]}::uuid[], ${[...keys.keys()]}::uuid[]) AS k(customer_id, id)
    JOIN purchases p ON p.customer_id = k.customer_id AND p.id = k.id`.execute(db);
  return new Map(rows.rows.map((r) => [r.id, { bought: r.bought ?? [], discountMinor: Number(r.discount_minor) }]));
}

export async function simulateProgram({ db, proposed, current, since, now, currency, timeZone, onPublish }: {
  db: Db; proposed: Program; current: Program | undefined; since: Date; now: Date; currency: string; timeZone: string; onPublish: OnPublish;
}): Promise<SimulationReport> {
  const started = Date.now();
  const programs = [proposed, ...(current ? [current] : [])];
  const replays = programs.map((p) => new Replay(p, timeZone, since));
  const starts = programs.map((p) => historyStart(p, since, timeZone));
  const from = starts.includes(null) ? null : new Date(Math.min(...starts.map((d) => d!.getTime())));
  const readFrom = from ? sql`AND p.occurred_at >= ${from}` : sql``;
  const needsLines = programs.some((p) => [...p.document.earning.multipliers, ...p.document.earning.promotions].some((m) => m.when?.categories || m.when?.skus));
  // Lines only where points are worked out (Replay.pointsFrom): a purchase before that only qualifies.
  const pointsFrom = Math.min(...replays.map((r) => r.pointsFrom));
  const linesWanted = Number.isFinite(pointsFrom) && (!from || pointsFrom > from.getTime()) ? sql`p.occurred_at >= ${new Date(pointsFrom)}` : sql`true`;
  const stores = new Map((await db.selectFrom('stores').select(['id', 'code']).execute()).map((s) => [s.id, s.code]));
  // Enrolment (Replay.feed): when each person joined, and — only under enrolment on_request,
  // where it decides whether a purchase earns — when each purchase was recorded. Both are the
  // app's clock at their transaction, so a purchase recording its member's joining (automatic
  // enrolment) is at its joining's instant: a member then.
  const joined = await readJoined(db, now);
  const recordedWanted = programs.some((p) => p.document.enrolment === 'on_request');
  // Only customers whose first purchase falls in the replay can earn a first-purchase bonus
  // in it. Which purchase is the first, by the ledger's rule (earning/first-purchase.ts):
  // the one the ledger gave the bonus to, where it did (the first recorded, which a
  // purchase recorded later but dated earlier does not displace); otherwise the first at
  // the customer's first instant (compared in whole microseconds, epochMicros, as stored),
  // in the order they were recorded. Two purchases at one instant are common: a date
  // without a time is the store's midnight. Whether that first purchase earns the bonus
  // is the rule's too (Replay.feed): of 0.00 it earns none, and no later one is first.
  const firsts = new Map((await sql<{ customer_id: string; at_us: string; bonus_purchase: string | null }>`
    SELECT s.customer_id, ${epochMicros(sql`s.first_purchase_at`)} AS at_us,
           -- A look-up in the ledger's (customer_id, idempotency_key) key per customer: as a
           -- join, the planner misjudged how many entries the key matches and compared every
           -- customer with every bonus (4 s for 5,000 customers).
           (SELECT e.source_id FROM loyalty_entries e WHERE e.customer_id = s.customer_id AND e.idempotency_key = 'bonus:first_purchase' AND e.source_type = 'purchase'
              -- Not a bonus given against the rule: before QA F1, a batch or an import chunk
              -- gave it to the next purchase after a first purchase of 0.00 in the same
              -- transaction (one created_at), which the rule never makes a first purchase.
              AND NOT EXISTS (SELECT 1 FROM purchases b JOIN purchases p ON p.customer_id = b.customer_id AND p.occurred_at < b.occurred_at AND p.created_at = b.created_at
                              WHERE b.customer_id = e.customer_id AND b.id = e.source_id::uuid)
              -- Nor one a merge took back as the person's second (the customer's own, so taken
              -- back in its own ledger: merge-duplicate-bonuses.ts): the person's first is earlier.
              AND NOT EXISTS (SELECT 1 FROM loyalty_entries t WHERE t.customer_id = e.customer_id AND t.idempotency_key = 'merge-duplicate:' || e.id)) AS bonus_purchase
    FROM customer_stats s
    WHERE s.first_purchase_at IS NOT NULL ${from ? sql`AND s.first_purchase_at >= ${from}` : sql``}`.execute(db)).rows.map((r) => [r.customer_id, { atUs: r.at_us, bonusPurchase: r.bonus_purchase }]));
  /** A customer's first purchase met leaves `firsts`: no later one is first (one look-up a purchase, in a map that shrinks). */
  const isFirstEver = (row: { customer_id: string; id: string; at_us: string }) => {
    const first = firsts.get(row.customer_id);
    if (!first) return false;
    const isIt = first.bonusPurchase !== null ? first.bonusPurchase === row.id : first.atUs === row.at_us;
    if (isIt) firsts.delete(row.customer_id);
    return isIt;
  };
  // The refunds, read once in time order (a few per hundred purchases): each is replayed at
  // its own time, as the live ledger took its points back and its tier metric lost it then.
  // A refund's lines come only with the refunds that name some (the column holds [] for the others).
  const refundRows = (await sql<{ customer_id: string; purchase_id: string; at: Date | string; amount_minor: number; lines: ReturnedLine[] | null }>`
    SELECT customer_id, purchase_id, occurred_at AS at, amount_minor,
           CASE WHEN jsonb_typeof(lines) <> 'array' OR lines = '[]'::jsonb THEN NULL ELSE lines END AS lines
    FROM refunds ${from ? sql`WHERE occurred_at >= ${from}` : sql``}
    ORDER BY occurred_at, created_at`.execute(db)).rows;
  const baskets = await readBaskets(db, refundRows);
  // The bonuses not tied to a purchase, from their triggers (simulate-bonuses.ts). Only a
  // points metric needs those before --since (they count towards the tier at --since).
  const { triggers, challenges } = await readBonusTriggers({ db, from: replays.some((r) => r.metric === 'points') ? from : since, since, now, timeZone });
  // The purchase that settles each referral depends on the program's minimum: one read per minimum.
  const referralsByMinimum = new Map<number, Map<string, ReferralTrigger>>();
  for (const replay of replays.filter((r) => r.paysReferrals())) {
    const minimum = replay.program.referralMinimumMinor;
    if (!referralsByMinimum.has(minimum)) referralsByMinimum.set(minimum, await readReferrals({ db, minimumMinor: minimum, now }));
    replay.expectReferrals(referralsByMinimum.get(minimum)!);
  }
  const refunds: { purchaseId: string; at: number; amountMinor: number; lines: ReturnedLine[] }[] = [];
  /** Per purchase, the amount its refund rows account for (later ones included). */
  const explained = new Map<string, number>();
  for (const r of refundRows) {
    const amountMinor = Number(r.amount_minor);
    explained.set(r.purchase_id, (explained.get(r.purchase_id) ?? 0) + amountMinor);
    const at = toDate(r.at).getTime();
    if (at <= now.getTime()) refunds.push({ purchaseId: r.purchase_id, at, amountMinor, lines: r.lines ?? NOTHING_RETURNED });
  }
  let nextRefund = 0;
  let nextTrigger = 0;
  const read = new Set<string>();
  /** Refunds dated before their purchase was replayed (at the same instant, or a back-dated refund): replayed just after it. */
  const early = new Map<string, typeof refunds>();
  const refundAt = () => (nextRefund < refunds.length ? refunds[nextRefund].at : Infinity);
  const triggerAt = () => (nextTrigger < triggers.length ? triggers[nextTrigger].at : Infinity);
  /** When the next refund or trigger falls due: most purchases have none before them, and that is one comparison. */
  let nextDue = Math.min(refundAt(), triggerAt());
  /** The refunds and bonus triggers up to t, in time order, before the purchases at t. */
  const catchUp = (t: number) => {
    while (nextDue <= t) {
      if (triggerAt() <= refundAt()) {
        for (const replay of replays) replay.bonus(triggers[nextTrigger]);
        nextTrigger++;
      } else {
        const r = refunds[nextRefund++];
        if (read.has(r.purchaseId)) for (const replay of replays) replay.refund(r.purchaseId, r.at, r.amountMinor, r.lines);
        else early.set(r.purchaseId, [...(early.get(r.purchaseId) ?? []), r]);
      }
      nextDue = Math.min(refundAt(), triggerAt());
    }
  };

  type Row = { customer_id: string; id: string; at_us: string; created_us: string | null; local_date: string; store_id: string | null; channel: string; total_minor: number; refunded_minor: number; lines: PurchaseFacts['lines'] | null };
  // One cursor over the purchases in time order, read a page at a time: memory stays flat
  // however many purchases there are, and the query runs once (keyset pages made the
  // planner re-sort the rest of the table for every page). Read-only, in its own
  // transaction. The lines come aggregated in one pass over purchase_lines, joined by hash:
  // a subquery per purchase was a million index look-ups, 56 s of PostgreSQL's time over
  // a million purchases against 11 s (docs/benchmarks.md, session 57).
  let purchases = 0;
  let firstPurchases = 0;
  const sinceTime = since.getTime();
  await db.transaction().execute(async (trx) => {
    await sql`
      DECLARE simulation NO SCROLL CURSOR FOR
      SELECT p.customer_id, p.id, ${epochMicros(sql`p.occurred_at`)} AS at_us,
             ${recordedWanted ? epochMicros(sql`p.created_at`) : sql`NULL`} AS created_us,
             p.local_date::text AS local_date, p.store_id, p.channel, p.total_minor, p.refunded_minor
             ${needsLines ? sql`, CASE WHEN ${linesWanted} THEN l.lines END AS lines` : sql`, NULL AS lines`}
      FROM purchases p
      ${needsLines ? sql`LEFT JOIN (SELECT customer_id, purchase_id, json_agg(json_build_object('sku', sku, 'category', category, 'quantity', quantity::float8, 'unitPriceMinor', unit_price_minor)) AS lines
                                    FROM purchase_lines GROUP BY customer_id, purchase_id) l ON l.customer_id = p.customer_id AND l.purchase_id = p.id` : sql``}
      WHERE p.occurred_at <= ${now} ${readFrom}
      ORDER BY p.occurred_at, p.created_at, p.id`.execute(trx);
    const fetchPage = async () => (await sql<Row>`FETCH ${sql.raw(String(PAGE))} FROM simulation`.execute(trx)).rows;
    let next = fetchPage();
    for (;;) {
      const page = await next;
      if (page.length === 0) break;
      // The next page is read while this one is replayed.
      next = page.length < PAGE ? Promise.resolve([]) : fetchPage();
      for (const row of page) {
        const t = Math.floor(Number(row.at_us) / 1000);
        const occurredAt = new Date(t);
        catchUp(t);
        const id = Number(row.refunded_minor) > 0 ? row.id : null;
        const accounted = id ? explained.get(id) ?? 0 : 0;
        const joinedUs = joined.get(row.customer_id);
        const p: ReplayPurchase = {
          customerId: row.customer_id, atUs: row.at_us, occurredAt, localDate: row.local_date,
          storeCode: row.store_id ? stores.get(row.store_id) ?? null : null, channel: row.channel, totalMinor: Number(row.total_minor),
          lines: row.lines ?? NO_LINES,
          firstEver: isFirstEver(row),
          memberWhenRecorded: joinedUs !== undefined && row.created_us !== null && joinedUs <= Number(row.created_us),
          everJoined: joinedUs !== undefined,
          joinedAt: joinedUs === undefined ? null : Math.floor(joinedUs / 1000),
          counted: t >= sinceTime,
          refundedAtOnceMinor: id ? Math.max(0, Number(row.refunded_minor) - accounted) : 0,
          refundKey: accounted > 0 ? id : null,
          basket: id && accounted > 0 ? baskets.get(id) ?? null : null,
        };
        for (const r of replays) r.feed(p);
        if (p.refundKey) {
          read.add(p.refundKey);
          // Each replay keeps what it needs of the basket (its weights); the map need not.
          baskets.delete(p.refundKey);
          for (const r of early.get(p.refundKey) ?? []) for (const replay of replays) replay.refund(r.purchaseId, t, r.amountMinor, r.lines);
          early.delete(p.refundKey);
        }
        if (p.counted) {
          purchases++;
          // A first purchase of nothing earns no first-purchase bonus under any program (firstPurchaseBonus).
          if (p.firstEver && p.totalMinor > 0) firstPurchases++;
        }
      }
    }
    await sql`CLOSE simulation`.execute(trx);
  });
  catchUp(now.getTime());

  // The tier distribution covers every member — a merged customer's closed account aside —
  // whether or not they bought in the replay, and under a proposal enrolling automatically
  // every customer who bought since --since (it would enrol them); on request, a buyer who
  // never joined is in no tier.
  const finalTiers = replays[0].finalTiers(now);
  const inForceTiers = replays[1]?.finalTiers(now);
  const levels = proposed.document.tiers?.levels ?? [];
  const population = new Map((await sql<{ customer_id: string; tier: string | null }>`
    SELECT m.customer_id, m.tier FROM loyalty_members m JOIN customers c ON c.id = m.customer_id
    WHERE c.status <> 'merged'`.execute(db)).rows.map((r) => [r.customer_id, r.tier]));
  if (!replays[0].onRequest) for (const id of replays[0].buyers()) if (!population.has(id)) population.set(id, null);
  const moves = { up: 0, down: 0, unchanged: 0 };
  const inForceLevels = current?.document.tiers?.levels ?? [];
  const inForceMoves = inForceTiers && inForceLevels.length ? { up: 0, down: 0 } : null;
  const moved: TierMover[] = [];
  const counts = new Map<string, { proposed: number; today: number }>(levels.map((l) => [l.code, { proposed: 0, today: 0 }]));
  const rank = new Map(levels.map((l, i) => [l.code, i]));
  // A level the proposal drops or renames ranks where it stands in today's program: a
  // "member" renamed "basic", both the lowest, is no move.
  const rankToday = new Map((current?.document.tiers?.levels ?? []).map((l, i) => [l.code, i]));
  if (levels.length) {
    for (const [customerId, tierToday] of population) {
      const index = finalTiers.get(customerId) ?? 0;
      counts.get(levels[index].code)!.proposed++;
      // No tier today (not a member yet, or none placed): the base level.
      const todayCode = tierToday ?? levels[0].code;
      // A level the proposal drops still shows, with its members today.
      let row = counts.get(todayCode);
      if (!row) counts.set(todayCode, (row = { proposed: 0, today: 0 }));
      row.today++;
      const todayIndex = rank.get(todayCode) ?? rankToday.get(todayCode) ?? -1;
      const direction = todayIndex < 0 || index > todayIndex ? 'up' : index < todayIndex ? 'down' : null;
      if (direction) {
        moves[direction]++;
        moved.push({ customer_id: customerId, from: tierToday, to: levels[index].code, direction });
      } else moves.unchanged++;
    }
  }
  if (inForceMoves && inForceTiers) {
    // The baseline against today, member by member, by the levels of the program in force.
    const rankInForce = new Map(inForceLevels.map((l, i) => [l.code, i]));
    for (const [customerId, tierToday] of population) {
      const index = inForceTiers.get(customerId) ?? 0;
      const todayIndex = rankInForce.get(tierToday ?? inForceLevels[0].code) ?? -1;
      if (todayIndex < 0 || index > todayIndex) inForceMoves.up++;
      else if (index < todayIndex) inForceMoves.down++;
    }
  }
  moved.sort((a, b) => (a.direction === b.direction ? (a.customer_id < b.customer_id ? -1 : 1) : a.direction === 'down' ? -1 : 1));
  const listed = moved.slice(0, MOVERS_LISTED);
  // The names of the replay's movers and of those publishing would move, in one query.
  const named = [...new Set([...listed, ...onPublish.upgrade_now.movers, ...onPublish.reevaluate_now.movers].map((m) => m.customer_id))];
  const names = named.length === 0 ? new Map<string, string | null>() : new Map((await sql<{ id: string; name: string | null }>`
    SELECT id, COALESCE(NULLIF(trim(concat_ws(' ', first_name, last_name)), ''), email) AS name
    FROM customers WHERE id = ANY(${named}::uuid[])`.execute(db)).rows.map((r) => [r.id, r.name]));
  const withNames = (list: TierMover[]): Mover[] => list.map((m) => ({ customer_id: m.customer_id, name: names.get(m.customer_id) ?? null, from: m.from, to: m.to, direction: m.direction }));
  const movers = withNames(listed);
  const policyMoves = (p: PublishMoves) => ({ ...p, movers: withNames(p.movers) });
  const proposedOutcome = replays[0].outcome(currency);
  const currentOutcome = replays[1]?.outcome(currency) ?? null;
  const exp = currencyExponent(currency);
  const notes: SimulationNote[] = [];
  if (programs.some((p) => p.document.bonuses.survey || p.document.bonuses.profile_completion)) notes.push({ code: 'ledger_only_triggers', message: ledgerOnlyNote });
  const notSimulated: NotSimulated[] = programs.some((p) => p.document.challenges.length > 0) || challenges.ledger_entries > 0
    ? [{ kind: 'challenge', code: 'challenge_timing', reason: challengeNote, ...challenges }] : [];
  return {
    since: since.toISOString(),
    until: now.toISOString(),
    purchases,
    customers: replays[0].buyers().length,
    proposed: proposedOutcome,
    current: currentOutcome,
    difference: currentOutcome ? { points: proposedOutcome.points - currentOutcome.points, value: toMajor(Math.round(Number(proposedOutcome.value) * 10 ** exp) - Math.round(Number(currentOutcome.value) * 10 ** exp), currency) } : null,
    tiers: [...counts].map(([code, c]) => ({ code, ...c })),
    moves,
    in_force_moves: inForceMoves,
    movers,
    movers_truncated: moved.length > listed.length,
    on_publish: { tier_rules_changed: onPublish.tier_rules_changed, upgrade_now: policyMoves(onPublish.upgrade_now), reevaluate_now: policyMoves(onPublish.reevaluate_now) },
    bonus_triggers: countTriggers(triggers, [...referralsByMinimum.values()], since, firstPurchases),
    not_simulated: notSimulated,
    notes,
    duration_ms: Date.now() - started,
  };
}
