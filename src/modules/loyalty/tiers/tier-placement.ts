import type { Tx } from '../../../db/index.ts';
import type { MemberRow, NewEntry } from '../ledger/ledger.repository.ts';
import type { LoyaltyCore, TierChange } from '../loyalty.core.ts';
import { tierIndexOf, type Program } from '../program/program.ts';
import { historyStart, MemberTimeline, newTierState, TierRules, type TierMove } from './tier-timeline.ts';
import { readMemberHistories, recordedTierChanges, type RecordedChange } from './tier-timeline.repository.ts';
import { withFields } from '../../../shared/objects.ts';

// Where the live engine places members, by the replay's rules (tier-timeline.ts): each
// purchase is judged on the window that ends at it and dated there, and a period that
// ended (plus grace) is reviewed at the moment it fell due.
//
// The cached tier (tier, tier_since, tier_valid_until, and the last purchase's time,
// last_activity_at) is the member's state from its latest moment on — their last
// purchase, tier change, or the start of their tier period, whichever is latest
// (settledAt). A purchase at or after that moment, with no review due by now, is placed
// from the cache: one sum over the window ending at the purchase, read only when the
// member's all-time stats could reach a threshold — the till's path, as before. Anything
// else reads the member's history (readMemberHistories) and runs the rules over it: a
// purchase dated before that moment (back-dated: an import, a till that was offline, a
// batch sent late) replays the member from historyStart, as simulate does, so its tier
// is the one held when it was made; several purchases of one member in one transaction
// are placed one by one in time order; a review due by now is made at its moment, in the
// purchase's transaction, so the answer's tier and the earning multiplier are right at
// once. Points already earned by a member's later purchases stand (the ledger is
// append-only): a purchase recorded after later ones of the same member re-places the
// tier from its time on, but does not re-rate them.
//
// The tier history (and its events) is append-only too, and read in time order it must
// chain: each change from the tier the one before it left. A back-dated purchase can
// contradict changes already recorded (sent one at a time, an earlier purchase moved the
// member down at a review that a later-recorded one shows never happened): the replay's
// moves are kept where they follow the recorded history (dated from its last change on,
// from the tier it left); from the first that cannot (the history went otherwise), the
// moves it lacks are said at once, dated when recorded, so every tier a purchase earned at
// is one the history names; and where the member's tier still differs from where they
// leave it, one change says so (settle).

export interface TierPlan {
  rules: TierRules;
  /** Members placed by the rules over their history (or, new ones, over this transaction's purchases alone). */
  timelines: Map<string, MemberTimeline>;
  /** Their tier history as recorded before this transaction (accrual's loop changes the member rows' tier as it goes). */
  recorded: Map<string, Recorded>;
  /** Up to when their reviews are made (reviewsUntil): now, or for a chunk of a file in time order the chunk's last purchase. */
  reviewTo: Map<string, number>;
}

/**
 * Where a member's recorded tier history stands: its tier, the time of its last change
 * (-Infinity: none the timeline's moves could precede), and its changes from the time the
 * timeline keeps moves from (a back-dated purchase's) on: the moves already told.
 */
export interface Recorded { tier: string | null; lastAt: number; changes: RecordedChange[] }

/**
 * What placement needs of accrual's state for a member (AccrualState): the row. The rest
 * goes back untouched to accrual's mayMoveUp, so these functions are generic over it and
 * tiers does not import earning (earning uses tiers).
 */
export interface PlacedMember { member: MemberRow }

/** The moment the cached tier speaks from: purchases before it are back-dated. */
export function settledAt(rules: TierRules, m: MemberRow): number {
  let at = Math.max(m.last_activity_at?.getTime() ?? -Infinity, m.tier_since?.getTime() ?? -Infinity);
  if (m.tier_valid_until) at = Math.max(at, rules.periodStart(m.tier_valid_until.getTime()));
  return at;
}

function storedState(program: Program, m: MemberRow) {
  return { tier: Math.max(0, tierIndexOf(program, m.tier)), validUntil: m.tier_valid_until?.getTime() ?? null };
}

const NO_HISTORY = { purchases: [], entries: [] };

/** A timeline that starts from the cached tier, reading the history from the window of its first moment (a review due, or the first purchase). */
function fromCache(rules: TierRules, m: MemberRow, first: number): { from: Date | null; settled: number } {
  const due = rules.reviewDue(storedState(rules.program, m));
  const start = rules.windowStartOf(Math.min(first, due ?? first));
  return { from: Number.isFinite(start) ? new Date(start) : null, settled: settledAt(rules, m) };
}

/**
 * Before accrual's loop: the members it places by the rules, with their history read (one
 * or two statements for all of them). `items` is sorted by time; `fresh`: a member enrolled
 * now without earlier purchases, placed over this transaction's purchases alone (no read).
 *
 * `reviewsUntil`: a chunk of a file recorded in time order (imports' import-pass.ts) makes
 * the reviews due by its last purchase, not those due by now: the next chunk may hold a
 * later purchase of the same member that comes before them, which one transaction would
 * have placed first — made now, such a review would be published and then contradicted,
 * and the tier history would depend on where the chunks end. The import makes the reviews
 * due by now at its end (the hourly job's reviewTiers). A member whose stored history or
 * tier history reaches past it (recorded otherwise meanwhile) is reviewed up to now, as
 * their recorded tier was.
 */
export async function planTiers<S extends PlacedMember>(
  trx: Tx, core: LoyaltyCore, program: Program, states: Map<string, S>, items: { customerId: string; purchaseId: string; at: number }[],
  bulk: NewEntry[], now: Date, { fresh, mayMoveUp, reviewsUntil }: { fresh: (id: string) => boolean; mayMoveUp: (st: S) => boolean; reviewsUntil?: Date },
): Promise<TierPlan> {
  const rules = new TierRules(program, core.deps.timeZone);
  const plan: TierPlan = { rules, timelines: new Map(), recorded: new Map(), reviewTo: new Map() };
  const tiers = program.document.tiers;
  if (!tiers) return plan;
  const lastItem = items.reduce((t, i) => Math.max(t, i.at), -Infinity);
  const until = reviewsUntil ? Math.min(now.getTime(), Math.max(reviewsUntil.getTime(), lastItem)) : now.getTime();
  const first = new Map<string, number>();
  const count = new Map<string, number>();
  for (const i of items) {
    if (!states.has(i.customerId)) continue;
    if (!first.has(i.customerId)) first.set(i.customerId, i.at);
    count.set(i.customerId, (count.get(i.customerId) ?? 0) + 1);
  }
  const wanted: { customerId: string; from: Date | null; settled: number; recordFrom: number; backdated: boolean }[] = [];
  for (const [id, t] of first) {
    const st = states.get(id)!;
    const m = st.member;
    if (fresh(id)) {
      plan.timelines.set(id, new MemberTimeline(rules, storedState(program, m), NO_HISTORY, -Infinity, -Infinity));
      plan.recorded.set(id, { tier: m.tier, lastAt: -Infinity, changes: [] });
      plan.reviewTo.set(id, until);
      continue;
    }
    const due = rules.reviewDue(storedState(program, m));
    // A member in the base level whose all-time stats cannot reach the first threshold was
    // in the base level at every moment: a back-dated purchase of theirs changes nothing
    // the history would tell (the till's common case of a customer far from any tier).
    const belowEveryTier = tiers.metric !== 'points' && !mayMoveUp(st) && tierIndexOf(program, m.tier) <= 0 && !m.tier_valid_until;
    const backdated = t < settledAt(rules, m) && !belowEveryTier;
    const several = count.get(id)! > 1 && (tiers.metric === 'points' || mayMoveUp(st));
    if (!backdated && !(due !== null && due <= until) && !several) continue;
    if (backdated) wanted.push({ customerId: id, from: historyStart(program, new Date(t), core.deps.timeZone), settled: -Infinity, recordFrom: t, backdated });
    else {
      const cached = fromCache(rules, m, t);
      wanted.push({ customerId: id, from: cached.from, settled: cached.settled, recordFrom: -Infinity, backdated });
    }
  }
  if (wanted.length === 0) return plan;
  const histories = await readMemberHistories(trx, tiers.metric, wanted, now, items.map((i) => i.purchaseId));
  // A replay from further back may contradict changes recorded after the purchase: where the history stands.
  const backdated = wanted.filter((w) => w.backdated).map((w) => w.customerId);
  const told = backdated.length ? await recordedTierChanges(trx, wanted.filter((w) => w.backdated).map((w) => ({ customerId: w.customerId, from: new Date(w.recordFrom) }))) : new Map<string, RecordedChange[]>();
  for (const w of wanted) {
    const changes = told.get(w.customerId) ?? [];
    plan.recorded.set(w.customerId, { tier: states.get(w.customerId)!.member.tier, lastAt: changes.at(-1)?.at ?? -Infinity, changes });
    const history = histories.get(w.customerId)!;
    // Bonuses this transaction credits before the purchases (a sign-up) count towards a points metric at their time.
    for (const e of bulk) if (e.customerId === w.customerId) history.entries.push({ at: e.occurredAt.getTime(), points: e.points });
    const start = w.backdated ? { tier: 0, validUntil: null } : storedState(program, states.get(w.customerId)!.member);
    plan.timelines.set(w.customerId, new MemberTimeline(rules, start, history, w.settled, w.recordFrom));
    const beyond = (changes.at(-1)?.at ?? -Infinity) > until || history.purchases.some((p) => p.at > until) || history.entries.some((e) => e.at > until);
    plan.reviewTo.set(w.customerId, beyond ? now.getTime() : until);
  }
  return plan;
}

/**
 * After accrual's loop, the members placed from the cache: a purchase at or after the
 * member's settled moment, judged on the window ending at it (read only for those whose
 * stats could reach a threshold). `bulk` holds the lots not yet written (a points metric
 * counts them).
 */
export async function placeFromCache<S extends PlacedMember>(
  trx: Tx, core: LoyaltyCore, program: Program, plan: TierPlan, states: Map<string, S>, items: { customerId: string; at: number }[],
  bulk: NewEntry[], mayMoveUp: (st: S) => boolean,
): Promise<TierChange[]> {
  const tiers = program.document.tiers;
  if (!tiers) return [];
  // Those whose stats could reach a threshold, and any member not placed in a level yet (the base level, without a read).
  const ends = new Map<string, Date>();
  const read = new Set<string>();
  for (const i of items) {
    const st = states.get(i.customerId);
    if (!st || plan.timelines.has(i.customerId)) continue;
    const reach = mayMoveUp(st);
    if (!reach && tierIndexOf(program, st.member.tier) >= 0) continue;
    if (reach) read.add(i.customerId);
    ends.set(i.customerId, new Date(Math.max(i.at, ends.get(i.customerId)?.getTime() ?? -Infinity)));
  }
  const metrics = read.size ? await core.tierMetrics(trx, program, [...read], undefined, ends) : new Map<string, number>();
  if (tiers.metric === 'points') {
    for (const e of bulk) {
      const end = read.has(e.customerId) ? ends.get(e.customerId) : undefined;
      const at = e.occurredAt.getTime();
      if (end && (e.kind === 'earn' || e.kind === 'bonus') && at >= plan.rules.windowStartOf(end.getTime()) && at <= end.getTime()) metrics.set(e.customerId, (metrics.get(e.customerId) ?? 0) + e.points);
    }
  }
  const changes: TierChange[] = [];
  for (const [id, end] of ends) {
    const m = states.get(id)!.member;
    const state = newTierState(storedState(program, m).tier, m.tier_valid_until?.getTime() ?? null);
    const moves: TierMove[] = [];
    plan.rules.qualifyWith(state, end.getTime(), metrics.get(id) ?? 0, (from, at, reason) => moves.push({ from, to: state.tier, at, reason }));
    // A renewal keeps the later end: a purchase placed from the cache may be dated a little before the moment that set it.
    if (moves.length === 0 && m.tier_valid_until && state.validUntil !== null && state.validUntil < m.tier_valid_until.getTime()) state.validUntil = m.tier_valid_until.getTime();
    changes.push(...settle(program, m, state, moves, end));
  }
  return changes;
}

/**
 * Writes a member's placement back to the member row: the tier, its period, since its last
 * change; answers the changes for the tier history and the events, chained onto the
 * `recorded` history (the module's comment): the moves that follow it, dated when they
 * happened; once a move the history lacks cannot follow it (it comes before a recorded
 * change, or from a tier the history had left: a recorded change did not happen), that move
 * and the rest are said at `at`, each that changes the tier; then, if the tier still differs
 * from where they leave it, one change dated `at`.
 */
export function settle(
  program: Program, m: MemberRow, state: { tier: number; validUntil: number | null }, moves: TierMove[], at: Date,
  recorded: Recorded = { tier: m.tier, lastAt: -Infinity, changes: [] },
): TierChange[] {
  const levels = program.document.tiers!.levels;
  // Where a recorded tier stands in the program: none yet is the base level; a level the
  // program no longer has (a version dated ahead that dropped or recoded it took effect
  // since) is none of its levels — the timeline, which starts such a member from the base
  // level, has no move from it, and one change from it says where they are now.
  const rankOf = (code: string | null) => (code === null ? 0 : tierIndexOf(program, code));
  const told = new Set(recorded.changes.map((c) => `${c.from}>${c.to}@${c.at}`));
  // Said now, a millisecond apart and after the last recorded change: the history is read in time order.
  let now = Math.max(at.getTime(), recorded.lastAt + 1);
  const sayNow = () => new Date(now++);
  let from = recorded.tier;
  let retelling = false;
  const changes: TierChange[] = [];
  for (const v of moves) {
    const [fromCode, toCode] = [levels[v.from].code, levels[v.to].code];
    // A move the history holds already (the replay from a back-dated purchase made it again).
    if (told.has(`${fromCode}>${toCode}@${v.at}`)) continue;
    if (!retelling && v.at >= recorded.lastAt && v.from === rankOf(from)) {
      changes.push({ customerId: m.customer_id, from: fromCode, to: toCode, reason: v.reason, at: new Date(v.at) });
      from = toCode;
      continue;
    }
    // From a level the program no longer has, the one change below says where they are.
    if (rankOf(from) < 0) continue;
    // The history went otherwise: a tier the member was in (and earned at) is said now, not left out.
    retelling = true;
    if (v.to === rankOf(from)) continue;
    changes.push({ customerId: m.customer_id, from, to: toCode, reason: v.reason, at: sayNow() });
    from = toCode;
  }
  m.tier = levels[state.tier].code;
  m.tier_valid_until = state.validUntil === null ? null : new Date(state.validUntil);
  // Since the latest move, recorded or not: the cache speaks from it (settledAt), and a move
  // left out of the history (told before) still placed the member then; a move said now, since now.
  const lastMove = moves.at(-1);
  const lastChange = changes.at(-1)?.at?.getTime();
  if (lastMove) m.tier_since = new Date(lastChange !== undefined ? Math.max(lastMove.at, lastChange) : Math.max(lastMove.at, m.tier_since?.getTime() ?? -Infinity));
  if (from === null && changes.length === 0 && state.tier === 0) m.tier_since ??= at;
  // The history replayed from further back placed the member otherwise than the recorded history leaves them: said at once.
  else if (rankOf(from) !== state.tier) {
    const correction = { customerId: m.customer_id, from, to: m.tier, reason: 'qualified', at: sayNow() };
    m.tier_since = correction.at;
    changes.push(correction);
  }
  return changes;
}

/** After accrual's loop, the members placed by the rules: the rest of their history and the reviews due by now (or by reviewsUntil: planTiers). */
export function finishTimelines(program: Program, plan: TierPlan, members: Map<string, MemberRow>, now: Date): TierChange[] {
  const changes: TierChange[] = [];
  for (const [id, tl] of plan.timelines) {
    tl.finish(now.getTime(), plan.reviewTo.get(id));
    changes.push(...settle(program, members.get(id)!, tl.state, tl.moves, now, plan.recorded.get(id)));
  }
  return changes;
}

/**
 * The review at the end of a tier period (plus grace), for members locked by the caller
 * (the hourly job): each due review made at the moment it fell due, on the window ending
 * then, by the same timeline a purchase uses — so a job that runs late places members as
 * one that ran on time, and as the replay does.
 */
export async function reviewMembers(trx: Tx, core: LoyaltyCore, program: Program, members: MemberRow[], now: Date): Promise<TierChange[]> {
  const tiers = program.document.tiers;
  if (!tiers || members.length === 0) return [];
  const rules = new TierRules(program, core.deps.timeZone);
  const wanted = members.map((m) => withFields(fromCache(rules, m, now.getTime()), { customerId: m.customer_id }));
  const histories = await readMemberHistories(trx, tiers.metric, wanted, now, []);
  const changes: TierChange[] = [];
  for (const [i, m] of members.entries()) {
    const tl = new MemberTimeline(rules, storedState(program, m), histories.get(m.customer_id)!, wanted[i].settled, -Infinity);
    tl.finish(now.getTime());
    changes.push(...settle(program, m, tl.state, tl.moves, now));
  }
  return changes;
}
