import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvFiles } from '../../../../test/helpers/csv-files.ts';
import { recordAll } from '../../../../test/helpers/purchases.ts';
import { openTestServices } from '../../../../test/helpers/services.ts';
import { importFile } from '../../../workflows/import-file.ts';
import { parseMapSpec } from '../index.ts';

// A returns file (one row per item returned) refunds and takes back points as the API does
// for the same refunds: the refund checker and the API decide the amount by one rule
// (refund-lines.ts amountOfReturnedLines), and each refund is written through the API's path.
// Two identical baskets of the QA report (examples/program.json; BEANS 2 × 50.00 coffee ×2
// and MUG 4 × 30.00: 3,200 points, after an earlier purchase so no first-purchase bonus):
// one refunded through the API, the other by a file.

const files = csvFiles('refund-lines-points');
let s: Awaited<ReturnType<typeof openTestServices>>;
const actor = { actor: 'test' };
const ids = new Map<string, string>();

beforeAll(async () => {
  s = await openTestServices();
  await s.loyalty.applyProgram({ program: JSON.parse(fs.readFileSync('examples/program.json', 'utf8')) }, actor);
  for (const tag of ['api', 'csv']) {
    const email = `${tag}@example.com`;
    await recordAll(s, [{ external_id: `${tag}-0`, customer: { email }, occurred_at: '2026-05-10T10:00:00Z', total: '5.00' }]);
    const [g1] = await recordAll(s, [{
      external_id: `${tag}-1`, customer: { email }, occurred_at: '2026-05-20T10:00:00Z', total: '220.00',
      lines: [{ sku: 'BEANS', category: 'coffee', quantity: 2, unit_price: '50.00' }, { sku: 'MUG', category: 'merch', quantity: 4, unit_price: '30.00' }],
    }]);
    expect(g1.loyalty?.points_earned).toBe(3200);
    ids.set(tag, g1.purchaseId);
  }
});
afterAll(async () => {
  await s?.close();
  files.remove();
});

/** Each refund of the purchase: its amount, and the points its reversal took back. */
async function refundsOf(purchaseId: string) {
  const p = await s.commerce.get(purchaseId);
  const entries = await s.db.selectFrom('loyalty_entries').select(['idempotency_key', 'points']).where('kind', '=', 'reverse').where('source_id', '=', purchaseId).execute();
  const taken = new Map(entries.map((e) => [e.idempotency_key, -Number(e.points)]));
  return p.refunds.map((r) => ({ amount: r.amount, lines: r.lines, points: taken.get(`refund:${r.id}`) ?? 0 }));
}

describe('a returns file takes back the points the API would', () => {
  it('both bags, one mug refunded at 20.00, the other three: 2,000, 200 (300 × 20 / 30), 900 — the 10.00 kept keeps its 100', async () => {
    const refunds = [
      { id: 'R1', lines: [{ sku: 'BEANS', quantity: 2 }] },
      { id: 'R2', amount: '20.00', lines: [{ sku: 'MUG', quantity: 1 }] },
      { id: 'R3', lines: [{ sku: 'MUG', quantity: 3 }] },
    ];
    for (const r of refunds) await s.commerce.refund('api-1', { external_id: `api-${r.id}`, amount: r.amount, lines: r.lines }, actor);
    const file = files.write([
      'refund,order,sku,qty,amount',
      'csv-R1,csv-1,BEANS,-1,',
      'csv-R1,csv-1,BEANS,-1,',
      'csv-R2,csv-1,MUG,1,20.00',
      'csv-R3,csv-1,MUG,3,',
    ]);
    const map = parseMapSpec('external_id=refund,purchase=order,line_sku=sku,line_quantity=qty,amount=amount', 'refunds');
    expect(await importFile(s, { kind: 'refunds', file, map })).toMatchObject({ created: 3, invalid: 0, imported: true });
    const byApi = await refundsOf(ids.get('api')!);
    expect(byApi).toEqual([
      { amount: '100.00', lines: [{ sku: 'BEANS', quantity: 2 }], points: 2000 },
      { amount: '20.00', lines: [{ sku: 'MUG', quantity: 1 }], points: 200 },
      { amount: '90.00', lines: [{ sku: 'MUG', quantity: 3 }], points: 900 },
    ]);
    // The file names the bags on two rows of one refund: the same refund, line for line.
    expect((await refundsOf(ids.get('csv')!)).map((r) => [r.amount, r.points])).toEqual(byApi.map((r) => [r.amount, r.points]));
    const v = await s.loyalty.verify();
    expect(v.ok).toBe(true);
  });

  it('refuses an amount above what its lines were paid with the API\'s reason, at the row', async () => {
    const fresh = await recordAll(s, [{
      external_id: 'csv-2', customer: { email: 'csv@example.com' }, occurred_at: '2026-05-21T10:00:00Z', total: '50.00',
      lines: [{ sku: 'BEANS', category: 'coffee', quantity: 1, unit_price: '50.00' }],
    }]);
    const api = await s.commerce.refund('csv-2', { external_id: 'api-over', amount: '60.00', lines: [{ sku: 'BEANS', quantity: 1 }] }, actor).catch((e: { problems: unknown }) => e.problems);
    const reason = '€60.00 exceeds the €50.00 the lines returned were paid (leave the amount out to refund the lines at what they were paid)';
    expect(api).toEqual([{ field: 'amount', reason }]);
    const file = files.write(['refund,order,sku,qty,amount', 'csv-over,csv-2,BEANS,1,60.00']);
    const map = parseMapSpec('external_id=refund,purchase=order,line_sku=sku,line_quantity=qty,amount=amount', 'refunds');
    const result = await importFile(s, { kind: 'refunds', file, map });
    expect(result).toMatchObject({ imported: false, invalid: 1 });
    expect(result.errors).toEqual([{ line: 2, column: 'amount', reason }]);
    expect((await s.commerce.get(fresh[0].purchaseId)).refunds).toEqual([]);
  });
});
