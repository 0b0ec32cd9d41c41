import { sha256 } from '../../shared/hash.ts';
import type { ColumnLayout, ImportKind } from './mapping.ts';

// A CSV row becomes the same input object the API takes, so one set of rules validates
// both. Empty cells are absent values.

type Row = string[];
export const cell = (row: Row, layout: ColumnLayout, field: string): string | undefined => {
  const i = layout.index.get(field);
  const value = i === undefined ? undefined : row[i]?.trim();
  return value ? value : undefined;
};

export function purchaseInput(row: Row, layout: ColumnLayout, externalId: string) {
  const get = (f: string) => cell(row, layout, f);
  return {
    external_id: externalId,
    customer: {
      external_id: get('customer_external_id'),
      email: get('customer_email'),
      phone: get('customer_phone'),
      first_name: get('customer_first_name'),
      last_name: get('customer_last_name'),
      birthday: get('customer_birthday'),
      language: get('customer_language'),
    },
    occurred_at: get('occurred_at') ?? '',
    store: get('store'),
    channel: get('channel'),
    currency: get('currency'),
    total: get('total') ?? '',
    discount: get('discount'),
    promo_code: get('promo_code'),
  };
}

/** A refund row: the purchase it refunds, and the body the refunds API takes (an empty amount refunds the rest). */
export function refundRow(row: Row, layout: ColumnLayout) {
  const get = (f: string) => cell(row, layout, f);
  return {
    purchase: get('purchase') ?? '',
    input: { external_id: get('external_id') ?? '', amount: get('amount'), occurred_at: get('occurred_at'), reason: get('reason') },
  };
}

const YES = new Set(['yes', 'y', 'true', '1', 'granted']);
const NO = new Set(['no', 'n', 'false', '0', 'withdrawn']);
const consentOf = (value: string | undefined): boolean | string | undefined =>
  value === undefined ? undefined : YES.has(value.toLowerCase()) ? true : NO.has(value.toLowerCase()) ? false : value;

export function customerInput(row: Row, layout: ColumnLayout) {
  const get = (f: string) => cell(row, layout, f);
  const tags = get('tags');
  const email = consentOf(get('email_consent'));
  const sms = consentOf(get('sms_consent'));
  return {
    external_id: get('external_id'),
    email: get('email'),
    phone: get('phone'),
    first_name: get('first_name'),
    last_name: get('last_name'),
    birthday: get('birthday'),
    language: get('language'),
    time_zone: get('time_zone'),
    home_store: get('home_store'),
    tags: tags ? tags.split(/[|;]/).map((t) => t.trim()).filter(Boolean) : undefined,
    consent: email === undefined && sms === undefined ? undefined : { ...(email === undefined ? {} : { email }), ...(sms === undefined ? {} : { sms }) },
  };
}

/**
 * Keys for files without an order id: the row's content plus how many identical rows
 * came before it in the file. Importing the same file again yields the same keys (so
 * nothing is added), while two genuinely identical purchases in one file stay two.
 */
export function createRowKeyer(kind: ImportKind, layout: ColumnLayout) {
  const seen = new Map<string, number>();
  const hasKey = kind === 'purchases' && layout.index.has('external_id');
  return (row: Row): string => {
    if (hasKey) return cell(row, layout, 'external_id') ?? '';
    const content = sha256(JSON.stringify([...layout.index.entries()].sort().map(([f, i]) => [f, row[i]?.trim() ?? '']))).slice(0, 32);
    const n = (seen.get(content) ?? 0) + 1;
    seen.set(content, n);
    return `import:${content}:${n}`;
  };
}

/** Maps a field path of the input object back to the canonical column it came from. */
export function canonicalOfField(kind: ImportKind, field: string): string {
  if (kind === 'customers') {
    if (field.startsWith('consent.')) return `${field.split('.')[1]}_consent`;
    return field.split('.')[0];
  }
  if (field.startsWith('customer.')) return `customer_${field.split('.')[1]}`;
  if (field === 'customer') return 'customer_external_id';
  return field.split('.')[0];
}
