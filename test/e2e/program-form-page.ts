import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

// How the program form's browser tests reach its parts, as a reader does: by the
// sections' headings and the list items' legends, each a button that opens and closes it.

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
