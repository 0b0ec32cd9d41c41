import { describe, expect, it } from 'vitest';
import { recordPurchases } from '../../src/workflows/record-purchases.ts';
import { deliver } from '../helpers/deliver.ts';
import { useDashboard } from './browser.ts';

// A member's challenges on their Loyalty tab: where they stand on each, as GET
// /customers/{id}/loyalty gives it, in the dashboard's language. The tab showed no
// challenge at all: staff asked "how many visits do I still need?" could not answer.
const program = {
  name: 'Challenges',
  earning: { points_per_currency_unit: 1 },
  challenges: [
    { code: 'five-visits', name: { en: '5 visits in 30 days', sl: '5 obiskov v 30 dneh' }, goal: { type: 'visits', count: 5, within_days: 30 }, points: 100 },
    { code: 'explorer', name: { en: 'Try 3 categories', sl: 'Poskusi 3 kategorije' }, goal: { type: 'categories', count: 3, within_days: 90 }, points: 50 },
  ],
};
const line = (category: string) => ({ sku: category, category, quantity: 1, unit_price: '2.00' });

let cara = '';
const dashboard = useDashboard({
  seed: async (s) => {
    await s.loyalty.applyProgram({ program }, { actor: 'test' });
    // Three visit days (12 May twice is one) and three categories by 20 May: the explorer
    // is completed then, the visits stand at 3 of 5 (the test clock is at 1 June).
    const bought = await recordPurchases(s, [
      ['c-1', '2026-05-10T09:00:00Z', 'coffee'], ['c-2', '2026-05-12T09:00:00Z', 'tea'], ['c-3', '2026-05-12T15:00:00Z', 'tea'], ['c-4', '2026-05-20T09:00:00Z', 'cakes'],
    ].map(([key, at, category]) => ({ external_id: key, customer: { email: 'cara@example.com' }, occurred_at: at, total: '2.00', lines: [line(category)] })), { source: 'api' });
    const first = bought[0];
    if (first.status === 'error') throw first.error;
    cara = first.customerId;
    await deliver(s, 'purchase.recorded', { subscriber: 'loyalty.challenges' });
  },
});

const rows = async (page: import('playwright-core').Page) =>
  (await page.getByTestId('loyalty-challenges').locator('tbody tr').allInnerTexts()).map((r) => r.replace(/\s+/g, ' ').trim());

describe("a member's challenges in the dashboard", () => {
  it('shows the progress and completions of each, as the API gives them, in the language', async () => {
    const account = await dashboard.server.services.loyalty.account(cara);
    if (!account.member) throw new Error('Cara is not a member');
    expect(account.challenges.map((c) => [c.code, c.progress, c.completed])).toEqual([['five-visits', 3, 0], ['explorer', 3, 1]]);
    const page = await dashboard.logIn();
    await page.goto(new URL(`/customers/${cara}?tab=loyalty`, dashboard.server.url).href);
    await page.getByTestId('loyalty-challenges').waitFor();
    expect(await rows(page)).toEqual(['5 visits in 30 days 3 of 5 100 —', 'Try 3 categories 3 of 3 50 1×, last 20 May 2026']);
    await page.evaluate(() => localStorage.setItem('regulars.language', 'sl'));
    await page.reload();
    await page.getByTestId('loyalty-challenges').waitFor();
    expect(await page.getByTestId('loyalty-challenges').locator('h2').innerText()).toMatch(/izzivi/i);
    expect(await rows(page)).toEqual(['5 obiskov v 30 dneh 3 od 5 100 —', 'Poskusi 3 kategorije 3 od 3 50 1×, nazadnje 20. maj 2026']);
  });
});
