import { readFileSync } from 'node:fs';
import type { openTestServices } from './services.ts';

// The café's back-dated purchases the tier tests send one at a time (tier-told-again.test.ts)
// and in batches and files (tier-batching.test.ts), with what they read back.

type Services = Awaited<ReturnType<typeof openTestServices>>;

/** The café's program (examples/program.json): 10 points per euro, at most 5,000 a day; spend over a rolling 12 months, 30 days of grace; silver from 250.00 (× 1.25), gold from 750.00 (× 1.5). */
export const cafe = (() => {
  const doc = JSON.parse(readFileSync(new URL('../../examples/program.json', import.meta.url), 'utf8')) as Record<string, unknown>;
  delete doc.$schema;
  return doc;
})();

export const NOW = '2026-12-04T12:00:00.000Z';
// 300.00 reaches silver; 600.00 a month on makes 900.00 in its window: gold; 10.00 renews gold (910.00).
export const purchases = [['1', '2024-01-05T12:00:00Z', '300.00'], ['2', '2024-02-01T12:00:00Z', '600.00'], ['3', '2024-03-01T12:00:00Z', '10.00']] as const;
export const input = (card: string, [n, at, total]: readonly [string, string, string]) => ({ external_id: `${card}-${n}`, customer: { external_id: card }, occurred_at: at, total });

export async function historyOf(s: Services, customerId: string) {
  return (await s.loyalty.tierHistory(customerId)).items.map((h) => ({ from: h.from, to: h.to, reason: h.reason, at: h.at }));
}

export async function eventsOf(s: Services, customerId: string) {
  const rows = await s.db.selectFrom('events').select('payload').where('type', '=', 'loyalty.tier_changed').where('customer_id', '=', customerId).execute();
  return rows.map((r) => { const p = r.payload as { from: string; to: string; reason: string }; return `${p.from}>${p.to} ${p.reason}`; }).sort();
}

/** What each purchase earned (its earn entry), in the purchases' order. */
export async function earned(s: Services, card: string) {
  const out: number[] = [];
  for (const [n] of purchases) {
    const id = (await s.commerce.get(`${card}-${n}`)).id;
    const e = await s.db.selectFrom('loyalty_entries').select('points').where('source_id', '=', id).where('kind', '=', 'earn').executeTakeFirstOrThrow();
    out.push(Number(e.points));
  }
  return out;
}

export async function tierOf(s: Services, customerId: string) {
  const account = await s.loyalty.account(customerId);
  if (!account.member) throw new Error('not a member');
  return account.tier!;
}
