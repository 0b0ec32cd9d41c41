import { withFields } from '../../../shared/objects.ts';
import { invalid, type RaisedProblem } from '../../../shared/errors.ts';
import { say, tell, told } from '../../../shared/messages/index.ts';
import { COLUMN_SYNONYMS, looseName, PRICE_NAMES } from './column-names.ts';

// Which columns of the user's file hold which canonical field. Canonical names are the
// documented CSV headers; `--map canonical=column` points one at a differently named
// column, and `--map canonical=` (the upload's map: "") at none, even a column of the field's
// own name or one guessed for it: a guessed store column of store names failed every row, and
// there was no way to import the file without it. Header matching ignores case and surrounding spaces.

/** What a file can hold: the kinds of import, each with its own columns. */
export const IMPORT_KINDS = ['purchases', 'customers', 'refunds', 'points'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export function isImportKind(kind: string): kind is ImportKind {
  return (IMPORT_KINDS as readonly string[]).includes(kind);
}

/** The columns of a line item, in a file with one row per item bought. */
export const LINE_COLUMNS = ['line_sku', 'line_name', 'line_category', 'line_quantity', 'line_unit_price'] as const;

/**
 * A file has line items when it maps a line's price (purchases) or SKU (refunds): its rows
 * are items, grouped by the order's or the refund's id.
 */
export const hasLineItems = (kind: ImportKind, layout: ColumnLayout) =>
  (kind === 'purchases' && layout.index.has('line_unit_price')) || (kind === 'refunds' && layout.index.has('line_sku'));

export interface CanonicalField {
  name: string;
  required: boolean;
  /** A required field a file may go without when it has this other one. */
  unless?: string;
}

export const CANONICAL: Record<ImportKind, CanonicalField[]> = {
  purchases: [
    { name: 'external_id', required: false },
    { name: 'customer_external_id', required: false },
    { name: 'customer_email', required: false },
    { name: 'customer_phone', required: false },
    { name: 'occurred_at', required: true },
    { name: 'store', required: false },
    { name: 'channel', required: false },
    { name: 'currency', required: false },
    // Not needed in a file with line items: their prices add up to it.
    { name: 'total', required: true, unless: 'line_unit_price' },
    { name: 'discount', required: false },
    { name: 'promo_code', required: false },
    // The code of the member who referred the buyer, claimed with the purchase (POST /purchases referral_code).
    { name: 'referral_code', required: false },
    { name: 'customer_first_name', required: false },
    { name: 'customer_last_name', required: false },
    { name: 'customer_birthday', required: false },
    { name: 'customer_language', required: false },
    // An order not paid (pending, voided …) is left out: payment-status.ts.
    { name: 'payment_status', required: false },
    // How much of the order was refunded since (Shopify's "Refunded Amount"): refunded-amounts.ts.
    { name: 'refunded_amount', required: false },
    // One row per line item (baskets.ts): the rows of one order id, one after another, are one purchase.
    ...LINE_COLUMNS.map((name) => ({ name, required: false })),
  ],
  customers: [
    { name: 'external_id', required: false },
    { name: 'email', required: false },
    { name: 'phone', required: false },
    { name: 'first_name', required: false },
    { name: 'last_name', required: false },
    { name: 'birthday', required: false },
    { name: 'language', required: false },
    { name: 'time_zone', required: false },
    { name: 'home_store', required: false },
    { name: 'tags', required: false },
    { name: 'email_consent', required: false },
    { name: 'sms_consent', required: false },
  ],
  // A refund names the purchase by its order id; its own id makes running the file again safe.
  refunds: [
    { name: 'purchase', required: true },
    { name: 'external_id', required: true },
    { name: 'amount', required: false },
    { name: 'occurred_at', required: false },
    { name: 'reason', required: false },
    // One row per item returned: the rows of one refund id, one after another, are one refund of those lines.
    { name: 'line_sku', required: false },
    { name: 'line_quantity', required: false },
  ],
  // Opening balances brought from another platform (Smile.io, LoyaltyLion, Yotpo): a row
  // per member, its points a staff adjustment (points-rows.ts, points-pass.ts).
  points: [
    { name: 'external_id', required: false },
    { name: 'email', required: false },
    { name: 'phone', required: false },
    { name: 'points', required: true },
    { name: 'reason', required: false },
    { name: 'expires_at', required: false },
  ],
};

/** At least one of these columns must exist: a row needs some identity. */
export const IDENTITY_COLUMNS: Record<ImportKind, string[]> = {
  purchases: ['customer_external_id', 'customer_email', 'customer_phone'],
  customers: ['external_id', 'email', 'phone'],
  refunds: [],
  points: ['external_id', 'email', 'phone'],
};

/**
 * `total=Amount,customer_email=E-mail` → { total: 'Amount', customer_email: 'E-mail' }. A
 * column's name may hold a comma — `total=Amount, EUR,customer_email=E-mail` — since a pair
 * begins only after a comma followed by `field=`; or be written in double quotes
 * (`total="Amount, EUR"`, a quote in it doubled).
 */
export function parseMapSpec(spec: string | undefined, kind: ImportKind): Record<string, string> {
  if (!spec) return {};
  const known = new Set(CANONICAL[kind].map((f) => f.name));
  const map: Record<string, string> = {};
  const problems: RaisedProblem[] = [];
  for (const pair of mapPairs(spec)) {
    const eq = pair.indexOf('=');
    const canonical = eq > 0 ? pair.slice(0, eq).trim() : '';
    const column = eq > 0 ? unquote(pair.slice(eq + 1).trim()) : '';
    // `field=` maps the field to no column; `=Amount` or `Amount` names no field.
    if (!canonical) problems.push({ field: 'map', reason: say('import.map_not_a_pair', { pair }) });
    else if (!known.has(canonical)) problems.push({ field: 'map', reason: say('import.map_unknown_field', { field: canonical, kind, fields: [...known].join(', ') }) });
    else map[canonical] = column;
  }
  // In the language asked (QA: it was English whatever --language said).
  if (problems.length) throw invalid(told((language) => say('import.bad_map', { problems: problems.map((p) => tell(p.reason, language)).join('; ') }).in(language)), problems);
  return map;
}

/** What follows a comma that begins the next pair: a field's name and "=", or nothing more. */
const NEXT_PAIR = /^\s*([A-Za-z_]\w*\s*=|$)/;

function mapPairs(spec: string): string[] {
  const pairs: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < spec.length; i++) {
    const c = spec[i];
    if (c === '"') quoted = !quoted;
    if (c === ',' && !quoted && NEXT_PAIR.test(spec.slice(i + 1))) {
      pairs.push(current);
      current = '';
    } else current += c;
  }
  pairs.push(current);
  return pairs.map((p) => p.trim()).filter(Boolean);
}

const unquote = (text: string) => (text.length >= 2 && text.startsWith('"') && text.endsWith('"') ? text.slice(1, -1).replaceAll('""', '"') : text);

/**
 * Where an import came from, which names the way its caller maps a column: the command
 * line's `--map canonical=COLUMN`, or the upload's `map` field (the API's, the dashboard's).
 */
export type ImportVia = 'cli' | 'api';

export interface ColumnLayout {
  /** canonical field → index in the row */
  index: Map<string, number>;
  /** canonical field → the column name as the file spells it (for error reports) */
  columnName: Map<string, string>;
}

const norm = (s: string) => s.trim().toLowerCase();

export function resolveColumns({ header, map, kind, via }: { header: string[]; map: Record<string, string>; kind: ImportKind; via: ImportVia }): ColumnLayout {
  const position = new Map(header.map((h, i) => [norm(h), i]));
  const index = new Map<string, number>();
  const columnName = new Map<string, string>();
  const problems: RaisedProblem[] = [];
  for (const field of CANONICAL[kind]) {
    if (map[field.name] === '') continue;
    const wanted = map[field.name] ?? field.name;
    const i = position.get(norm(wanted));
    if (i !== undefined) {
      index.set(field.name, i);
      columnName.set(field.name, header[i]);
    } else if (map[field.name]) {
      problems.push({ field: field.name, reason: say('import.no_such_column', { column: wanted, columns: header.join(', ') }) });
    }
  }
  for (const field of CANONICAL[kind]) {
    if (!field.required || index.has(field.name) || map[field.name] || (field.unless && index.has(field.unless))) continue;
    problems.push({ field: field.name, reason: missingColumn(field, via) });
  }
  if (kind === 'purchases') problems.push(...purchaseColumnProblems(index));
  if (kind === 'refunds' && index.has('line_quantity') && !index.has('line_sku')) {
    problems.push({ field: 'line_sku', reason: say('import.quantity_needs_sku') });
  }
  if (IDENTITY_COLUMNS[kind].length > 0 && !IDENTITY_COLUMNS[kind].some((c) => index.has(c))) {
    problems.push({ field: IDENTITY_COLUMNS[kind].join('|'), reason: say('import.needs_identity', { columns: IDENTITY_COLUMNS[kind].join(', ') }) });
  }
  if (problems.length) throw invalid(say('import.columns_do_not_fit', { problems: told((language) => problems.map((p) => tell(p.reason, language)).join('; ')) }), problems);
  return { index, columnName };
}

/** A required column missing, with the way the caller maps another column to it. */
function missingColumn(field: CanonicalField, via: ImportVia) {
  if (via === 'cli') return field.unless ? say('import.required_column_or', { field: field.name, other: field.unless }) : say('import.required_column', { field: field.name });
  const example = JSON.stringify({ [field.name]: 'COLUMN' });
  return field.unless ? say('import.required_column_or_api', { field: field.name, example, other: field.unless }) : say('import.required_column_api', { field: field.name, example });
}

/** Line items need their price, and their order id to be grouped by. */
function purchaseColumnProblems(index: Map<string, number>): RaisedProblem[] {
  const lineColumns = LINE_COLUMNS.filter((c) => index.has(c));
  if (!index.has('line_unit_price')) {
    return lineColumns.length === 0 ? [] : [{ field: 'line_unit_price', reason: say('import.lines_need_price', { columns: lineColumns.join(', ') }) }];
  }
  if (!index.has('external_id')) return [{ field: 'external_id', reason: say('import.lines_need_order_id') }];
  return [];
}

/** Guesses a mapping for the dashboard's preview: exact names first, then common names in five languages (column-names.ts). */
export function suggestMap(header: string[], kind: ImportKind): Record<string, string> {
  // "Order ID", "order-id", "order_id" and "Ordre-nr." are one name here (column-names.ts).
  const loose = looseName;
  const lower = header.map(loose);
  const out: Record<string, string> = {};
  for (const field of CANONICAL[kind]) {
    const exact = lower.indexOf(field.name);
    const candidates = (COLUMN_SYNONYMS[`${kind}:${field.name}`] ?? COLUMN_SYNONYMS[field.name] ?? []).map(loose);
    const i = exact >= 0 ? exact : lower.findIndex((h) => candidates.includes(h));
    if (i >= 0 && !Object.values(out).includes(header[i])) out[field.name] = header[i];
  }
  // Shopify's orders export names the order "Name" (#1001); elsewhere a "Name" is a person's.
  const name = lower.indexOf('name');
  if (kind === 'purchases' && !out.external_id && name >= 0 && lower.includes('lineitem_quantity')) out.external_id = header[name];
  // Beside a quantity or a SKU, a row is an item, and its "price" the item's, not the order's total
  // (in each language: a Slovenian one-row-per-purchase file's "Cena" was guessed as an item's price).
  if (kind === 'purchases' && out.total && PRICE_NAMES.includes(loose(out.total)) && !out.line_unit_price && (out.line_quantity || out.line_sku)) {
    const { total, ...rest } = out;
    return withFields(rest, { line_unit_price: total });
  }
  return out;
}
