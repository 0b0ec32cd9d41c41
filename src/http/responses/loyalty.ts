import { z } from 'zod';
import { LocalizedText as ProgramLocalizedText, PluralForms, ProgramDocument } from '../../modules/loyalty/index.ts';
import { LANGUAGES } from '../../shared/messages/index.ts';
import { Amount, Count, Currency, Id, Instant, Share, list, shared } from './common.ts';

// What the loyalty module answers about the program, the members' accounts and the
// ledger (accrual.ts, refunds-and-receipts.ts, accounts.ts, referrals.ts, challenges.ts, maintenance.ts, simulate.ts).

// The program's own schemas, reached through the document the loyalty module exports:
// a tier's benefits or a challenge's goal in an account are the document's, as written.
const program = ProgramDocument.shape;
const tierRules = program.tiers.unwrap().shape;
const challengeRules = program.challenges.unwrap().element.shape;

/** A stored program document: what was applied, with its defaults filled in (the schema is /loyalty/program.schema.json's). */
export const Program = shared('ProgramDocument', ProgramDocument);
/** The published schema of a program document (GET /loyalty/program.schema.json). */
export const ProgramJsonSchema = z.record(z.string(), z.unknown()).describe('A JSON Schema (draft 2020-12)');
export const LocalizedText = shared('LocalizedText', ProgramLocalizedText);
const PointsNameForms = shared('PointsNameForms', PluralForms);
const TierBenefits = shared('TierBenefits', tierRules.levels.element.shape.benefits.unwrap());

/** What a POS prints on the receipt. */
export const LoyaltySummary = shared('LoyaltySummary', z.strictObject({
  points_earned: Count.describe("The purchase's own points and the bonuses it brought"),
  balance: Count.describe('Spendable now'),
  pending: Count.describe('Earned, spendable after the return window (pending_days)'),
  tier: z.string().nullable(),
}));

const PointsTakenBack = z.strictObject({
  points_reversed: Count,
  unsettled: Count.describe('Points that were spent already and are now owed (refund_shortfall: negative_balance)'),
});

/** What a refund took back — the purchase's points in proportion, a referral and challenge completions it revoked — and what the slip prints: the member's standing after it and the tier change it made. */
export const RefundLoyalty = PointsTakenBack.extend({
  referral: PointsTakenBack.extend({ status: z.literal('revoked') }).nullable()
    .describe("The referral this refund took below its minimum purchase, with the friend's bonus taken back; the referrer's follows"),
  challenges: z.array(PointsTakenBack.extend({
    challenge: z.string().describe("The challenge's code in the program"),
    completion: Count.describe("Which of the member's completions of it (1 for the first)"),
    completed_again: z.strictObject({
      completion: Count.describe("The new completion's number"),
      points: Count.describe('Its bonus, credited in the same refund'),
    }).nullable().describe('The challenge completed again at once because the purchases kept still meet its goal, dated at the purchase that now meets it (loyalty.challenge_completed); null when they do not'),
  })).describe('Challenge completions this refund left short of their goal, revoked with their bonus taken back (loyalty.challenge_revoked)'),
  balance: Count.describe('Spendable after the refund (below 0 when it took back points already spent: refund_shortfall negative_balance); a retry answers it as it is now'),
  pending: Count.describe('Earned, spendable after the return window (pending_days), after the refund; a retry answers it as it is now'),
  tier: z.string().nullable().describe("The member's tier after the refund; a retry answers it as it is now"),
  tier_change: z.strictObject({
    from: z.string().nullable(),
    to: z.string().nullable(),
    reason: z.literal('refunded'),
  }).nullable().describe("The member's move down this refund made, in the tier history's codes (a lifetime window: the refunded value no longer reaches the tier held; loyalty.tier_changed); null when it moved nobody. A retry answers the same"),
});

// ── Program ──────────────────────────────────────────────────────────────────

export const ProgramVersion = shared('ProgramVersion', z.strictObject({ version: Count, effective_from: Instant, note: z.string().nullable(), document: Program }));

export const ProgramOverview = z.strictObject({
  current: ProgramVersion.nullable().describe('The version in force; null before the first'),
  versions: z.array(z.strictObject({ version: Count, effective_from: Instant, note: z.string().nullable(), in_force: z.boolean() })),
});

export const AppliedProgram = z.strictObject({
  version: Count,
  effective_from: Instant,
  tier_policy: z.enum(['upgrade_now', 'reevaluate_now']),
  note: z.string().nullable(),
  tier_changes: z.strictObject({
    up: Count,
    down: Count,
    unchanged: Count,
    deferred: z.literal(true).optional().describe('A future-dated version re-places members at the review after it takes effect'),
    tier_rules_changed: z.boolean().describe("Whether the version places members otherwise than the one it replaces (metric, window, grace, levels' codes or thresholds). If not, nobody is re-placed and every tier period stands; if so, members who keep their tier keep its period, those moved start a new one now"),
  }),
  warnings: z.array(z.strictObject({ code: z.literal('scheduled_version_overridden'), version: Count, effective_from: Instant, message: z.string() })),
  program: Program,
});

const BonusCounts = {
  sign_up: Count,
  birthday: Count,
  referral: Count,
  profile_completion: Count,
  survey: Count,
};

const ProgramOutcome = z.strictObject({
  version: Count.nullable(),
  points: Count,
  purchase_points: Count,
  bonus_points: Count.describe("Every bonus kind's points, net of what refunds took back"),
  bonus_points_by_kind: z.strictObject(BonusCounts).extend({ first_purchase: Count }),
  value: Amount,
  currency: Currency,
});

const Mover = z.strictObject({
  customer_id: Id, name: z.string().nullable().describe("The customer's name, or email"),
  from: z.string().nullable().describe("Today's tier; null: not placed yet (a customer the proposal would enrol)"), to: z.string().describe("The proposal's tier"),
  direction: z.enum(['up', 'down']),
});

const PublishMoves = z.strictObject({
  up: Count, down: Count, unchanged: Count,
  held_by_period: Count.describe("Of those moving down, the members whose window today is below their tier's threshold under the rules in force too: they hold it by its tier period or its grace, which reevaluate_now does not wait for"),
  movers: z.array(Mover).describe('Who publishing under this policy moves, those moving down first, then up; at most 1,000'),
  movers_truncated: z.boolean().describe('More members move than `movers` lists'),
});

export const SimulationReport = z.strictObject({
  since: Instant,
  until: Instant,
  purchases: Count,
  customers: Count,
  proposed: ProgramOutcome,
  current: ProgramOutcome.nullable().describe('The program in force, replayed the same way; null without one'),
  difference: z.strictObject({ points: Count, value: Amount }).nullable().describe('proposed − current'),
  tiers: z.array(z.strictObject({ code: z.string(), proposed: Count, today: Count })),
  moves: z.strictObject({ up: Count, down: Count, unchanged: Count }),
  in_force_moves: z.strictObject({ up: Count, down: Count }).nullable()
    .describe("How many members the program in force, replayed the same way, also places otherwise than today (null without one, or without tiers): tiers today rest on purchases judged by the tier rules in force when each was made, and publishing re-judges none, so those moves are the history's, not the proposal's"),
  movers: z.array(Mover).describe('Who moves, those moving down first, then up; at most 1,000'),
  movers_truncated: z.boolean().describe('More members move than `movers` lists (`moves` counts them all)'),
  on_publish: z.strictObject({
    tier_rules_changed: z.boolean().describe("Whether the proposal places members otherwise than the program in force (metric, window, grace, levels' codes or thresholds); if not, publishing it moves nobody under either policy and tier periods stand"),
    upgrade_now: PublishMoves,
    reevaluate_now: PublishMoves,
  }).describe("What publishing the proposal now would do to members' tiers under each tier_policy: it places members by their standing now and does not replay history, so it differs from `moves`"),
  bonus_triggers: z.strictObject({ first_purchase: Count }).extend(BonusCounts)
    .describe('How many times each bonus fell due in the period, the same for both programs: first purchases (of more than nothing) made in it, a referral once when its qualifying purchase falls in it under either program'),
  not_simulated: z.array(z.strictObject({
    kind: z.literal('challenge'),
    code: z.literal('challenge_timing').describe('Why, stable: a completion depends on when the live engine evaluated it'),
    reason: z.string().describe('The code in an English sentence'),
    ledger_points: Count.describe('What the ledger paid for it in the period, net of what merges and refunds took back of those completions: in neither program\'s totals'),
    ledger_entries: Count.describe('The completions paid in the period that stand: none a merge took back or a refund revoked'),
  })).describe('Bonuses the replay leaves out of both programs, and why'),
  notes: z.array(z.strictObject({
    code: z.literal('ledger_only_triggers').describe('Survey and profile-completion bonuses come from the ledger: a proposal adding either shows nothing for it'),
    message: z.string().describe('The code in an English sentence'),
  })).describe('What some of the bonus figures rest on, where it is not the history itself'),
  duration_ms: Count,
});

const ISSUED = 'the points issued (points.issued: earned + adjusted_in − (reversed − owed))';

/** A period's opening or closing: the points outstanding at an instant, valued as the liability is. */
const PeriodEdge = z.strictObject({
  at: Instant.nullable().describe('The instant; null for an opening at the ledger\'s start'),
  points: z.number().describe('Points held in lots not expired then, less what members owe now for take-backs up to then and have repaid since (as the issued points count a take-back)'),
  value: Amount.describe('points × point_value'),
  point_value: z.string().nullable().describe('The point_value of the program in force at that instant (for a closing, at the last moment of to)'),
  currency: Currency,
});

export const LoyaltyReport = z.strictObject({
  as_of: Instant.describe('Now: the moment of the state figures (members, outstanding, pending, liability, tiers), with or without a period'),
  period: z.strictObject({ from: z.string().nullable(), to: z.string().nullable() }).nullable()
    .describe('The local dates asked (from/to, inclusive; null where open) that the movements, issued points and rates count; null without a period: the whole ledger'),
  members: Count.describe('Active customers with a loyalty account: merged and erased customers are not counted (their ledgers are)'),
  points: z.strictObject({
    outstanding: Count.describe('In lots not expired, pending ones included: the liability'),
    pending: Count.describe('The part of outstanding still in its holding period'),
    owed: Count.describe('Points spent that a refund took back: the members\' next credits settle them'),
    issued: Count.describe('earned + adjusted_in − (reversed − owed): the points given for good, less what refunds took back from lots (a refund of points already spent leaves them owed, taken as the member earns again)'),
    earned: Count.describe('Purchases and bonuses'),
    adjusted_in: Count.describe('Added by staff'),
    adjusted_out: Count.describe('Taken by staff'),
    merged_in: Count.describe("Moved to a surviving customer by merges (lots and debts): equal to merged_out, the merged customers' side"),
    merged_out: Count.describe('Moved out of merged customers by merges'),
    redeemed: Count.describe('Rewards and checkout reservations (held or captured), less the points given back'),
    expired: Count.describe('Expired, whether or not the maintenance has written their expiry yet'),
    expiring_now: Count.describe("The part of expired past its expiry date that the hourly maintenance has not written off yet: the members' accounts show it as expiring_now, beside lifetime.expired"),
    reversed: Count.describe('Taken back on refunds'),
    forfeited: Count.describe('Held by customers when they were erased (GDPR): forfeited by a ledger entry, as nobody can redeem them any more; counted in the breakage'),
  }).describe('Every ledger entry counted once: earned + adjusted_in − adjusted_out + merged_in − merged_out − redeemed − expired − reversed − forfeited + owed = outstanding'),
  liability: z.strictObject({ points: Count, value: Amount, point_value: z.string().nullable(), currency: Currency }),
  opening: PeriodEdge.nullable().describe("The points outstanding at the period's start (from's local midnight; the ledger's start without from: 0, at null), by the period's own definition; null without a period"),
  closing: PeriodEdge.nullable().describe("The points outstanding at the period's end (the midnight after to, or now — as_of — when that is later or there is no to): opening + issued − adjusted_out − redeemed − expired − forfeited + merged_in − merged_out = closing; null without a period"),
  breakage_rate: Share.nullable().describe(`(expired + forfeited) ÷ ${ISSUED}; over the whole ledger at most 1 (redeemed + expired + forfeited never exceed what was issued), over a period it can exceed 1; null when nothing was issued`),
  redemption_rate: Share.nullable().describe(`redeemed ÷ ${ISSUED}; over the whole ledger at most 1 (redeemed + expired + forfeited never exceed what was issued), over a period it can exceed 1; null when nothing was issued`),
  tiers: z.array(z.strictObject({ tier: z.string().nullable(), name: LocalizedText.nullable(), members: Count }))
    .describe("Members (active customers) per tier: every tier of the program in force in its order, with 0 where it has no member; then tiers the program no longer has and members without a tier (tier: null), where there are such members"),
});

export const LedgerProof = z.strictObject({
  ok: z.boolean(),
  members: Count,
  entries: Count,
  problems: z.array(z.strictObject({ customer_id: Id, rule: z.string(), entry_id: Count.nullable(), expected: z.number(), actual: z.number() })),
  duration_ms: Count,
});

export const MaintenanceRun = z.strictObject({
  reservations_released: Count,
  expired: z.strictObject({ members: Count, points: Count }),
  debts_settled: z.strictObject({ members: Count, points: Count }).describe('Debts paid from lots that stood beside them (a ledger written before credits always settled debts)'),
  forfeited: z.strictObject({ members: Count, points: Count }).describe('Points erased customers still held (erased before erasure forfeited them, or a checkout reservation released after it), forfeited'),
  reminded: z.strictObject({ members: Count }),
  tiers: z.strictObject({ reviewed: Count, down: Count }),
  birthdays: z.strictObject({ members: Count }),
});

// ── Accounts ─────────────────────────────────────────────────────────────────

const LedgerEntryBase = z.strictObject({
  id: Count,
  at: Instant,
  kind: z.enum(['earn', 'bonus', 'reverse', 'redeem', 'expire', 'adjust', 'release']),
  shown_as: z.enum(['earn', 'bonus', 'reverse', 'redeem', 'expire', 'adjust', 'release'])
    .describe("The kind the entry reads as, and the lifetime figure it counts in: its kind, but a merge's take-back of a bonus the person had twice (kind reverse) is an adjustment by the merge, not a refund"),
  points: Count.describe('Positive: a credit (a lot); negative: a debit; 0: a purchase the daily cap left without points, or a refund whose points to take back had expired already (its description says so), neither'),
  balance_after: Count.describe('The running sum of the entries up to this one, the entries in the order they happened (at; equal times in the order they were written)'),
  spendable_after: Count.describe('balance_after less pending_after. At the last entry: balance, plus expiring_now until maintenance writes that expiry'),
  pending_after: Count.describe('The part of balance_after still in its holding period now; at the last entry: pending'),
  description: z.string().describe('The entry in words, in the language asked for'),
  source: z.strictObject({ type: z.string(), id: z.string().nullable() }),
  reason: z.string().nullable(),
  actor: z.string().nullable(),
});
const Allocation = z.strictObject({ entry: Count, points: Count });

/** One ledger entry, explained: a credit says what is left of it and which debits took from it; a debit, what it still owes and which credits it took from; an entry of 0 points, neither. */
export const LedgerEntry = shared('LedgerEntry', z.union([
  LedgerEntryBase.extend({
    remaining: Count.nullable(), available_at: Instant.nullable(), expires_at: Instant.nullable(),
    pending: z.boolean().describe('What is left of it is still in its holding period, spendable from available_at (the description says so too)'),
    taken_by: z.array(Allocation),
  }),
  LedgerEntryBase.extend({ unsettled: Count.nullable(), took_from: z.array(Allocation) }),
  LedgerEntryBase.extend({ unsettled: Count.nullable() }),
]));

const TierMetricValue = z.union([Amount, Count]).describe('An amount when the tiers count spend; points or purchases otherwise');

const TierStanding = z.strictObject({
  code: z.string().nullable(),
  name: LocalizedText.nullable(),
  since: Instant.nullable(),
  valid_until: Instant.nullable(),
  metric: tierRules.metric,
  window: tierRules.window,
  qualifying: TierMetricValue.describe("The member's metric over the window"),
  next: z.strictObject({ code: z.string(), name: LocalizedText, threshold: TierMetricValue, missing: TierMetricValue }).nullable(),
  benefits: TierBenefits.nullable(),
});

const ChallengeStanding = z.strictObject({
  code: z.string(),
  name: LocalizedText,
  goal: challengeRules.goal,
  points: Count,
  repeatable: z.boolean(),
  progress: Count,
  completed: Count,
  last_completed_at: Instant.nullable(),
});

export const MemberAccount = shared('MemberAccount', z.strictObject({
  customer_id: Id,
  member: z.literal(true),
  joined_at: Instant,
  points_name: z.string().describe('What the points are called in `language`, as a word with no number: the "other" form of a name given by its forms ("beans", "zrn")'),
  points_name_forms: PointsNameForms.describe('The name\'s forms by plural category, in `points_name_language`, to print a number with it: '
    + 'the form of `new Intl.PluralRules(points_name_language).select(n)`, else "other" ({ "one": "zrno", "two": "zrni", "few": "zrna", "other": "zrn" }; a name given as one text: { "other": text })'),
  points_name_language: z.enum(LANGUAGES).describe('The language points_name and its forms are in: `language` where the program names its points in it, else the program\'s fallback (English, else the first it gives); '
    + 'its plural rules choose the form. A program that names no points is answered in the product\'s own word in `language` ("1 point", "5 točk", "5 баллов")'),
  balance: Count.describe('Spendable now'),
  pending: Count.describe('Held for the return window'),
  expiring_now: Count.describe('Expired, not yet taken out by the hourly maintenance'),
  owed: Count.describe('Points spent that a refund took back: the next credits settle them'),
  lifetime: z.strictObject({ earned: Count, adjusted: Count, redeemed: Count, reversed: Count, expired: Count })
    .describe('Every entry counted once: earned + adjusted − redeemed − reversed − expired = balance + pending + expiring_now (the stored points, below zero by what is owed)'),
  tier: TierStanding.nullable().describe('null when the program has no tiers'),
  lots: z.array(z.strictObject({
    entry: Count, remaining: Count, available_at: Instant.nullable(),
    expires_at: Instant.nullable().describe('When what is left of the lot expires: its own date (per-lot expiry), or under inactivity expiry the day the member will have been idle for the program\'s months (every lot the same), unless they buy before'),
    pending: z.boolean(),
    expired: z.boolean().describe('Past its expiry date, not yet written off by the hourly maintenance: no longer spendable (in expiring_now)'),
  })),
  next_expiry: z.strictObject({ at: Instant, points: Count }).nullable()
    .describe('The next day points expire, in the business\'s time zone, and how many go that day (at: the first of them; lots already past their date are expiring_now); null when nothing is due to expire'),
  explanation: z.strictObject({
    entries: z.array(LedgerEntry).describe('The latest 500 by when they happened, oldest first (all of them in an export)'),
    entries_total: Count,
    sum_of_entries: Count,
    stored_points: Count.describe('Equal to sum_of_entries: the proof'),
  }),
  challenges: z.array(ChallengeStanding),
  referral_code: z.string().nullable(),
  referral_link: z.string().nullable().describe('The member\'s referral link: REFERRAL_LINK with referral_code in it (URL-encoded); null without REFERRAL_LINK or without a code'),
  program_version: Count.nullable(),
}));

const NotAMember = z.strictObject({ customer_id: Id, member: z.literal(false), program_version: Count.nullable() });

export const Account = z.discriminatedUnion('member', [MemberAccount, NotAMember]);

export const TierChange = z.strictObject({
  from: z.string().nullable(),
  to: z.string().nullable(),
  reason: z.string().describe(
    'Why: "joined" (placed on joining), "qualified" (a purchase reached the tier), "tier period ended" (the review at the end of a period and its grace), '
    + '"refunded" (a refund took a lifetime value below the tier), "merge" (a merged duplicate\'s higher tier), "program changed (upgrade_now)" or "program changed (reevaluate_now)" (a published version\'s tier rules)',
  ),
  program_version: Count.nullable(),
  at: Instant,
});

export const TierHistory = list(TierChange).extend({ customer_id: Id });

export const ReferralCode = z.strictObject({
  code: z.string(),
  referral_link: z.string().nullable().describe('The shop\'s address with the code in it (REFERRAL_LINK, the code URL-encoded); null without REFERRAL_LINK'),
});
export const ReferralClaim = z.strictObject({
  status: z.enum(['pending', 'rewarded', 'rejected', 'revoked']).describe('revoked: a refund took the qualifying purchase below the minimum; it never qualifies again'),
});
export const SurveyBonus = z.strictObject({ points: Count });
