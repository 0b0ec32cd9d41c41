import { startOfLocalDay } from '../../shared/clock.ts';
import { CATEGORY_WEIGHTS, DEMO_STORES, NAMES, PHONE_PATTERNS, PRODUCTS, PROMOS, type DemoLanguage } from './catalogue.ts';
import { createRandom, type Random } from './random.ts';

// The demo's customers and their purchases, generated without I/O. Each customer comes
// from its own PRNG stream (seed, n), so a customer is the same whether 300 or 1,000,000
// are generated, and generation can stream.
//
// Behaviour follows the BG/NBD story the analytics fit: while alive, a customer buys at
// a personal rate λ ~ Gamma; after each purchase they drop out with a personal p ~ Beta.
// On top: acquisition spread over the period, seasons, weekdays and opening hours.

export interface DemoPurchase {
  input: {
    external_id: string;
    customer: Record<string, unknown>;
    occurred_at: string;
    store: string | null;
    channel: 'in_store' | 'online';
    total: string;
    discount: string;
    promo_code: string | null;
    lines: { sku: string; name: string; category: string; quantity: number; unit_price: string }[];
  };
  refund?: { external_id: string; amount?: string; reason: string };
}

export interface DemoCustomer {
  n: number;
  profile: Record<string, unknown>;
  purchases: DemoPurchase[];
}

const DAY = 86_400_000;
const MONTH_WEIGHT = [0.8, 0.75, 0.85, 0.9, 0.95, 0.9, 0.8, 0.75, 0.95, 1, 0.95, 1];
const WEEKDAY_WEIGHT = [0.7, 0.85, 0.85, 0.9, 0.9, 1, 0.95]; // Sunday first
const HOURS: [number, number][] = [[7, 10], [8, 14], [9, 9], [10, 7], [11, 7], [12, 10], [13, 9], [14, 6], [15, 7], [16, 7], [17, 6], [18, 4], [19, 2]];
const cents = (value: number) => `${Math.floor(value / 100)}.${String(value % 100).padStart(2, '0')}`;

export function demoCustomer({ seed, n, start, end }: { seed: number; n: number; start: Date; end: Date }): DemoCustomer {
  const random = createRandom(seed, n);
  const store = random.pick(DEMO_STORES);
  const language = random.weighted(store.languages.map(([l, w]) => [l, w] as const)) as DemoLanguage;
  const profile = makeProfile({ random, seed, n, store, language });

  // Acquisition grows over the period (more customers join later).
  const span = end.getTime() - start.getTime();
  const joined = start.getTime() + Math.pow(random.next(), 0.8) * span * 0.97;
  const ratePerDay = random.gamma(0.9, 0.9) / 7;
  const dropout = random.beta(1.0, 3.5);
  const purchases: DemoPurchase[] = [];
  let t = joined;
  while (t < end.getTime() && purchases.length < 500) {
    const at = new Date(t);
    const local = new Date(t + 2 * 3600_000); // close enough to the stores' zones for the weights
    if (purchases.length === 0 || random.chance(MONTH_WEIGHT[local.getUTCMonth()] * WEEKDAY_WEIGHT[local.getUTCDay()])) {
      const day = at.toISOString().slice(0, 10);
      purchases.push(makePurchase({ random, seed, n, k: purchases.length, day, store, profile }));
      if (random.chance(dropout)) break;
    }
    t += random.exponential(Math.max(ratePerDay, 1 / 3650)) * DAY;
  }
  return { n, profile, purchases: purchases.filter((p) => Date.parse(p.input.occurred_at) <= end.getTime()) };
}

function makeProfile({ random, seed, n, store, language }: { random: Random; seed: number; n: number; store: (typeof DEMO_STORES)[number]; language: DemoLanguage }) {
  const first = random.pick(NAMES[language].first);
  const last = random.pick(NAMES[language].last);
  const ascii = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ı/g, 'i').replace(/ø/g, 'o').replace(/æ/g, 'ae').toLowerCase();
  const hasCard = random.chance(0.9);
  const hasEmail = random.chance(0.85);
  const hasPhone = random.chance(0.5);
  const digit = () => String(random.int(0, 9));
  const email = hasEmail || !hasCard ? `${ascii(first)}.${ascii(last)}.${seed}x${n}@example.com` : undefined;
  const phone = hasPhone ? PHONE_PATTERNS[store.code](digit) : undefined;
  const tags = [random.chance(0.08) ? 'student' : undefined, random.chance(0.04) ? 'office-catering' : undefined].filter(Boolean);
  return {
    external_id: hasCard ? `demo-${seed}-c${n}` : undefined,
    email,
    phone,
    first_name: first,
    last_name: last,
    language,
    time_zone: store.time_zone,
    home_store: store.code,
    birthday: random.chance(0.7) ? `${random.int(1950, 2006)}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}` : undefined,
    tags: tags.length ? tags : undefined,
    consent: {
      ...(email ? { email: random.chance(0.6) } : {}),
      ...(phone ? { sms: random.chance(0.3) } : {}),
    },
  };
}

function makePurchase({ random, seed, n, k, day, store, profile }: {
  random: Random; seed: number; n: number; k: number; day: string; store: (typeof DEMO_STORES)[number]; profile: Record<string, unknown>;
}): DemoPurchase {
  const online = random.chance(0.12);
  const hour = random.weighted(HOURS);
  const occurred = new Date(startOfLocalDay(day, store.time_zone).getTime() + hour * 3600_000 + random.int(0, 59) * 60_000);
  const lineCount = random.weighted([[1, 35], [2, 35], [3, 18], [4, 8], [5, 4]] as const);
  const lines = Array.from({ length: lineCount }, () => {
    const category = random.weighted(CATEGORY_WEIGHTS);
    const [sku, name, , price] = random.pick(PRODUCTS.filter((p) => p[2] === category));
    return { sku, name, category, quantity: random.chance(0.1) ? 2 : 1, unit_price: cents(price), priceCents: price };
  });
  const subtotal = lines.reduce((sum, l) => sum + l.priceCents * l.quantity, 0);
  const promo = random.chance(0.08) ? random.pick(PROMOS) : undefined;
  const discount = promo ? Math.round((subtotal * promo[1]) / 100) : 0;
  const total = subtotal - discount;
  const externalId = `demo-${seed}-${n}-${k}`;
  const refundRoll = random.next();
  const refund = refundRoll < 0.012
    ? { external_id: `demo-${seed}-r-${n}-${k}`, reason: 'customer returned the order' }
    : refundRoll < 0.02
      ? { external_id: `demo-${seed}-r-${n}-${k}`, amount: cents(Math.min(total, lines[0].priceCents)), reason: 'one item was wrong' }
      : undefined;
  return {
    input: {
      external_id: externalId,
      customer: profile,
      occurred_at: occurred.toISOString(),
      store: online ? null : store.code,
      channel: online ? 'online' : 'in_store',
      total: cents(total),
      discount: cents(discount),
      promo_code: promo ? promo[0] : null,
      lines: lines.map(({ priceCents: _p, ...l }) => l),
    },
    refund: refund && total > 0 ? refund : undefined,
  };
}
