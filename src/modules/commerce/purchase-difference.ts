import { instantOf, isDateOnly } from '../../shared/clock.ts';
import { AppError, type FieldProblem } from '../../shared/errors.ts';
import { toMajor, toMinor } from '../../shared/money.ts';
import type { Identity } from '../customers/index.ts';
import type { PreparedPurchase } from './purchase.prepare.ts';
import type { RefundInput } from './purchase.schema.ts';
import type { ReturnedLine } from './refund-lines.ts';
import { returnedLine } from './refund-meaning.ts';

// An order id (or a refund id) sent again with other values is a 409, and only a hash of
// the first body is kept: the hash tells that something differs, not what. A till's
// developer needs the what, so on that rare path the caller reads back what was recorded
// and these functions compare it with the request, field by field, in the forms both are
// stored in (minor units, instants, store ids, normalised identities): "9.5" and "9.50",
// or one instant written in two offsets, are never reported as a difference. Pure, so the
// CSV import can name the same differences for a row.

/** A purchase as recorded, in the normal forms of a PreparedPurchase. */
export interface RecordedPurchase {
  currency: string;
  totalMinor: number;
  discountMinor: number;
  occurredAt: Date;
  storeId: string | null;
  storeCode: string | null;
  channel: string;
  promoCode: string | null;
  lines: { sku: string | null; name: string | null; category: string | null; quantity: string | number; unit_price_minor: number }[];
  /**
   * The identities of the customer it is recorded for, as stored now; null when that
   * customer was erased. A customer may have gained identities since the purchase, so only
   * an identity of the request that the customer lacks is a difference.
   */
  customerIdentities: Identity[] | null;
}

/** A refund as recorded: its lines as the request gave them. */
export interface RecordedRefund {
  currency: string;
  amountMinor: number;
  occurredAt: Date;
  reason: string | null;
  lines: ReturnedLine[];
}

const IDENTITY_KINDS = ['external_id', 'email', 'phone'] as const;

/**
 * What differs between a purchase as recorded and a request with its order id: one problem
 * per field (`total`, `occurred_at`, `lines.1.quantity`, `customer.email`, …), its reason the
 * recorded value and this request's. Times are both shown in `timeZone` (the recorded
 * store's), so they read side by side. Empty when every compared value is equal.
 */
export function describePurchaseDifference({ recorded, request, timeZone }: { recorded: RecordedPurchase; request: PreparedPurchase; timeZone: string }): FieldProblem[] {
  const out: FieldProblem[] = [];
  const differ = (field: string, was: string, now: string) => {
    if (was !== now) out.push({ field, reason: `${was} (this request: ${now})` });
  };
  differ('total', toMajor(recorded.totalMinor, recorded.currency), toMajor(request.totalMinor, request.currency));
  differ('discount', toMajor(recorded.discountMinor, recorded.currency), toMajor(request.discountMinor, request.currency));
  differ('currency', recorded.currency, request.currency);
  if (recorded.occurredAt.getTime() !== request.occurredAt.getTime()) {
    differ('occurred_at', timeIn(recorded.occurredAt, timeZone), timeIn(request.occurredAt, timeZone));
  }
  if (recorded.storeId !== request.storeId) differ('store', recorded.storeCode ?? recorded.storeId ?? 'none', request.storeCode ?? 'none');
  differ('channel', recorded.channel, request.channel);
  differ('promo_code', quoted(recorded.promoCode), quoted(request.promoCode));
  out.push(...lineDifferences(
    recorded.lines.map((l) => ({ sku: l.sku, quantity: Number(l.quantity), unit_price: toMajor(l.unit_price_minor, recorded.currency), name: l.name, category: l.category })),
    request.lines.map((l) => ({ sku: l.sku, quantity: Number(l.quantity), unit_price: toMajor(l.unit_price_minor, request.currency), name: l.name, category: l.category })),
  ));
  if (recorded.customerIdentities) {
    for (const kind of IDENTITY_KINDS) {
      const asked = request.identities.find((i) => i.kind === kind);
      if (!asked || recorded.customerIdentities.some((i) => i.kind === kind && i.value === asked.value)) continue;
      const held = recorded.customerIdentities.filter((i) => i.kind === kind).map((i) => i.value);
      differ(`customer.${kind}`, held.join(', ') || 'none', asked.value);
    }
  }
  return out;
}

/** A purchase prepared earlier (in the same batch) as a RecordedPurchase: its identities are exactly the ones it named. */
export function recordedOfPrepared(p: PreparedPurchase): RecordedPurchase {
  return {
    currency: p.currency, totalMinor: p.totalMinor, discountMinor: p.discountMinor, occurredAt: p.occurredAt, storeId: p.storeId, storeCode: p.storeCode,
    channel: p.channel, promoCode: p.promoCode, lines: p.lines, customerIdentities: p.identities,
  };
}

/**
 * What differs between a refund as recorded and a request with its refund id. An amount
 * or a time the request leaves out was worked out when the first one was recorded (the
 * rest of the purchase, the moment it came), so only those the request gives are compared.
 * A date alone is the start of that day in `timeZone` (the purchase's store's), as
 * refundMeaning reads it.
 */
export function describeRefundDifference({ recorded, request, timeZone }: { recorded: RecordedRefund; request: RefundInput; timeZone: string }): FieldProblem[] {
  const out: FieldProblem[] = [];
  const differ = (field: string, was: string, now: string) => {
    if (was !== now) out.push({ field, reason: `${was} (this request: ${now})` });
  };
  if (request.amount !== undefined) differ('amount', toMajor(recorded.amountMinor, recorded.currency), amountText(request.amount, recorded.currency));
  if (request.occurred_at !== undefined) {
    const at = instantOf(request.occurred_at, timeZone);
    // A refund dated by its day alone was stored at that day's UTC midnight before it meant
    // the day's start in the store's zone; one recorded then was the same day.
    const sameDayAsStoredThen = isDateOnly(request.occurred_at) && new Date(request.occurred_at).getTime() === recorded.occurredAt.getTime();
    if (at.getTime() !== recorded.occurredAt.getTime() && !sameDayAsStoredThen) differ('occurred_at', timeIn(recorded.occurredAt, timeZone), timeIn(at, timeZone));
  }
  // An empty reason was stored as written before it was none.
  differ('reason', quoted(recorded.reason || null), quoted(request.reason || null));
  out.push(...lineDifferences(recorded.lines.map(returnedLine), (request.lines ?? []).map(returnedLine)));
  return out;
}

/** The 409 for an order id recorded with other values: the differences in its message and as its field problems. */
export const purchaseConflict = (externalId: string, differences: FieldProblem[]) => otherValuesConflict(`Purchase ${externalId}`, differences);

/** The 409 for a refund id recorded with other values. */
export const refundConflict = (externalId: string, differences: FieldProblem[]) => otherValuesConflict(`Refund ${externalId}`, differences);

function otherValuesConflict(subject: string, differences: FieldProblem[]): AppError {
  // Nothing stored differs, yet the hash does: a field that is not kept (a customer's
  // name, consent) or a body hashed by an older scheme.
  if (differences.length === 0) return new AppError('conflict', `${subject} was already recorded with a different body (a field not stored differs)`);
  const listed = differences.map((d) => `${d.field} ${d.reason}`).join('; ');
  return new AppError('conflict', `${subject} was already recorded with other values: ${listed}`, differences);
}

type Line = { sku: string | null; quantity: number } & Record<string, string | number | null>;

/**
 * The lines' count when it differs, and the first line that differs (lines are matched by
 * position, as they are stored): each of its fields that differ, or the whole line when
 * one side has none at that position. Later lines are left out: the first one is enough
 * to find the mistake, and a shifted list would make every later line "differ".
 */
function lineDifferences(recorded: Line[], request: Line[]): FieldProblem[] {
  const out: FieldProblem[] = [];
  const count = (n: number) => `${n} line${n === 1 ? '' : 's'}`;
  if (recorded.length !== request.length) out.push({ field: 'lines', reason: `${count(recorded.length)} (this request: ${count(request.length)})` });
  for (let i = 0; i < Math.max(recorded.length, request.length); i++) {
    const [was, now] = [recorded[i], request[i]];
    if (!was || !now) {
      out.push({ field: `lines.${i}`, reason: `${was ? lineText(was) : 'none'} (this request: ${now ? lineText(now) : 'none'})` });
      return out;
    }
    const fields = Object.keys(was).filter((k) => was[k] !== now[k]);
    if (fields.length > 0) {
      for (const k of fields) out.push({ field: `lines.${i}.${k}`, reason: `${valueText(was[k])} (this request: ${valueText(now[k])})` });
      return out;
    }
  }
  return out;
}

const lineText = (line: Line) => Object.entries(line).filter(([, v]) => v !== null).map(([k, v]) => `${k} ${valueText(v)}`).join(', ');
const valueText = (v: string | number | null) => (v === null ? 'none' : String(v));
const quoted = (text: string | null) => (text === null ? 'none' : JSON.stringify(text));

/** An amount as the request wrote it, in major units when it is one the currency can hold. */
function amountText(amount: string | number, currency: string): string {
  try {
    return toMajor(toMinor(amount, currency), currency);
  } catch {
    return String(amount);
  }
}

/** An instant as local time in a zone, with the zone's offset then: 2026-05-01T10:00:00+02:00. */
function timeIn(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', timeZoneName: 'longOffset',
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const ms = at.getUTCMilliseconds();
  // "GMT+02:00", or "GMT" alone where the offset is zero.
  const offset = part('timeZoneName').replace('GMT', '') || '+00:00';
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}:${part('second')}${ms ? `.${String(ms).padStart(3, '0')}` : ''}${offset}`;
}
