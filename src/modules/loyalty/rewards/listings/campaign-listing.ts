import { sql } from 'kysely';
import type { Db } from '../../../../db/index.ts';
import { notFound } from '../../../../shared/errors.ts';
import { isUuid } from '../../../../shared/ids.ts';
import { say } from '../../../../shared/messages/index.ts';
import { toMajor } from '../../../../shared/money.ts';
import { parseInput } from '../../../../shared/validation.ts';
import type { LoyaltyCore } from '../../loyalty.core.ts';
import { minorOrNull, type Benefit } from '../discounts.ts';
import { decodeCursor, encodeCursor, isInstant } from './cursor.ts';
import { CampaignListQuery } from './listings.schema.ts';

// The campaigns of promotion coupons as an admin reviews them (the dashboard's
// Promotions tab, GET /coupons/campaigns): newest first, each with what it gives, how it
// was made, and how it has done — uses, codes used, customers, the discount given as its
// uses recorded it — and where it stands today. The figures are counted from the
// campaign's uses (the index of migrations 0022 and 0024), so a page costs its campaigns'
// uses, never their codes.

/** Where a campaign stands now: not valid yet, usable, past its expiry, or every use of every code taken. */
export const CAMPAIGN_STATES = ['scheduled', 'active', 'expired', 'used_up'] as const;
export type CampaignState = (typeof CAMPAIGN_STATES)[number];

type CampaignRow = {
  id: string; name: string; benefit: unknown; codes: number | string; max_uses: number; per_customer_limit: number | null;
  valid_from: Date | null; expires_at: Date | null; created_at: Date;
};
type Figures = { uses: number; codes_used: number; customers: number; uses_without_customer: number; discount_known: number; uses_without_discount: number };
const NONE: Figures = { uses: 0, codes_used: 0, customers: 0, uses_without_customer: 0, discount_known: 0, uses_without_discount: 0 };

const COLUMNS = ['id', 'name', 'benefit', 'codes', 'max_uses', 'per_customer_limit', 'valid_from', 'expires_at', 'created_at'] as const;

/**
 * A campaign's figures, per campaign: its uses, the codes used at least once, the
 * customers named at a use (a merge has moved a merged id's uses to the survivor, who
 * counts once), and the uses that named none.
 */
async function figuresOf(db: Db, ids: string[]): Promise<Map<string, Figures>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('coupon_uses')
    .select((eb) => [
      'campaign_id',
      eb.fn.countAll<string>().as('uses'),
      sql<string>`count(DISTINCT code)`.as('codes_used'),
      sql<string>`count(DISTINCT customer_id)`.as('customers'),
      sql<string>`count(*) FILTER (WHERE customer_id IS NULL)`.as('uses_without_customer'),
      sql<string>`coalesce(sum(discount_minor), 0)`.as('discount_known'),
      sql<string>`count(*) FILTER (WHERE discount_minor IS NULL)`.as('uses_without_discount'),
    ])
    // A use rolled back counts in none of them (migration 0029).
    .where('campaign_id', 'in', ids).where('rolled_back_at', 'is', null).groupBy('campaign_id').execute();
  return new Map(rows.map((r) => [r.campaign_id!, {
    uses: Number(r.uses), codes_used: Number(r.codes_used), customers: Number(r.customers), uses_without_customer: Number(r.uses_without_customer),
    discount_known: Number(r.discount_known), uses_without_discount: Number(r.uses_without_discount),
  }]));
}

/**
 * The shared code of each campaign made with one (the merchant's spelling: migration
 * 0015); a campaign of generated codes has none. Only a campaign of one code can be one,
 * so this reads one coupon per such campaign.
 */
async function sharedCodesOf(db: Db, campaigns: CampaignRow[]): Promise<Map<string, string>> {
  const single = campaigns.filter((c) => Number(c.codes) === 1).map((c) => c.id);
  if (single.length === 0) return new Map();
  const rows = await db.selectFrom('coupons').select(['campaign_id', 'chosen_code']).where('campaign_id', 'in', single).where('chosen_code', 'is not', null).execute();
  return new Map(rows.map((r) => [r.campaign_id!, r.chosen_code!]));
}

/**
 * What a campaign's uses gave: the sum of the discounts recorded (discounts.ts), and the
 * uses that recorded none — a percentage used without the order's subtotal, a product
 * without its price, and every such use before a use could tell it (migration 0024). A
 * fixed amount's use before then gave its amount, at face value, as it was counted then.
 * discount_given is null only when there were uses and none told what it gave: nothing to
 * sum, rather than a sum of nothing.
 */
export function discountFigures(benefit: unknown, f: Pick<Figures, 'uses' | 'discount_known' | 'uses_without_discount'>, currency: string) {
  const faceValue = (benefit as Benefit).type === 'fixed_discount' ? minorOrNull((benefit as Benefit).amount, currency) : null;
  const known = faceValue === null ? f.discount_known : f.discount_known + faceValue * f.uses_without_discount;
  const unknown = faceValue === null ? f.uses_without_discount : 0;
  return { discount_given: f.uses > 0 && unknown === f.uses ? null : toMajor(known, currency), uses_without_discount: unknown };
}

export function campaignState(c: Pick<CampaignRow, 'codes' | 'max_uses' | 'valid_from' | 'expires_at'>, uses: number, now: Date): CampaignState {
  if (c.valid_from && c.valid_from > now) return 'scheduled';
  // Every code's every use taken: no code is left to use, expired or not.
  if (uses >= Number(c.codes) * c.max_uses) return 'used_up';
  if (c.expires_at && c.expires_at <= now) return 'expired';
  return 'active';
}

export function createCampaignListing(core: LoyaltyCore) {
  const { db, clock, currency } = core.deps;

  /** Campaigns as the API answers them, with their figures (read for all of them at once). */
  async function views(rows: CampaignRow[]) {
    const ids = rows.map((r) => r.id);
    const [figures, shared] = await Promise.all([figuresOf(db, ids), sharedCodesOf(db, rows)]);
    const now = clock.now();
    return rows.map((c) => {
      const f = figures.get(c.id) ?? NONE;
      const sharedCode = shared.get(c.id) ?? null;
      const discount = discountFigures(c.benefit, f, currency);
      return {
        id: c.id, name: c.name, benefit: c.benefit,
        kind: sharedCode === null ? 'unique_codes' as const : 'shared_code' as const,
        shared_code: sharedCode,
        codes: Number(c.codes), max_uses: c.max_uses, per_customer_limit: c.per_customer_limit,
        uses: f.uses, codes_used: f.codes_used, customers: f.customers, uses_without_customer: f.uses_without_customer,
        discount_given: discount.discount_given, uses_without_discount: discount.uses_without_discount,
        currency,
        valid_from: c.valid_from?.toISOString() ?? null, expires_at: c.expires_at?.toISOString() ?? null,
        status: campaignState(c, f.uses, now),
        created_at: c.created_at.toISOString(),
      };
    });
  }

  return {
    /** The campaigns, newest first, a page at a time (`cursor`: the page before's `next_cursor`). */
    async campaigns(query: unknown) {
      const q = parseInput(CampaignListQuery, query ?? {}, 'query');
      let select = db.selectFrom('coupon_campaigns').select(COLUMNS);
      if (q.cursor) {
        const [at, id] = decodeCursor(q.cursor, [isInstant, isUuid]);
        select = select.where(sql<boolean>`(created_at, id) < (${at}::timestamptz, ${id}::uuid)`);
      }
      const rows = await select.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(q.limit + 1).execute();
      const page = rows.slice(0, q.limit);
      const last = page[page.length - 1];
      return { items: await views(page), next_cursor: rows.length > q.limit && last ? encodeCursor([last.created_at.toISOString(), last.id]) : null };
    },

    /** One campaign with its figures; an id of none is a 404. */
    async campaign(id: string) {
      const row = isUuid(id) ? await db.selectFrom('coupon_campaigns').select(COLUMNS).where('id', '=', id).executeTakeFirst() : undefined;
      if (!row) throw notFound(say('campaign.not_found', { id }));
      return (await views([row]))[0];
    },
  };
}

export type CampaignListing = ReturnType<typeof createCampaignListing>;
