import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliver } from '../../../test/helpers/deliver.ts';
import { openTestServices } from '../../../test/helpers/services.ts';
import { recordAll } from '../../../test/helpers/purchases.ts';
import { describeAccount } from './loyalty-account.ts';

// `regulars loyalty account` tells where the member stands on each challenge, as the API's
// account and the dashboard's Loyalty tab give it; it told nothing of challenges.
let s: Awaited<ReturnType<typeof openTestServices>>;
const actor = { actor: 'test' };
const program = {
  name: 'Challenges', earning: { points_per_currency_unit: 1 },
  challenges: [
    { code: 'five-visits', name: { en: '5 visits in 30 days', sl: '5 obiskov v 30 dneh' }, goal: { type: 'visits', count: 5, within_days: 30 }, points: 100 },
    { code: 'explorer', name: { en: 'Try 3 categories', sl: 'Poskusi 3 kategorije' }, goal: { type: 'categories', count: 3, within_days: 90 }, points: 50 },
  ],
};
const line = (category: string) => ({ sku: category, category, quantity: 1, unit_price: '2.00' });

beforeAll(async () => {
  s = await openTestServices(); // the clock stands at 1 June 2026
  await s.loyalty.applyProgram({ program }, actor);
});
afterAll(() => s?.close());

describe('regulars loyalty account and challenges', () => {
  it('gives each challenge its progress and its completions, in the language', async () => {
    let id = '';
    for (const [key, at, category] of [['c-1', '2026-05-10T09:00:00Z', 'coffee'], ['c-2', '2026-05-12T09:00:00Z', 'tea'], ['c-3', '2026-05-12T15:00:00Z', 'tea'], ['c-4', '2026-05-20T09:00:00Z', 'cakes']]) {
      [{ customerId: id }] = await recordAll(s, [{ external_id: key, customer: { email: 'cara@example.com' }, occurred_at: at, total: '2.00', lines: [line(category)] }]);
    }
    await deliver(s, 'purchase.recorded', { subscriber: 'loyalty.challenges' });
    const told = async (language: 'en' | 'sl') =>
      describeAccount(await s.loyalty.account(id, { language }), { who: 'cara@example.com', shown: 1 }, language, { timeZone: 'Europe/Ljubljana', currency: 'EUR' }).split('\n');
    expect(await told('en')).toEqual(expect.arrayContaining(['Challenge “5 visits in 30 days”: 3 of 5', 'Challenge “Try 3 categories”: 3 of 3, completed 1× (last 2026-05-20 11:00)']));
    expect(await told('sl')).toEqual(expect.arrayContaining(['Izziv „5 obiskov v 30 dneh“: 3 od 5', 'Izziv „Poskusi 3 kategorije“: 3 od 3, opravljen 1× (nazadnje 2026-05-20 11:00)']));
  });
});
