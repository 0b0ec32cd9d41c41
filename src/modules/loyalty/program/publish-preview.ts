import type { Db } from '../../../db/index.ts';
import type { MemberRow } from '../ledger/ledger.repository.ts';
import type { LoyaltyCore } from '../loyalty.core.ts';
import type { Program } from './program.ts';

// What publishing a program now would do to members' tiers, under each tier policy, told
// beside the simulation. The simulation's moves are another question — which tier each
// member would hold had the proposal been in force through their history — and publishing
// does not rewrite history: `upgrade_now` only lifts those who qualify now, `reevaluate_now`
// places everyone by their standing now. The counts here are reached the way publishing
// reaches them (program-versions.ts reevaluateAll: the same metric and placeInTier, on
// copies of the members' rows), and nothing is written or locked.

export const TIER_POLICIES = ['upgrade_now', 'reevaluate_now'] as const;
export type TierPolicy = (typeof TIER_POLICIES)[number];
export type TierMoves = { up: number; down: number; unchanged: number };

const MEMBERS_AT_ONCE = 5000;

export async function tierMovesOnPublish(db: Db, core: LoyaltyCore, program: Program, now: Date): Promise<Record<TierPolicy, TierMoves>> {
  const moves = { upgrade_now: { up: 0, down: 0, unchanged: 0 }, reevaluate_now: { up: 0, down: 0, unchanged: 0 } };
  const levels = program.document.tiers?.levels;
  if (!levels) return moves;
  const rank = (code: string | null) => levels.findIndex((l) => l.code === code);
  for (let after = ''; ;) {
    const rows = (await db.selectFrom('loyalty_members').selectAll().where('customer_id', '>', after || '00000000-0000-0000-0000-000000000000')
      .orderBy('customer_id').limit(MEMBERS_AT_ONCE).execute()) as unknown as MemberRow[];
    if (rows.length === 0) break;
    after = rows[rows.length - 1].customer_id;
    const metrics = await core.tierMetrics(db, program, rows.map((r) => r.customer_id), now);
    for (const row of rows) {
      for (const policy of TIER_POLICIES) {
        const member = structuredClone(row);
        const change = core.placeInTier(program, member, metrics.get(row.customer_id) ?? 0, now, { allowDowngrade: policy === 'reevaluate_now', reason: policy });
        if (!change) moves[policy].unchanged++;
        else if (rank(change.to) > rank(change.from)) moves[policy].up++;
        else moves[policy].down++;
      }
    }
  }
  return moves;
}
