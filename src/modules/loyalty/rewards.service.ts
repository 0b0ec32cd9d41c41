import { sql } from 'kysely';
import { z } from 'zod';
import { audit, createGroupCommit, lockKeys, type Actor, type Db, type Tx } from '../../db/index.ts';
import { publish, type OutgoingEvent } from '../../jobs/outbox.ts';
import { AppError, conflict, invalid, invalidField, notFound } from '../../shared/errors.ts';
import { canonicalJson, sha256 } from '../../shared/hash.ts';
import { isUuid, newId } from '../../shared/ids.ts';
import { amountField, toMajor, toMinor } from '../../shared/money.ts';
import { DecimalAmount, parseInput } from '../../shared/validation.ts';
import { addDays } from '../../shared/clock.ts';
import { AdminWriteKey, instant, refusePast } from './admin-writes.ts';
import { giftCardView } from './gift-cards.ts';
import { couponProblem, couponView, formatCode, newCode, normalizeCode, shownCode } from './codes.ts';
import { takeFromLots } from './ledger.ts';
import * as ledger from './ledger.repository.ts';
import type { MemberRow, PlannedDebit } from './ledger.repository.ts';
import type { LoyaltyCore } from './loyalty.core.ts';
import { text, type Program } from './program.ts';
import type { ProgramDocument } from './program.schema.ts';
import { lockMembersForRedemption, lockRewardStock, writeRedemptions, type RedemptionState, type RewardCouponRow, type RewardGiftCardRow } from './redemption.repository.ts';
import { recordsOfCustomer, requireActiveCustomer } from './merged-customers.ts';
import { pointsNameOf } from './program-names.ts';
import { refusalOf, rewardProblem, spendPlan, type Redeemer } from './reward-rules.ts';
import { createReservations } from './reservations.ts';
import { customerToRead } from '../customers/index.ts';
import { withFields } from '../../shared/objects.ts';
import { fixedText, say, type Language } from '../../shared/messages/index.ts';
import { countedName } from '../../shared/plural.ts';

// Rewards bought with points (a coupon or a gift card), coupons a POS validates and
// consumes, promotion coupons in bulk, gift-card balances, and checkout reservations of
// points (reservations.ts). Every write is idempotent by a caller's key; every points
// debit goes through the member's row lock, so concurrent redemptions can never overspend.

type Reward = ProgramDocument['rewards'][number];

interface RedemptionRequest {
  /** As the caller named the customer (the request's hash keeps it: a retry after a merge replays). */
  customerId: string;
  reward: string;
  idempotencyKey: string;
  actor: Actor;
}

export const RedeemRewardInput = z.object({
  reward: z.string().trim().min(1),
  idempotency_key: z.string().trim().min(1, fixedText('idempotency_key.required')).max(200),
});

export const UseCouponInput = z.object({
  idempotency_key: z.string().trim().min(1, fixedText('idempotency_key.required')).max(200),
  /** The customer using it (id); needed for per-customer limits and customer-bound coupons. */
  customer_id: z.string().uuid().optional(),
  order_ref: z.string().trim().max(200).optional(),
});

const Benefit = z.discriminatedUnion('type', [
  z.object({ type: z.literal('fixed_discount'), amount: DecimalAmount }).strict(),
  z.object({ type: z.literal('percent_discount'), percent: z.number().positive().max(100) }).strict(),
  z.object({ type: z.literal('free_product'), sku: z.string().trim().min(1) }).strict(),
]);

export const CampaignInput = z.object({
  name: z.string().trim().min(1).max(200),
  idempotency_key: AdminWriteKey,
  benefit: Benefit,
  /** Generate this many unique codes… */
  count: z.number().int().min(1).max(100_000).optional(),
  /** …or one shared code customers type in ("SUMMER25"). */
  code: z.string().trim().regex(/^[A-Za-z0-9-]{4,40}$/, fixedText('campaign.code_format')).optional(),
  /** Uses per code (1 = single-use). */
  max_uses: z.number().int().min(1).max(10_000_000).default(1),
  per_customer_limit: z.number().int().min(1).optional()
    .describe("Uses per customer across the whole campaign (all its codes, the customer's uses under ids merged into it included); customer_id is then required to use a code"),
  valid_from: z.string().datetime({ offset: true }).optional(),
  expires_at: z.string().datetime({ offset: true }).optional(),
}).refine((c) => (c.count === undefined) !== (c.code === undefined), { message: fixedText('campaign.count_or_code'), path: ['count'] });

// The locks that make requests with one admin key take turns (db/locks.ts).
const campaignKeyLock = (key: string) => `coupon-campaign:${key}`;
// The lock that makes one customer's uses of a campaign's codes take turns (checkCustomerLimit).
const campaignCustomerLock = (campaignId: string, customerId: string) => `coupon-campaign-use:${campaignId}:${customerId}`;

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
    const now = clock.now();
    return db.transaction().execute(async (trx) => {
      const keyOf = (r: RedemptionRequest) => `redeem:${r.idempotencyKey}`;
      const hashOf = (r: RedemptionRequest) => sha256(canonicalJson({ customerId: r.customerId, reward: r.reward }));
      const { memberIdOf, states } = await lockRedeemers(trx, requests.map((r) => r.customerId), requests.map(keyOf));
      const program = await core.programAt(now, trx);
      const rewardOf = (r: RedemptionRequest) => program?.document.rewards.find((x) => x.code === r.reward);
      const stockCodes = [...new Set(requests.map(rewardOf).filter((x) => x?.stock !== undefined).map((x) => x!.code))];
      const issued = await lockRewardStock(trx, stockCodes);

      const inGroup = new Map<string, { index: number; hash: string }>();
      const write = { debits: [] as PlannedDebit[], members: new Set<MemberRow>(), coupons: [] as RewardCouponRow[], giftCards: [] as RewardGiftCardRow[], stockIssued: new Map<string, number>(), events: [] as OutgoingEvent[] };
      /** One request's outcome: an error, a replay (of a stored redemption or of an earlier one in the group), or a redemption added to `write`. */
      const decide = (request: RedemptionRequest, index: number): Redemption | AppError | { replayOf: number } | { stored: Record<string, unknown>; pointsSpent: number } => {
        const found = states.get(memberIdOf(request));
        if (!found) return notFound(say('customer.not_found', { id: request.customerId }));
        if (!found.member) return conflict(say('loyalty.not_member'));
        const state = found as RedemptionState;
        const key = keyOf(request);
        const hash = hashOf(request);
        // From here on, the member's: whatever is written names the customer the id stands for.
        const r = withFields(request, { customerId: memberIdOf(request) });
        const stored = state.previous.get(key);
        const earlier = inGroup.get(`${r.customerId} ${key}`);
        if (stored || earlier) {
          if ((stored ? stored.details.request_hash : earlier!.hash) !== hash) return conflict(say('redemption.key_reused', { key: r.idempotencyKey }));
          return stored ? { stored: stored.details, pointsSpent: -stored.points } : { replayOf: earlier!.index };
        }
        if (!program) return invalid(say('loyalty.no_program'));
        const reward = rewardOf(r);
        const member = state.member;
        if (!reward) return invalidField('reward', say('reward.unknown', { reward: r.reward, version: program.version }));
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
        const expiresAt = addDays(now, reward.valid_days);
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
      let shown: string | undefined;
      if (customerId && isUuid(customerId)) {
        const read = (id: string) => db.selectFrom('customers as c').leftJoin('loyalty_members as m', 'm.customer_id', 'c.id')
          .select(['c.status', 'c.merged_into', 'm.points', 'm.tier']).where('c.id', '=', id).executeTakeFirst();
        let row = await read(customerId);
        if (row) {
          shown = (await customerToRead(db, customerId, row)).id;
          if (shown !== customerId) row = await read(shown);
        }
        if (shown && row?.points != null) member = { points: row.points, tier: row.tier, lots: await ledger.openLots(db, shown) };
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

    /**
     * What a POS sees when a code is scanned: the coupon, and whether it can be used now —
     * if not, why: `problem` in `language` (the request's, as a use's refusal is told;
     * English by default) and `problem_code`, the same in a word a till can act on.
     */
    async coupon(codeInput: string, { language = 'en' }: { language?: Language } = {}) {
      const code = normalizeCode(codeInput);
      const c = await db.selectFrom('coupons').selectAll().where('code', '=', code).executeTakeFirst();
      if (!c) throw notFound(say('coupon.not_found', { code: codeInput }));
      const problem = couponProblem(c, clock.now());
      return withFields(couponView(c), { usable: problem === null, problem: problem && problem.said.in(language), problem_code: problem?.code ?? null });
    },

    /** Consumes one use of a coupon (POS checkout). The same idempotency key returns the first result. */
    async useCoupon(codeInput: string, input: unknown, { actor }: { actor: Actor }) {
      const data = parseInput(UseCouponInput, input, 'coupon use');
      const code = normalizeCode(codeInput);
      const now = clock.now();
      const requestHash = sha256(canonicalJson({ code, customer: data.customer_id ?? null, order: data.order_ref ?? null }));
      return db.transaction().execute(async (trx) => {
        // The customer the till names, followed past merges and locked before the coupon
        // (customers before coupons, as a merge moves them): a till still sending a merged
        // id uses the survivor's coupon, is counted against the survivor's limit, and a
        // merge committing meanwhile is seen. An id of no customer is refused (404) before
        // anything is written, as the /customers/{id}/… routes refuse it: recorded as given,
        // it burnt a use and escaped the per-customer limit.
        const customerId = data.customer_id ? (await requireActiveCustomer(trx, data.customer_id)).id : undefined;
        const c = await trx.selectFrom('coupons').selectAll().where('code', '=', code).forUpdate().executeTakeFirst();
        if (!c) throw notFound(say('coupon.not_found', { code: codeInput }));
        const previous = await trx.selectFrom('coupon_uses').selectAll().where('code', '=', code).where('idempotency_key', '=', data.idempotency_key).executeTakeFirst();
        if (previous) {
          if (previous.request_hash !== requestHash) throw conflict(say('coupon.use_key_reused', { key: data.idempotency_key }));
          return { created: false, coupon: couponView(c), benefit: c.benefit };
        }
        const problem = couponProblem(c, now);
        if (problem) throw conflict(say('coupon.cannot_be_used', { code: shownCode(c), problem: problem.said }));
        if (c.customer_id && customerId && c.customer_id !== customerId) throw conflict(say('coupon.other_customer', { code: shownCode(c) }));
        if (c.per_customer_limit) {
          if (!customerId) throw invalidField('customer_id', say('coupon.customer_required'));
          await checkCustomerLimit(trx, { code, coupon: c, customerId });
        }
        const user = customerId ?? c.customer_id;
        await trx.insertInto('coupon_uses').values({ code, idempotency_key: data.idempotency_key, customer_id: user, campaign_id: c.campaign_id, order_ref: data.order_ref ?? null, request_hash: requestHash, used_at: now }).execute();
        const uses = c.uses + 1;
        await trx.updateTable('coupons').set({ uses, status: uses >= c.max_uses ? 'used' : 'active' }).where('code', '=', code).execute();
        await audit(trx, { actor, action: 'coupon.use', subject: code, details: { order_ref: data.order_ref } });
        await publish(trx, [{ type: 'coupon.used', customerId: user, payload: { code: shownCode(c), kind: c.kind, reward: c.reward_code, campaign_id: c.campaign_id, customer_id: user, order_ref: data.order_ref ?? null } }]);
        return { created: true, coupon: couponView({ ...c, uses, status: uses >= c.max_uses ? 'used' : 'active' }), benefit: c.benefit };
      });
    },

    /** The coupons of the customer the id stands for (a merged id: the survivor's, whose id it answers; recordsOfCustomer). */
    async couponsOf(requested: string) {
      const { customerId, rows } = await recordsOfCustomer(db, requested, (id) => db.selectFrom('coupons').selectAll().where('customer_id', '=', id).orderBy('created_at', 'desc').limit(200).execute());
      const now = clock.now();
      return { customer_id: customerId, items: rows.map((c) => withFields(couponView(c), { usable: couponProblem(c, now) === null })) };
    },

    /**
     * Promotion coupons in bulk: N unique codes, or one shared code. A retry with the same
     * idempotency key answers the campaign it created, with its codes (created: false),
     * and makes no other; the same key with another body is a conflict.
     */
    async createCampaign(input: unknown, { actor }: { actor: Actor }) {
      const data = parseInput(CampaignInput, input, 'campaign');
      const discount = data.benefit.type === 'fixed_discount' ? amountField('benefit.amount', data.benefit.amount, currency) : null;
      // Values that could never work are refused, naming the field, rather than stored as a
      // campaign nobody can use (one whose expiry has passed is refused under the key's lock below).
      if (discount === 0) throw invalidField('benefit.amount', say('campaign.discount_of_nothing'));
      if (data.valid_from && data.expires_at && Date.parse(data.expires_at) <= Date.parse(data.valid_from)) {
        throw invalidField('expires_at', say('campaign.expires_before_valid', { from: instant(data.valid_from)! }));
      }
      // Stored and answered as the business's decimal ("5.00"), whether "5" or 5 was sent.
      const benefit = discount === null ? data.benefit : withFields(data.benefit, { amount: toMajor(discount, currency) });
      const key = data.idempotency_key;
      // The request as it means the same ("3" and "3.00", one instant in two offsets).
      const requestHash = sha256(canonicalJson({
        name: data.name, benefit: discount === null ? data.benefit : withFields(data.benefit, { amount: discount, currency }), count: data.count ?? null,
        code: data.code ? normalizeCode(data.code) : null, max_uses: data.max_uses, per_customer_limit: data.per_customer_limit ?? null,
        valid_from: instant(data.valid_from), expires_at: instant(data.expires_at),
      }));
      const now = clock.now();
      const taken = () => conflict(say('campaign.code_taken', { code: data.code! }));
      const campaign = await db.transaction().execute(async (trx) => {
        // Requests with one key take turns from here to their commit, so only the first
        // finds no campaign under it; the unique index is the guard behind the lock.
        await lockKeys(trx, [campaignKeyLock(key)]);
        const earlier = await trx.selectFrom('coupon_campaigns').selectAll().where('idempotency_key', '=', key).executeTakeFirst();
        if (earlier) {
          if (earlier.request_hash !== requestHash) throw conflict(say('campaign.key_reused', { key }));
          const stored = await trx.selectFrom('coupons').select(['code', 'chosen_code']).where('campaign_id', '=', earlier.id).execute();
          return {
            created: false, id: earlier.id, name: earlier.name, benefit: earlier.benefit as typeof data.benefit, max_uses: earlier.max_uses,
            per_customer_limit: earlier.per_customer_limit, codes: stored.sort((a, b) => (a.code < b.code ? -1 : 1)).map(shownCode),
          };
        }
        // After the replay: a retry of a campaign created before its expiry still answers it.
        if (data.expires_at) refusePast('expires_at', data.expires_at, now, say('expiry.codes_never_usable'));
        // Sorted, as a replay reads them back: the same answer both times.
        const codes = (data.code ? [normalizeCode(data.code)] : Array.from({ length: data.count! }, () => normalizeCode(newCode()))).sort();
        // The shared code as the merchant wrote it, shown so (migration 0015); generated ones have none.
        const chosen = data.code ?? null;
        if (data.code) {
          if (await trx.selectFrom('coupons').select('code').where('code', '=', codes[0]).executeTakeFirst()) throw taken();
        }
        const id = newId();
        await trx.insertInto('coupon_campaigns').values({
          id, name: data.name, benefit: JSON.stringify(benefit), codes: codes.length, max_uses: data.max_uses, per_customer_limit: data.per_customer_limit ?? null,
          valid_from: data.valid_from ?? null, expires_at: data.expires_at ?? null, created_by: actor, created_at: now, idempotency_key: key, request_hash: requestHash,
        }).execute();
        const json = JSON.stringify(codes);
        await sql`
          INSERT INTO coupons (code, kind, campaign_id, benefit, status, max_uses, uses, per_customer_limit, valid_from, expires_at, created_at, chosen_code)
          SELECT c, 'promotion', ${id}, ${JSON.stringify(benefit)}::jsonb, 'active', ${data.max_uses}, 0, ${data.per_customer_limit ?? null},
                 ${data.valid_from ?? null}::timestamptz, ${data.expires_at ?? null}::timestamptz, ${now}, ${chosen}::text
          FROM json_array_elements_text(${json}::json) AS c`.execute(trx);
        await audit(trx, { actor, action: 'coupon.campaign.create', subject: id, details: { name: data.name, codes: codes.length, idempotency_key: key } });
        return { created: true, id, name: data.name, benefit, max_uses: data.max_uses, per_customer_limit: data.per_customer_limit ?? null, codes: codes.map((code) => shownCode({ code, chosen_code: chosen })) };
      }).catch((error: unknown) => {
        // The look-up above cannot see a campaign with the same code that another admin is
        // writing: this insert then waits for it and fails on the key when it commits.
        // That is the same refusal, not a server error.
        if (data.code && ledger.isUniqueViolation(error)) throw taken();
        throw error;
      });
      return campaign;
    },
  };

  /**
   * Refuses a use past the coupon's per-customer limit. A campaign's limit counts the
   * customer's uses of all its codes (coupon_uses.campaign_id, an index probe: migration
   * 0014), a coupon outside a campaign its own. The coupon's row lock serialises uses of
   * one code, and the customer's row is locked only FOR SHARE (merged-customers.ts), which
   * two uses hold at once: so uses of two codes of
   * a campaign by one customer take turns on a lock of their own, and the second counts the
   * first once it has committed. Taken after the coupon's row; nothing after it waits on
   * another use, so no two wait on each other.
   */
  async function checkCustomerLimit(trx: Tx, { code, coupon: c, customerId }: { code: string; coupon: { code: string; chosen_code: string | null; campaign_id: string | null; per_customer_limit: number | null }; customerId: string }) {
    const limit = c.per_customer_limit!;
    const uses = trx.selectFrom('coupon_uses').select((eb) => eb.fn.countAll<number>().as('n')).where('customer_id', '=', customerId);
    if (!c.campaign_id) {
      const used = Number((await uses.where('code', '=', code).executeTakeFirstOrThrow()).n);
      if (used >= limit) throw conflict(say('coupon.customer_limit', { code: shownCode(c), used, limit }));
      return;
    }
    await lockKeys(trx, [campaignCustomerLock(c.campaign_id, customerId)]);
    const used = Number((await uses.where('campaign_id', '=', c.campaign_id).executeTakeFirstOrThrow()).n);
    if (used < limit) return;
    const campaign = await trx.selectFrom('coupon_campaigns').select('name').where('id', '=', c.campaign_id).executeTakeFirst();
    throw conflict(say('coupon.cannot_be_used', { code: shownCode(c), problem: say('coupon.campaign_limit', { used, limit, campaign: campaign ? `"${campaign.name}"` : c.campaign_id }) }));
  }

  // The checkout reservations are a part of their own (reservations.ts).
  return withFields(service, createReservations(core));
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
