import { z } from 'zod';
import { CHANNELS, LANGUAGES } from '../../modules/customers/index.ts';
import { Amount, Count, Id, Instant, LocalDate, page, shared } from './common.ts';
import { LocalizedText } from './loyalty.ts';

// What the customers module answers (customer.service.ts view, purchase.view.ts statsView).

const ConsentState = z.strictObject({
  status: z.enum(['granted', 'withdrawn']),
  source: z.string().describe('Where the decision was recorded: api, import, dashboard, or what the caller said'),
  at: Instant,
});

export const Identity = z.strictObject({
  kind: z.enum(['external_id', 'email', 'phone']),
  value: z.string().describe('In normal form: a trimmed card id, a lower-case email, an E.164 phone number'),
});

export const Customer = shared('Customer', z.strictObject({
  id: Id,
  external_id: z.string().nullable().describe('Your card or POS id'),
  email: z.string().nullable(),
  phone: z.string().nullable().describe('E.164'),
  first_name: z.string().nullable(),
  last_name: z.string().nullable(),
  birthday: LocalDate.nullable(),
  language: z.enum(LANGUAGES).nullable(),
  time_zone: z.string().nullable(),
  home_store: z.strictObject({ id: Id, code: z.string(), name: z.string() }).nullable(),
  tags: z.array(z.string()),
  attributes: z.record(z.string(), z.unknown()),
  consent: z.strictObject({ email: ConsentState.nullable(), sms: ConsentState.nullable() }).describe('The latest decision per channel; null: never asked'),
  identities: z.array(Identity).describe('Every identity that names this customer (a merge adds the merged customer\'s)'),
  status: z.enum(['active', 'merged', 'erased']),
  created_at: Instant.describe('When this customer record was written. For a customer an import brought in (a file of past purchases, a customers file), the day of the import: customer_since is when they became a customer'),
  updated_at: Instant,
  first_purchase_at: Instant.nullable().describe('The first purchase of the person (the purchases of customers merged into this one are this one\'s): stats.first_purchase_at; null before any'),
  customer_since: Instant.describe('The earlier of first_purchase_at and the day the person was first recorded (created_at, or that of a customer merged into this one): for a customer imported with a history of purchases, their first purchase'),
  member_since: Instant.nullable().describe(
    'null for a customer who is not a loyalty member. For a member, the earlier of the day they joined (the loyalty account\'s joined_at, '
    + 'of this customer or of one merged into it) and the first purchase the program credited them with points: with enrolment '
    + '`automatic` a customer joins with their first purchase, so a member whose history was imported (their account joined the day '
    + 'of the import, and each purchase earned at its own date) is a member since their first purchase. A purchase from before the '
    + 'program was in force earned nothing and does not count',
  ),
}));

export const CustomerStats = shared('CustomerStats', z.strictObject({
  first_purchase_at: Instant.nullable(),
  last_purchase_at: Instant.nullable(),
  purchases: Count,
  purchase_days: Count.describe('Distinct local dates with a purchase'),
  gross_spend: Amount,
  refunded: Amount,
  net_spend: Amount,
  average_order_value: Amount.describe('net_spend ÷ purchases, rounded half up to the minor unit'),
}));

export const CustomerWithStats = shared('CustomerWithStats', Customer.extend({ stats: CustomerStats }));

/** A customer in the list: the profile, its running stats, and its loyalty standing (null: not a member). */
export const CustomerInList = shared('CustomerInList', Customer.extend({
  stats: CustomerStats,
  loyalty: z.strictObject({
    points: Count.describe('Spendable now, as GET /customers/{id}/loyalty answers `available` (pending points not counted)'),
    tier: z.string().nullable().describe("The tier's code; null without one"),
    tier_name: LocalizedText.nullable().describe("The tier's name in the program in force; null without a tier, or for a tier the program no longer has"),
  }).nullable().describe('null for a customer who is not a loyalty member'),
}));

export const CustomerPage = page(CustomerInList);

/** What a merge moved to the survivor, per kind of record. */
export const MergeResult = z.strictObject({
  customer: Customer,
  moved: z.strictObject({
    identities: Count,
    purchases: Count,
    loyalty_points: Count.describe('Open points moved, less a debt moved'),
    duplicate_bonuses: Count.describe('Once-per-person bonuses (sign-up, first purchase, profile completion, a year\'s birthday, a challenge that does not repeat) the person had under both ids: the later one taken back from the survivor'),
    duplicate_bonus_points: Count.describe('The points those took back'),
    duplicate_birthday_gifts: Count.describe('Birthday gifts the person had twice for a year, unused: withdrawn (status void), one kept'),
    referral_codes: Count,
    coupons: Count,
    coupon_uses: Count,
    gift_cards: Count,
    referrals: Count,
    referrals_rejected: Count,
    challenge_progress: Count,
    tier_history: Count,
  }),
});

/** What an erasure did (DELETE /customers/{id}), from its own transaction. */
export const MergedHolding = z.strictObject({
  items: z.array(z.strictObject({
    id: Id.describe('The customer merged (its id answers GET /customers/{id} with a 404 naming where it went)'),
    merged_into: Id.describe('The customer it was merged into: this one, or one merged into this one since'),
    merged_at: Instant,
  })).describe('The one customer a merge moved the identity from, or none'),
});

export const ErasureResult = z.strictObject({
  customer_id: Id,
  erased_at: Instant.describe('When the personal data was erased (the customer\'s `erased_at`, which GET /customers/{id} answers in its 404 from then on)'),
  loyalty_points_forfeited: Count.describe('The points the customer held (spendable and pending), forfeited by a ledger entry of the erasure; 0 for one who was no member'),
  loyalty_points_held: Count.describe('Points held by checkout reservations open at the erasure: no till can capture them any more; once they lapse, the hourly maintenance forfeits them (those of lots not expired by then). Not in loyalty_points_forfeited'),
  merged_customers_erased: Count.describe('Customers merged into this one (the same person) whose kept records lost their personal data too'),
});

export const ConsentLogEntry = z.strictObject({ channel: z.enum(CHANNELS), status: z.enum(['granted', 'withdrawn']), source: z.string(), recorded_at: Instant });
