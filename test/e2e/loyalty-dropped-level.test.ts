import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { recordPurchases } from '../../src/workflows/record-purchases.ts';
import { EXAMPLE_PROGRAM as EXAMPLE, useDashboard } from './browser.ts';

// A proposal that drops a tier, and one dated ahead, in real Chromium. Audit: the members of
// a dropped tier were put in the base tier silently whichever choice was made (now they are
// placed by the new rules and counted, so "move up at once" can move someone down: the page
// says why), and a version dated ahead was said to place members again "when it takes
// effect", which it never did.
//
// The example program: Silver from €250, Gold from €750 spent in the last 12 months. Ana
// holds Gold, Cem Silver.
const dashboard = useDashboard({
  seed: async (s) => {
    await s.loyalty.applyProgram({ program: EXAMPLE }, { actor: 'test' });
    const buy = (external_id: string, customer: object, total: string) => ({ external_id, customer, occurred_at: '2026-04-02T09:00:00Z', total });
    await recordPurchases(s, [
      buy('a-1', { external_id: 'card-1', first_name: 'Ana', last_name: 'Kovač' }, '820.00'),
      buy('c-1', { external_id: 'card-3', first_name: 'Cem', last_name: 'Demir' }, '300.00'),
    ], { source: 'api' });
  },
});

async function simulate(page: Page, program: unknown) {
  await page.goto(`${dashboard.server.url}/loyalty/program`);
  await page.waitForFunction(() => (document.querySelector('[data-testid=program-editor]') as HTMLTextAreaElement | null)?.value.includes('"threshold"'));
  await page.getByTestId('program-editor').fill(JSON.stringify(program, null, 2));
  await page.getByTestId('simulate-since').fill('2026-01-01');
  await page.getByTestId('simulate').click();
  await page.getByTestId('simulation').waitFor();
}

describe('a proposal that drops a tier', () => {
  it('says why moving up at once moves someone down, and that a version dated ahead places nobody now', async () => {
    const page = await dashboard.logIn();
    const proposal = structuredClone(EXAMPLE);
    proposal.tiers.levels.splice(1, 1);
    for (const reward of proposal.rewards) if (reward.tiers) reward.tiers = reward.tiers.filter((t: string) => t !== 'silver');
    await simulate(page, proposal);
    expect(await page.getByTestId('simulation-on-publish-upgrade_now-summary').innerText()).toBe('1 member moves down.');
    expect(await page.getByTestId('simulation-on-publish-upgrade_now-dropped').innerText()).toBe('Members of a tier the proposal drops or recodes cannot keep it, whichever choice is made: they are placed by its rules now, down too.');
    await page.getByTestId('language').selectOption('sl');
    await page.getByTestId('simulation-on-publish-upgrade_now-dropped').getByText('Člani ravni, ki jo predlog odstrani', { exact: false }).waitFor();
    await page.getByTestId('language').selectOption('en');

    // Dated ahead: nobody is placed again now, and the message says how members meet its rules.
    await page.getByTestId('effective-from').fill('2099-01-01T00:00');
    await page.getByTestId('publish-button').click();
    const published = page.getByTestId('program-published');
    await published.waitFor();
    expect(await published.innerText()).toContain('Nobody was placed again now: from when it takes effect, its tier rules place each member at their next purchase (up) and at the end of their tier period (down); the choice below applies to a version in force now.');
    const cem = await dashboard.server.services.db.selectFrom('loyalty_members as m').innerJoin('customers as c', 'c.id', 'm.customer_id')
      .select('m.tier').where('c.first_name', '=', 'Cem').executeTakeFirstOrThrow();
    expect(cem.tier).toBe('silver');
    await page.close();
  });
});
