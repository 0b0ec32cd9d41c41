import { FUTURE_ALLOWANCE_MS, instantOf, localDate } from '../../shared/clock.ts';
import { AppError, invalidField } from '../../shared/errors.ts';
import { sha256 } from '../../shared/hash.ts';
import { say } from '../../shared/messages/index.ts';
import { amountField } from '../../shared/money.ts';
import { parseInput } from '../../shared/validation.ts';
import type { CustomerService, Identity, PreparedProfile } from '../customers/index.ts';
import type { StoreService } from '../stores/index.ts';
import { PurchaseInput } from './purchase.schema.ts';

// Validates one incoming purchase and turns it into what is stored: minor units, the
// store's id, the local calendar date, normalised identities, and a hash of the request
// so a repeated key with a different body is told apart from a retry.

export interface PreparedPurchase {
  externalId: string;
  requestHash: string;
  identities: Identity[];
  profile: PreparedProfile;
  occurredAt: Date;
  localDate: string;
  storeId: string | null;
  storeCode: string | null;
  /** For the answer only (preparedPurchaseView): not part of the request hash, a store's name may change. */
  storeName: string | null;
  channel: 'in_store' | 'online' | 'phone' | 'other';
  currency: string;
  totalMinor: number;
  discountMinor: number;
  promoCode: string | null;
  lines: { line_no: number; sku: string | null; name: string | null; category: string | null; quantity: string; unit_price_minor: number }[];
}

export interface PrepareContext {
  customers: CustomerService;
  stores: StoreService;
  currency: string;
  timeZone: string;
  source: string;
  now: Date;
}

export async function preparePurchase(input: unknown, ctx: PrepareContext): Promise<PreparedPurchase> {
  const data = parseInput(PurchaseInput, input, 'purchase');
  const currency = data.currency ?? ctx.currency;
  if (currency !== ctx.currency) {
    throw invalidField('currency', say('purchase.not_business_currency', { currency, business: ctx.currency }));
  }
  const store = data.store ? await ctx.stores.require(data.store) : undefined;
  const timeZone = store?.time_zone ?? ctx.timeZone;
  const occurredAt = instantOf(data.occurred_at, timeZone);
  if (occurredAt.getTime() > ctx.now.getTime() + FUTURE_ALLOWANCE_MS) {
    throw invalidField('occurred_at', say('occurrence.in_future'));
  }
  const totalMinor = amountField('total', data.total, currency);
  const discountMinor = data.discount === undefined ? 0 : amountField('discount', data.discount, currency);
  const profile = await ctx.customers.prepareProfile(data.customer, ctx.source, ctx.now, 'customer.');
  if (profile.identities.length === 0) throw invalidField('customer', say('customer.needs_identity'));
  const lines = data.lines.map((line, i) => ({
    line_no: i + 1,
    sku: line.sku ?? null,
    name: line.name ?? null,
    category: line.category ?? null,
    quantity: String(line.quantity),
    unit_price_minor: amountField(`lines.${i}.unit_price`, line.unit_price, currency),
  }));
  return withOrderId({
    externalId: data.external_id, requestHash: '', identities: profile.identities, profile, occurredAt, localDate: localDate(occurredAt, timeZone),
    storeId: store?.id ?? null, storeCode: store?.code ?? null, storeName: store?.name ?? null, channel: data.channel ?? (store ? 'in_store' : 'other'), currency,
    totalMinor, discountMinor, promoCode: data.promo_code || null, lines,
  }, data.external_id);
}

/**
 * The prepared purchase under an order id, with its request hash. The hash covers what the
 * purchase means, not how it was spelled ("9.5" vs 9.50). Every object here is built by
 * this code in a fixed key order, so plain JSON is canonical without sorting keys. The
 * order is that of the stored hashes: changing it would turn every retry of an earlier
 * purchase into a conflict.
 */
export function withOrderId(p: PreparedPurchase, externalId: string): PreparedPurchase {
  const requestHash = sha256(
    JSON.stringify({
      externalId, identities: p.profile.identities, profile: p.profile.fields, occurredAt: p.occurredAt.toISOString(), localDate: p.localDate, storeId: p.storeId,
      storeCode: p.storeCode, channel: p.channel, currency: p.currency, totalMinor: p.totalMinor, discountMinor: p.discountMinor, promoCode: p.promoCode,
      lines: p.lines, consent: p.profile.consentChanges,
    }),
  );
  return {
    externalId, requestHash, identities: p.identities, profile: p.profile, occurredAt: p.occurredAt, localDate: p.localDate, storeId: p.storeId,
    storeCode: p.storeCode, storeName: p.storeName, channel: p.channel, currency: p.currency, totalMinor: p.totalMinor, discountMinor: p.discountMinor, promoCode: p.promoCode, lines: p.lines,
  };
}

/**
 * What a purchase is, apart from its order id and the customer's profile: who bought (by
 * normalised identity), when, where, for how much, what. A file without order ids keys its
 * rows by this, so it is the same purchase however the file spells it (4.5 or 4.50, an
 * e-mail in capitals) or whichever profile columns it maps.
 */
export function purchaseMeaning(p: PreparedPurchase): string {
  return sha256(JSON.stringify({
    identities: [...p.identities].map((i) => `${i.kind}:${i.value}`).sort(), occurredAt: p.occurredAt.toISOString(), storeId: p.storeId, channel: p.channel,
    currency: p.currency, totalMinor: p.totalMinor, discountMinor: p.discountMinor, promoCode: p.promoCode,
    lines: p.lines.map((l) => [l.sku, l.quantity, l.unit_price_minor]),
  })).slice(0, 32);
}

/** Prepares many; a failure becomes that item's error instead of failing the batch. */
export async function prepareMany(inputs: unknown[], ctx: PrepareContext): Promise<(PreparedPurchase | AppError)[]> {
  const out: (PreparedPurchase | AppError)[] = [];
  for (const input of inputs) {
    try {
      out.push(await preparePurchase(input, ctx));
    } catch (error) {
      if (error instanceof AppError) out.push(error);
      else throw error;
    }
  }
  return out;
}

export const purchaseKeyLock = (externalId: string) => `purchase:${externalId}`;
export const refundKeyLock = (externalId: string) => `refund:${externalId}`;
