import { sql } from 'kysely';
import type { Db, Tx } from '../../db/index.ts';
import { publish, type OutgoingEvent } from '../../jobs/outbox.ts';
import type { Clock } from '../../shared/clock.ts';
import { newId } from '../../shared/ids.ts';
import * as ledger from './ledger/ledger.repository.ts';
import type { MemberRow } from './ledger/ledger.repository.ts';
import { compileProgram, tierIndexFor, tierIndexOf, tierValidUntil, windowStart, type Program } from './program/program.ts';
import { ProgramDocument } from './program/program.schema.ts';
import { listPrograms } from './program/program.repository.ts';
import { withFields } from '../../shared/objects.ts';

// What the loyalty services share: the program versions (cached), the tier rules applied
// to members (placeInTier for a placement at one moment: joining, a program change; the
// rules over time are tier-timeline.ts, which the purchase path and the review apply
// through tier-placement.ts), and the member lock. Kept apart so accrual, rewards and the scheduled
// maintenance each read as their own file.

export interface LoyaltyDeps {
  db: Db;
  clock: Clock;
  currency: string;
  timeZone: string;
  /** The shop's URL with `{code}` where a member's referral code goes (REFERRAL_LINK); null or absent: no links. */
  referralLink?: string | null;
}

/**
 * Programs change rarely; a few seconds of cache keeps them off the checkout path. A
 * version applied by another process (the CLI on PostgreSQL) reaches a server at once
 * through PROGRAM_CHANNEL (the server listens: src/main.ts), or within this time.
 */
const PROGRAM_CACHE_MS = 5_000;

/** Notified when a program version is applied, so other processes drop their cached programs. */
export const PROGRAM_CHANNEL = 'regulars_loyalty_program';

export function createLoyaltyCore(deps: LoyaltyDeps) {
  const { db, currency, timeZone } = deps;
  let cache: { programs: Program[]; at: number } | undefined;

  async function programs(db_: Db | Tx = db): Promise<Program[]> {
    if (cache && Date.now() - cache.at < PROGRAM_CACHE_MS) return cache.programs;
    const rows = await listPrograms(db_);
    const list: Program[] = rows.map((r) => withFields(compileProgram({ version: r.version, effectiveFrom: r.effective_from, document: ProgramDocument.parse(r.document), currency, timeZone }), { note: r.note }));
    cache = { programs: list, at: Date.now() };
    return list;
  }

  /** The version in force at `at`: the latest applied whose effective date has come. */
  async function programAt(at: Date, db_: Db | Tx = db): Promise<Program | undefined> {
    let found: Program | undefined;
    for (const p of await programs(db_)) {
      if (p.effectiveFrom.getTime() <= at.getTime() && (!found || p.version > found.version)) found = p;
    }
    return found;
  }

  /**
   * Qualification metric per member for the window that ends at `end` (per member in
   * `ends`, or now): net spend (minor units), purchases (not fully refunded), or points
   * earned (credits less reversals). A purchase is judged on the window that ends at it
   * (tier-placement.ts), so the purchase path passes each member's purchase time.
   */
  /** The first instant of the window ending at `end`, as PostgreSQL reads it: a lifetime window has none (a purchase dated 1965 counts too). */
  const windowStartText = (program: Program, end: Date) => windowStart(program, end, timeZone)?.toISOString() ?? '-infinity';

  async function tierMetrics(trx: Db | Tx, program: Program, customerIds: string[] | 'all', now: Date | undefined, ends?: Map<string, Date>): Promise<Map<string, number>> {
    const tiers = program.document.tiers;
    if (!tiers) return new Map();
    const endOf = (id: string) => ends?.get(id) ?? now ?? deps.clock.now();
    const [table, metric] = tiers.metric === 'points'
      ? [sql`loyalty_entries`, sql`COALESCE(sum(points) FILTER (WHERE kind IN ('earn', 'bonus', 'reverse')), 0)`]
      : [sql`purchases`, tiers.metric === 'spend' ? sql`COALESCE(sum(total_minor - refunded_minor), 0)` : sql`count(*) FILTER (WHERE refunded_minor < total_minor)`];
    if (customerIds === 'all') {
      const end = now ?? deps.clock.now();
      const all = await sql<{ customer_id: string; metric: number }>`
          SELECT customer_id, ${metric}::float8 AS metric FROM ${table}
          WHERE occurred_at >= ${windowStartText(program, end)}::timestamptz AND occurred_at <= ${end} GROUP BY customer_id`.execute(trx);
      return new Map(all.rows.map((r) => [r.customer_id, Number(r.metric)]));
    }
    const startsAt = customerIds.map((id) => windowStartText(program, endOf(id)));
    const endsAt = customerIds.map((id) => endOf(id).toISOString());
    // Every purchase by a member checks their tier, so this runs as a prepared
    // statement, and PostgreSQL's generic plan for "these customers, this window" read
    // the whole window of every customer's purchases through purchases_time
    // (occurred_at) whenever customers are few next to their purchases (a small shop of
    // regulars). Bounds on the pair (customer, time) fit only the indexes by customer
    // and time (purchases_customer_time_amounts, loyalty_entries_time), which carry
    // what the sums read: a member's window, from the index alone. Each member's window
    // has its own bounds (it ends at their purchase).
    const result = await sql<{ customer_id: string; metric: number }>`
          SELECT q.id AS customer_id, w.metric FROM unnest(${customerIds}::uuid[], ${startsAt}::timestamptz[], ${endsAt}::timestamptz[]) AS q(id, s, e)
          CROSS JOIN LATERAL (
            SELECT ${metric}::float8 AS metric FROM ${table}
            WHERE (customer_id, occurred_at) >= (q.id, q.s) AND (customer_id, occurred_at) <= (q.id, q.e)
          ) w`.execute(trx);
    return new Map(result.rows.map((r) => [r.customer_id, Number(r.metric)]));
  }


  /**
   * Moves a member to the tier `metric` earns under `program`, at one moment (joining, a
   * program change): an upgrade at once, starting a new tier period; a lower result only
   * with `allowDowngrade` (a program change applied with reevaluate_now). The same tier
   * keeps its period: a program change is no purchase, and renewing here would give every
   * qualifying member another 12 months at each version published.
   */
  function placeInTier(program: Program, member: MemberRow, metric: number, now: Date, { allowDowngrade, reason }: { allowDowngrade: boolean; reason: string }): TierChange | null {
    const levels = program.document.tiers?.levels;
    if (!levels) return null;
    const target = tierIndexFor(program, metric);
    const current = tierIndexOf(program, member.tier);
    const validUntil = target === 0 ? null : tierValidUntil(program, now, timeZone);
    if (target === current) return null;
    if (target < current && !allowDowngrade) return null;
    if (current === -1 && target === 0) {
      // A new member starts in the base level: not a change anyone needs to hear about.
      member.tier = levels[0].code;
      member.tier_since = now;
      member.tier_valid_until = null;
      return null;
    }
    const change = { customerId: member.customer_id, from: member.tier, to: levels[target].code, reason };
    member.tier = levels[target].code;
    member.tier_since = now;
    member.tier_valid_until = validUntil;
    return change;
  }

  async function recordTierChanges(trx: Tx, program: Program, changes: TierChange[], now: Date) {
    if (changes.length === 0) return;
    const levels = program.document.tiers!.levels;
    const rank = (code: string | null) => levels.findIndex((l) => l.code === code);
    // A level this version no longer has ranks where it stood in the latest version before
    // that had it (a member placed out of it once a version dated ahead took effect).
    const dropped = (code: string | null) => code !== null && rank(code) < 0;
    const earlier = changes.some((c) => dropped(c.from)) ? (await programs(trx)).filter((p) => p.version < program.version).reverse() : [];
    const rankFrom = (code: string | null) => {
      const before = dropped(code) ? earlier.find((p) => tierIndexOf(p, code) >= 0) : undefined;
      return before ? tierIndexOf(before, code) : rank(code);
    };
    // At the same rank (a level recoded, or dropped for the one above it): up.
    const direction = (c: TierChange) => c.direction ?? (rank(c.to) > rankFrom(c.from) || (rank(c.to) === rankFrom(c.from) && dropped(c.from)) ? 'up' : 'down');
    await ledger.recordTierChanges(trx, changes.map((c) => withFields(c, { id: c.id ?? newId(), programVersion: program.version, at: c.at ?? now })));
    const events: OutgoingEvent[] = changes.map((c) => ({
      type: 'loyalty.tier_changed', customerId: c.customerId,
      payload: { customer_id: c.customerId, from: c.from, to: c.to, direction: direction(c), reason: c.reason, program_version: program.version },
    }));
    await publish(trx, events);
  }

  return { deps, programs, programAt, tierMetrics, placeInTier, recordTierChanges, invalidate: () => (cache = undefined) };
}

export type LoyaltyCore = ReturnType<typeof createLoyaltyCore>;

/** A change of a member's tier, for the tier history and the event; `at`: when it happened (a purchase's time, a review's due moment), else when it is recorded;
 * `id`: the history row's, when it must be found again (a refund's move is keyed by the refund's id: refund-tier.ts); else a new one. */
/** `direction`: where the ranks of `from` and `to` in the program do not tell it (a level the program dropped: publish-preview.ts placeOnPublish). */
export interface TierChange { customerId: string; from: string | null; to: string | null; reason: string; at?: Date; id?: string; direction?: 'up' | 'down' }
