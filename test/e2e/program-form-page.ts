import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { recordPurchases } from '../../src/workflows/record-purchases.ts';
import { EXAMPLE_PROGRAM, useDashboard } from './browser.ts';

// How the program form's browser tests reach its parts, as a reader does: by the
// sections' headings and the list items' legends, each a button that opens and closes it.

/**
 * The dashboard the program form's tests edit: the example program in force, a store in
 * Ljubljana, Ana past the silver threshold (€320 of beans), and a key that reads the
 * program as the API publishes it. Called at the top of a test file, as useDashboard is.
 */
export function useProgramFormDashboard() {
  let readKey: string | undefined;
  const dashboard = useDashboard({
    seed: async (s) => {
      readKey = (await s.auth.createApiKey({ name: 'reader', scopes: ['read'] }, { actor: 'test' })).key;
      await s.stores.upsert({ code: 'ljubljana', name: 'Ljubljana', city: 'Ljubljana', time_zone: 'Europe/Ljubljana' }, { actor: 'test' });
      await s.loyalty.applyProgram({ program: EXAMPLE_PROGRAM }, { actor: 'test' });
      const outcomes = await recordPurchases(s, [{
        external_id: 'p-1', customer: { external_id: 'card-1', email: 'ana@example.com', first_name: 'Ana' }, occurred_at: '2026-05-02T09:00:00Z', store: 'ljubljana', total: '320.00',
        lines: [{ sku: 'BEANS-1KG', name: 'Beans 1 kg', category: 'beans', quantity: 1, unit_price: '320.00' }],
      }], { source: 'api' });
      expect(outcomes[0].status).toBe('created');
    },
  });
  return {
    dashboard,
    /** The program page with the example in the editor, shown as the form. */
    openForm: (page: Page) => openProgramForm(page, dashboard.server.url),
    /** GET /api/v1/loyalty/program with the reading key: the program in force, as a till reads it. */
    fetchProgram: () => fetch(`${dashboard.server.url}/api/v1/loyalty/program`, { headers: { authorization: `Bearer ${readKey}` } }),
  };
}

/** The program page of the dashboard at `url`, the example in the editor, shown as the form. */
export async function openProgramForm(page: Page, url: string) {
  await page.goto(`${url}/loyalty/program`);
  await page.waitForFunction(() => (document.querySelector('[data-testid=program-editor]') as HTMLTextAreaElement | null)?.value.includes('"threshold"'));
  await page.getByRole('button', { name: 'Start from the example' }).click();
  await page.getByTestId('program-view-form').click();
  await page.getByTestId('program-form').waitFor();
}

/** The document the JSON view holds, read from its text. */
export async function jsonView(page: Page): Promise<string> {
  await page.getByTestId('program-view-json').click();
  return page.getByTestId('program-editor').inputValue();
}

/** A list item of the form (a tier level, a multiplier, a reward…), by its title. */
export const tier = (page: Page, name: string) => page.getByRole('group', { name, exact: true });

/** A section's button, in its heading ("Tiers"). */
export const sectionToggle = (page: Page, name: string) => page.getByTestId('program-form').getByRole('heading', { name, exact: true }).getByRole('button');
/** A list item's button, its legend ("Tier 2: Silver"). */
export const itemToggle = (page: Page, name: string) => tier(page, name).locator('legend').getByRole('button', { name, exact: true });

/** Opens what is closed of a section or a list item by its button, as a reader clicks it. */
export async function open(toggle: Locator) {
  if (await toggle.getAttribute('aria-expanded') !== 'true') await toggle.click();
  expect(await toggle.getAttribute('aria-expanded')).toBe('true');
}
export async function close(toggle: Locator) {
  if (await toggle.getAttribute('aria-expanded') === 'true') await toggle.click();
  expect(await toggle.getAttribute('aria-expanded')).toBe('false');
}
