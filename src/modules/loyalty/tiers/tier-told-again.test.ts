import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices } from '../../../../test/helpers/services.ts';
import { recordAll } from '../../../../test/helpers/purchases.ts';
import { cafe, NOW, purchases, input, historyOf, eventsOf, earned, tierOf } from '../../../../test/helpers/cafe-tiers.ts';

// Back-dated purchases sent one at a time, every review between them and now already due:
// alone, the first purchase's review rightly moved the member down; the second shows they
// went gold before it and held gold past it. The history cannot be rewritten (the down was
// published), so it says at once, dated when recorded, the tiers the history lacks — the
// tier a purchase earned at is one it names — and ends where the same purchases sent
// together do, as do the tier, its period and the points (README: Tiers).

type Services = Awaited<ReturnType<typeof openTestServices>>;

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
