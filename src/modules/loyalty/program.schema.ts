import { z } from 'zod';
import { LANGUAGES } from '../customers/index.ts';
import { PURCHASE_CHANNELS } from '../commerce/index.ts';
import { withFields } from '../../shared/objects.ts';

// The loyalty program is one JSON document. This schema validates it (every problem is
// reported with its path, e.g. `tiers.levels.2.threshold`), and its JSON Schema export
// is published at /api/v1/loyalty/program.schema.json and in schemas/ so editors can
// check a program file while it is written.

const Code = z.string().trim().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'must be a short code of lower-case letters, digits, - and _ (e.g. "gold")');
const Decimal = z.union([z.string().trim(), z.number()])
  .transform((v) => (typeof v === 'number' ? String(v) : v))
  .refine((v) => /^\d+(\.\d+)?$/.test(v), 'must be a non-negative decimal amount such as "5.00"');
const Points = z.number().int('must be a whole number of points').min(0).max(1e9);
const PositivePoints = z.number().int('must be a whole number of points').min(1).max(1e9);
const Instant = z.string().trim().refine((v) => !Number.isNaN(Date.parse(v)) && /T|^\d{4}-\d{2}-\d{2}$/.test(v), 'must be an ISO 8601 date or timestamp');

/** A text in the customer's language: one string, or one per language code. */
export const LocalizedText = z.union([
  z.string().trim().min(1).max(200),
  z.partialRecord(z.enum(LANGUAGES), z.string().trim().min(1).max(200)).refine((r) => Object.keys(r).length > 0, 'needs at least one language'),
]);
export type LocalizedText = z.infer<typeof LocalizedText>;

/** Which purchases (or lines) a multiplier or promotion applies to; all given parts must match. */
export const Condition = z.object({
  categories: z.array(z.string().trim().min(1)).min(1).optional(),
  skus: z.array(z.string().trim().min(1)).min(1).optional(),
  stores: z.array(z.string().trim().min(1)).min(1).optional(),
  channels: z.array(z.enum(PURCHASE_CHANNELS)).min(1).optional(),
  tiers: z.array(Code).min(1).optional(),
  /** ISO weekdays in the store's time zone: 1 = Monday … 7 = Sunday. */
  weekdays: z.array(z.number().int().min(1).max(7)).min(1).optional(),
}).strict();
export type Condition = z.infer<typeof Condition>;

const Factor = z.number().positive('must be greater than 0').max(100);

export const Multiplier = z.object({
  name: z.string().trim().max(200).optional(),
  when: Condition,
  factor: Factor,
}).strict();

export const Promotion = z.object({
  name: LocalizedText,
  from: Instant,
  to: Instant,
  when: Condition.optional(),
  /** Multiplies the points of matching purchases (2 = double points). */
  factor: Factor.optional(),
  /** Extra points per matching purchase, once per purchase. */
  bonus_points: Points.optional(),
}).strict().refine((p) => Date.parse(p.from) < Date.parse(p.to), { message: 'must end after it starts', path: ['to'] })
  .refine((p) => p.factor !== undefined || p.bonus_points !== undefined, { message: 'needs a factor or bonus_points', path: ['factor'] });

export const Earning = z.object({
  /** Points per one unit of the business currency of net spend (the purchase total, which is after discount). */
  points_per_currency_unit: z.number().positive().max(1e6),
  /** The points of a purchase are computed exactly and rounded once, this way. */
  rounding: z.enum(['floor', 'nearest', 'ceil']).default('floor'),
  /** Purchases below this net total earn nothing. */
  minimum_purchase: Decimal.optional(),
  multipliers: z.array(Multiplier).default([]),
  promotions: z.array(Promotion).default([]),
  /** Most points a member can earn from purchases in one local calendar day. */
  daily_cap: PositivePoints.optional(),
}).strict();

export const Bonuses = z.object({
  sign_up: Points.optional(),
  first_purchase: Points.optional(),
  birthday: Points.optional(),
  /** Once, when the profile has first and last name, email, phone and birthday. */
  profile_completion: Points.optional(),
  /** Per completed survey — never depends on the score given. */
  survey: Points.optional(),
  referral: z.object({
    referrer: Points,
    friend: Points,
    /** The friend's first purchase qualifies from this net total. */
    minimum_purchase: Decimal.optional(),
  }).strict().optional(),
}).strict().default({});

export const Expiry = z.discriminatedUnion('policy', [
  z.object({ policy: z.literal('none') }).strict(),
  z.object({ policy: z.literal('per_lot'), months: z.number().int().min(1).max(120), reminder_days: z.number().int().min(0).max(365).default(14) }).strict(),
  z.object({ policy: z.literal('inactivity'), months: z.number().int().min(1).max(120), reminder_days: z.number().int().min(0).max(365).default(14) }).strict(),
]);

export const TierBenefits = z.object({
  points_multiplier: Factor.default(1),
  early_access: z.boolean().default(false),
  /** Extra birthday points on top of bonuses.birthday. */
  birthday_bonus: Points.optional(),
  /** A reward (by code) issued free as a coupon on the birthday. */
  birthday_reward: Code.optional(),
  flags: z.array(z.string().trim().min(1).max(64)).default([]),
}).strict().default({ points_multiplier: 1, early_access: false, flags: [] });

export const TierLevel = z.object({
  code: Code,
  name: LocalizedText,
  /** In the metric's unit: an amount for spend ("500.00"), a count for points or purchases. */
  threshold: Decimal,
  benefits: TierBenefits,
}).strict();

export const Tiers = z.object({
  metric: z.enum(['spend', 'points', 'purchases']),
  window: z.enum(['rolling_12_months', 'calendar_year', 'lifetime']),
  /** Days a member keeps a tier after it lapses, before the downgrade. */
  grace_days: z.number().int().min(0).max(365).default(30),
  levels: z.array(TierLevel).min(1),
}).strict().superRefine((tiers, ctx) => {
  if (Number(tiers.levels[0].threshold) !== 0) ctx.addIssue({ code: 'custom', path: ['levels', 0, 'threshold'], message: 'the first (base) level must have threshold 0' });
  for (let i = 1; i < tiers.levels.length; i++) {
    if (!(Number(tiers.levels[i].threshold) > Number(tiers.levels[i - 1].threshold))) {
      ctx.addIssue({ code: 'custom', path: ['levels', i, 'threshold'], message: 'thresholds must increase from level to level' });
    }
    if (tiers.metric !== 'spend' && !/^\d+$/.test(tiers.levels[i].threshold)) {
      ctx.addIssue({ code: 'custom', path: ['levels', i, 'threshold'], message: `must be a whole number of ${tiers.metric}` });
    }
  }
  const codes = new Set<string>();
  tiers.levels.forEach((l, i) => {
    if (codes.has(l.code)) ctx.addIssue({ code: 'custom', path: ['levels', i, 'code'], message: `"${l.code}" is used twice` });
    codes.add(l.code);
  });
});

export const REWARD_TYPES = ['fixed_discount', 'percent_discount', 'free_product', 'gift_card', 'event'] as const;

export const Reward = z.object({
  code: Code,
  name: LocalizedText,
  type: z.enum(REWARD_TYPES),
  points: PositivePoints,
  /** fixed_discount and gift_card: the value in the business currency. */
  amount: Decimal.optional(),
  /** percent_discount: 1–100. */
  percent: z.number().positive().max(100).optional(),
  /** free_product: the product's SKU. */
  sku: z.string().trim().min(1).optional(),
  /** event: what the invitation is to. */
  event: z.string().trim().min(1).max(200).optional(),
  /** Tier codes allowed to redeem; absent = every member. */
  tiers: z.array(Code).min(1).optional(),
  /** How many can ever be issued; absent = unlimited. */
  stock: z.number().int().min(0).optional(),
  /** Days a coupon stays valid after it is issued. */
  valid_days: z.number().int().min(1).max(3650).default(90),
  available_from: Instant.optional(),
  available_to: Instant.optional(),
}).strict().superRefine((r, ctx) => {
  const need = (field: 'amount' | 'percent' | 'sku' | 'event') => {
    if (r[field] === undefined) ctx.addIssue({ code: 'custom', path: [field], message: `is required for a ${r.type} reward` });
  };
  if (r.type === 'fixed_discount' || r.type === 'gift_card') need('amount');
  if (r.type === 'percent_discount') need('percent');
  if (r.type === 'free_product') need('sku');
  if (r.type === 'event') need('event');
});

export const Challenge = z.object({
  code: Code,
  name: LocalizedText,
  goal: z.discriminatedUnion('type', [
    /** Purchase days (visits) within a rolling window. */
    z.object({ type: z.literal('visits'), count: z.number().int().min(2).max(1000), within_days: z.number().int().min(1).max(3650) }).strict(),
    /** Distinct product categories bought within a rolling window. */
    z.object({ type: z.literal('categories'), count: z.number().int().min(2).max(1000), within_days: z.number().int().min(1).max(3650) }).strict(),
  ]),
  points: PositivePoints,
  /** Whether a member can complete it again once a new window has passed (at most once a day: challenge_progress keeps a completion per day). */
  repeatable: z.boolean().default(false),
}).strict();

export const ProgramDocument = z.object({
  $schema: z.string().optional(),
  name: z.string().trim().min(1).max(200),
  points_name: LocalizedText.default('points'),
  /** What one point is worth in the business currency, for liability reports. */
  point_value: Decimal.default('0.01'),
  /** automatic: every identified customer becomes a member with the first purchase. */
  enrolment: z.enum(['automatic', 'on_request']).default('automatic'),
  /** Days a purchase's points are pending (the return window) before they can be spent. */
  pending_days: z.number().int().min(0).max(365).default(0),
  /** What a refund does when the points it takes back were already spent. */
  refund_shortfall: z.enum(['negative_balance', 'forgive']).default('negative_balance'),
  /** Minutes a checkout reservation holds points before it is released. */
  reservation_minutes: z.number().int().min(1).max(7 * 24 * 60).default(15),
  earning: Earning,
  bonuses: Bonuses,
  expiry: Expiry.default({ policy: 'none' }),
  tiers: Tiers.optional(),
  rewards: z.array(Reward).default([]),
  challenges: z.array(Challenge).default([]),
}).strict().superRefine((p, ctx) => {
  const tierCodes = new Set(p.tiers?.levels.map((l) => l.code) ?? []);
  const rewardCodes = new Set<string>();
  p.rewards.forEach((r, i) => {
    if (rewardCodes.has(r.code)) ctx.addIssue({ code: 'custom', path: ['rewards', i, 'code'], message: `"${r.code}" is used twice` });
    rewardCodes.add(r.code);
    r.tiers?.forEach((t, j) => {
      if (!tierCodes.has(t)) ctx.addIssue({ code: 'custom', path: ['rewards', i, 'tiers', j], message: `no tier "${t}" in tiers.levels` });
    });
  });
  p.tiers?.levels.forEach((l, i) => {
    const gift = l.benefits.birthday_reward;
    if (gift && !rewardCodes.has(gift)) ctx.addIssue({ code: 'custom', path: ['tiers', 'levels', i, 'benefits', 'birthday_reward'], message: `no reward "${gift}" in rewards` });
  });
  const conditions: [Condition | undefined, (string | number)[]][] = [
    ...p.earning.multipliers.map((m, i) => [m.when, ['earning', 'multipliers', i, 'when']] as [Condition, (string | number)[]]),
    ...p.earning.promotions.map((m, i) => [m.when, ['earning', 'promotions', i, 'when']] as [Condition | undefined, (string | number)[]]),
  ];
  for (const [when, path] of conditions) {
    when?.tiers?.forEach((t, j) => {
      if (!tierCodes.has(t)) ctx.addIssue({ code: 'custom', path: [...path, 'tiers', j], message: `no tier "${t}" in tiers.levels` });
    });
  }
  const challengeCodes = new Set<string>();
  p.challenges.forEach((c, i) => {
    if (challengeCodes.has(c.code)) ctx.addIssue({ code: 'custom', path: ['challenges', i, 'code'], message: `"${c.code}" is used twice` });
    challengeCodes.add(c.code);
  });
});
export type ProgramDocument = z.output<typeof ProgramDocument>;

/** The published JSON Schema of a program file (what a program author writes). */
export function programJsonSchema(): Record<string, unknown> {
  return withFields(z.toJSONSchema(ProgramDocument, { io: 'input', unrepresentable: 'any' }), {
    $id: 'https://regulars.dev/schemas/loyalty-program.schema.json',
    title: 'Regulars loyalty program',
  });
}

export const ApplyProgramInput = z.object({
  program: z.unknown(),
  /** When the version takes effect; default now. */
  effective_from: Instant.optional(),
  /**
   * What happens to members' tiers when the tier rules change:
   * - upgrade_now: members who qualify for a higher tier under the new rules move up at
   *   once; nobody moves down before the end of their current tier period (then the
   *   normal review with its grace period applies);
   * - reevaluate_now: every member is placed in the tier the new rules give, up or down.
   */
  tier_policy: z.enum(['upgrade_now', 'reevaluate_now']).default('upgrade_now'),
  note: z.string().trim().max(500).optional(),
});
