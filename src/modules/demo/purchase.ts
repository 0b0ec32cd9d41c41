import { CATEGORY_MIX, daypartOf, PRODUCTS, PROMOS, type Category, type Daypart, type Product, type Promo } from './catalogue.ts';
import type { DemoProfile } from './profile.ts';
import { weightedTable, type Random } from './random.ts';
import { DEMO_STORES } from './stores.ts';

// One demo purchase: a basket that fits the place and the time of day, maybe a promo
// code, maybe a refund later. Amounts are whole cents until they are written out, so
// total = sum(lines) − discount holds exactly.

export type DemoChannel = 'in_store' | 'online' | 'phone';

export interface DemoLine {
  sku: string;
  name: string;
  category: Category;
  quantity: number;
  unit_price: string;
}

export interface DemoPurchaseInput {
  external_id: string;
  /** The full profile on a customer's first purchase; afterwards only the identity a till or web shop knows. */
  customer: Partial<DemoProfile>;
  occurred_at: string;
  store: string | null;
  channel: DemoChannel;
  total: string;
  discount: string;
  promo_code: string | null;
  lines: DemoLine[];
}

export interface DemoRefund {
  external_id: string;
  /** Absent: the whole purchase. */
  amount?: string;
  reason: string;
  occurred_at: string;
}

export interface DemoPurchase {
  input: DemoPurchaseInput;
  refund?: DemoRefund;
}

/** What a customer tends to buy. */
export interface BasketHabits {
  /** Mean number of extra lines beyond the first. */
  extraLines: number;
  /** The usual drink, and how often a visit starts with it. */
  favourite: Product;
  loyalty: number;
  catering: boolean;
}

export const cents = (value: number) => `${Math.floor(value / 100)}.${String(value % 100).padStart(2, '0')}`;

// Sampling tables, built once: per place (a store code or the web shop), daypart and
// December (gift boxes sell then).
const tables = new Map<string, (random: Random) => Product>();
function productTable({ place, daypart, december }: { place: string; daypart: Daypart; december: boolean }) {
  const key = `${place}|${daypart}|${december}`;
  let table = tables.get(key);
  if (!table) {
    const localWeight = (product: Product) => (!product.local ? 1 : product.local === place ? 6 : place === 'online' ? 0.5 : 0.15);
    const categoryWeight = new Map<Category, number>();
    for (const product of PRODUCTS) categoryWeight.set(product.category, (categoryWeight.get(product.category) ?? 0) + localWeight(product));
    const mix = CATEGORY_MIX[daypart];
    const season = (c: Category) => (december && c === 'retail' ? 3 : december && c === 'cakes' ? 1.3 : 1);
    table = weightedTable(PRODUCTS.map((p) => [p, (mix[p.category] * season(p.category) * localWeight(p)) / categoryWeight.get(p.category)!] as const));
    tables.set(key, table);
  }
  return table;
}

const drinkTables = new Map(DEMO_STORES.map((s) => [s.code, weightedTable(PRODUCTS.filter((p) => p.category === 'coffee' || p.category === 'tea').map((p) => [p, !p.local ? 1 : p.local === s.code ? 8 : 0.1] as const))]));
export const favouriteDrink = (random: Random, store: string) => drinkTables.get(store)!(random);

export interface PurchaseContext {
  random: Random;
  externalId: string;
  customer: Partial<DemoProfile>;
  habits: BasketHabits;
  channel: DemoChannel;
  store: string;
  /** Local wall time: hour and ISO text; the instant for the refund's date. */
  hour: number;
  occurredAt: { ms: number; iso: string };
  december: boolean;
  first: boolean;
  /** No refund may be dated after it. */
  end: number;
}

export function demoPurchase(ctx: PurchaseContext): DemoPurchase {
  const { random, channel } = ctx;
  const lines = basket(ctx);
  const subtotal = lines.reduce((sum, l) => sum + l.cents * l.quantity, 0);
  const promo = promoFor(ctx);
  const discount = promo ? Math.round((subtotal * promo.percent) / 100) : 0;
  const total = subtotal - discount;
  const input: DemoPurchaseInput = {
    external_id: ctx.externalId,
    customer: ctx.customer,
    occurred_at: ctx.occurredAt.iso,
    store: channel === 'online' ? null : ctx.store,
    channel,
    total: cents(total),
    discount: cents(discount),
    promo_code: promo?.code ?? null,
    lines: lines.map((l) => ({ sku: l.sku, name: l.name, category: l.category, quantity: l.quantity, unit_price: cents(l.cents) })),
  };
  // Deliveries go wrong more often than a counter sale.
  const refundRate = channel === 'online' ? 0.05 : channel === 'phone' ? 0.03 : 0.018;
  if (!random.chance(refundRate)) return { input };

  const cheapest = lines.reduce((a, b) => (b.cents < a.cents ? b : a));
  const partial = (lines.length > 1 || cheapest.quantity > 1) && random.chance(0.4);
  const delay = channel === 'in_store' ? random.next() * 2 : 1 + random.next() * 9; // days
  const refundAt = Math.min(ctx.occurredAt.ms + Math.round(delay * 86_400_000), ctx.end);
  const reasons = channel === 'in_store' ? IN_STORE_REASONS : DELIVERY_REASONS;
  return {
    input,
    refund: {
      external_id: `${ctx.externalId}-r`,
      // One unit of the cheapest line, less its share of the discount.
      ...(partial ? { amount: cents(Math.round((cheapest.cents * total) / subtotal)) } : {}),
      reason: partial ? random.pick(PARTIAL_REASONS) : random.pick(reasons),
      occurred_at: new Date(refundAt).toISOString(),
    },
  };
}

const IN_STORE_REASONS = ['wrong order', 'quality complaint', 'charged twice'];
const DELIVERY_REASONS = ['damaged in delivery', 'order arrived too late', 'changed my mind'];
const PARTIAL_REASONS = ['one item was missing', 'one item was wrong', 'one item was sold out'];

function basket(ctx: PurchaseContext): (Product & { quantity: number })[] {
  const { random, habits, channel } = ctx;
  const catering = channel === 'phone';
  const place = channel === 'online' ? 'online' : ctx.store;
  const table = productTable({ place, daypart: channel === 'online' ? 'online' : catering ? 'morning' : daypartOf(ctx.hour), december: ctx.december });
  // The web shop and office orders are bigger; a counter sale is often one coffee.
  const count = catering ? random.int(3, 5) : Math.min(5, 1 + random.poisson(habits.extraLines + (channel === 'online' ? 1 : 0)));
  const lines: (Product & { quantity: number })[] = [];
  for (let i = 0; i < count; i++) {
    const product = i === 0 && channel === 'in_store' && random.chance(habits.loyalty) ? habits.favourite : table(random);
    const quantity = catering ? random.int(6, 20) : 1 + (random.chance(MORE_THAN_ONE[product.category]) ? 1 + random.poisson(0.4) : 0);
    const same = lines.find((l) => l.sku === product.sku);
    if (same) same.quantity += quantity;
    else lines.push({ ...product, quantity });
  }
  return lines;
}

// How often a line is for more than one: rolls for the family, a coffee for a friend.
const MORE_THAN_ONE: Record<Category, number> = { coffee: 0.1, tea: 0.06, bakery: 0.18, bread: 0.08, cakes: 0.12, lunch: 0.05, deli: 0.06, drinks: 0.08, retail: 0.03 };

function promoFor({ random, channel, hour, december, first }: PurchaseContext): Promo | undefined {
  if (first && random.chance(0.15)) return PROMOS.welcome;
  if (channel === 'in_store' && hour >= 14 && hour < 17 && random.chance(0.12)) return PROMOS.happyHour;
  if (channel === 'online' && random.chance(0.18)) return PROMOS.web;
  if (december && random.chance(0.1)) return PROMOS.advent;
  if (random.chance(0.012)) return PROMOS.friend;
  return undefined;
}
