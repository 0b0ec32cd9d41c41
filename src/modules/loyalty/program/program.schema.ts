import { z } from 'zod';
import { LANGUAGES } from '../../customers/index.ts';
import { PURCHASE_CHANNELS } from '../../commerce/index.ts';
import { fixedText, say } from '../../../shared/messages/index.ts';
import { withFields } from '../../../shared/objects.ts';
import { PLURAL_CATEGORIES, pluralRules } from '../../../shared/plural.ts';
import { DECIMAL_AMOUNT, DECIMAL_AMOUNT_MESSAGE, DecimalAmount, isCalendarDay, saidIssue } from '../../../shared/validation.ts';

// The loyalty program is one JSON document. This schema validates it (every problem is
// reported with its path, e.g. `tiers.levels.2.threshold`), and its JSON Schema export
// is published at /api/v1/loyalty/program.schema.json and in schemas/ so editors can
// check a program file while it is written. Its reasons are the catalogue's
// (src/shared/messages), told in the dashboard's language in the program editor.

const Code = z.string().trim().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, fixedText('program.code_format'));
// An amount or a count written as a decimal: the shared money input (its constraints on
// each branch, so the published JSON Schema states them), read here as its digits. The
// check after the transform catches a number whose decimal form is no decimal (1e21 → "1e+21").
const asDecimal = (amount: z.ZodType<string | number, string | number>) => amount
  .transform((v): string => (typeof v === 'number' ? String(v) : v))
  .refine((v) => DECIMAL_AMOUNT.test(v), DECIMAL_AMOUNT_MESSAGE);
const Decimal = asDecimal(DecimalAmount);
// A reward's value: as Decimal, and more than nothing ("0.00" buys nothing). The string's
// second pattern is checked only once the first has passed ("abc" is told it is no amount,
// not also that it is not above 0); the published schema states both.
const POSITIVE = fixedText('field.positive');
const PositiveDecimal = asDecimal(z.union([
  z.string().trim().regex(DECIMAL_AMOUNT, { message: DECIMAL_AMOUNT_MESSAGE, abort: true }).regex(/[1-9]/, POSITIVE),
  z.number().positive(POSITIVE),
], { error: (issue) => (issue.input === undefined ? undefined : DECIMAL_AMOUNT_MESSAGE) }));
const Points = z.number().int(fixedText('points.whole')).min(0).max(1e9);
const PositivePoints = z.number().int(fixedText('points.whole')).min(1).max(1e9);
/**
 * Whether a check before this refinement already refused the value at `path` (or inside
 * it): a refinement runs after refusals that do not abort (an empty list, a malformed
 * amount or date), and must not judge what was refused, nor read an element that is not there.
 */
function refusedAt(ctx: z.core.$RefinementCtx, ...path: PropertyKey[]): boolean {
  return ctx.issues.some((issue) => path.every((key, i) => issue.path?.[i] === key));
}

const Instant = z.string().trim().refine((v) => !Number.isNaN(Date.parse(v)) && /T|^\d{4}-\d{2}-\d{2}$/.test(v) && isCalendarDay(v), fixedText('program.instant'))
  .describe('An ISO 8601 timestamp ("2026-12-01T00:00:00+01:00") or date ("2026-12-01": the start of that day in the business\'s time zone).');
/**
 * A time written without its offset ("2026-06-01T10:00"). JavaScript reads one in the zone of
 * the machine the server runs on, not the business's, so a new document, or a version's
 * effective_from, is refused with it (OffsetInstant, NewProgramDocument); versions stored
 * before that rule are still read as ProgramDocument reads them.
 */
const isOffsetless = (v: string | undefined): v is string => v !== undefined && /^\d{4}-\d{2}-\d{2}T[\d:.]+$/.test(v);
const refuseOffsetless = (ctx: z.core.$RefinementCtx, path: (string | number)[], v: string | undefined) => {
  if (isOffsetless(v) && !refusedAt(ctx, ...path)) ctx.addIssue({ code: 'custom', path, ...saidIssue(say('program.instant_offset', { value: v })) });
};
const OffsetInstant = Instant.superRefine((v, ctx) => refuseOffsetless(ctx, [], v));

/** A text in the customer's language: one string, or one per language code. */
export const LocalizedText = z.union([
  z.string().trim().min(1).max(200),
  z.partialRecord(z.enum(LANGUAGES), z.string().trim().min(1).max(200)).refine((r) => Object.keys(r).length > 0, fixedText('program.needs_language')),
]);
export type LocalizedText = z.infer<typeof LocalizedText>;

const Form = z.string().trim().min(1).max(200);
/**
 * A name's forms with numbers, by the CLDR plural categories ("one", "few", …, "other"),
 * chosen by Intl.PluralRules (shared/plural.ts). "other" is checked by a refinement, not
 * as a required key: a key missing under a union makes zod say only "Invalid input" for
 * the whole name, so the published schema is told it is required (meta) instead.
 */
export const PluralForms = z.object({ zero: Form.optional(), one: Form.optional(), two: Form.optional(), few: Form.optional(), many: Form.optional(), other: Form.optional() }).strict()
  .refine((f): f is typeof f & { other: string } => f.other !== undefined, { message: fixedText('program.plural_other'), path: ['other'] })
  .meta({ required: ['other'], description: 'The forms with numbers by plural category (Intl.PluralRules): "other" always, and those of one, two, few, many, zero the language uses.' });

/**
 * What the points are called: one text, or per language code one text or its plural
 * forms ({ "sl": { "one": "zrno", "two": "zrni", "few": "zrna", "other": "zrn" } }), so a
 * number of points reads right ("5 zrn", not "5 zrna"). A form a language never uses with
 * numbers (English "few") is refused: it is a slip, and would never be shown.
 */
export const PointsName = z.union([
  Form,
  z.partialRecord(z.enum(LANGUAGES), z.union([Form, PluralForms])).refine((r) => Object.keys(r).length > 0, fixedText('program.needs_language'))
    .superRefine((names, ctx) => {
      for (const [language, name] of Object.entries(names)) {
        if (typeof name !== 'object') continue;
        const used: readonly string[] = pluralRules(language).resolvedOptions().pluralCategories;
        const categories = PLURAL_CATEGORIES.filter((c) => used.includes(c)).join(', ');
        // A key that is no category at all is the strict object's to refuse.
        for (const category of PLURAL_CATEGORIES.filter((c) => c in name && !used.includes(c))) {
          ctx.addIssue({ code: 'custom', path: [language, category], ...saidIssue(say('program.plural_category', { category, language, categories })) });
        }
      }
    }),
], { error: fixedText('program.points_name_shape') });
export type PointsName = z.infer<typeof PointsName>;

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

const Factor = z.number().positive(fixedText('field.positive')).max(100);

export const Multiplier = z.object({
  name: LocalizedText.optional().describe('What the explanation of a purchase calls the multiplier: one text, or one per language; else a description of its condition.'),
  when: Condition,
  factor: Factor,
}).strict();

/** A time window that ends at or before it starts: refused at its end ("must end after it starts"), once both ends are dates. */
function refuseReversedWindow(ctx: z.core.$RefinementCtx, fromKey: string, from: string | undefined, toKey: string, to: string | undefined) {
  if (from === undefined || to === undefined || refusedAt(ctx, fromKey) || refusedAt(ctx, toKey)) return;
  if (!(Date.parse(from) < Date.parse(to))) ctx.addIssue({ code: 'custom', path: [toKey], message: fixedText('program.ends_after_start') });
}

export const Promotion = z.object({
  name: LocalizedText,
  from: Instant,
  to: Instant,
  when: Condition.optional(),
  /** Multiplies the points of matching purchases (2 = double points). */
  factor: Factor.optional(),
  /** Extra points per matching purchase, once per purchase. */
  bonus_points: Points.optional(),
}).strict().superRefine((p, ctx) => refuseReversedWindow(ctx, 'from', p.from, 'to', p.to))
  .refine((p) => p.factor !== undefined || p.bonus_points !== undefined, { message: fixedText('program.needs_factor'), path: ['factor'] });

export const Earning = z.object({
  points_per_currency_unit: z.number().positive().max(1e6)
    .describe('Points per one unit of the business currency paid: the base of a purchase is its total (after discount) × this.'),
  rounding: z.enum(['floor', 'nearest', 'ceil']).default('floor')
    .describe('The exact points of a purchase (the base × every matching factor, plus promotion bonus points) are rounded once per purchase, never line by line: floor (down, the default), nearest (halves up) or ceil (up). A refund takes back its share of the points rounded to the nearest point, whatever this says.'),
  minimum_purchase: Decimal.optional()
    .describe('Purchases with a total below this amount (a decimal in the business currency, e.g. "5.00") earn no points.'),
  multipliers: z.array(Multiplier).default([])
    .describe('Factors for matching purchases: a category or SKU condition applies to those lines\' share of the total, a store, channel, weekday or tier condition to the whole purchase; matching factors multiply.'),
  promotions: z.array(Promotion).default([])
    .describe('Time-boxed factors or bonus points, matched against when the purchase happened (from included, to not; a date alone is midnight in the business\'s time zone). A factor applies to the whole purchase, or, when the condition names categories or SKUs, to those lines\' share; bonus points are added once per purchase, not multiplied.'),
  daily_cap: PositivePoints.optional()
    .describe('Most points a member earns from purchases in one local calendar day (the store\'s time zone; the business\'s for a purchase without a store). A promotion\'s bonus points count in it; the sign-up, first-purchase and other bonuses do not.'),
}).strict().describe('How purchases earn points.');

export const Bonuses = z.object({
  sign_up: Points.optional().describe('Points when a customer becomes a member, spendable at once.'),
  first_purchase: Points.optional().describe("Points with a member's first purchase (held for pending_days like the purchase's own; a refund takes them back in proportion)."),
  birthday: Points.optional().describe("Points on the member's birthday, in the member's time zone (29 February: 28 February in other years)."),
  // earning/profile-and-survey-bonuses.ts profileCompletion: the fields it checks, and when it runs.
  profile_completion: Points.optional()
    .describe("Points once per person when a member's profile is complete: first name, last name, email, phone and birthday all filled in (tags, language, consent and the rest do not count). Checked when the customer is created or updated (the customer.created and customer.updated events), for a customer who is a member by then."),
  survey: Points.optional().describe('Points per completed survey response (POST /customers/{id}/loyalty/bonuses/survey), once per response_id; never depends on the score given.'),
  referral: z.object({
    referrer: Points.describe('Points for the member whose code brought the friend.'),
    friend: Points.describe('Points for the friend, with their first qualifying purchase.'),
    minimum_purchase: Decimal.optional().describe("The friend's first purchase qualifies from this total (a decimal in the business currency)."),
  }).strict().optional().describe("A friend who brings a member's referral code and makes a first purchase of at least minimum_purchase rewards both; both bonuses are held for pending_days from that purchase, and a refund taking it below the minimum revokes the referral and takes both back (it does not qualify again)."),
}).strict().default({}).describe('Points not tied to spending.');

const ReminderDays = z.number().int().min(0).max(365).default(14)
  .describe('A loyalty.points_expiring event (for the reminder message) goes out this many days before points expire; 0: none.');
export const Expiry = z.discriminatedUnion('policy', [
  z.object({ policy: z.literal('none').describe('Points never expire.') }).strict(),
  z.object({
    policy: z.literal('per_lot').describe('Each credit (a purchase\'s points, a bonus) expires `months` after it was earned, whatever the member does meanwhile.'),
    months: z.number().int().min(1).max(120).describe('Months after earning.'),
    reminder_days: ReminderDays,
  }).strict(),
  z.object({
    policy: z.literal('inactivity').describe('All of a member\'s points expire once `months` have passed without a purchase; each purchase starts the time again.'),
    months: z.number().int().min(1).max(120).describe('Months without a purchase.'),
    reminder_days: ReminderDays,
  }).strict(),
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
  threshold: Decimal
    .describe('Where the level starts, in the metric\'s unit: an amount for spend (a decimal in the business currency, "500.00"), a whole number for points or purchases. The first (base) level\'s is 0, and each next level\'s is higher.'),
  benefits: TierBenefits,
}).strict();

export const Tiers = z.object({
  metric: z.enum(['spend', 'points', 'purchases']).describe('What qualifies: net spend (after refunds), points earned (less reversals), or purchases (not fully refunded).'),
  window: z.enum(['rolling_12_months', 'calendar_year', 'lifetime']).describe('Over which period the metric counts; also how long a tier, once reached, holds (12 months, to the end of the next calendar year, or for ever).'),
  grace_days: z.number().int().min(0).max(365).default(30).describe('Days a member keeps a tier after its period ends, before the review moves them down.'),
  levels: z.array(TierLevel).min(1, fixedText('program.needs_level')).describe('From the base level (threshold 0) up.'),
}).strict().superRefine((tiers, ctx) => {
  // A threshold already refused (not an amount) is not compared; the next is compared with
  // the last one that is. An empty list is refused by min(1), with no base level to judge.
  const judged = (i: number) => !refusedAt(ctx, 'levels', i, 'threshold');
  let previous: string | undefined;
  tiers.levels.forEach((level, i) => {
    if (!judged(i)) return;
    if (i === 0 && Number(level.threshold) !== 0) ctx.addIssue({ code: 'custom', path: ['levels', 0, 'threshold'], message: fixedText('program.base_threshold') });
    if (i > 0 && tiers.metric !== 'spend' && !/^\d+$/.test(level.threshold)) {
      ctx.addIssue({ code: 'custom', path: ['levels', i, 'threshold'], ...saidIssue(say('program.whole_metric', { metric: tiers.metric })) });
    }
    if (previous !== undefined && !(Number(level.threshold) > Number(previous))) {
      ctx.addIssue({ code: 'custom', path: ['levels', i, 'threshold'], message: fixedText('program.thresholds_increase') });
    }
    previous = level.threshold;
  });
  const codes = new Set<string>();
  tiers.levels.forEach((l, i) => {
    if (refusedAt(ctx, 'levels', i, 'code')) return;
    if (codes.has(l.code)) ctx.addIssue({ code: 'custom', path: ['levels', i, 'code'], ...saidIssue(say('program.used_twice', { code: l.code })) });
    codes.add(l.code);
  });
});

export const REWARD_TYPES = ['fixed_discount', 'percent_discount', 'free_product', 'gift_card', 'event'] as const;

export const Reward = z.object({
  code: Code,
  name: LocalizedText,
  type: z.enum(REWARD_TYPES),
  points: PositivePoints,
  amount: PositiveDecimal.optional().describe('fixed_discount and gift_card: the value, a decimal in the business currency ("5.00"), more than 0.'),
  /** percent_discount: 1–100. */
  percent: z.number().positive().max(100).optional(),
  /** free_product: the product's SKU. */
  sku: z.string().trim().min(1).optional(),
  /** event: what the invitation is to — one text, or one per language as the reward's name. */
  event: LocalizedText.optional(),
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
    if (r[field] === undefined) ctx.addIssue({ code: 'custom', path: [field], ...saidIssue(say('program.reward_needs', { type: r.type })) });
  };
  if (r.type === 'fixed_discount' || r.type === 'gift_card') need('amount');
  if (r.type === 'percent_discount') need('percent');
  if (r.type === 'free_product') need('sku');
  if (r.type === 'event') need('event');
  refuseReversedWindow(ctx, 'available_from', r.available_from, 'available_to', r.available_to);
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
  name: z.string().trim().min(1).max(200).describe("The program's name, for staff."),
  points_name: PointsName.default('points')
    .describe('What the points are called ("beans"): one text, or one per language code, each a text or its forms with numbers by plural category ({ "en": { "one": "bean", "other": "beans" } }).'),
  point_value: Decimal.default('0.01')
    .describe('What one point is worth in the business currency (a decimal, "0.01"), for the liability report; it does not change what is earned.'),
  enrolment: z.enum(['automatic', 'on_request']).default('automatic')
    .describe('automatic: every identified customer becomes a member with their first purchase; on_request: only customers enrolled (POST /customers/{id}/loyalty/enrol) earn.'),
  pending_days: z.number().int().min(0).max(365).default(0)
    .describe("Holding period: the points a purchase brings (its own, its first-purchase bonus, and the referral bonuses a friend's first purchase gives) can be spent this many days after the purchase (the return window); 0: at once. Bonuses not tied to a purchase are spendable at once."),
  refund_shortfall: z.enum(['negative_balance', 'forgive']).default('negative_balance')
    .describe('When a refund takes back points that were already spent: negative_balance: the member owes them and the next credits settle the debt; forgive: the spent part is not taken back.'),
  reservation_minutes: z.number().int().min(1).max(7 * 24 * 60).default(15)
    .describe('Minutes a checkout reservation holds points before it is released, unless captured.'),
  earning: Earning,
  bonuses: Bonuses,
  expiry: Expiry.default({ policy: 'none' })
    .describe('When points expire (none by default). Expired points leave the balance with an expiry entry in the ledger (the hourly maintenance).'),
  tiers: Tiers.optional().describe('Levels members reach by a metric over a window; a level holds for its period, then is reviewed after grace_days.'),
  rewards: z.array(Reward).default([]).describe('What points buy: each redemption issues a coupon (or a gift card).'),
  challenges: z.array(Challenge).default([]).describe('Goals (visits, categories within days) that earn points when completed.'),
}).strict().superRefine((p, ctx) => {
  const tierCodes = new Set(p.tiers?.levels.map((l) => l.code) ?? []);
  const rewardCodes = new Set<string>();
  p.rewards.forEach((r, i) => {
    if (rewardCodes.has(r.code) && !refusedAt(ctx, 'rewards', i, 'code')) ctx.addIssue({ code: 'custom', path: ['rewards', i, 'code'], ...saidIssue(say('program.used_twice', { code: r.code })) });
    rewardCodes.add(r.code);
    r.tiers?.forEach((t, j) => {
      if (!tierCodes.has(t) && !refusedAt(ctx, 'rewards', i, 'tiers', j)) ctx.addIssue({ code: 'custom', path: ['rewards', i, 'tiers', j], ...saidIssue(say('program.no_such_tier', { tier: t })) });
    });
  });
  p.tiers?.levels.forEach((l, i) => {
    const gift = l.benefits.birthday_reward;
    if (gift && !rewardCodes.has(gift) && !refusedAt(ctx, 'tiers', 'levels', i, 'benefits', 'birthday_reward')) ctx.addIssue({ code: 'custom', path: ['tiers', 'levels', i, 'benefits', 'birthday_reward'], ...saidIssue(say('program.no_such_reward', { reward: gift })) });
  });
  const conditions: [Condition | undefined, (string | number)[]][] = [
    ...p.earning.multipliers.map((m, i) => [m.when, ['earning', 'multipliers', i, 'when']] as [Condition, (string | number)[]]),
    ...p.earning.promotions.map((m, i) => [m.when, ['earning', 'promotions', i, 'when']] as [Condition | undefined, (string | number)[]]),
  ];
  for (const [when, path] of conditions) {
    when?.tiers?.forEach((t, j) => {
      if (!tierCodes.has(t) && !refusedAt(ctx, ...path, 'tiers', j)) ctx.addIssue({ code: 'custom', path: [...path, 'tiers', j], ...saidIssue(say('program.no_such_tier', { tier: t })) });
    });
  }
  const challengeCodes = new Set<string>();
  p.challenges.forEach((c, i) => {
    if (challengeCodes.has(c.code)) ctx.addIssue({ code: 'custom', path: ['challenges', i, 'code'], ...saidIssue(say('program.used_twice', { code: c.code })) });
    challengeCodes.add(c.code);
  });
});
export type ProgramDocument = z.output<typeof ProgramDocument>;

/** A document applied or simulated now: ProgramDocument, each of its times with its offset (isOffsetless). */
export const NewProgramDocument = ProgramDocument.superRefine((p, ctx) => {
  p.earning.promotions.forEach((promotion, i) => {
    refuseOffsetless(ctx, ['earning', 'promotions', i, 'from'], promotion.from);
    refuseOffsetless(ctx, ['earning', 'promotions', i, 'to'], promotion.to);
  });
  p.rewards.forEach((r, i) => {
    refuseOffsetless(ctx, ['rewards', i, 'available_from'], r.available_from);
    refuseOffsetless(ctx, ['rewards', i, 'available_to'], r.available_to);
    refuseOtherTypesFields(ctx, i, r);
  });
});

/** The fields of a reward that only some types read: each type's own (what Reward's refinement requires of it). */
const TYPES_READING: Record<'amount' | 'percent' | 'sku' | 'event', readonly (typeof REWARD_TYPES)[number][]> = {
  amount: ['fixed_discount', 'gift_card'], percent: ['percent_discount'], sku: ['free_product'], event: ['event'],
};
/**
 * A new document's reward given a field its type never reads — a fixed_discount with a
 * percent, a gift card with a sku — is refused at that field: it was stored and ignored,
 * so "fixed_discount, amount 5, percent 10" gave 5.00 off to an author who meant 10 %.
 * Only new documents: a version stored with one is still read (ProgramDocument).
 */
function refuseOtherTypesFields(ctx: z.core.$RefinementCtx, i: number, r: ProgramDocument['rewards'][number]) {
  for (const [field, types] of Object.entries(TYPES_READING) as [keyof typeof TYPES_READING, readonly string[]][]) {
    if (r[field] === undefined || types.includes(r.type) || refusedAt(ctx, 'rewards', i, field)) continue;
    ctx.addIssue({ code: 'custom', path: ['rewards', i, field], ...saidIssue(say('program.reward_field_other_type', { type: r.type, types: types.join(', ') })) });
  }
}

/** The published JSON Schema of a program file (what a program author writes). */
export function programJsonSchema(): Record<string, unknown> {
  return withFields(z.toJSONSchema(ProgramDocument, { io: 'input', unrepresentable: 'any' }), {
    $id: 'https://regulars.dev/schemas/loyalty-program.schema.json',
    title: 'Regulars loyalty program',
  });
}

// Strict: a misspelt effective_from read as none would put the version in force at once.
export const ApplyProgramInput = z.strictObject({
  program: z.unknown(),
  /** When the version takes effect; default now. */
  effective_from: OffsetInstant.optional(),
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
