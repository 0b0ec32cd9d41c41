import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CATALOGUES, createI18n } from '../../src/web/i18n/index.ts';
import { humanizeFlag } from '../../src/web/pages/loyalty/benefit-flags.ts';
import { importFile } from '../../src/workflows/import-file.ts';
import { csvFiles } from '../helpers/csv-files.ts';
import { EXAMPLE_PROGRAM, useDashboard } from './browser.ts';

// What a shop owner who imported three years of sales saw (QA): every imported customer
// "customer since" the day of the import, and a gold member's benefits listed as
// `free_delivery`, the program's code. The customer's page says since when they are a
// customer and a member — their first purchase — and the benefits in words.
const files = csvFiles('customer-dates');
afterAll(files.remove);

const FIRST_PURCHASE = '2023-03-04T10:00:00.000Z';
const program = structuredClone(EXAMPLE_PROGRAM);
const gold = program.tiers.levels.find((l: { code: string }) => l.code === 'gold');
gold.benefits.flags = ['free_delivery', 'vip_lounge'];

const dashboard = useDashboard({
  seed: async (s) => {
    // Imported on 1 June 2026 (the test clock): a first purchase in 2023, then enough within
    // the last twelve months for gold (750.00).
    await s.loyalty.applyProgram({ program }, { actor: 'test' });
    const file = files.write([
      'order,email,first_name,last_name,date,amount',
      `old-1,mira@example.com,Mira,Novak,${FIRST_PURCHASE},18.40`,
      'old-2,mira@example.com,Mira,Novak,2025-09-10T15:00:00Z,400.00',
      'old-3,mira@example.com,Mira,Novak,2026-04-02T11:30:00Z,420.00',
    ]);
    const map = { external_id: 'order', customer_email: 'email', customer_first_name: 'first_name', customer_last_name: 'last_name', occurred_at: 'date', total: 'amount' };
    const result = await importFile(s, { kind: 'purchases', file, map });
    expect(result).toMatchObject({ created: 3, imported: true });
  },
});

const english = createI18n('en', () => undefined);

async function openMira(page: Page) {
  await page.goto(`${dashboard.server.url}/customers?query=mira`);
  const row = page.getByTestId('customer-table').locator('tbody tr');
  await row.first().waitFor();
  return row;
}

describe('customer dates and tier benefits on the dashboard', () => {
  it('shows an imported customer as a customer and a member since their first purchase, not the import', async () => {
    const page = await dashboard.logIn();
    const row = await openMira(page);
    const firstPurchase = english.date(FIRST_PURCHASE);
    const importDay = english.date('2026-06-01T12:00:00Z');
    expect(await row.count()).toBe(1);
    expect(await row.innerText()).toContain(firstPurchase);
    expect(await row.innerText()).not.toContain(importDay);
    // Beside the dates, what the list tells of a customer: the last purchase, the spend net
    // of refunds (18.40 + 400.00 + 420.00) and, for a member, their tier under their points.
    expect(await row.getByTestId('last-purchase').innerText()).toBe(english.date('2026-04-02T11:30:00Z'));
    expect(await row.getByTestId('net-spend').innerText()).toBe(english.money('838.40', 'EUR'));
    expect(await row.getByTestId('points').innerText()).toMatch(/^[\d,]+\s+Gold$/);

    await page.getByText('Mira Novak').click();
    await page.getByTestId('customer-profile').waitFor();
    expect(await page.getByTestId('customer-since').innerText()).toBe(firstPurchase);
    expect(await page.getByTestId('member-since').innerText()).toBe(firstPurchase);
    expect(await page.getByTestId('customer-stats').innerText()).toContain(firstPurchase);
    await page.close();
  });

  it('lists a tier’s benefit flags as words in the dashboard’s language, a custom flag written out from its code', async () => {
    const page = await dashboard.logIn();
    await (await openMira(page)).first().click();
    await page.getByRole('tab', { name: 'Loyalty' }).click();
    const benefits = page.getByTestId('loyalty-tier').locator('.benefits');
    await benefits.waitFor();
    const shown = await benefits.innerText();
    expect(shown).toContain('Free delivery');
    expect(shown).toContain('Vip lounge');
    expect(shown).not.toMatch(/free_delivery|vip_lounge/);

    await page.getByTestId('language').selectOption('sl');
    await page.getByText(CATALOGUES.sl['loyalty.flag.free_delivery']).waitFor();
    expect(await benefits.innerText()).toContain('Vip lounge');
    await page.close();
  });

  it('writes out a flag with no text of its own: words, first letter capital, in the language’s own capital', () => {
    expect(humanizeFlag('vip_lounge')).toBe('Vip lounge');
    expect(humanizeFlag('late-night__opening')).toBe('Late night opening');
    expect(humanizeFlag('Free coffee on Fridays')).toBe('Free coffee on Fridays');
    expect(humanizeFlag('indirim_günü', 'tr')).toBe('İndirim günü');
  });
});
