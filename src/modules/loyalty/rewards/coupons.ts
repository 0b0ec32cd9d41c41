import { sql } from 'kysely';
import { z } from 'zod';
import { audit, lockKeys, type Actor, type Tx } from '../../../db/index.ts';
import { publish } from '../../../jobs/outbox.ts';
import { fieldDifferences, NO_VALUE, otherValuesConflict } from '../../../shared/differences.ts';
import { AppError, conflict, invalidField, notFound } from '../../../shared/errors.ts';
import { canonicalJson, sha256 } from '../../../shared/hash.ts';
import { newId } from '../../../shared/ids.ts';
import { amountField, toMajor } from '../../../shared/money.ts';
import { DecimalAmount, parseInput, toldBy } from '../../../shared/validation.ts';
import { AdminWriteKey, expiryInstant, optionalText, refusePast } from './admin-writes.ts';
import { instantOf, timeIn } from '../../../shared/clock.ts';
import { campaignConflict } from './campaign-difference.ts';
import { couponProblem, couponView, newCode, normalizeCode, routeWordOf, shownCode, statusWithUses } from './codes.ts';
import { discountGiven, useAmounts, type Benefit, type UseAmountsMinor } from './discounts.ts';
import * as ledger from '../ledger/ledger.repository.ts';
import type { LoyaltyCore } from '../loyalty.core.ts';
import { recordsOfCustomer, requireActiveCustomer } from '../lifecycle/merged-customers.ts';
import { withFields } from '../../../shared/objects.ts';
import { counted, fixedText, say, type Language } from '../../../shared/messages/index.ts';
import type { CountedName } from '../../../shared/plural.ts';

// Coupons a POS validates and consumes, a customer's coupons, and promotion coupons in
// bulk (campaigns). A part of the rewards service (rewards.service.ts), which issues the
// coupons bought with points. Every write is idempotent by a caller's key.

// Strict, as every checkout body: a misspelt "customer" for customer_id used the coupon
// without its per-customer limit or its owner's check, a misspelt "order_total" left the
// discount unrecorded; a field these do not take is refused, not dropped.
export const UseCouponInput = z.strictObject({
  idempotency_key: z.string().trim().min(1, fixedText('idempotency_key.required')).max(200),
  /** The customer using it (id); needed for per-customer limits and customer-bound coupons. */
  customer_id: z.string().uuid().optional(),
  order_ref: optionalText(200),
  /** What the order came to before this coupon, in the business's currency ("24.90"): the discount a percentage gave is then recorded (discounts.ts). */
  order_subtotal: DecimalAmount.optional()
    .describe("The order's amount before this coupon, in the business's currency (\"24.90\"), as the till rang it up: with it the discount a percentage gave is recorded (rounded to the cent, halves up), and a fixed amount counts at most this much. Optional: without it a percentage's use counts as not recorded in the campaign's figures"),
  /** The price of the product a free-product coupon gives ("3.20"): recorded as its discount. */
  product_price: DecimalAmount.optional()
    .describe("A free-product coupon: the price of the product given (\"3.20\"), recorded as the discount. Refused for a coupon that gives no product"),
});

const Benefit = z.discriminatedUnion('type', [
  z.object({ type: z.literal('fixed_discount'), amount: DecimalAmount }).strict(),
  z.object({ type: z.literal('percent_discount'), percent: z.number().positive().max(100) }).strict(),
  z.object({ type: z.literal('free_product'), sku: z.string().trim().min(1) }).strict(),
]);

const CODE_FORMAT = /^[A-Za-z0-9-]{4,40}$/;
/**
 * A shared code as a merchant writes it. It is stored as codes are compared (upper case,
 * no dashes: codes.ts), so what counts is what is left of it then: at least four letters
 * or digits ("----" was stored as an empty code), and no word of the API's own paths
 * (routeWordOf). Each told once, and only of a code of the right form.
 */
const SharedCode = z.string().trim().regex(CODE_FORMAT, fixedText('campaign.code_format'))
  .refine((code) => !CODE_FORMAT.test(code) || normalizeCode(code).length >= 4, fixedText('campaign.code_too_few_characters'))
  .check(toldBy(
    z.refine<string>((code) => !CODE_FORMAT.test(code) || routeWordOf(code) === undefined),
    (issue) => say('campaign.code_route_word', { code: String(issue.input), word: routeWordOf(String(issue.input)) ?? '' }),
  ));

// Strict: a misspelt "per_customer" made a campaign without its limit.
export const CampaignInput = z.strictObject({
  name: z.string().trim().min(1).max(200),
  idempotency_key: AdminWriteKey,
  benefit: Benefit,
  /** Generate this many unique codes… */
  count: z.number().int().min(1).max(100_000).optional(),
  /** …or one shared code customers type in ("SUMMER25"). */
  code: SharedCode.optional(),
  /** Uses per code (1 = single-use). */
  max_uses: z.number().int().min(1).max(10_000_000).default(1),
  per_customer_limit: z.number().int().min(1).max(10_000_000).optional()
    .describe("Uses per customer across the whole campaign (all its codes, the customer's uses under ids merged into it included); customer_id is then required to use a code"),
  // A date alone, as a promotion is printed ("1–31 December"): from the start of the first
  // day, through the last, in the business's time zone (campaignDates), as a gift card's expiry.
  valid_from: z.union([z.iso.datetime({ offset: true }), z.iso.date()], { error: (issue) => (issue.input === undefined ? undefined : fixedText('campaign.valid_from_format')) }).optional(),
  expires_at: z.union([z.iso.datetime({ offset: true }), z.iso.date()], { error: (issue) => (issue.input === undefined ? undefined : fixedText('campaign.expires_at_format')) }).optional(),
}).refine((c) => (c.count === undefined) !== (c.code === undefined), { message: fixedText('campaign.count_or_code'), path: ['count'] });

/**
 * A campaign's validity as instants (ISO, null when not given; what its request's hash
 * keeps, so a date and the instant it means are one request): valid_from a date opens at
 * the start of that day in `timeZone`, expires_at a date closes as the day after begins there.
 */
function campaignDates(data: { valid_from?: string; expires_at?: string }, timeZone: string) {
  return {
    validFrom: data.valid_from === undefined ? null : instantOf(data.valid_from, timeZone).toISOString(),
    expiresAt: data.expires_at === undefined ? null : expiryInstant(data.expires_at, timeZone).toISOString(),
  };
}

// The locks that make requests with one admin key take turns (db/locks.ts).
const campaignKeyLock = (key: string) => `coupon-campaign:${key}`;
// The lock that makes one customer's uses of a campaign's codes take turns (checkCustomerLimit).
const campaignCustomerLock = (campaignId: string, customerId: string) => `coupon-campaign-use:${campaignId}:${customerId}`;

/**
 * "Time(s)" of a use count in each language's form for the number ("1 time", "2 gange",
 * "5 раз"); Slovenian joins it to the number ("3-krat"), the same for every number.
 */
const TIMES: CountedName = {
  en: { one: 'time', other: 'times' },
  sl: '-krat',
  tr: 'kez',
  da: { one: 'gang', other: 'gange' },
  ru: { one: 'раз', few: 'раза', many: 'раз', other: 'раза' },
};

export function createCoupons(core: LoyaltyCore) {
  const { db, clock, currency, timeZone } = core.deps;

  const service = {
    /**
     * What a POS sees when a code is scanned: the coupon, and whether it can be used now —
     * if not, why: `problem` in `language` (the request's, as a use's refusal is told;
     * English by default) and `problem_code`, the same in a word a till can act on.
     */
    async coupon(codeInput: string, { language = 'en' }: { language?: Language } = {}) {
      const code = normalizeCode(codeInput);
      const c = await db.selectFrom('coupons').selectAll().where('code', '=', code).executeTakeFirst();
      if (!c) throw notFound(say('coupon.not_found', { code: codeInput }));
      const problem = couponProblem(c, clock.now(), timeZone);
      return withFields(couponView(c), { usable: problem === null, problem: problem && problem.said.in(language), problem_code: problem?.code ?? null });
    },

    /** Consumes one use of a coupon (POS checkout). The same idempotency key returns the first result. */
    async useCoupon(codeInput: string, input: unknown, { actor }: { actor: Actor }) {
      const data = parseInput(UseCouponInput, input, 'coupon use');
      const code = normalizeCode(codeInput);
      const now = clock.now();
      const amounts = useAmounts(data, currency);
      // Amounts in the hash only when sent, in minor units ("3" and "3.00" are one request):
      // a use recorded before they existed is retried with the hash it was stored under.
      const hashOf = ({ subtotal, price }: UseAmountsMinor) => {
        const hashed: Record<string, unknown> = { code, customer: data.customer_id ?? null, order: data.order_ref ?? null };
        if (subtotal !== null) hashed.subtotal = subtotal;
        if (price !== null) hashed.price = price;
        return sha256(canonicalJson(hashed));
      };
      const requestHash = hashOf(amounts);
      const given = (minor: number | string | null) => (minor === null ? null : toMajor(minor, currency));
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
          // A use rolled back (coupon-rollbacks.ts) is not answered as if it stood: a till
          // retrying it after the sale was voided would think the coupon used. Its key stays
          // taken; a new key uses the coupon again.
          if (previous.rolled_back_at) {
            throw new AppError('conflict', say('coupon.use_rolled_back', { key: data.idempotency_key, code: shownCode(c), at: timeIn(previous.rolled_back_at, timeZone) }), [
              { field: 'idempotency_key', reason: say('coupon.use_key_rolled_back') },
            ]);
          }
          if (previous.request_hash !== requestHash) {
            // What a use keeps: the order, the customer it counted for (a merged id leads
            // to the survivor, as customerId does) and the amounts it was sent (migration
            // 0027). A use recorded before that keeps none of its amounts: the hash tells
            // whether none were sent; if some were, a change of them is told without names.
            const { found, differ } = fieldDifferences();
            differ('order_ref', previous.order_ref ?? NO_VALUE, data.order_ref ?? NO_VALUE);
            if (customerId !== undefined && previous.customer_id !== customerId) differ('customer_id', previous.customer_id ?? NO_VALUE, data.customer_id ?? NO_VALUE);
            const minorOf = (kept: number | string | null) => (kept === null ? null : Number(kept));
            const kept = { subtotal: minorOf(previous.order_subtotal_minor), price: minorOf(previous.product_price_minor) };
            const recorded = hashOf(kept) === previous.request_hash ? kept : undefined;
            const shown = (minor: number | null) => (minor === null ? NO_VALUE : toMajor(minor, currency));
            if (recorded) {
              differ('order_subtotal', shown(recorded.subtotal), shown(amounts.subtotal));
              differ('product_price', shown(recorded.price), shown(amounts.price));
            }
            throw otherValuesConflict({
              differences: found,
              named: (differences) => say('coupon.use_key_reused_otherwise', { key: data.idempotency_key, differences }),
              unnamed: say('coupon.use_key_reused', { key: data.idempotency_key }),
            });
          }
          return { created: false, coupon: couponView(c), benefit: c.benefit, discount_given: given(previous.discount_minor) };
        }
        const benefit = c.benefit as Benefit;
        // An event's invitation gives neither a product nor a discount: told as what it is, not as a discount order_subtotal prices.
        if (amounts.price !== null && benefit.type !== 'free_product') throw invalidField('product_price', say(benefit.type === 'event' ? 'coupon.price_for_event' : 'coupon.price_without_product'));
        const problem = couponProblem(c, now, timeZone);
        if (problem) throw conflict(say('coupon.cannot_be_used', { code: shownCode(c), problem: problem.said }));
        if (c.customer_id && customerId && c.customer_id !== customerId) throw conflict(say('coupon.other_customer', { code: shownCode(c) }));
        if (c.per_customer_limit) {
          if (!customerId) throw invalidField('customer_id', say('coupon.customer_required'));
          await checkCustomerLimit(trx, { code, coupon: c, customerId });
        }
        const user = customerId ?? c.customer_id;
        const discount = discountGiven(benefit, amounts, currency);
        await trx.insertInto('coupon_uses').values({
          code, idempotency_key: data.idempotency_key, customer_id: user, campaign_id: c.campaign_id, order_ref: data.order_ref ?? null, request_hash: requestHash, used_at: now, discount_minor: discount,
          order_subtotal_minor: amounts.subtotal, product_price_minor: amounts.price,
        }).execute();
        const uses = c.uses + 1;
        await trx.updateTable('coupons').set({ uses, status: statusWithUses(c, uses) }).where('code', '=', code).execute();
        await audit(trx, { at: now, actor, action: 'coupon.use', subject: code, details: { order_ref: data.order_ref } });
        await publish(trx, [{ type: 'coupon.used', customerId: user, payload: { code: shownCode(c), kind: c.kind, reward: c.reward_code, campaign_id: c.campaign_id, customer_id: user, order_ref: data.order_ref ?? null, discount_given: given(discount), currency } }]);
        return { created: true, coupon: couponView({ ...c, uses, status: uses >= c.max_uses ? 'used' : 'active' }), benefit: c.benefit, discount_given: given(discount) };
      });
    },

    /** The coupons of the customer the id stands for (a merged id: the survivor's, whose id it answers; recordsOfCustomer). */
    async couponsOf(requested: string) {
      const { customerId, rows } = await recordsOfCustomer(db, requested, (id) => db.selectFrom('coupons').selectAll().where('customer_id', '=', id).orderBy('created_at', 'desc').limit(200).execute());
      const now = clock.now();
      return { customer_id: customerId, items: rows.map((c) => withFields(couponView(c), { usable: couponProblem(c, now, timeZone) === null })) };
    },

    /**
     * Promotion coupons in bulk: N unique codes, or one shared code. A retry with the same
     * idempotency key answers the campaign it created, with its codes (created: false),
     * and makes no other; the same key with another body is a conflict naming what differs.
     */
    async createCampaign(input: unknown, { actor }: { actor: Actor }) {
      const data = parseInput(CampaignInput, input, 'campaign');
      const discount = data.benefit.type === 'fixed_discount' ? amountField('benefit.amount', data.benefit.amount, currency) : null;
      // Values that could never work are refused, naming the field, rather than stored as a
      // campaign nobody can use (one whose expiry has passed is refused under the key's lock below).
      if (discount === 0) throw invalidField('benefit.amount', say('campaign.discount_of_nothing'));
      const { validFrom, expiresAt } = campaignDates(data, timeZone);
      if (validFrom && expiresAt && expiresAt <= validFrom) {
        throw invalidField('expires_at', say('campaign.expires_before_valid', { from: validFrom }));
      }
      // A customer's limit past every use the campaign's codes have together is never
      // reached: a shared code with a limit of 3 and no max_uses (1) was made, usable once in
      // all. Above max_uses alone is a limit of several codes ("3 of these 10"), so it stands.
      const uses = data.max_uses * (data.count ?? 1);
      if (data.per_customer_limit !== undefined && data.per_customer_limit > uses) {
        throw invalidField('per_customer_limit', data.code !== undefined
          ? say('campaign.limit_over_shared_code', { max_uses: data.max_uses })
          : say('campaign.limit_over_codes', { uses, count: data.count ?? 1, max_uses: data.max_uses }));
      }
      // Stored and answered as the business's decimal ("5.00"), whether "5" or 5 was sent.
      const benefit = discount === null ? data.benefit : withFields(data.benefit, { amount: toMajor(discount, currency) });
      const key = data.idempotency_key;
      // The request as it means the same ("3" and "3.00", one instant in two offsets).
      const requestHash = sha256(canonicalJson({
        name: data.name, benefit: discount === null ? data.benefit : withFields(data.benefit, { amount: discount, currency }), count: data.count ?? null,
        code: data.code ? normalizeCode(data.code) : null, max_uses: data.max_uses, per_customer_limit: data.per_customer_limit ?? null,
        valid_from: validFrom, expires_at: expiresAt,
      }));
      const now = clock.now();
      const taken = () => conflict(say('campaign.code_taken', { code: data.code! }));
      const campaign = await db.transaction().execute(async (trx) => {
        // Requests with one key take turns from here to their commit, so only the first
        // finds no campaign under it; the unique index is the guard behind the lock.
        await lockKeys(trx, [campaignKeyLock(key)]);
        const earlier = await trx.selectFrom('coupon_campaigns').selectAll().where('idempotency_key', '=', key).executeTakeFirst();
        if (earlier) {
          const stored = await trx.selectFrom('coupons').select(['code', 'chosen_code']).where('campaign_id', '=', earlier.id).execute();
          // A shared code is the one coupon's merchant-chosen spelling; generated codes have none.
          if (earlier.request_hash !== requestHash) {
            const request = withFields(data, { valid_from: validFrom ?? undefined, expires_at: expiresAt ?? undefined });
            throw campaignConflict({ key, stored: withFields(earlier, { sharedCode: stored.length === 1 ? stored[0].chosen_code : null }), request, currency, timeZone });
          }
          return {
            created: false, id: earlier.id, name: earlier.name, benefit: earlier.benefit as typeof data.benefit, max_uses: earlier.max_uses,
            per_customer_limit: earlier.per_customer_limit, codes: stored.sort((a, b) => (a.code < b.code ? -1 : 1)).map(shownCode),
          };
        }
        // After the replay: a retry of a campaign created before its expiry still answers it.
        if (data.expires_at) refusePast('expires_at', data.expires_at, now, say('expiry.codes_never_usable'), timeZone);
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
          valid_from: validFrom, expires_at: expiresAt, created_by: actor, created_at: now, idempotency_key: key, request_hash: requestHash,
        }).execute();
        const json = JSON.stringify(codes);
        await sql`
          INSERT INTO coupons (code, kind, campaign_id, benefit, status, max_uses, uses, per_customer_limit, valid_from, expires_at, created_at, chosen_code)
          SELECT c, 'promotion', ${id}, ${JSON.stringify(benefit)}::jsonb, 'active', ${data.max_uses}, 0, ${data.per_customer_limit ?? null},
                 ${validFrom}::timestamptz, ${expiresAt}::timestamptz, ${now}, ${chosen}::text
          FROM json_array_elements_text(${json}::json) AS c`.execute(trx);
        await audit(trx, { at: now, actor, action: 'coupon.campaign.create', subject: id, details: { name: data.name, codes: codes.length, idempotency_key: key } });
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
    // A use rolled back counts no more (migration 0029).
    const uses = trx.selectFrom('coupon_uses').select((eb) => eb.fn.countAll<number>().as('n')).where('customer_id', '=', customerId).where('rolled_back_at', 'is', null);
    if (!c.campaign_id) {
      const used = Number((await uses.where('code', '=', code).executeTakeFirstOrThrow()).n);
      if (used >= limit) throw conflict(say('coupon.customer_limit', { code: shownCode(c), used, times: counted(TIMES, used), limit }));
      return;
    }
    await lockKeys(trx, [campaignCustomerLock(c.campaign_id, customerId)]);
    const used = Number((await uses.where('campaign_id', '=', c.campaign_id).executeTakeFirstOrThrow()).n);
    if (used < limit) return;
    const campaign = await trx.selectFrom('coupon_campaigns').select('name').where('id', '=', c.campaign_id).executeTakeFirst();
    throw conflict(say('coupon.cannot_be_used', { code: shownCode(c), problem: say('coupon.campaign_limit', { used, times: counted(TIMES, used), limit, campaign: campaign ? `"${campaign.name}"` : c.campaign_id }) }));
  }

  return service;
}
