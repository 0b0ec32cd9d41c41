import { afterAll, beforeAll, expect, it } from 'vitest';
import { openTestServices } from '../../../../test/helpers/services.ts';
import { recordAll } from '../../../../test/helpers/purchases.ts';

// A business that starts its program with its history: the purchases of October, imported in
// December under the first version, earned by it. A period of October closes with their points,
// valued at that first version's point_value — none was in force then, and €0.00 for 100
// points told the accountant nothing.
let s: Awaited<ReturnType<typeof openTestServices>>;
const actor = { actor: 'test' };

beforeAll(async () => {
  s = await openTestServices();
  s.clock.set('2026-12-01T10:00:00Z');
  await s.loyalty.applyProgram({ program: { name: 'First', point_value: '0.02', earning: { points_per_currency_unit: 10 } } }, actor);
  await recordAll(s, [{ external_id: 'oct-1', customer: { email: 'ana@example.com' }, occurred_at: '2026-10-05T10:00:00Z', total: '10.00' }]);
});
afterAll(() => s?.close());

it("values a period's edges before the first version at the first version's point_value", async () => {
  const october = await s.loyalty.report({ from: '2026-10-01', to: '2026-10-31' });
  expect(october.opening).toMatchObject({ points: 0, value: '0.00', point_value: '0.02' });
  expect(october.closing).toMatchObject({ points: 100, value: '2.00', point_value: '0.02', currency: 'EUR' });
  expect(october.points.earned).toBe(100);
});
