import { instantOf } from '../../shared/clock.ts';
import { canonicalJson, sha256 } from '../../shared/hash.ts';
import { amountField } from '../../shared/money.ts';
import type { RefundInput } from './purchase.schema.ts';

// What a refund request means, in the forms a refund is stored in, and the hash that tells
// a retry of a refund id from a reuse of it with other values. As a purchase's requestHash
// (purchase.prepare.ts), the hash covers the meaning, not the spelling: "2", 2 and "2.00"
// are one amount; one instant written in two offsets is one time. Reading the meaning
// needs the purchase: its currency for the amount, its store's time zone (else the
// business's) for a date alone — the start of that day where the purchase was made.

/** The context a refund's values are read in. */
export interface RefundContext {
  /** The purchase's. */
  currency: string;
  /** The purchase's store's, else the business's. */
  timeZone: string;
}

export interface RefundMeaning {
  externalId: string;
  /** Null when the request leaves the amount to its lines or to the rest of the purchase: worked out when recorded, not part of the request. */
  amountMinor: number | null;
  /** Null when the request leaves the time to the moment it is recorded. */
  occurredAt: Date | null;
  /** Trimmed (by the schema); an empty reason is none. */
  reason: string | null;
  /** In the order given (lines are stored and compared by position), SKUs trimmed as a purchase's are. */
  lines: { sku: string | null; quantity: number }[];
}

/** The request's meaning; an amount the purchase's currency cannot hold is a 422 naming `amount`. */
export function refundMeaning(data: RefundInput, { currency, timeZone }: RefundContext): RefundMeaning {
  return {
    externalId: data.external_id,
    amountMinor: data.amount === undefined ? null : amountField('amount', data.amount, currency),
    occurredAt: data.occurred_at === undefined ? null : instantOf(data.occurred_at, timeZone),
    reason: data.reason || null,
    lines: (data.lines ?? []).map(returnedLine),
  };
}

/** A line returned as it is stored and compared. */
export const returnedLine = (l: { sku?: string | null; quantity: number | string }) => ({ sku: l.sku?.trim() || null, quantity: Number(l.quantity) });

/**
 * The hash stored with a refund id. The purchase is named by its order id, whichever name
 * the client used. Every object here is built by this code in a fixed key order, so plain
 * JSON is canonical; changing the order (or a field's form) would turn every retry of a
 * refund recorded since into a conflict — add the old form to LEGACY_REFUND_HASHES instead.
 */
export function refundRequestHash(purchaseExternalId: string, m: RefundMeaning): string {
  return sha256(JSON.stringify({
    purchase: purchaseExternalId, externalId: m.externalId, amountMinor: m.amountMinor, occurredAt: m.occurredAt?.toISOString() ?? null, reason: m.reason, lines: m.lines,
  }));
}

/** The purchase a refund is of, by both its names. */
interface PurchaseNames {
  externalId: string;
  id: string;
}

/**
 * The forms refund hashes were stored in before refundRequestHash, each still accepted, and
 * listed here alone: a hash cannot be read back into the request it came from, so the
 * refund_keys of refunds recorded then keep them, and a retry of such a refund must still
 * be answered as a replay (200), not a 409. Those hashes covered the parsed body as written
 * (amount and time as spelled) with the purchase reference: at first the purchase as the
 * client named it (its Regulars id, possibly), later always its order id.
 */
const LEGACY_REFUND_HASHES: ((purchase: PurchaseNames, data: RefundInput) => string)[] = [
  (purchase, data) => bodyAsWritten(purchase.externalId, data),
  (purchase, data) => bodyAsWritten(purchase.id, data),
];

const bodyAsWritten = (purchaseRef: string, data: RefundInput) => sha256(canonicalJson({ purchaseRef, ...data }));

/** Whether a stored hash is this request's: in the current form, or in one a refund recorded before it was stored with. */
export function isHashOfRefund(stored: string, { purchase, data, meaning }: { purchase: PurchaseNames; data: RefundInput; meaning: RefundMeaning }): boolean {
  return stored === refundRequestHash(purchase.externalId, meaning) || LEGACY_REFUND_HASHES.some((legacy) => stored === legacy(purchase, data));
}
