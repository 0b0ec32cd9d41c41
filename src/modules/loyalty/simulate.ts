import { sql } from 'kysely';
import type { Db } from '../../db/index.ts';
import { toMajor, currencyExponent } from '../../shared/money.ts';
import { pointsForPurchase, tierIndexFor, tierValidUntil, windowStart, type Program, type PurchaseFacts } from './program.ts';

// `regulars loyalty simulate`: replays stored purchases against a proposed program —
// nothing is written — and reports what it would cost and how members' tiers would
// move, next to the program in force replayed the same way. The replay uses the same
// earning and tier functions as the live accrual (program.ts).

export interface SimulationReport {
  since: string;
  until: string;
  purchases: number;
  customers: number;
  proposed: ProgramOutcome;
  current: ProgramOutcome | null;
  /** proposed − current, in points and in the currency. */
  difference: { points: number; value: string } | null;
  /** Members by tier at the end of the replay under the proposed rules vs their tier today. */
  tiers: { code: string; proposed: number; today: number }[];
  moves: { up: number; down: number; unchanged: number };
  duration_ms: number;
}

interface ProgramOutcome {
  version: number | null;
  points: number;
  purchase_points: number;
  bonus_points: number;
  value: string;
  currency: string;
}

interface ReplayPurchase extends PurchaseFacts {
  customerId: string;
  refundedMinor: number;
  firstEver: boolean;
}

interface CustomerState {
  tier: number;
  validUntil: number | null;
  /** Qualifying values in the tier window, oldest first, from `head` on; `sum` is theirs. */
  times: number[];
  values: number[];
  head: number;
  sum: number;
  cap: Map<string, number> | null;
}

/**
 * One program's replay: per-customer tier state and points, fed purchases in time order.
 * Built for a million purchases: window sums are kept incrementally, and the window's
 * start is computed once per day.
 */
class Replay {
  points = 0;
  purchasePoints = 0;
  bonusPoints = 0;
  private state = new Map<string, CustomerState>();
  private windowOffsets = new Map<number, number>();

  constructor(private program: Program, private timeZone: string) {}

  get customers(): number {
    return this.state.size;
  }

  feed(p: ReplayPurchase) {
    const doc = this.program.document;
    let s = this.state.get(p.customerId);
    if (!s) {
      s = { tier: 0, validUntil: null, times: [], values: [], head: 0, sum: 0, cap: null };
      this.state.set(p.customerId, s);
    }
    const levels = doc.tiers?.levels;
    const t = p.occurredAt.getTime();
    if (levels) this.placeInTier(s, t);
    const tier = levels ? levels[s.tier].code : null;
    const earned = pointsForPurchase(this.program, p, { tier });
    let points = earned.points;
    if (doc.earning.daily_cap) {
      s.cap ??= new Map();
      const used = s.cap.get(p.localDate) ?? 0;
      points = Math.min(points, Math.max(0, doc.earning.daily_cap - used));
      s.cap.set(p.localDate, used + points);
      if (s.cap.size > 3) s.cap.delete(s.cap.keys().next().value!);
    }
    let bonus = p.firstEver && doc.bonuses.first_purchase && p.totalMinor > 0 ? doc.bonuses.first_purchase : 0;
    // Refunds take back their share, as the live ledger does.
    if (p.refundedMinor > 0 && p.totalMinor > 0) {
      const keep = (n: number) => (p.refundedMinor >= p.totalMinor ? 0 : n - Math.round((n * p.refundedMinor) / p.totalMinor));
      points = keep(points);
      bonus = keep(bonus);
    }
    this.purchasePoints += points;
    this.bonusPoints += bonus;
    this.points += points + bonus;
    if (levels) {
      const metric = doc.tiers!.metric;
      const v = metric === 'spend' ? p.totalMinor - p.refundedMinor : metric === 'purchases' ? (p.refundedMinor < p.totalMinor ? 1 : 0) : points + bonus;
      s.times.push(t);
      s.values.push(v);
      s.sum += v;
      this.placeInTier(s, t);
    }
  }

  /** Start of the window ending at t: the offset depends only on the (UTC) day, so it is computed once a day. */
  private windowStartOf(t: number): number {
    if (this.program.document.tiers?.window === 'lifetime') return -Infinity;
    const day = Math.floor(t / 86_400_000);
    let offset = this.windowOffsets.get(day);
    if (offset === undefined) {
      const at = new Date(t);
      offset = t - (windowStart(this.program, at, this.timeZone)?.getTime() ?? -Infinity);
      if (this.program.document.tiers?.window === 'calendar_year') return t - offset; // depends on the date itself: not cached
      this.windowOffsets.set(day, offset);
    }
    return t - offset;
  }

  private metric(s: CustomerState, t: number): number {
    const start = this.windowStartOf(t);
    while (s.head < s.times.length && s.times[s.head] < start) {
      s.sum -= s.values[s.head];
      s.head++;
    }
    if (s.head > 64 && s.head * 2 > s.times.length) {
      s.times = s.times.slice(s.head);
      s.values = s.values.slice(s.head);
      s.head = 0;
    }
    return s.sum;
  }

  private placeInTier(s: CustomerState, t: number) {
    const target = tierIndexFor(this.program, this.metric(s, t));
    const grace = this.program.document.tiers!.grace_days * 86_400_000;
    const renew = () => (target === 0 ? null : tierValidUntil(this.program, new Date(t), this.timeZone)?.getTime() ?? null);
    if (target > s.tier || (target === s.tier && target > 0)) {
      s.tier = target;
      s.validUntil = renew();
    } else if (target < s.tier && s.validUntil !== null && s.validUntil + grace <= t) {
      s.tier = target;
      s.validUntil = renew();
    }
  }

  /** Tier index per customer at `at` (periods that ended by then are reviewed). */
  finalTiers(at: Date): Map<string, number> {
    const out = new Map<string, number>();
    if (!this.program.document.tiers) return out;
    for (const [id, s] of this.state) {
      this.placeInTier(s, at.getTime());
      out.set(id, s.tier);
    }
    return out;
  }

  outcome(currency: string): ProgramOutcome {
    const value = Math.round(this.points * Number(this.program.document.point_value) * 10 ** currencyExponent(currency));
    return { version: this.program.version || null, points: this.points, purchase_points: this.purchasePoints, bonus_points: this.bonusPoints, value: toMajor(value, currency), currency };
  }
}

const PAGE = 20_000;

export async function simulateProgram({ db, proposed, current, since, now, currency, timeZone }: {
  db: Db; proposed: Program; current: Program | undefined; since: Date; now: Date; currency: string; timeZone: string;
}): Promise<SimulationReport> {
  const started = Date.now();
  const replays = [new Replay(proposed, timeZone), ...(current ? [new Replay(current, timeZone)] : [])];
  const needsLines = [proposed, current].some((p) => p && [...p.document.earning.multipliers, ...p.document.earning.promotions].some((m) => m.when?.categories || m.when?.skus));
  const stores = new Map((await db.selectFrom('stores').select(['id', 'code']).execute()).map((s) => [s.id, s.code]));
  // Only customers whose first purchase falls in the replay can earn a first-purchase bonus in it.
  const firsts = new Map((await sql<{ customer_id: string; at_text: string }>`
    SELECT customer_id, first_purchase_at::text AS at_text FROM customer_stats WHERE first_purchase_at >= ${since}`.execute(db)).rows.map((r) => [r.customer_id, r.at_text]));
  type Row = { customer_id: string; id: string; occurred_at: Date; at_text: string; local_date: string; store_id: string | null; channel: string; total_minor: number; refunded_minor: number; lines: { sku: string | null; category: string | null; quantity: string; unit_price_minor: number }[] | null };
  // One cursor over the purchases in time order, read a page at a time: memory stays flat
  // however many purchases there are, and the occurred_at index is walked once (keyset
  // pages made the planner re-sort the rest of the table for every page). Read-only,
  // in its own transaction.
  let purchases = 0;
  await db.transaction().execute(async (trx) => {
    await sql`
      DECLARE simulation NO SCROLL CURSOR FOR
      SELECT p.customer_id, p.occurred_at, p.occurred_at::text AS at_text, p.local_date::text AS local_date, p.store_id, p.channel,
             p.total_minor, p.refunded_minor
             ${needsLines ? sql`, (SELECT json_agg(json_build_object('sku', l.sku, 'category', l.category, 'quantity', l.quantity, 'unit_price_minor', l.unit_price_minor))
                                  FROM purchase_lines l WHERE l.customer_id = p.customer_id AND l.purchase_id = p.id) AS lines` : sql`, NULL AS lines`}
      FROM purchases p
      WHERE p.occurred_at >= ${since} AND p.occurred_at <= ${now}
      ORDER BY p.occurred_at`.execute(trx);
    const fetchPage = async () => (await sql<Row>`FETCH ${sql.raw(String(PAGE))} FROM simulation`.execute(trx)).rows;
    let next = fetchPage();
    for (;;) {
      const page = await next;
      if (page.length === 0) break;
      // The next page is read while this one is replayed.
      next = page.length < PAGE ? Promise.resolve([]) : fetchPage();
      for (const row of page) {
        const p: ReplayPurchase = {
          customerId: row.customer_id, occurredAt: row.occurred_at instanceof Date ? row.occurred_at : new Date(row.occurred_at), localDate: row.local_date,
          storeCode: row.store_id ? stores.get(row.store_id) ?? null : null, channel: row.channel, totalMinor: Number(row.total_minor), refundedMinor: Number(row.refunded_minor),
          lines: (row.lines ?? []).map((l) => ({ sku: l.sku, category: l.category, quantity: Number(l.quantity), unitPriceMinor: Number(l.unit_price_minor) })),
          firstEver: firsts.get(row.customer_id) === row.at_text,
        };
        for (const r of replays) r.feed(p);
      }
      purchases += page.length;
    }
    await sql`CLOSE simulation`.execute(trx);
  });

  const finalTiers = replays[0].finalTiers(now);
  const levels = proposed.document.tiers?.levels ?? [];
  const today = new Map((await db.selectFrom('loyalty_members').select(['customer_id', 'tier']).where('tier', 'is not', null).execute()).map((r) => [r.customer_id, r.tier!]));
  const moves = { up: 0, down: 0, unchanged: 0 };
  const counts = new Map<string, { proposed: number; today: number }>(levels.map((l) => [l.code, { proposed: 0, today: 0 }]));
  for (const [customerId, index] of finalTiers) {
    const code = levels[index].code;
    counts.get(code)!.proposed++;
    const todayCode = today.get(customerId);
    const todayIndex = todayCode ? levels.findIndex((l) => l.code === todayCode) : 0;
    if (todayCode && counts.has(todayCode)) counts.get(todayCode)!.today++;
    else if (!todayCode) counts.get(levels[0].code)!.today++;
    if (todayIndex < 0 || index > todayIndex) moves.up++;
    else if (index < todayIndex) moves.down++;
    else moves.unchanged++;
  }
  const proposedOutcome = replays[0].outcome(currency);
  const currentOutcome = replays[1]?.outcome(currency) ?? null;
  const exp = currencyExponent(currency);
  return {
    since: since.toISOString(),
    until: now.toISOString(),
    purchases,
    customers: replays[0].customers,
    proposed: proposedOutcome,
    current: currentOutcome,
    difference: currentOutcome ? { points: proposedOutcome.points - currentOutcome.points, value: toMajor(Math.round(Number(proposedOutcome.value) * 10 ** exp) - Math.round(Number(currentOutcome.value) * 10 ** exp), currency) } : null,
    tiers: [...counts].map(([code, c]) => ({ code, ...c })),
    moves,
    duration_ms: Date.now() - started,
  };
}
