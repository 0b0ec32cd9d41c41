import type { Db } from '../../../db/index.ts';
import { canonicalJson } from '../../../shared/hash.ts';
import type { MemberRow } from '../ledger/ledger.repository.ts';
import type { LoyaltyCore, TierChange } from '../loyalty.core.ts';
import { tierIndexFor, tierIndexOf, tierValidUntil, type Program } from './program.ts';

// What publishing a program now would do to members' tiers, under each tier policy, told
// beside the simulation. The simulation's moves are another question — which tier each
// member would hold had the proposal been in force through their history — and publishing
// does not rewrite history: `upgrade_now` only lifts those who qualify now, `reevaluate_now`
// places everyone by their standing now. The counts here are reached the way publishing
// reaches them (program-versions.ts reevaluateAll: the same metric and placeInTier, on
// copies of the members' rows), and nothing is written or locked; the members who move
// are named, as the simulation's are.
//
// A version whose tier rules are those in force (sameTierRules) re-places nobody: neither
// policy moves anyone, and tier periods stand — placing members again by the same rules
// would only cut short the periods of those whose window has thinned since they qualified.

export const TIER_POLICIES = ['upgrade_now', 'reevaluate_now'] as const;
export type TierPolicy = (typeof TIER_POLICIES)[number];
export type TierMoves = { up: number; down: number; unchanged: number };

/** A member whose tier changes: `from` today's (null: not placed yet), `to` the new one. */
export interface TierMover { customer_id: string; from: string | null; to: string; direction: 'up' | 'down' }

/**
 * What publishing does under one policy: the counts, and who moves (down first, at most
 * `listed`). `held_by_period`: of those moving down, the members whose window today is below
 * their tier's threshold under the rules in force too — they hold it by its tier period or its
 * grace, which `reevaluate_now` does not wait for (never any under `upgrade_now`).
 */
export type PublishMoves = TierMoves & { held_by_period: number; movers: TierMover[]; movers_truncated: boolean };

export type OnPublish = { tier_rules_changed: boolean } & Record<TierPolicy, PublishMoves>;

const MEMBERS_AT_ONCE = 5000;

/**
 * One member placed by a newly published version under `policy` (on `member`, which it
 * changes): the change, and its direction — up or down by the levels' ranks, null for a
 * level recoded at its own rank ("silver" now "argent", both second), a change recorded but
 * no move. A member whose level the version drops or recodes cannot keep it, whatever the
 * policy: they are placed by the new rules now, and the change is recorded, counted and
 * named as any other — never silently put in the base level (placeInTier's start for a
 * member not placed yet). Their level ranks where it stands in the version `before`, as
 * simulate ranks it.
 */
export function placeOnPublish(
  core: LoyaltyCore, program: Program, before: Program | null | undefined, member: MemberRow, metric: number, now: Date,
  { policy, reason }: { policy: TierPolicy; reason: string },
): { change: TierChange | null; direction: 'up' | 'down' | null } {
  const levels = program.document.tiers!.levels;
  const current = tierIndexOf(program, member.tier);
  if (member.tier === null || current >= 0) {
    const change = core.placeInTier(program, member, metric, now, { allowDowngrade: policy === 'reevaluate_now', reason });
    return { change, direction: change ? (tierIndexOf(program, member.tier) > current ? 'up' : 'down') : null };
  }
  const target = tierIndexFor(program, metric);
  const change: TierChange = { customerId: member.customer_id, from: member.tier, to: levels[target].code, reason };
  const rankBefore = before ? tierIndexOf(before, member.tier) : -1;
  member.tier = levels[target].code;
  member.tier_since = now;
  member.tier_valid_until = target === 0 ? null : tierValidUntil(program, now, core.deps.timeZone);
  const direction = rankBefore < 0 || target > rankBefore ? 'up' : target < rankBefore ? 'down' : null;
  if (direction) change.direction = direction;
  return { change, direction };
}

/**
 * Whether `next` places members otherwise than `before`: its metric, window, grace, or its
 * levels' codes or thresholds differ (names and benefits do not place anyone). No program
 * before, or no tiers in either: changed unless neither has tiers.
 */
export function tierRulesChanged(before: Program | null | undefined, next: Program): boolean {
  const rules = (p: Program | null | undefined) => {
    const t = p?.document.tiers;
    return t ? canonicalJson({ metric: t.metric, window: t.window, grace_days: t.grace_days, levels: t.levels.map((l) => l.code), thresholds: p!.thresholds }) : null;
  };
  return rules(before) !== rules(next);
}

export async function tierMovesOnPublish(db: Db, core: LoyaltyCore, program: Program, now: Date, listed: number): Promise<OnPublish> {
  const empty = (): PublishMoves => ({ up: 0, down: 0, unchanged: 0, held_by_period: 0, movers: [], movers_truncated: false });
  const inForce = await core.programAt(now);
  const out: OnPublish = { tier_rules_changed: tierRulesChanged(inForce, program), upgrade_now: empty(), reevaluate_now: empty() };
  const levels = program.document.tiers?.levels;
  if (!levels) return out;
  if (!out.tier_rules_changed) {
    const { n } = await db.selectFrom('loyalty_members').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    for (const policy of TIER_POLICIES) out[policy].unchanged = Number(n);
    return out;
  }
  // Down first, then up, each in customer order (the order members are read in), up to `listed` of each.
  const moved = Object.fromEntries(TIER_POLICIES.map((p) => [p, { down: [] as TierMover[], up: [] as TierMover[] }])) as Record<TierPolicy, Record<'up' | 'down', TierMover[]>>;
  for (let after = ''; ;) {
    const rows = (await db.selectFrom('loyalty_members').selectAll().where('customer_id', '>', after || '00000000-0000-0000-0000-000000000000')
      .orderBy('customer_id').limit(MEMBERS_AT_ONCE).execute()) as unknown as MemberRow[];
    if (rows.length === 0) break;
    after = rows[rows.length - 1].customer_id;
    const ids = rows.map((r) => r.customer_id);
    const metrics = await core.tierMetrics(db, program, ids, now);
    // The window today by the rules in force, for those moving down: the same figures where
    // the metric and window are.
    const [mine, theirs] = [program.document.tiers, inForce?.document.tiers];
    const metricsInForce = !inForce || !theirs ? null : theirs.metric === mine!.metric && theirs.window === mine!.window ? metrics : await core.tierMetrics(db, inForce, ids, now);
    for (const row of rows) {
      for (const policy of TIER_POLICIES) {
        const member = structuredClone(row);
        const { change, direction } = placeOnPublish(core, program, inForce, member, metrics.get(row.customer_id) ?? 0, now, { policy, reason: policy });
        if (!change || !direction) {
          out[policy].unchanged++;
          continue;
        }
        out[policy][direction]++;
        if (direction === 'down' && inForce && metricsInForce) {
          // Would the rules in force, not waiting for the period's end, move them down too?
          const byRulesInForce = core.placeInTier(inForce, structuredClone(row), metricsInForce.get(row.customer_id) ?? 0, now, { allowDowngrade: true, reason: policy });
          const rankInForce = (code: string | null) => theirs!.levels.findIndex((l) => l.code === code);
          if (byRulesInForce && rankInForce(byRulesInForce.to) < rankInForce(row.tier)) out[policy].held_by_period++;
        }
        const list = moved[policy][direction];
        if (list.length < listed) list.push({ customer_id: row.customer_id, from: change.from, to: change.to!, direction });
      }
    }
  }
  for (const policy of TIER_POLICIES) {
    const all = [...moved[policy].down, ...moved[policy].up];
    out[policy].movers = all.slice(0, listed);
    out[policy].movers_truncated = out[policy].up + out[policy].down > out[policy].movers.length;
  }
  return out;
}
