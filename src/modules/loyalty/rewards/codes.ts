import { randomInt } from 'node:crypto';
import { say, type Said } from '../../../shared/messages/index.ts';
import type { CouponsTable } from '../../../db/index.ts';
import { timeIn } from '../../../shared/clock.ts';
import { bareCode } from '../../../shared/codes.ts';

// Coupon, gift-card and referral codes: random (crypto), unguessable, and easy to read
// aloud or type from a receipt — no 0/O or 1/I. Twelve characters from 32 symbols are
// 60 bits: guessing one valid code among a million issued takes ~10^12 tries, and the
// redeem endpoint is rate-limited.

export const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function newCode(length = 12): string {
  let out: string;
  // Never a route word: none can come out of twelve symbols without I or O (codes.test.ts
  // checks each), but a shorter code or a new word of the API's paths would make it possible.
  do {
    out = '';
    for (let i = 0; i < length; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  } while (routeWordOf(out) !== undefined);
  return out.replace(/(.{4})(?=.)/g, '$1-');
}

/**
 * The words the API's own paths put where a coupon's code goes: GET /coupons/campaigns
 * is the campaigns' list beside GET /coupons/{code}, and the router takes the word before
 * the code, so a till checking a code "campaigns" was answered the list. No code may read
 * as one of these (POST /coupons/{code}/redeem and GET /coupons/CAMPAIGNS would reach it,
 * but a code that works on one route and not the other is a trap). Stored codes are
 * compared, as codes are, upper case and without dashes. A new static path under
 * /coupons/ adds its word here (coupon-route-words.test.ts reads the OpenAPI paths).
 */
export const ROUTE_WORDS = ['campaigns'] as const;

/** The route word a code reads as (in any case, with or without dashes), if any. */
export function routeWordOf(code: string): string | undefined {
  const stored = normalizeCode(code);
  return ROUTE_WORDS.find((word) => normalizeCode(word) === stored);
}

/** How a code is stored and compared: upper case, without spaces and dashes (of any kind: bareCode). */
export function normalizeCode(input: string): string {
  return bareCode(input);
}

/** A stored code shown in groups of four. */
export function formatCode(stored: string): string {
  return /^[A-Z0-9]{8,}$/.test(stored) ? stored.replace(/(.{4})(?=.)/g, '$1-') : stored;
}

/** A coupon's code as its holder knows it: the merchant's own spelling of a chosen code, else the stored code in groups of four. */
export function shownCode(c: { code: string; chosen_code?: string | null }): string {
  return c.chosen_code ?? formatCode(c.code);
}

/** A coupon row as the API shows it, wherever it appears (the coupon endpoints, a redemption, a customer's data export). */
export function couponView(c: {
  code: string; chosen_code?: string | null; kind: string; customer_id: string | null; reward_code: string | null; campaign_id: string | null; benefit: unknown;
  status: string; max_uses: number; uses: number; valid_from: Date | null; expires_at: Date | null; created_at: Date;
}) {
  return {
    code: shownCode(c), kind: c.kind, customer_id: c.customer_id, reward: c.reward_code, campaign_id: c.campaign_id, benefit: c.benefit,
    status: c.status, uses: c.uses, max_uses: c.max_uses, valid_from: c.valid_from?.toISOString() ?? null, expires_at: c.expires_at?.toISOString() ?? null,
    issued_at: c.created_at.toISOString(),
  };
}

/**
 * A coupon's status once it has `uses` (a use adds one, a rollback takes one back): used
 * while every use it has is taken, else active; a cancelled coupon stays cancelled.
 */
export function statusWithUses(c: Pick<CouponsTable, 'status' | 'max_uses'>, uses: number): CouponsTable['status'] {
  return c.status === 'void' ? c.status : uses >= c.max_uses ? 'used' : 'active';
}

/** Why a coupon cannot be used now, as the coupon check's `problem_code` says it. */
export const COUPON_PROBLEM_CODES = ['cancelled', 'used', 'used_up', 'not_yet_valid', 'expired'] as const;
export type CouponProblemCode = (typeof COUPON_PROBLEM_CODES)[number];

/**
 * Why a coupon cannot be used now (its code for a till to act on, and its words), or null when
 * it can; its dates told at the business's time (`timeZone`), as the till's clock reads them.
 */
export function couponProblem(c: { status: string; uses: number; max_uses: number; valid_from: Date | null; expires_at: Date | null }, now: Date, timeZone: string): { code: CouponProblemCode; said: Said } | null {
  if (c.status === 'void') return { code: 'cancelled', said: say('coupon.cancelled') };
  if (c.uses >= c.max_uses) return c.max_uses === 1 ? { code: 'used', said: say('coupon.used') } : { code: 'used_up', said: say('coupon.used_up') };
  if (c.valid_from && c.valid_from > now) return { code: 'not_yet_valid', said: say('coupon.not_yet_valid', { from: timeIn(c.valid_from, timeZone) }) };
  if (c.expires_at && c.expires_at <= now) return { code: 'expired', said: say('coupon.expired', { at: timeIn(c.expires_at, timeZone) }) };
  return null;
}
