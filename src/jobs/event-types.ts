// The events Regulars writes to its change log (outbox.ts), by type: publish takes no other. Webhook
// subscriptions are checked against this list: a subscription to a type nobody sends
// (a typo such as "loyalty.tier_chaged") would never fire, and nobody would know why.
// A module that starts publishing a new type adds it here, and to README's list.
export const EVENT_TYPES = [
  'customer.created', 'customer.updated', 'customer.merged', 'customer.erased', 'customer.segment_changed',
  'purchase.recorded', 'purchase.refunded',
  'loyalty.program_applied', 'loyalty.member_joined', 'loyalty.tier_changed', 'loyalty.points_adjusted',
  'loyalty.points_expiring', 'loyalty.points_expired', 'loyalty.reward_redeemed', 'loyalty.points_redeemed',
  'loyalty.birthday', 'loyalty.referral_qualified', 'loyalty.referral_revoked', 'loyalty.challenge_completed', 'loyalty.challenge_revoked',
  'coupon.used', 'coupon.use_rolled_back',
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

const FAMILIES = new Set(EVENT_TYPES.map((t) => t.slice(0, t.indexOf('.'))));
const KNOWN = new Set<string>(EVENT_TYPES);

/** Whether a subscription's pattern can match anything sent: `*`, a family (`loyalty.*`) or a type. */
export const isKnownEventPattern = (pattern: string): boolean =>
  pattern === '*' || KNOWN.has(pattern) || (pattern.endsWith('.*') && FAMILIES.has(pattern.slice(0, -2)));
