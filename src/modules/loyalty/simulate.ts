import { sql } from 'kysely';
import type { Db } from '../../db/index.ts';
import { toMajor, currencyExponent } from '../../shared/money.ts';
import { addDays, pointsForPurchase, tierIndexFor, tierValidUntil, windowStart, type Program, type PurchaseFacts } from './program.ts';

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

/** One program's replay: per-customer tier state and points, fed purchases in time order. */
class Replay {
  points = 0;
  purchasePoints = 0;
  bonusPoints = 0;
  private state = new Map<string, { tier: number; validUntil: Date | null; history: { t: number; v: number }[]; cap: Map<string, number> }>();

  constructor(private program: Program, private timeZone: string) {}

  get customers(): number {
    return this.state.size;
  }

  feed(p: ReplayPurchase) {
    const doc = this.program.document;
    let s = this.state.get(p.customerId);
    if (!s) {
      s = { tier: 0, validUntil: null, history: [], cap: new Map() };
      this.state.set(p.customerId, s);
    }
    const levels = doc.tiers?.levels;
    if (levels) this.placeInTier(s, p.occurredAt);
    const tier = levels ? levels[s.tier].code : null;
    const earned = pointsForPurchase(this.program, p, { tier });
    let points = earned.points;
    if (doc.earning.daily_cap) {
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
      const v = doc.tiers!.metric === 'spend' ? p.totalMinor - p.refundedMinor : doc.tiers!.metric === 'purchases' ? (p.refundedMinor < p.totalMinor ? 1 : 0) : points + bonus;
      s.history.push({ t: p.occurredAt.getTime(), v });
      this.placeInTier(s, p.occurredAt);
    }
  }

  private metric(s: { history: { t: number; v: number }[] }, at: Date): number {
    const start = windowStart(this.program, at, this.timeZone)?.getTime() ?? -Infinity;
    while (s.history.length && s.history[0].t < start) s.history.shift();
    return s.history.reduce((sum, h) => sum + (h.t <= at.getTime() ? h.v : 0), 0);
  }

  private placeInTier(s: { tier: number; validUntil: Date | null; history: { t: number; v: number }[] }, at: Date) {
    const target = tierIndexFor(this.program, this.metric(s, at));
    const grace = this.program.document.tiers!.grace_days;
    if (target > s.tier || (target === s.tier && target > 0)) {
      s.tier = target;
      s.validUntil = target === 0 ? null : tierValidUntil(this.program, at, this.timeZone);
    } else if (target < s.tier && s.validUntil && addDays(s.validUntil, grace) <= at) {
      s.tier = target;
      s.validUntil = target === 0 ? null : tierValidUntil(this.program, at, this.timeZone);
    }
  }

  /** Tier index per customer at `at` (periods that ended by then are reviewed). */
  finalTiers(at: Date): Map<string, number> {
    const out = new Map<string, number>();
    if (!this.program.document.tiers) return out;
    for (const [id, s] of this.state) {
      this.placeInTier(s, at);
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
  // The cursor keeps occurred_at as PostgreSQL's text: a JS Date would cut microseconds and repeat a page.
  let after: { at: string; id: string } | null = null;
  let purchases = 0;
  // Keyset pages in time order keep memory flat however many purchases there are.
  for (;;) {
    const page: { customer_id: string; id: string; occurred_at: Date; at_text: string; local_date: string; store_id: string | null; channel: string; total_minor: number; refunded_minor: number; first_ever: boolean }[] = (await sql<any>`
      SELECT p.customer_id, p.id, p.occurred_at, p.occurred_at::text AS at_text, p.local_date::text AS local_date, p.store_id, p.channel, p.total_minor, p.refunded_minor,
             (s.first_purchase_at = p.occurred_at) AS first_ever
      FROM purchases p LEFT JOIN customer_stats s ON s.customer_id = p.customer_id
      WHERE p.occurred_at >= ${since} AND p.occurred_at <= ${now}
        ${after ? sql`AND (p.occurred_at, p.id) > (${after.at}::timestamptz, ${after.id}::uuid)` : sql``}
      ORDER BY p.occurred_at, p.id LIMIT ${PAGE}`.execute(db)).rows;
    if (page.length === 0) break;
    const lines = new Map<string, PurchaseFacts['lines']>();
    if (needsLines) {
      const rows = await sql<{ purchase_id: string; sku: string | null; category: string | null; quantity: string; unit_price_minor: number }>`
        SELECT purchase_id, sku, category, quantity, unit_price_minor FROM purchase_lines
        WHERE (customer_id, purchase_id) IN (SELECT * FROM unnest(${page.map((p) => p.customer_id)}::uuid[], ${page.map((p) => p.id)}::uuid[]))`.execute(db);
      for (const r of rows.rows) {
        const list = lines.get(r.purchase_id) ?? [];
        list.push({ sku: r.sku, category: r.category, quantity: Number(r.quantity), unitPriceMinor: Number(r.unit_price_minor) });
        lines.set(r.purchase_id, list);
      }
    }
    for (const row of page) {
      const p: ReplayPurchase = {
        customerId: row.customer_id, occurredAt: new Date(row.occurred_at), localDate: row.local_date, storeCode: row.store_id ? stores.get(row.store_id) ?? null : null,
        channel: row.channel, totalMinor: Number(row.total_minor), refundedMinor: Number(row.refunded_minor), lines: lines.get(row.id) ?? [], firstEver: Boolean(row.first_ever),
      };
      for (const r of replays) r.feed(p);
    }
    purchases += page.length;
    const last = page[page.length - 1];
    after = { at: last.at_text, id: last.id };
  }

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
