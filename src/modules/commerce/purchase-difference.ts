import { instantOf, isDateOnly, timeIn } from '../../shared/clock.ts';
import { fieldDifferences, NO_VALUE, otherValuesConflict, recordedAndRequested } from '../../shared/differences.ts';
import type { RaisedProblem } from '../../shared/errors.ts';
import { say, told, type Said } from '../../shared/messages/index.ts';
import { toMajor, toMinor } from '../../shared/money.ts';
import { countedName, type CountedName } from '../../shared/plural.ts';
import type { Identity } from '../customers/index.ts';
import type { PreparedPurchase } from './purchase.prepare.ts';
import { referralCodeOf, type RefundInput } from './purchase.schema.ts';
import type { ReturnedLine } from './refund-lines.ts';
import { returnedLine } from './refund-meaning.ts';

// An order id (or a refund id) sent again with other values is a 409 that names what
// differs (src/shared/differences.ts says how): these functions compare what was recorded
// with the request, field by field, in the forms both are stored in (minor units,
// instants, store ids, normalised identities). Pure, so the CSV import can name the same
// differences for a row. Told in the request's language as a gift card's 409 is (the
// catalogue's conflict.value_differs, purchase.recorded_otherwise, …); the values
// themselves — amounts, instants, codes, field names inside a line — stay as written.

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
  /**
   * The referral code it carried, in the claim's spelling (its key keeps it:
   * purchase.prepare.ts keptRequestOf); null: none; undefined: not known here.
   */
  referralCode?: string | null;
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
export function describePurchaseDifference({ recorded, request, timeZone }: { recorded: RecordedPurchase; request: PreparedPurchase; timeZone: string }): RaisedProblem[] {
  const { found: out, differ } = fieldDifferences();
  differ('total', toMajor(recorded.totalMinor, recorded.currency), toMajor(request.totalMinor, request.currency));
  differ('discount', toMajor(recorded.discountMinor, recorded.currency), toMajor(request.discountMinor, request.currency));
  differ('currency', recorded.currency, request.currency);
  if (recorded.occurredAt.getTime() !== request.occurredAt.getTime()) {
    differ('occurred_at', timeIn(recorded.occurredAt, timeZone), timeIn(request.occurredAt, timeZone));
  }
  if (recorded.storeId !== request.storeId) differ('store', recorded.storeCode ?? recorded.storeId ?? NO_VALUE, request.storeCode ?? NO_VALUE);
  differ('channel', recorded.channel, request.channel);
  differ('promo_code', quoted(recorded.promoCode), quoted(request.promoCode));
  if (recorded.referralCode !== undefined) differ('referral_code', quoted(recorded.referralCode), quoted(request.referralCode && referralCodeOf(request.referralCode)));
  out.push(...lineDifferences(
    recorded.lines.map((l) => ({ sku: l.sku, quantity: Number(l.quantity), unit_price: toMajor(l.unit_price_minor, recorded.currency), name: l.name, category: l.category })),
    request.lines.map((l) => ({ sku: l.sku, quantity: Number(l.quantity), unit_price: toMajor(l.unit_price_minor, request.currency), name: l.name, category: l.category })),
  ));
  if (recorded.customerIdentities) {
    for (const kind of IDENTITY_KINDS) {
      const asked = request.identities.find((i) => i.kind === kind);
      if (!asked || recorded.customerIdentities.some((i) => i.kind === kind && i.value === asked.value)) continue;
      const held = recorded.customerIdentities.filter((i) => i.kind === kind).map((i) => i.value);
      differ(`customer.${kind}`, held.join(', ') || NO_VALUE, asked.value);
    }
  }
  return out;
}

/** A purchase prepared earlier (in the same batch) as a RecordedPurchase: its identities are exactly the ones it named. */
export function recordedOfPrepared(p: PreparedPurchase): RecordedPurchase {
  return {
    currency: p.currency, totalMinor: p.totalMinor, discountMinor: p.discountMinor, occurredAt: p.occurredAt, storeId: p.storeId, storeCode: p.storeCode,
    channel: p.channel, promoCode: p.promoCode, lines: p.lines, customerIdentities: p.identities, referralCode: p.referralCode && referralCodeOf(p.referralCode),
  };
}

/**
 * What differs between a refund as recorded and a request with its refund id. An amount
 * or a time the request leaves out was worked out when the first one was recorded (the
 * rest of the purchase, the moment it came), so only those the request gives are compared.
 * A date alone is the start of that day in `timeZone` (the purchase's store's), as
 * refundMeaning reads it.
 */
export function describeRefundDifference({ recorded, request, timeZone }: { recorded: RecordedRefund; request: RefundInput; timeZone: string }): RaisedProblem[] {
  const { found: out, differ } = fieldDifferences();
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
export const purchaseConflict = (externalId: string, differences: RaisedProblem[]) => otherValuesConflict({
  differences,
  named: (listed) => say('purchase.recorded_otherwise', { id: externalId, differences: listed }),
  unnamed: say('purchase.recorded_otherwise_unnamed', { id: externalId }),
});

/** The 409 for a refund id recorded with other values. */
export const refundConflict = (externalId: string, differences: RaisedProblem[]) => otherValuesConflict({
  differences,
  named: (listed) => say('refund.recorded_otherwise', { id: externalId, differences: listed }),
  unnamed: say('refund.recorded_otherwise_unnamed', { id: externalId }),
});

// A count of lines agrees with its noun in each language (plural.ts): "1 line", "2 vrstici", "5 строк".
const LINES: CountedName = {
  en: { one: 'line', other: 'lines' },
  sl: { one: 'vrstica', two: 'vrstici', few: 'vrstice', other: 'vrstic' },
  tr: 'satır',
  da: { one: 'linje', other: 'linjer' },
  ru: { one: 'строка', few: 'строки', many: 'строк', other: 'строки' },
};
const lineCount = (n: number) => told((language) => `${n} ${countedName(LINES, language, n)}`);

type Line = { sku: string | null; quantity: number } & Record<string, string | number | null>;

/**
 * The lines' count when it differs, and the first line that differs (lines are matched by
 * position, as they are stored): each of its fields that differ, or the whole line when
 * one side has none at that position. Later lines are left out: the first one is enough
 * to find the mistake, and a shifted list would make every later line "differ".
 */
function lineDifferences(recorded: Line[], request: Line[]): RaisedProblem[] {
  const out: RaisedProblem[] = [];
  if (recorded.length !== request.length) out.push({ field: 'lines', reason: recordedAndRequested(lineCount(recorded.length), lineCount(request.length)) });
  for (let i = 0; i < Math.max(recorded.length, request.length); i++) {
    const [was, now] = [recorded[i], request[i]];
    if (!was || !now) {
      out.push({ field: `lines.${i}`, reason: recordedAndRequested(was ? lineText(was) : NO_VALUE, now ? lineText(now) : NO_VALUE) });
      return out;
    }
    const fields = Object.keys(was).filter((k) => was[k] !== now[k]);
    if (fields.length > 0) {
      for (const k of fields) out.push({ field: `lines.${i}.${k}`, reason: recordedAndRequested(valueText(was[k]), valueText(now[k])) });
      return out;
    }
  }
  return out;
}

const lineText = (line: Line) => Object.entries(line).filter(([, v]) => v !== null).map(([k, v]) => `${k} ${valueText(v)}`).join(', ');
const valueText = (v: string | number | null): string | Said => (v === null ? NO_VALUE : String(v));
const quoted = (text: string | null): string | Said => (text === null ? NO_VALUE : JSON.stringify(text));

/** An amount as the request wrote it, in major units when it is one the currency can hold. */
function amountText(amount: string | number, currency: string): string {
  try {
    return toMajor(toMinor(amount, currency), currency);
  } catch {
    return String(amount);
  }
}
