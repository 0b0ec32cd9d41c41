import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices } from '../../../../test/helpers/services.ts';
import { recordAll } from '../../../../test/helpers/purchases.ts';

// Back-dated purchases sent one at a time, every review between them and now already due:
// alone, the first purchase's review rightly moved the member down; the second shows they
// went gold before it and held gold past it. The history cannot be rewritten (the down was
// published), so it says at once, dated when recorded, the tiers the history lacks — the
// tier a purchase earned at is one it names — and ends where the same purchases sent
// together do, as do the tier, its period and the points (README: Tiers).

type Services = Awaited<ReturnType<typeof openTestServices>>;

/** The café's program (examples/program.json): 10 points per euro, at most 5,000 a day; spend over a rolling 12 months, 30 days of grace; silver from 250.00 (× 1.25), gold from 750.00 (× 1.5). */
const cafe = (() => {
  const doc = JSON.parse(readFileSync(new URL('../../../../examples/program.json', import.meta.url), 'utf8')) as Record<string, unknown>;
  delete doc.$schema;
  return doc;
})();

const NOW = '2026-12-04T12:00:00.000Z';
// 300.00 reaches silver; 600.00 a month on makes 900.00 in its window: gold; 10.00 renews gold (910.00).
const purchases = [['1', '2024-01-05T12:00:00Z', '300.00'], ['2', '2024-02-01T12:00:00Z', '600.00'], ['3', '2024-03-01T12:00:00Z', '10.00']] as const;
const input = (card: string, [n, at, total]: readonly [string, string, string]) => ({ external_id: `${card}-${n}`, customer: { external_id: card }, occurred_at: at, total });

async function historyOf(s: Services, customerId: string) {
  return (await s.loyalty.tierHistory(customerId)).items.map((h) => ({ from: h.from, to: h.to, reason: h.reason, at: h.at }));
}

async function eventsOf(s: Services, customerId: string) {
  const rows = await s.db.selectFrom('events').select('payload').where('type', '=', 'loyalty.tier_changed').where('customer_id', '=', customerId).execute();
  return rows.map((r) => { const p = r.payload as { from: string; to: string; reason: string }; return `${p.from}>${p.to} ${p.reason}`; }).sort();
}

/** What each purchase earned (its earn entry), in the purchases' order. */
async function earned(s: Services, card: string) {
  const out: number[] = [];
  for (const [n] of purchases) {
    const id = (await s.commerce.get(`${card}-${n}`)).id;
    const e = await s.db.selectFrom('loyalty_entries').select('points').where('source_id', '=', id).where('kind', '=', 'earn').executeTakeFirstOrThrow();
    out.push(Number(e.points));
  }
  return out;
}

async function tierOf(s: Services, customerId: string) {
  const account = await s.loyalty.account(customerId);
  if (!account.member) throw new Error('not a member');
  return account.tier!;
}

describe('back-dated purchases sent one at a time (the café program, now 2026-12-04)', () => {
  let s: Services;
  beforeAll(async () => {
    s = await openTestServices();
    s.clock.set(NOW);
    await s.loyalty.applyProgram({ program: cafe, effective_from: '2024-01-01T00:00:00Z' }, { actor: 'test' });
  });
  afterAll(() => s?.close());

  it('one at a time: the same tier and points, and a history that names gold at once and chains', async () => {
    const [o1] = await recordAll(s, [input('apart', purchases[0])]);
    // Alone, 300.00 is silver until 2025-01-05, reviewed on 2025-02-04: member.
    expect(o1.loyalty).toMatchObject({ tier: 'member' });
    const first = await historyOf(s, o1.customerId);
    expect(first.map((h) => [h.from, h.to])).toEqual([['member', 'silver'], ['silver', 'member']]);
    // 600.00 shows the member went gold on 2024-02-01 and held it past that review: said now.
    await recordAll(s, [input('apart', purchases[1])]);
    const second = await historyOf(s, o1.customerId);
    expect(second.slice(0, 2)).toEqual(first);
    expect(second.slice(2).map((h) => [h.from, h.to, h.reason])).toEqual([['member', 'gold', 'qualified'], ['gold', 'member', 'tier period ended']]);
    for (const h of second.slice(2)) expect(Date.parse(h.at) - Date.parse(NOW)).toBeLessThan(1000);
    // 10.00 earns at gold, and the history has said gold already: nothing more to say.
    await recordAll(s, [input('apart', purchases[2])]);
    const history = await historyOf(s, o1.customerId);
    expect(history).toEqual(second);
    for (let i = 1; i < history.length; i++) expect(history[i].from).toBe(history[i - 1].to);
    expect(await eventsOf(s, o1.customerId)).toEqual(history.map((h) => `${h.from}>${h.to} ${h.reason}`).sort());
    expect(await earned(s, 'apart')).toEqual([3000, 5000, 150]);
    // The tier and its period are those of the same purchases sent together, since the last change the history records.
    const [b1] = await recordAll(s, purchases.map((p) => input('together', p)));
    expect(await earned(s, 'together')).toEqual([3000, 5000, 150]);
    const batchTier = await tierOf(s, b1.customerId);
    expect(await tierOf(s, o1.customerId)).toMatchObject({ code: batchTier.code, valid_until: batchTier.valid_until, since: history.at(-1)!.at });
  });
});
