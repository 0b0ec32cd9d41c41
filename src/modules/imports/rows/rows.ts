import { sha256 } from '../../../shared/hash.ts';
import { purchaseMeaning, type PreparedPurchase } from '../../commerce/index.ts';
import type { ColumnLayout, ImportKind } from './mapping.ts';

// A CSV row becomes the same input object the API takes, so one set of rules validates
// both. Empty cells are absent values.

type Row = string[];
export const cell = (row: Row, layout: ColumnLayout, field: string): string | undefined => {
  const i = layout.index.get(field);
  const value = i === undefined ? undefined : row[i]?.trim();
  return value ? value : undefined;
};

// PostgreSQL holds no NUL character (U+0000) in text, and a cell of a CSV file may hold one
// (the byte 0): every import met it as a crash from the database ("invalid byte sequence",
// "unsupported Unicode escape sequence"), nothing written and no row named. So a row with
// one in a column it maps is refused at that column, as the API refuses such text in a body
// (its words, text.unstorable_char). The API's other such character, half of a UTF-16
// surrogate pair, cannot come out of a file: bytes that would encode one are not UTF-8
// (encoding.ts stops the import at them), and a decoder of another encoding writes U+FFFD
// for one (imports/unstorable-cells.test.ts).
export const NUL = '\u0000';

/** The fields whose cells in `row` hold a NUL character, in the file's order of columns. */
export function fieldsHoldingNul(row: Row, layout: ColumnLayout): string[] {
  if (!row.some((value) => value.includes(NUL))) return [];
  return [...layout.index].filter(([, i]) => row[i]?.includes(NUL)).sort((a, b) => a[1] - b[1]).map(([field]) => field);
}

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
    referral_code: get('referral_code'),
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

/** The channels a row gives consent for (a channel left empty is not in it: the API would read it as a bad value). */
function consentOfRow(email: boolean | string | undefined, sms: boolean | string | undefined) {
  if (email === undefined && sms === undefined) return undefined;
  const consent: Partial<Record<'email' | 'sms', boolean | string>> = {};
  if (email !== undefined) consent.email = email;
  if (sms !== undefined) consent.sms = sms;
  return consent;
}

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
    consent: consentOfRow(email, sms),
  };
}

/** The order id a row of a file without order ids is prepared under, before its key by meaning replaces it. */
export const KEY_BY_MEANING = 'import:by-meaning';

/**
 * The keys of a purchases file's rows: their order ids, or, for a file without them, what
 * each purchase is (purchaseMeaning: who, when, where, how much, what) plus how many
 * identical purchases came before it in the file. Importing the same purchases again yields
 * the same keys — however the file spells them (4.5 or 4.50), whichever profile columns it
 * maps — so nothing is added, while two genuinely identical purchases in one file stay two.
 * Files imported before purchases were keyed by meaning were keyed by the row's cells as
 * written (`ofRow`): those keys are looked up too, so such a file adds nothing either.
 */
export function createRowKeys(kind: ImportKind, layout: ColumnLayout) {
  const rowsSeen = new Map<string, number>();
  const meaningsSeen = new Map<string, number>();
  const keyless = kind === 'purchases' && !layout.index.has('external_id');
  const nth = (seen: Map<string, number>, content: string) => {
    const n = (seen.get(content) ?? 0) + 1;
    seen.set(content, n);
    return `import:${content}:${n}`;
  };
  return {
    keyless,
    /** Purchases of a file without order ids found imported before (counted, not recorded again). */
    duplicates: 0,
    ofRow(row: Row): string {
      if (!keyless) return cell(row, layout, 'external_id') ?? '';
      const content = sha256(JSON.stringify([...layout.index.entries()].sort().map(([f, i]) => [f, row[i]?.trim() ?? '']))).slice(0, 32);
      return nth(rowsSeen, content);
    },
    ofMeaning: (p: PreparedPurchase) => nth(meaningsSeen, purchaseMeaning(p)),
  };
}

/** Maps a field path of the input object back to the canonical column it came from. */
export function canonicalOfField(kind: ImportKind, field: string): string {
  if (kind === 'customers' || kind === 'points') {
    if (field.startsWith('consent.')) return `${field.split('.')[1]}_consent`;
    return field.split('.')[0];
  }
  if (field.startsWith('customer.')) return `customer_${field.split('.')[1]}`;
  if (field === 'customer') return 'customer_external_id';
  return field.split('.')[0];
}
