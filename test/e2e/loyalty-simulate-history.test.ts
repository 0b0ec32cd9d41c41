import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { SimulationReport } from '../../src/modules/loyalty/index.ts';
import { recordPurchases } from '../../src/workflows/record-purchases.ts';
import { EXAMPLE_PROGRAM as EXAMPLE, useDashboard } from './browser.ts';

// The simulation says why the program in force, simulated unchanged, still moves members
// (QA: on the demo business, Silver lowered to 180.00 and published, then the same document
// simulated: "Difference 0", yet "up 6" with no word why), and why placing every member by
// new rules now moves some Silver members down though the proposal lowers Silver's threshold.
//
// The example program (Silver from €250, 30 days of grace) from 2025, Silver lowered to €180
// on the test clock's day, 2026-06-01, published as the dashboard does by default (upgrade_now):
// Ann spent €100 + €100 (€200 in the window on 2025-08-01, below €250 then, and €100 in the
// window today); Bea €150 + €150 (Silver on 2025-08-01, until 2026-08-01; €150 today).

const withSilver = (threshold: string) => {
  const program = structuredClone(EXAMPLE);
  program.tiers.levels[1].threshold = threshold;
  return program;
};

const dashboard = useDashboard({
  seed: async (s) => {
    const clock = s.clock as typeof s.clock & { set(at: string): void };
    clock.set('2025-01-01T12:00:00Z');
    await s.loyalty.applyProgram({ program: EXAMPLE }, { actor: 'test' });
    const buy = async (external_id: string, customer: object, occurred_at: string, total: string) => {
      clock.set(occurred_at);
      const [o] = await recordPurchases(s, [{ external_id, customer, occurred_at, total }], { source: 'api' });
      expect(o.status).toBe('created');
    };
    const ann = { email: 'ann@example.com', first_name: 'Ann', last_name: 'Lee' };
    const bea = { email: 'bea@example.com', first_name: 'Bea', last_name: 'Novak' };
    await buy('a-1', ann, '2025-03-01T09:00:00Z', '100.00');
    await buy('b-1', bea, '2025-03-01T09:30:00Z', '150.00');
    await buy('a-2', ann, '2025-08-01T09:00:00Z', '100.00');
    await buy('b-2', bea, '2025-08-01T09:30:00Z', '150.00');
    clock.set('2026-06-01T12:00:00Z');
    await s.loyalty.applyProgram({ program: withSilver('180.00') }, { actor: 'test' });
  },
});

async function simulate(page: Page, document: unknown): Promise<SimulationReport> {
  await page.getByTestId('program-editor').fill(JSON.stringify(document, null, 2));
  await page.getByTestId('simulate-since').fill('2026-01-01');
  const answer = page.waitForResponse((r) => r.url().endsWith('/loyalty/program/simulate'));
  await page.getByTestId('simulate').click();
  const report = (await (await answer).json()) as SimulationReport;
  await page.getByTestId('simulation').waitFor();
  return report;
}

describe('simulating after the tier rules changed', () => {
  it('says the program in force moves members itself, and who holds their tier by its period alone, in English and in Russian', async () => {
    const page = await dashboard.logIn();
    await page.goto(`${dashboard.server.url}/loyalty/program`);
    await page.waitForFunction(() => (document.querySelector('[data-testid=program-editor]') as HTMLTextAreaElement | null)?.value.includes('"threshold"'));

    // The program in force, unchanged: Ann would hold Silver had €180 always applied.
    const same = await simulate(page, withSilver('180.00'));
    expect([same.moves, same.in_force_moves, same.difference?.points]).toEqual([{ up: 1, down: 0, unchanged: 1 }, { up: 1, down: 0 }, 0]);
    expect(await page.getByTestId('simulation-in-force-moves').innerText()).toBe('The program in force, replayed the same way, moves members too — up: 1, down: 0. Their tiers today were set by the tier rules in force when each purchase was made, and publishing re-judges no past purchase: moves like these come from the history, not from the proposal.');

    // Silver from €200, everyone placed now: Bea (€150 today) moves down, held by her tier period alone.
    const lower = await simulate(page, withSilver('200.00'));
    expect([lower.on_publish.reevaluate_now.down, lower.on_publish.reevaluate_now.held_by_period]).toEqual([1, 1]);
    expect(await page.getByTestId('simulation-on-publish-reevaluate_now-held').innerText()).toBe('Of those moving down, held today only by their tier period or its grace (below their tier\'s threshold under the rules in force as well): 1.');
    expect(await page.getByTestId('simulation-on-publish-upgrade_now-held').count()).toBe(0);

    await page.getByTestId('language').selectOption('ru');
    await page.getByTestId('simulation-in-force-moves').getByText('Действующая программа', { exact: false }).waitFor();
    expect(await page.getByTestId('simulation-in-force-moves').innerText()).toMatch(/^Действующая программа, пересчитанная так же, тоже перемещает участников — вверх: 1, вниз: 0\./);
    expect(await page.getByTestId('simulation-on-publish-reevaluate_now-held').innerText()).toMatch(/льготный срок .*: 1\.$/);
    await page.getByTestId('language').selectOption('en');
    await page.close();
  });
});
