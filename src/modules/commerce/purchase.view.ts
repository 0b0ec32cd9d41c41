import { toMajor } from '../../shared/money.ts';
import type { Store } from '../stores/index.ts';
import type { PreparedPurchase } from './purchase.prepare.ts';
import type { PurchaseRow } from './purchase.repository.ts';

// What the API and the dashboard show of a purchase: amounts as decimal strings.
export interface PurchaseView {
  id: string;
  external_id: string;
  customer_id: string;
  occurred_at: string;
  local_date: string;
  /** The store's code, as a client sends it. */
  store: string | null;
  /** The store's name, for people reading the purchase (the dashboard's timeline) without a look-up of stores per row. */
  store_name: string | null;
  channel: string;
  currency: string;
  total: string;
  discount: string;
  refunded: string;
  net: string;
  promo_code: string | null;
  source: string;
  lines: { sku: string | null; name: string | null; category: string | null; quantity: number; unit_price: string }[];
  /** Each with the lines it named as returned (none: a refund by amount), so a refund's amount can be read against what came back. */
  refunds: { id: string; external_id: string; amount: string; reason: string | null; occurred_at: string; lines: { sku: string | null; quantity: number }[] }[];
}

export function purchaseView(row: PurchaseRow, storesById: Map<string, Store>): PurchaseView {
  const c = row.currency;
  return {
    id: row.id,
    external_id: row.external_id,
    customer_id: row.customer_id,
    occurred_at: new Date(row.occurred_at).toISOString(),
    local_date: row.local_date,
    store: row.store_id ? (storesById.get(row.store_id)?.code ?? null) : null,
    store_name: row.store_id ? (storesById.get(row.store_id)?.name ?? null) : null,
    channel: row.channel,
    currency: c,
    total: toMajor(row.total_minor, c),
    discount: toMajor(row.discount_minor, c),
    refunded: toMajor(row.refunded_minor, c),
    net: toMajor(Number(row.total_minor) - Number(row.refunded_minor), c),
    promo_code: row.promo_code,
    source: row.source,
    lines: row.lines.map((l) => ({ sku: l.sku, name: l.name, category: l.category, quantity: Number(l.quantity), unit_price: toMajor(l.unit_price_minor, c) })),
    refunds: row.refunds.map((r) => ({ id: r.id, external_id: r.external_id, amount: toMajor(r.amount_minor, c), reason: r.reason, occurred_at: new Date(r.occurred_at).toISOString(),
      lines: r.lines.map((l) => ({ sku: l.sku ?? null, quantity: Number(l.quantity) })),
    })),
  };
}

/** The view of a purchase this process just wrote, without reading it back. */
export function preparedPurchaseView(p: PreparedPurchase, { id, customerId, source }: { id: string; customerId: string; source: string }): PurchaseView {
  const c = p.currency;
  return {
    id,
    external_id: p.externalId,
    customer_id: customerId,
    occurred_at: p.occurredAt.toISOString(),
    local_date: p.localDate,
    store: p.storeCode,
    store_name: p.storeName,
    channel: p.channel,
    currency: c,
    total: toMajor(p.totalMinor, c),
    discount: toMajor(p.discountMinor, c),
    refunded: toMajor(0, c),
    net: toMajor(p.totalMinor, c),
    promo_code: p.promoCode,
    source,
    lines: p.lines.map((l) => ({ sku: l.sku, name: l.name, category: l.category, quantity: Number(l.quantity), unit_price: toMajor(l.unit_price_minor, c) })),
    refunds: [],
  };
}

export interface CustomerStatsView {
  first_purchase_at: string | null;
  last_purchase_at: string | null;
  purchases: number;
  purchase_days: number;
  gross_spend: string;
  refunded: string;
  net_spend: string;
  average_order_value: string;
}

export function statsView(
  row: { first_purchase_at: Date | null; last_purchase_at: Date | null; purchases_count: number; purchase_days: number; gross_spend_minor: number; refunded_minor: number; net_spend_minor: number } | undefined,
  currency: string,
): CustomerStatsView {
  const purchases = row?.purchases_count ?? 0;
  const net = row?.net_spend_minor ?? 0;
  return {
    first_purchase_at: row?.first_purchase_at?.toISOString() ?? null,
    last_purchase_at: row?.last_purchase_at?.toISOString() ?? null,
    purchases,
    purchase_days: row?.purchase_days ?? 0,
    gross_spend: toMajor(row?.gross_spend_minor ?? 0, currency),
    refunded: toMajor(row?.refunded_minor ?? 0, currency),
    net_spend: toMajor(net, currency),
    // Rounded half up to the minor unit: the only place an amount is divided.
    average_order_value: toMajor(purchases ? Math.round(net / purchases) : 0, currency),
  };
}
