import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices } from '../../../../test/helpers/services.ts';
import { recordAll } from '../../../../test/helpers/purchases.ts';
import { cafe, NOW, purchases, input, historyOf, eventsOf, earned, tierOf } from '../../../../test/helpers/cafe-tiers.ts';
import { csvFiles } from '../../../../test/helpers/csv-files.ts';
import { recordPurchases } from '../../../workflows/record-purchases.ts';
import { withFields } from '../../../shared/objects.ts';
import { importCsv } from '../../imports/index.ts';

// The same purchases, recorded long after they were made (every review between them and now
// already due), end in the same tier history however they arrive: in one batch, or in a file
// whatever its chunks (a chunk ends at any row, and a member's purchases fall in different
// chunks). Each chunk makes the reviews due by its last purchase, the import those due by
// now at its end: a review made at once by an earlier chunk would be published before the
// next chunk showed it never happened (sent one at a time: tier-told-again.test.ts).

type Services = Awaited<ReturnType<typeof openTestServices>>;

describe('back-dated purchases whose reviews are all due by now (the café program, now 2026-12-04)', () => {
  let s: Services;
  const files = csvFiles('tier-batching');
  beforeAll(async () => {
    s = await openTestServices();
    s.clock.set(NOW);
    await s.loyalty.applyProgram({ program: cafe, effective_from: '2024-01-01T00:00:00Z' }, { actor: 'test' });
  });
  afterAll(async () => {
    await s?.close();
    files.remove();
  });

  const importFile = (card: string, recordSize: number, filler: number) => {
    // Other customers' rows between them, so a chunk of `recordSize` ends between the member's purchases.
    const rows = purchases.flatMap((p, i) => [
      `${card}-${p[0]},${card},${p[1]},${p[2]}`,
      ...Array.from({ length: i < 2 ? filler : 0 }, (_, k) => `${card}-f${i}-${k},${card}-f${i}-${k},${p[1].replace('T12', 'T13')},1.00`),
    ]);
    return importCsv({
      deps: s, kind: 'purchases', file: files.write(['external_id,customer_external_id,occurred_at,total', ...rows]), recordSize,
      record: (inputs, o) => recordPurchases(s, inputs, withFields(o, { deferContended: true })),
    });
  };

  it('gives the same history in one batch and in a file split at any row, gold named, each change chained', async () => {
    const [b1] = await recordAll(s, purchases.map((p) => input('batch', p)));
    const batch = await historyOf(s, b1.customerId);
    // Silver at 300.00, gold at 600.00; 10.00 renews gold until 2025-03-01, reviewed 30 days on with nothing in the window: member.
    expect(batch.map((h) => [h.from, h.to, h.reason])).toEqual([
      ['member', 'silver', 'qualified'], ['silver', 'gold', 'qualified'], ['gold', 'member', 'tier period ended'],
    ]);
    expect(batch.slice(0, 2).map((h) => h.at)).toEqual(['2024-01-05T12:00:00.000Z', '2024-02-01T12:00:00.000Z']);
    // 300.00 at member; 600.00 at silver (× 1.25: 7,500, the daily cap leaves 5,000); 10.00 at gold (× 1.5).
    expect(await earned(s, 'batch')).toEqual([3000, 5000, 150]);
    const tier = await tierOf(s, b1.customerId);
    expect(tier).toMatchObject({ code: 'member', since: batch[2].at });

    for (const [card, recordSize, filler] of [['one-row', 1, 0], ['split', 2, 1], ['wide', 4, 2]] as const) {
      expect(await importFile(card, recordSize, filler)).toMatchObject({ imported: true, invalid: 0 });
      const id = (await s.commerce.get(`${card}-1`)).customer_id;
      expect(await historyOf(s, id), card).toEqual(batch);
      expect(await eventsOf(s, id), card).toEqual(await eventsOf(s, b1.customerId));
      expect(await earned(s, card), card).toEqual([3000, 5000, 150]);
      expect(await tierOf(s, id), card).toEqual(tier);
    }
  });
});
