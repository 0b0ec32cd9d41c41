import { FUTURE_ALLOWANCE_MS, instantOf, localDate } from '../../shared/clock.ts';
import { AppError, invalidField } from '../../shared/errors.ts';
import { sha256 } from '../../shared/hash.ts';
import { say } from '../../shared/messages/index.ts';
import { amountField } from '../../shared/money.ts';
import { parseInput, refusedTogether } from '../../shared/validation.ts';
import type { CustomerService, Identity, PreparedProfile } from '../customers/index.ts';
import type { Store, StoreService } from '../stores/index.ts';
import { discountBeyondLines } from './purchase-lines.ts';
import { PurchaseInput, referralCodeOf } from './purchase.schema.ts';

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
  /** The referral code as sent (trimmed), claimed with the purchase; null: none. Not in requestHash: its key keeps it beside (keptRequestOf). */
  referralCode: string | null;
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

/**
 * Validates a purchase and prepares it. Every field's problem is told at once, as an
 * import tells every problem of a line (QA F9: a bad date, a total with three decimals and
 * another currency were told one per request, each fix showing the next): the schema's
 * issues, then each check that needs the business (its currency and stores) or the clock,
 * on every field the schema could read. One problem is refused as it always was; several
 * are one 422 listing them all (validation.ts refusedTogether). The checks are CPU only but for the stores,
 * read from their cache: a valid purchase costs what it did, and a refused one makes no
 * round trip a valid one would not.
 */
export async function preparePurchase(input: unknown, ctx: PrepareContext): Promise<PreparedPurchase> {
  let data: PurchaseInput;
  try {
    data = parseInput(PurchaseInput, input, 'purchase');
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    // The schema refused some fields: the others are checked too, each as parsed alone.
    const others = await checkedFields(fieldsThatParse(input), ctx);
    throw refusedTogether('purchase', [error, ...others.errors]);
  }
  const checked = await checkedFields(data, ctx);
  if (checked.errors.length > 0) throw refusedTogether('purchase', checked.errors);
  const { store, occurredAt } = checked;
  const profile = checked.profile!;
  const timeZone = store?.time_zone ?? ctx.timeZone;
  return withOrderId({
    externalId: data.external_id, requestHash: '', identities: profile.identities, profile, occurredAt: occurredAt!, localDate: localDate(occurredAt!, timeZone),
    storeId: store?.id ?? null, storeCode: store?.code ?? null, storeName: store?.name ?? null, channel: data.channel ?? (store ? 'in_store' : 'other'), currency: ctx.currency,
    totalMinor: checked.totalMinor!, discountMinor: checked.discountMinor!, promoCode: data.promo_code || null, referralCode: data.referral_code || null, lines: checked.lines!,
  }, data.external_id);
}

/** What the checks after the schema read, and each refusal they met (none: all of it is read). */
interface Checked {
  errors: AppError[];
  store: Store | undefined;
  profile: PreparedProfile | undefined;
  occurredAt: Date | undefined;
  totalMinor: number | undefined;
  discountMinor: number | undefined;
  lines: PreparedPurchase['lines'] | undefined;
}

/**
 * The checks after the schema, on the fields given (all of a parsed purchase; those that
 * parse alone of a refused one): each refusal kept, in the order of the fields. Amounts
 * are read in the business's currency, the only one a purchase may be in, so a total with
 * too many decimals is told so beside another currency.
 */
async function checkedFields(data: Partial<PurchaseInput>, ctx: PrepareContext): Promise<Checked> {
  const errors: AppError[] = [];
  const currency = ctx.currency;
  if (data.currency != null && data.currency !== currency) {
    errors.push(invalidField('currency', say('purchase.not_business_currency', { currency: data.currency, business: currency })));
  }
  // Stores are read from their cache (store.service.ts).
  const store = data.store ? await kept(errors, () => ctx.stores.require(data.store!)) : undefined;
  let occurredAt: Date | undefined;
  if (data.occurred_at !== undefined) {
    occurredAt = instantOf(data.occurred_at, store?.time_zone ?? ctx.timeZone);
    if (occurredAt.getTime() > ctx.now.getTime() + FUTURE_ALLOWANCE_MS) errors.push(invalidField('occurred_at', say('occurrence.in_future')));
  }
  const totalMinor = data.total === undefined ? undefined : keptNow(errors, () => amountField('total', data.total!, currency));
  const discountMinor = data.discount === undefined ? 0 : keptNow(errors, () => amountField('discount', data.discount!, currency));
  let profile: PreparedProfile | undefined;
  if (data.customer !== undefined) {
    profile = await kept(errors, () => ctx.customers.prepareProfile(data.customer!, ctx.source, ctx.now, 'customer.'));
    if (profile && profile.identities.length === 0) errors.push(invalidField('customer', say('customer.needs_identity')));
  }
  const lines = data.lines?.map((line, i) => ({
    line_no: i + 1,
    sku: line.sku ?? null,
    name: line.name ?? null,
    category: line.category ?? null,
    quantity: String(line.quantity),
    unit_price_minor: keptNow(errors, () => amountField(`lines.${i}.unit_price`, line.unit_price, currency)) ?? 0,
  }));
  // The discount is taken from the lines (purchase-lines.ts); told only when the amounts it
  // compares were read (a price refused is told as itself, not as a discount too big).
  if (lines?.length && discountMinor && errors.every((e) => !e.problems.some((p) => p.field.startsWith('lines.')))) {
    const beyond = discountBeyondLines(discountMinor, lines.map((l) => ({ quantity: l.quantity, unitPriceMinor: l.unit_price_minor })), currency);
    if (beyond) errors.push(beyond);
  }
  return { errors, store, profile, occurredAt, totalMinor, discountMinor, lines };
}

/** What `read` answers, or undefined when it refuses the input (kept in `errors`); anything else is thrown. */
function keptNow<T>(errors: AppError[], read: () => T): T | undefined {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof AppError) || error.kind !== 'invalid') throw error;
    errors.push(error);
    return undefined;
  }
}

async function kept<T>(errors: AppError[], read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await read();
  } catch (error) {
    if (!(error instanceof AppError) || error.kind !== 'invalid') throw error;
    errors.push(error);
    return undefined;
  }
}

/** The fields of a purchase the schema refused that parse on their own (a field's schema alone). */
function fieldsThatParse(input: unknown): Partial<PurchaseInput> {
  const out: Record<string, unknown> = {};
  if (!input || typeof input !== 'object' || Array.isArray(input)) return out;
  for (const [field, schema] of Object.entries(PurchaseInput.shape)) {
    const parsed = schema.safeParse((input as Record<string, unknown>)[field]);
    if (parsed.success) out[field] = parsed.data;
  }
  return out as Partial<PurchaseInput>;
}


/**
 * The prepared purchase under an order id, with its request hash. The hash covers what the
 * purchase means, not how it was spelled ("9.5" vs 9.50). Every object here is built by
 * this code in a fixed key order, so plain JSON is canonical without sorting keys. The
 * order is that of the stored hashes: changing it would turn every retry of an earlier
 * purchase into a conflict.
 */
export function withOrderId(p: PreparedPurchase, externalId: string): PreparedPurchase {
  const hash = sha256(
    JSON.stringify({
      externalId, identities: p.profile.identities, profile: p.profile.fields, occurredAt: p.occurredAt.toISOString(), localDate: p.localDate, storeId: p.storeId,
      storeCode: p.storeCode, channel: p.channel, currency: p.currency, totalMinor: p.totalMinor, discountMinor: p.discountMinor, promoCode: p.promoCode,
      lines: p.lines, consent: p.profile.consentChanges,
    }),
  );
  return {
    externalId, requestHash: hash, identities: p.identities, profile: p.profile,
    occurredAt: p.occurredAt, localDate: p.localDate, storeId: p.storeId, storeCode: p.storeCode, storeName: p.storeName, channel: p.channel, currency: p.currency,
    totalMinor: p.totalMinor, discountMinor: p.discountMinor, promoCode: p.promoCode, referralCode: p.referralCode, lines: p.lines,
  };
}

/**
 * What an order id's key keeps of the request it was recorded with (purchase_keys): the
 * request hash, and the referral code in the claim's spelling (referralCodeOf), beside the
 * hash rather than in it (migration 0031) — a purchase sent without one keeps the hash it
 * always had, a retry spelling the code otherwise is the same request, and a 409 for an
 * order id sent again with another code (or none) names the code it was recorded with,
 * which nothing else stores: a refused code is not kept anywhere else.
 */
export interface KeptRequest {
  request_hash: string;
  referral_code: string | null;
}

export const keptRequestOf = (p: PreparedPurchase): KeptRequest => ({ request_hash: p.requestHash, referral_code: p.referralCode === null ? null : referralCodeOf(p.referralCode) });

/** Whether a purchase is the request an order id was recorded (or first sent) with: a retry when it is, a conflict when not. */
export function isSameRequest(kept: KeptRequest, p: PreparedPurchase): boolean {
  const sent = keptRequestOf(p);
  return kept.request_hash === sent.request_hash && kept.referral_code === sent.referral_code;
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
