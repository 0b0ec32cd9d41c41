import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../../modules/auth/index.ts';
import {
  AdjustmentInput, ApplyProgramInput, CampaignInput, CaptureInput, ClaimReferralInput, SurveyBonusInput, GiftCardChargeInput, GiftCardIssueInput, RedeemRewardInput, ReserveInput, UseCouponInput, programJsonSchema,
  LoyaltyReportQuery,
} from '../../modules/loyalty/index.ts';
import type { Services } from '../../services.ts';
import { AppError } from '../../shared/errors.ts';
import { fixedText } from '../../shared/messages/index.ts';
import { LanguageCode, parseInput } from '../../shared/validation.ts';
import { answerLanguage, toldIn } from '../problem.ts';
import { withFields } from '../../shared/objects.ts';
import { answerFollowingMerges, answerWrite, followsMerges, MERGED_REFUSED, route, unknownCustomer } from '../route.ts';
import { setGroupServerTiming } from '../server-timing.ts';
import {
  Account, AppliedProgram, LedgerProof, LoyaltyReport, MaintenanceRun, MemberAccount, ProgramJsonSchema, ProgramOverview, ProgramVersion,
  ReferralClaim, ReferralCode, SimulationReport, SurveyBonus, TierHistory,
} from '../responses/loyalty.ts';
import { Campaign, CouponCheck, CouponUse, CustomerCoupons, CustomerGiftCards, GiftCardCharge, GiftCardIssue, Redemption, ReservationResult, RewardCatalogue, UsableGiftCard } from '../responses/rewards.ts';

// The loyalty program over HTTP: the program document and its versions, member
// accounts, rewards and coupons (what a POS calls at checkout), gift cards,
// reservations, reports and the ledger proof.

type IdParams = { id: string };
// A language named as Accept-Language names one ("SL", "sl-SI"); one not among ours is told
// "must be one of en, sl, tr, da, ru" in the request's language (validation.ts LanguageCode).
const AccountQuery = z.object({ language: LanguageCode.optional() });
type AccountQuery = z.infer<typeof AccountQuery>;
// points_name in `language`, in the form each reward's cost takes ("500 zrn").
const RewardsQuery = AccountQuery.extend({ customer_id: z.string().optional() });
// Strict: a misspelt "snice" was read as none and answered "since is required", hiding the typo.
const SimulateInput = z.strictObject({ program: z.unknown(), since: z.string().min(1, fixedText('simulation.since_required')) });

export function loyaltyRoutes(app: FastifyInstance, s: Services, prefix: string) {
  const L = s.loyalty;

  // ── Program ──────────────────────────────────────────────────────────────
  route(app, prefix, {
    method: 'GET', path: '/loyalty/program.schema.json', tag: 'loyalty', scope: null, summary: 'The JSON Schema of a program document (no authentication)',
    responses: { 200: { description: 'JSON Schema (draft 2020-12)', schema: ProgramJsonSchema } },
    handler: async () => programJsonSchema(),
  });
  route(app, prefix, {
    method: 'GET', path: '/loyalty/program', tag: 'loyalty', scope: 'read', summary: 'The program in force and every version',
    responses: { 200: { description: 'The version in force and every version', schema: ProgramOverview } },
    handler: async () => L.currentProgram(),
  });
  route(app, prefix, {
    method: 'GET', path: '/loyalty/program/versions/:version', tag: 'loyalty', scope: 'read', summary: 'One program version',
    responses: { 200: { description: 'The version', schema: ProgramVersion }, 404: 'Unknown version' },
    handler: async (req) => L.programVersion(Number((req.params as { version: string }).version)),
  });
  route(app, prefix, {
    method: 'POST', path: '/loyalty/program', tag: 'loyalty', scope: 'admin',
    summary: 'Apply a program document as a new version (effective now or from effective_from); tier_policy says how members are re-placed',
    description: 'The version in force at any moment is the latest applied whose effective_from has come. So a version applied while another, applied before it, ' +
      'is scheduled for a later date keeps that one out for good: the answer warns of each such version (warnings: [{ code: "scheduled_version_overridden", version, effective_from, message }]), and applies all the same.',
    body: ApplyProgramInput,
    responses: { 201: { description: 'The version applied, what it did to tiers, and its warnings', schema: AppliedProgram }, 422: 'The document breaks the schema, or a condition names a store no store has (every problem listed)' },
    handler: async (req, reply, p) => reply.code(201).send(await L.applyProgram(req.body, { actor: actorOf(p) })),
  });
  route(app, prefix, {
    method: 'POST', path: '/loyalty/program/simulate', tag: 'loyalty', scope: 'read',
    summary: 'Replay the purchases since a date against a proposed program: points it would cost, tiers, moves — nothing is written',
    body: SimulateInput, responses: { 200: { description: 'Simulation report', schema: SimulationReport }, 422: 'Invalid program or date' },
    handler: async (req) => {
      const body = parseInput(SimulateInput, req.body, 'simulation');
      return L.simulate(body.program, { since: body.since });
    },
  });
  route(app, prefix, {
    method: 'GET', path: '/loyalty/report', tag: 'loyalty', scope: 'read', summary: 'Points liability, breakage, redemption rate, members per tier; the movements of a period with from/to, and its opening and closing',
    description: 'Every ledger entry is counted once, so the figures add up: earned + adjusted_in − adjusted_out + merged_in − merged_out − redeemed − expired − reversed + owed ' +
      '= outstanding. The rates are shares of the points issued (earned + adjusted_in − (reversed − owed)), so neither exceeds 1. ' +
      'With from and/or to (local dates of the business\'s time zone, inclusive) the movements — earned, adjusted, merged, redeemed, expired, reversed, forfeited, and owed: ' +
      'what the period\'s take-backs still owe — and the issued points and rates are the period\'s: each movement counts when it happened, an expiry when its points expired ' +
      '(not when the maintenance wrote it off). Members, outstanding, pending, the liability and the tiers are always now\'s (as_of). A period has its opening and closing: ' +
      'the points outstanding at its start and end by the same definitions over the ledger up to then (closing now when to reaches today), valued at the point_value in force then; ' +
      'opening + issued − adjusted_out − redeemed − expired − forfeited + merged_in − merged_out = closing, and a rate can exceed 1 (points issued before the period redeemed or expired in it).',
    query: LoyaltyReportQuery,
    responses: { 200: { description: 'The report', schema: LoyaltyReport }, 422: 'A date not YYYY-MM-DD or not in the calendar, or to before from' },
    handler: async (req) => L.report(req.query),
  });
  route(app, prefix, {
    method: 'GET', path: '/loyalty/verify', tag: 'loyalty', scope: 'admin', summary: 'Prove every cached balance against the ledger',
    responses: { 200: { description: 'Whether every balance adds up, and each problem found', schema: LedgerProof } },
    handler: async () => L.verify(),
  });
  route(app, prefix, {
    method: 'POST', path: '/loyalty/maintenance', tag: 'loyalty', scope: 'admin',
    summary: 'Run the scheduled maintenance now: stale reservations, expiry, reminders, tier reviews, birthdays',
    responses: { 200: { description: 'What each step did', schema: MaintenanceRun } },
    handler: async () => L.maintenance.runAll(s.clock.now()),
  });

  // ── Members ──────────────────────────────────────────────────────────────
  route(app, prefix, {
    method: 'GET', path: '/customers/:id/loyalty', tag: 'loyalty', scope: 'read',
    summary: "Balance, pending points, lots with expiry, tier and progress, and every entry explained (in `language`; without it, the request's Accept-Language, English when it names none)",
    description: "`lifetime` counts every entry of the ledger once, so its figures add up: earned (purchases and bonuses) + adjusted (by staff, and points moved by merges; " +
      'negative when taken) − redeemed (rewards and captured or held checkout reservations, less released ones) − reversed (taken back on refunds) − expired ' +
      '= balance + pending + expiring_now (the points, below zero by what is owed). ' + followsMerges("the surviving customer's account"),
    query: AccountQuery,
    responses: {
      200: { description: 'The account (only customer_id, member: false and program_version for a customer who has not joined)', schema: Account },
      404: unknownCustomer(),
      422: 'Unknown language',
    },
    handler: async (req, reply) => {
      const { id } = req.params as IdParams;
      // Without ?language, the request's, as the rewards catalogue and every refusal answer:
      // a till asking in Slovenian read its member's entries in English.
      const query = parseInput(AccountQuery, req.query ?? {}, 'query');
      const language = query.language ?? answerLanguage(req);
      return answerFollowingMerges(req, toldIn(reply, language), id, await L.account(id, withFields(query, { language })));
    },
  });
  route(app, prefix, {
    method: 'GET', path: '/customers/:id/loyalty/tiers', tag: 'loyalty', scope: 'read', summary: 'Tier history',
    description: followsMerges("the surviving customer's tier history"),
    responses: { 200: { description: 'Every tier change, oldest first', schema: TierHistory }, 404: unknownCustomer() },
    handler: async (req, reply) => {
      const { id } = req.params as IdParams;
      return answerFollowingMerges(req, reply, id, await L.tierHistory(id));
    },
  });
  route(app, prefix, {
    method: 'POST', path: '/customers/:id/loyalty/enrol', tag: 'loyalty', scope: 'write', summary: 'Enrol a customer in the program',
    responses: { 201: { description: 'Enrolled: the account', schema: MemberAccount }, 200: { description: 'Already a member: the account', schema: MemberAccount }, 404: unknownCustomer('Unknown customer', MERGED_REFUSED) },
    handler: async (req, reply, p) => {
      const r = await L.enrol((req.params as IdParams).id, { actor: actorOf(p) });
      return reply.code(r.created ? 201 : 200).send(r.account);
    },
  });
  route(app, prefix, {
    method: 'POST', path: '/customers/:id/loyalty/adjustments', tag: 'loyalty', scope: 'write',
    summary: 'Add or take points by hand; a reason is required and audited; the key makes retries safe',
    description: "Answers the account as GET /customers/{id}/loyalty does, every entry explained in `language` (without it, the request's Accept-Language, English when it names none).",
    body: AdjustmentInput, query: AccountQuery,
    responses: {
      201: { description: 'The account after', schema: MemberAccount },
      200: { description: 'Already recorded (replay): the account now', schema: MemberAccount },
      404: unknownCustomer('Unknown customer', MERGED_REFUSED),
      409: 'The key was used with other points or another reason',
      422: 'No reason, or below zero; or an unknown language',
    },
    // The account's words in ?language=, as GET …/loyalty tells them (they were English
    // whatever was asked, so the CLI read the account a second time to print it).
    handler: async (req, reply, p) => {
      const { language: asked } = parseInput(AccountQuery, req.query ?? {}, 'query');
      const language = asked ?? answerLanguage(req);
      const r = await L.adjust((req.params as IdParams).id, req.body, { actor: actorOf(p), language });
      return answerWrite(toldIn(reply, language), r.created, r.account);
    },
  });
  route(app, prefix, {
    method: 'POST', path: '/customers/:id/loyalty/redemptions', tag: 'loyalty', scope: 'write',
    summary: 'Spend points on a reward: issues a unique coupon code (or a gift card)',
    body: RedeemRewardInput,
    responses: {
      201: { description: 'The coupon (or gift card) issued', schema: Redemption },
      200: { description: 'Already redeemed with this key: what it issued', schema: Redemption },
      404: unknownCustomer(),
      409: 'Not enough points, out of stock, or key reused',
      422: 'Unknown or ineligible reward',
    },
    handler: async (req, reply, p) => {
      const { outcome, timing } = await L.redeemRewardTimed((req.params as IdParams).id, req.body, { actor: actorOf(p) });
      setGroupServerTiming(reply, timing);
      if (outcome instanceof AppError) throw outcome;
      return answerWrite(reply, outcome.created, outcome);
    },
  });
  route(app, prefix, {
    method: 'GET', path: '/customers/:id/coupons', tag: 'loyalty', scope: 'read', summary: "The customer's coupons",
    description: followsMerges("the surviving customer's coupons"),
    responses: { 200: { description: 'Every coupon of the customer, with whether it can be used now', schema: CustomerCoupons }, 404: unknownCustomer() },
    handler: async (req, reply) => {
      const { id } = req.params as IdParams;
      return answerFollowingMerges(req, reply, id, await L.couponsOf(id));
    },
  });
  route(app, prefix, {
    method: 'GET', path: '/customers/:id/gift-cards', tag: 'loyalty', scope: 'read', summary: "The customer's gift cards and their balances",
    description: followsMerges("the surviving customer's gift cards"),
    responses: { 200: { description: 'Every gift card of the customer, newest first, with whether it can pay now', schema: CustomerGiftCards }, 404: unknownCustomer() },
    handler: async (req, reply) => {
      const { id } = req.params as IdParams;
      return answerFollowingMerges(req, reply, id, await L.giftCardsOf(id));
    },
  });
  route(app, prefix, {
    method: 'POST', path: '/customers/:id/loyalty/reservations', tag: 'loyalty', scope: 'write',
    summary: 'Hold points at checkout (released automatically after reservation_minutes)',
    body: ReserveInput,
    responses: { 201: { description: 'The reservation', schema: ReservationResult }, 200: { description: 'Already made with this key', schema: ReservationResult }, 404: unknownCustomer(), 409: 'Not enough points' },
    handler: async (req, reply, p) => {
      const r = await L.reserve((req.params as IdParams).id, req.body, { actor: actorOf(p) });
      return answerWrite(reply, r.created, r);
    },
  });
  for (const action of ['capture', 'release'] as const) {
    route(app, prefix, {
      method: 'POST', path: `/customers/:id/loyalty/reservations/:reservation/${action}`, tag: 'loyalty', scope: 'write',
      summary: action === 'capture'
        ? 'Spend the held points (the order went through): all of them, or { points } of them, the rest going back to the member'
        : 'Give the held points back (the order was abandoned)',
      // A release documents no body, as it takes none: a field sent is refused (ReleaseInput), and a client made from the document sends nothing.
      body: action === 'capture' ? CaptureInput : undefined,
      bodyOptional: action === 'capture' ? true : undefined,
      responses: action === 'capture'
        ? {
          200: { description: 'The reservation, captured_points the points spent', schema: ReservationResult }, 404: unknownCustomer('Unknown reservation or customer'),
          409: 'Already settled otherwise, or expired; or captured with other points: `points` named in `errors`, with the points captured and this request\'s', 422: 'points more than reserved, or a field other than points',
        }
        : { 200: { description: 'The reservation', schema: ReservationResult }, 404: unknownCustomer('Unknown reservation or customer'), 409: 'Captured already', 422: 'A field in the body: a release takes none' },
      handler: async (req, reply) => {
        const { id, reservation } = req.params as { id: string; reservation: string };
        const r = action === 'capture' ? await L.capture(id, reservation, req.body) : await L.release(id, reservation, req.body);
        // A settled reservation asked again is a retry: 200 either way, marked as for every replayed write.
        if (!r.created) reply.header('idempotent-replayed', 'true');
        return r;
      },
    });
  }

  route(app, prefix, {
    method: 'POST', path: '/customers/:id/loyalty/referral-code', tag: 'loyalty', scope: 'write', summary: "The member's referral code to share (created on first call)",
    responses: { 201: { description: 'A new code', schema: ReferralCode }, 200: { description: 'The existing code', schema: ReferralCode }, 404: unknownCustomer(), 409: 'Not a member' },
    handler: async (req, reply) => {
      const r = await L.referralCode((req.params as IdParams).id);
      return reply.code(r.created ? 201 : 200).send({ code: r.code, referral_link: r.referral_link });
    },
  });
  route(app, prefix, {
    method: 'POST', path: '/customers/:id/loyalty/referral', tag: 'loyalty', scope: 'write',
    summary: "Link a new customer to the friend whose code they bring; the friend's first qualifying purchase rewards both",
    body: ClaimReferralInput,
    responses: {
      201: { description: 'Linked: pending', schema: ReferralClaim },
      200: { description: 'Already linked with this code: where it stands', schema: ReferralClaim },
      404: unknownCustomer(),
      409: 'Referred by someone else',
      422: 'Unknown code, own code, same email/phone, or not a new customer',
    },
    handler: async (req, reply, p) => {
      const r = await L.claimReferral((req.params as IdParams).id, req.body, { actor: actorOf(p) });
      return reply.code(r.created ? 201 : 200).send({ status: r.status });
    },
  });
  route(app, prefix, {
    method: 'POST', path: '/customers/:id/loyalty/bonuses/survey', tag: 'loyalty', scope: 'write',
    summary: 'Thank-you points for a completed survey response (once per response; never depends on the score)',
    body: SurveyBonusInput,
    responses: {
      201: { description: 'The points given', schema: SurveyBonus },
      200: { description: 'Already given for this response (replay, Idempotent-Replayed: true): the points it was given; or { points: 0 } when the program has no survey bonus', schema: SurveyBonus },
      404: unknownCustomer(), 409: 'Not a member' },
    handler: async (req, reply, p) => {
      const r = await L.surveyBonus((req.params as IdParams).id, req.body, { actor: actorOf(p) });
      if (r.created || r.replayed) return answerWrite(reply, r.created, { points: r.points });
      return reply.code(200).send({ points: r.points });
    },
  });

  // ── Rewards, coupons, gift cards ─────────────────────────────────────────
  route(app, prefix, {
    method: 'GET', path: '/loyalty/rewards', tag: 'loyalty', scope: 'read', summary: 'The rewards catalogue (with customer_id: whether each can be redeemed now, and why not)',
    description: 'Each reward\'s `points_name` is told in `language` (without it, the request\'s `Accept-Language`; English when it names none) in the form its cost takes ("1 zrno", "500 zrn"). ' +
      'With customer_id, each reward says whether that member can redeem it now (`redeemable`, by the redemption\'s own rule: `eligible` — available now, ' +
      'the tier allows it, stock left — and `affordable`), and if not why: `problem`, what the redemption would be refused with, in `language`, and `problem_code`. ' +
      followsMerges('what the surviving customer can redeem'),
    query: RewardsQuery, responses: { 200: { description: 'The rewards of the program in force', schema: RewardCatalogue }, 404: unknownCustomer('customer_id names no customer'), 422: 'Unknown language' },
    handler: async (req, reply) => {
      // Without ?language, the request's (Accept-Language; English when it names none), in
      // which the redemption this answers for would be refused, as the coupon check tells its problem.
      const { customer_id: id, language: asked } = parseInput(RewardsQuery, req.query ?? {}, 'query');
      const language = asked ?? answerLanguage(req);
      return answerFollowingMerges(req, toldIn(reply, language), id, await L.rewards({ customerId: id, language }));
    },
  });
  route(app, prefix, {
    method: 'GET', path: '/coupons/:code', tag: 'loyalty', scope: 'read', summary: 'Validate a coupon: what it gives and whether it can be used now',
    responses: { 200: { description: 'The coupon, and whether it can be used now', schema: CouponCheck }, 404: 'Unknown code' }, codeLookup: true,
    // Its problem told in the request's language, as a use's refusal is (a till that names none reads English).
    handler: async (req, reply) => {
      const language = answerLanguage(req);
      return toldIn(reply, language).send(await L.coupon((req.params as { code: string }).code, { language }));
    },
  });
  route(app, prefix, {
    method: 'POST', path: '/coupons/:code/redeem', tag: 'loyalty', scope: 'write', summary: 'Use a coupon at checkout; the key makes retries safe',
    body: UseCouponInput,
    responses: {
      201: { description: 'Used: the coupon and what it gives', schema: CouponUse },
      200: { description: 'Already used with this key', schema: CouponUse },
      404: unknownCustomer('Unknown code, or a customer_id of no customer'),
      409: 'Used up, expired, or not this customer\'s; or the key was used with other values: each field that differs (order_ref, customer_id, and order_subtotal or product_price where the discount recorded tells what was sent) named in `errors`; or the use made with this key was rolled back (POST /coupons/{code}/rollbacks; `idempotency_key` named): a new key uses the coupon again',
    },
    codeLookup: true,
    handler: async (req, reply, p) => {
      const r = await L.useCoupon((req.params as { code: string }).code, req.body, { actor: actorOf(p) });
      return answerWrite(reply, r.created, r);
    },
  });
  // An admin's write that creates stored value: a retry with the same idempotency_key
  // answers what the first request created (200 with Idempotent-Replayed: true and
  // created: false in the body, as a replayed redemption, reservation or charge) and
  // creates nothing.
  route(app, prefix, {
    method: 'POST', path: '/coupons/campaigns', tag: 'loyalty', scope: 'admin',
    summary: 'Promotion coupons in bulk (unique codes, or one shared code) with limits and expiry; the idempotency_key makes retries safe',
    body: CampaignInput,
    responses: {
      201: { description: 'The campaign and its codes', schema: Campaign },
      200: { description: 'Already created with this key (replay): the same campaign and codes', schema: Campaign },
      409: 'The shared code exists, or the key was used with a different body: each field that differs (name, benefit, count, code, max_uses, per_customer_limit, valid_from, expires_at) named in `errors`, with the campaign\'s value and this request\'s', 422: 'Invalid input: a discount of 0, expires_at in the past or not after valid_from, a shared code of fewer than 4 letters or digits or that reads as a word of the API\'s own paths (campaigns: GET /coupons/campaigns is the list), …' },
    handler: async (req, reply, p) => {
      const r = await L.createCampaign(req.body, { actor: actorOf(p) });
      return answerWrite(reply, r.created, r);
    },
  });
  route(app, prefix, {
    method: 'POST', path: '/gift-cards', tag: 'loyalty', scope: 'admin', summary: 'Issue a gift card; the idempotency_key makes retries safe',
    body: GiftCardIssueInput,
    responses: {
      201: { description: 'The gift card', schema: GiftCardIssue },
      200: { description: 'Already issued with this key (replay): the same gift card, as it is now', schema: GiftCardIssue },
      404: unknownCustomer('A customer_id of no customer'),
      409: 'The key was used with a different body: each field that differs (amount, currency, customer_id, expires_at) named in `errors`, with the card\'s value and this request\'s',
      422: 'Invalid input, or expires_at in the past (a date alone is usable through that day in the business\'s time zone)' },
    handler: async (req, reply, p) => {
      const r = await L.issueGiftCard(req.body, { actor: actorOf(p) });
      return answerWrite(reply, r.created, r);
    },
  });
  route(app, prefix, {
    method: 'GET', path: '/gift-cards/:code', tag: 'loyalty', scope: 'read', summary: 'A gift card and its balance',
    responses: { 200: { description: 'The gift card, with whether it can pay now', schema: UsableGiftCard }, 404: 'Unknown code' }, codeLookup: true,
    handler: async (req) => L.giftCard((req.params as { code: string }).code),
  });
  route(app, prefix, {
    method: 'POST', path: '/gift-cards/:code/charge', tag: 'loyalty', scope: 'write', summary: 'Pay from a gift card; the key makes retries safe',
    codeLookup: true,
    body: GiftCardChargeInput,
    responses: {
      201: { description: 'Charged: the amount and the card after', schema: GiftCardCharge },
      200: { description: 'Already charged with this key', schema: GiftCardCharge },
      409: 'Balance too low (`amount` named in `errors`, with the balance it must not exceed) or expired; or the key was used with other values: each field that differs (amount, order_ref) named in `errors`',
    },
    handler: async (req, reply, p) => {
      const r = await L.chargeGiftCard((req.params as { code: string }).code, req.body, { actor: actorOf(p) });
      return answerWrite(reply, r.created, r);
    },
  });
}
