import { z } from 'zod';
import { createGroupCommit, type Actor, type Tx } from '../../../db/index.ts';
import type { OutgoingEvent } from '../../../jobs/outbox.ts';
import { fieldDifferences } from '../../../shared/differences.ts';
import { AppError, conflict, invalid, invalidField, notFound } from '../../../shared/errors.ts';
import { canonicalJson, sha256 } from '../../../shared/hash.ts';
import { isUuid } from '../../../shared/ids.ts';
import { toMinor } from '../../../shared/money.ts';
import { nearestOf, parseInput } from '../../../shared/validation.ts';
import { addDaysIn } from '../../../shared/clock.ts';
import { giftCardView } from './gift-cards.ts';
import { couponView, formatCode, newCode, normalizeCode } from './codes.ts';
import { createCoupons } from './coupons.ts';
import { takeFromLots } from '../ledger/ledger.ts';
import * as ledger from '../ledger/ledger.repository.ts';
import type { MemberRow, PlannedDebit } from '../ledger/ledger.repository.ts';
import type { LoyaltyCore } from '../loyalty.core.ts';
import { text, type Program } from '../program/program.ts';
import type { ProgramDocument } from '../program/program.schema.ts';
import { lockMembersForRedemption, lockRewardStock, writeRedemptions, type RedemptionState, type RewardCouponRow, type RewardGiftCardRow } from './redemption.repository.ts';
import { pointsNameOf } from '../program/program-names.ts';
import { refusalOf, rewardProblem, spendPlan, type Redeemer } from './reward-rules.ts';
import { createReservations } from './reservations.ts';
import { customerNotFound, customerToRead } from '../../customers/index.ts';
import { withFields } from '../../../shared/objects.ts';
import { fixedText, say, type Language } from '../../../shared/messages/index.ts';
import { countedName } from '../../../shared/plural.ts';

// Rewards bought with points (a coupon or a gift card): the catalogue and the redemptions.
// The rewards service also holds the coupons a POS validates and consumes and promotion
// coupons in bulk (coupons.ts), and checkout reservations of points (reservations.ts).
// Every write is idempotent by a caller's key; every points debit goes through the
// member's row lock, so concurrent redemptions can never overspend.

type Reward = ProgramDocument['rewards'][number];

interface RedemptionRequest {
  /** As the caller named the customer (the request's hash keeps it: a retry after a merge replays). */
  customerId: string;
  reward: string;
  idempotencyKey: string;
  actor: Actor;
}

// Strict, as every checkout body (coupons.ts UseCouponInput).
export const RedeemRewardInput = z.strictObject({
  reward: z.string().trim().min(1),
  idempotency_key: z.string().trim().min(1, fixedText('idempotency_key.required')).max(200),
});

export function createRewardsService(core: LoyaltyCore) {
  const { db, clock, currency } = core.deps;

  function rewardView(r: Reward, program: Program, stockIssued: number | undefined, language: Language) {
    return {
      // A field a reward does not have is left out of the JSON (undefined), as for a fixed discount's percent.
      code: r.code, name: r.name, type: r.type, points: r.points,
      amount: r.amount, currency: r.amount !== undefined ? currency : undefined, percent: r.percent,
      sku: r.sku || undefined, event: r.event || undefined,
      tiers: r.tiers ?? null, stock: r.stock ?? null, left: r.stock === undefined ? null : Math.max(0, r.stock - (stockIssued ?? 0)),
      valid_days: r.valid_days, available_from: r.available_from ?? null, available_to: r.available_to ?? null, points_name: countedName(pointsNameOf(program.document), language, r.points),
    };
  }

  /**
   * The members the requested ids stand for, locked, with their lots and the entries of
   * these keys (lockMembersForRedemption), and which member each id stands for: an id
   * merged into another (a till still sending it) is followed to the survivor, whose points
   * it spends. Read by the ids as sent, one statement in the usual case; a merged customer
   * shows in that read (its member, saved by the merge, was read again after the wait), and
   * only then is the survivor locked, in a further one. No lock on the customer's row: the
   * member's serialises this with a merge (which locks and saves both members).
   */
  async function lockRedeemers(trx: Tx, ids: string[], keys: string[]) {
    const survivor = new Map<string, string>();
    const states = new Map<string, Partial<RedemptionState> & Pick<RedemptionState, 'customer'>>();
    let asking = [...new Set(ids)].filter(isUuid).map((id) => ({ asked: id, id }));
    for (let hop = 0; asking.length > 0; hop++) {
      if (hop === 100) throw new Error('loyalty: customers kept being merged while being redeemed for');
      const read = await lockMembersForRedemption(trx, [...new Set(asking.map((a) => a.id))], keys);
      const next: typeof asking = [];
      for (const a of asking) {
        const found = read.get(a.id);
        if (found?.customer.status === 'merged' && found.customer.mergedInto) next.push({ asked: a.asked, id: found.customer.mergedInto });
        else if (found) {
          survivor.set(a.asked, a.id);
          states.set(a.id, found);
        }
      }
      asking = next;
    }
    return { memberIdOf: (r: RedemptionRequest) => survivor.get(r.customerId) ?? r.customerId, states };
  }

  /** What a redemption answers: the coupon or gift card issued (by this request, or first under its key). */
  type Redemption = { created: boolean; coupon?: ReturnType<typeof couponView>; gift_card?: ReturnType<typeof giftCardView>; points_spent: number };

  /**
   * Redemptions written together (group commit: concurrent requests share a transaction
   * of a few statements). Each request is decided in order, as it would be alone: the
   * member's lock, an earlier redemption under its key (a replay, or a conflict if it was
   * for another reward), the reward's rules, its stock, and the member's available
   * points, which the group's earlier redemptions of the same member have already taken.
   */
  async function redeemTogether(requests: RedemptionRequest[]): Promise<(Redemption | AppError)[]> {
    return db.transaction().execute(async (trx) => {
      const keyOf = (r: RedemptionRequest) => `redeem:${r.idempotencyKey}`;
      const hashOf = (r: RedemptionRequest) => sha256(canonicalJson({ customerId: r.customerId, reward: r.reward }));
      const { memberIdOf, states } = await lockRedeemers(trx, requests.map((r) => r.customerId), requests.map(keyOf));
      // The time of the redemptions is read once their members are locked, not as the
      // requests came: a writer that held a member meanwhile (a refund, a checkout hold)
      // wrote before them and, dated as it wrote, is dated before them too, so the account
      // reads in the order the points went (explain.ts; QA F4: two writers of a member
      // dated in one order and written in the other, and the explanation showed a
      // redemption spending points the member did not have).
      const now = clock.now();
      const program = await core.programAt(now, trx);
      const rewardOf = (r: RedemptionRequest) => program?.document.rewards.find((x) => x.code === r.reward);
      const stockCodes = [...new Set(requests.map(rewardOf).filter((x) => x?.stock !== undefined).map((x) => x!.code))];
      const issued = await lockRewardStock(trx, stockCodes);

      const inGroup = new Map<string, { index: number; hash: string }>();
      const write = { debits: [] as PlannedDebit[], members: new Set<MemberRow>(), coupons: [] as RewardCouponRow[], giftCards: [] as RewardGiftCardRow[], stockIssued: new Map<string, number>(), events: [] as OutgoingEvent[] };
      /** One request's outcome: an error, a replay (of a stored redemption or of an earlier one in the group), or a redemption added to `write`. */
      const decide = (request: RedemptionRequest, index: number): Redemption | AppError | { replayOf: number } | { stored: Record<string, unknown>; pointsSpent: number } => {
        const found = states.get(memberIdOf(request));
        // An erased customer is answered as GET /customers/{id} answers them (merged-customers.ts), a retry of a redemption made before too.
        if (!found || found.customer.status === 'erased') return customerNotFound(request.customerId, found && withFields(found.customer, { id: memberIdOf(request) }));
        if (!found.member) return conflict(say('loyalty.not_member'));
        const state = found as RedemptionState;
        const key = keyOf(request);
        const hash = hashOf(request);
        // From here on, the member's: whatever is written names the customer the id stands for.
        const r = withFields(request, { customerId: memberIdOf(request) });
        const stored = state.previous.get(key);
        const earlier = inGroup.get(`${r.customerId} ${key}`);
        if (stored || earlier) {
          if ((stored ? stored.details.request_hash : earlier!.hash) !== hash) {
            const { found, differ } = fieldDifferences();
            differ('reward', stored ? String(stored.details.reward) : requests[earlier!.index].reward, r.reward);
            return new AppError('conflict', say('redemption.key_reused', { key: r.idempotencyKey }), found);
          }
          return stored ? { stored: stored.details, pointsSpent: -stored.points } : { replayOf: earlier!.index };
        }
        if (!program) return invalid(say('loyalty.no_program'));
        const reward = rewardOf(r);
        const member = state.member;
        if (!reward) {
          const known = nearestOf(r.reward, program.document.rewards.map((x) => x.code));
          return invalidField('reward', known === undefined ? say('reward.unknown', { reward: r.reward, version: program.version }) : say('reward.unknown_near', { reward: r.reward, version: program.version, known }));
        }
        const taken = write.stockIssued.get(reward.code) ?? 0;
        const redeemer = { tier: member.tier, points: member.points, lots: state.lots };
        const problem = rewardProblem(reward, program, redeemer, { now, issued: (issued.get(reward.code) ?? 0) + taken });
        if (problem) return refusalOf(problem);
        const plan = spendPlan(reward, redeemer, now);
        takeFromLots(state.lots, plan.allocations);
        member.points -= reward.points;
        member.lifetime_redeemed += reward.points;
        write.members.add(member);
        if (reward.stock !== undefined) write.stockIssued.set(reward.code, taken + 1);
        inGroup.set(`${r.customerId} ${key}`, { index, hash });
        const code = normalizeCode(newCode());
        const issuedAs = reward.type === 'gift_card' ? { gift_card: code } : { coupon: code };
        write.debits.push({
          entry: {
            customerId: r.customerId, kind: 'redeem', points: -reward.points, occurredAt: now, sourceType: 'reward', sourceId: reward.code, idempotencyKey: key, actor: r.actor,
            programVersion: program.version, details: { reward: reward.code, reward_name: text(reward.name), request_hash: hash, ...issuedAs },
          },
          unsettled: 0,
          allocations: plan.allocations,
        });
        write.events.push({ type: 'loyalty.reward_redeemed', customerId: r.customerId, payload: { customer_id: r.customerId, reward: reward.code, points: reward.points, code: formatCode(code), type: reward.type } });
        // The business's days, as points expiry and pending points count them: 30 days from 12:00
        // is 12:00 there 30 days on, across a change of summer time (30 × 24 hours made it 13:00).
        const expiresAt = addDaysIn(now, reward.valid_days, program.timeZone);
        if (reward.type === 'gift_card') {
          const amount = toMinor(reward.amount!, currency);
          write.giftCards.push({ code, customer_id: r.customerId, currency, amount_minor: amount, expires_at: expiresAt });
          return { created: true, gift_card: giftCardView({ code, customer_id: r.customerId, currency, initial_minor: amount, balance_minor: amount, expires_at: expiresAt, created_at: now }), points_spent: reward.points };
        }
        // The benefit as it reads back from its jsonb column.
        const benefit = JSON.parse(JSON.stringify(benefitOf(reward))) as Record<string, unknown>;
        write.coupons.push({ debit: write.debits.length - 1, code, customer_id: r.customerId, reward_code: reward.code, benefit, valid_from: now, expires_at: expiresAt });
        const coupon = { code, kind: 'reward', customer_id: r.customerId, campaign_id: null, reward_code: reward.code, benefit, status: 'active', max_uses: 1, uses: 0, valid_from: now, expires_at: expiresAt, created_at: now };
        return { created: true, coupon: couponView(coupon), points_spent: reward.points };
      };
      const outcomes = requests.map(decide);
      await writeRedemptions(trx, withFields(write, { members: [...write.members], now }));

      // Replays answer with what the first redemption issued (a coupon may have been used since).
      const storedCodes = (kind: 'coupon' | 'gift_card') => outcomes.flatMap((o) => (!(o instanceof AppError) && 'stored' in o && typeof o.stored[kind] === 'string' ? [o.stored[kind] as string] : []));
      const storedCoupons = storedCodes('coupon');
      const storedGiftCards = storedCodes('gift_card');
      const coupons = new Map((storedCoupons.length ? await trx.selectFrom('coupons').selectAll().where('code', 'in', storedCoupons).execute() : []).map((c) => [c.code, c]));
      const giftCards = new Map((storedGiftCards.length ? await trx.selectFrom('gift_cards').selectAll().where('code', 'in', storedGiftCards).execute() : []).map((g) => [g.code, g]));
      const replay = (d: Record<string, unknown>, pointsSpent: number): Redemption =>
        typeof d.gift_card === 'string'
          ? { created: false, gift_card: giftCardView(giftCards.get(d.gift_card)!), points_spent: pointsSpent }
          : { created: false, coupon: couponView(coupons.get(d.coupon as string)!), points_spent: pointsSpent };
      return outcomes.map((o) => {
        if (o instanceof AppError) return o;
        if ('stored' in o) return replay(o.stored, o.pointsSpent);
        if ('replayOf' in o) {
          const first = outcomes[o.replayOf] as Redemption;
          return first.gift_card ? { created: false, gift_card: first.gift_card, points_spent: first.points_spent } : { created: false, coupon: first.coupon, points_spent: first.points_spent };
        }
        return o;
      });
    });
  }
  const redemptions = createGroupCommit(redeemTogether, { maxInFlight: 4 });

  const service = {
    /** The catalogue; each reward's points_name in `language`, in the form for its cost ("500 zrn"). */
    async rewards({ customerId, language = 'en' }: { customerId?: string; language?: Language } = {}) {
      const now = clock.now();
      const program = await core.programAt(now);
      if (!program) return { rewards: [], program_version: null };
      const stock = await db.selectFrom('reward_stock').selectAll().execute();
      const issued = new Map(stock.map((s) => [s.reward_code, s.issued]));
      let member: Redeemer | undefined;
      // The customer the id stands for: a merged id's member row stays behind with the closed
      // ledger, so the customer's row comes with the member's to tell (merged-customers.ts).
      // An id of no customer, or of one erased, is a 404 naming it, as every route given a
      // customer id answers it (customerNotFound): answered with the plain catalogue, a
      // till's mistyped id read as "nothing redeemable" said nothing of the mistake.
      let shown: string | undefined;
      if (customerId !== undefined) {
        const read = (id: string) => db.selectFrom('customers as c').leftJoin('loyalty_members as m', 'm.customer_id', 'c.id')
          .select(['c.status', 'c.merged_into', 'c.erased_at', 'm.points', 'm.tier']).where('c.id', '=', id).executeTakeFirst();
        let row = isUuid(customerId) ? await read(customerId) : undefined;
        if (!row) throw customerNotFound(customerId);
        const customer = await customerToRead(db, customerId, row);
        if (customer.status === 'erased') throw customerNotFound(customerId, customer);
        shown = customer.id;
        if (shown !== customerId) row = await read(shown);
        if (row?.points != null) member = { points: row.points, tier: row.tier, lots: await ledger.openLots(db, shown) };
      }
      return {
        program_version: program.version,
        customer_id: shown,
        rewards: program.document.rewards.map((r) => {
          const view = rewardView(r, program, issued.get(r.code), language);
          if (!member) return view;
          // The redemption's own rule (reward-rules.ts): what it would refuse, and why.
          const problem = rewardProblem(r, program, member, { now, issued: issued.get(r.code) ?? 0 });
          return withFields(view, {
            affordable: spendPlan(r, member, now).debited > 0,
            eligible: problem === null || problem.code === 'not_enough_points',
            redeemable: problem === null,
            problem: problem && problem.said.in(language),
            problem_code: problem?.code ?? null,
          });
        }),
      };
    },

    /** Spends points on a reward; returns the coupon (or gift card) issued. Retrying with the same key returns the first result. */
    async redeemReward(customerId: string, input: unknown, { actor }: { actor: Actor }) {
      const { outcome } = await service.redeemRewardTimed(customerId, input, { actor });
      if (outcome instanceof AppError) throw outcome;
      return outcome;
    },

    /**
     * The same, with where the time went (the redemptions of a moment share a transaction);
     * a refusal decided in the group (not enough points, out of stock) is the outcome, not thrown.
     */
    async redeemRewardTimed(customerId: string, input: unknown, { actor }: { actor: Actor }) {
      const data = parseInput(RedeemRewardInput, input, 'redemption');
      if (!isUuid(customerId)) throw notFound(say('customer.not_found', { id: customerId }));
      return redemptions.submit({ customerId, reward: data.reward, idempotencyKey: data.idempotency_key, actor });
    },
  };

  // The coupons and the checkout reservations are parts of their own (coupons.ts, reservations.ts).
  return withFields(service, createCoupons(core), createReservations(core));
}

function benefitOf(r: Reward) {
  switch (r.type) {
    case 'fixed_discount': return { type: r.type, amount: r.amount, name: r.name };
    case 'percent_discount': return { type: r.type, percent: r.percent, name: r.name };
    case 'free_product': return { type: r.type, sku: r.sku, name: r.name };
    case 'event': return { type: r.type, event: r.event, name: r.name };
    default: return { type: r.type, name: r.name };
  }
}

export type RewardsService = ReturnType<typeof createRewardsService>;
