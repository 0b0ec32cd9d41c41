// The customers and purchases of the purchase benchmarks (api.bench.ts, group-cost.bench.ts).

/**
 * Who buys. A business's purchases come mostly from customers it already knows: in the
 * CDNOW cohort (../shared/data/cdnow, 23,570 customers, 69,659 purchases) a third of the
 * purchases were a customer's first, and that in the cohort's first eighteen months. The
 * base load gives each purchase a customer of its own; the measured phases make a
 * purchase's customer new with probability `newShare` (default 1/3, CDNOW's share) and
 * otherwise draw one already made, the base's included, uniformly (a seeded generator, so
 * runs repeat). api.bench.ts's `--new-customers 1` is the worst case: every purchase makes
 * a customer.
 */
export class Shoppers {
  private purchases = 0;
  private readonly known: string[] = [];
  private seed = 0x5eed;

  constructor(private readonly run: string, private readonly newShare: number) {}

  /** A purchase by a customer never seen before. */
  firstPurchase() {
    const card = `${this.run}-${this.known.length}`;
    this.known.push(card);
    return this.purchaseBy(card);
  }

  /** One more purchase by the `index`-th customer made. */
  repeat(index: number) {
    return this.purchaseBy(this.known[index]);
  }

  /** A purchase in a measured phase. */
  next() {
    return this.known.length === 0 || this.random() < this.newShare ? this.firstPurchase() : this.purchaseBy(this.known[Math.floor(this.random() * this.known.length)]);
  }

  private purchaseBy(card: string) {
    const n = this.purchases++;
    const price = `${(n % 90) + 3}.${String(n % 100).padStart(2, '0')}`;
    return {
      external_id: `bench-${this.run}-${n}`,
      customer: { external_id: `card-${card}`, email: `c${card}@example.com` },
      occurred_at: new Date(Date.UTC(2026, 0, 1) + (n % 300) * 86400_000).toISOString(),
      total: price,
      lines: [{ sku: `SKU-${n % 40}`, name: 'Item', category: n % 3 === 0 ? 'coffee' : 'cat', quantity: 1, unit_price: price }],
    };
  }

  /** mulberry32: small, fast, and enough to spread customers. */
  private random() {
    let t = (this.seed = (this.seed + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
}
