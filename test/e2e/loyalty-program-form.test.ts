import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ProgramDocument } from '../../src/modules/loyalty/index.ts';
import { recordPurchases } from '../../src/workflows/record-purchases.ts';
import { EXAMPLE_PROGRAM as EXAMPLE, screenshotDirs, useDashboard } from './browser.ts';

// The program's form editor in real Chromium against the real server: the form and the
// JSON view are two views of one document (a change in the form is that change alone in
// the JSON, every other field kept), the server's refusals show at the form's inputs, a
// JSON text that does not parse is never lost to the form, and the form speaks the
// dashboard's language. Screenshots go to .tmp/screenshots.
const SHOTS = screenshotDirs().more;
let readKey: string;

const dashboard = useDashboard({
  seed: async (s) => {
    readKey = (await s.auth.createApiKey({ name: 'reader', scopes: ['read'] }, { actor: 'test' })).key;
    await s.stores.upsert({ code: 'ljubljana', name: 'Ljubljana', city: 'Ljubljana', time_zone: 'Europe/Ljubljana' });
    await s.loyalty.applyProgram({ program: EXAMPLE }, { actor: 'test' });
    const outcomes = await recordPurchases(s, [{
      external_id: 'p-1', customer: { external_id: 'card-1', email: 'ana@example.com', first_name: 'Ana' }, occurred_at: '2026-05-02T09:00:00Z', store: 'ljubljana', total: '320.00',
      lines: [{ sku: 'BEANS-1KG', name: 'Beans 1 kg', category: 'beans', quantity: 1, unit_price: '320.00' }],
    }], { source: 'api' });
    expect(outcomes[0].status).toBe('created');
  },
});

const server = () => dashboard.server;

/** The program page with the example in the editor, shown as the form. */
async function openForm(page: Page) {
  await page.goto(`${server().url}/loyalty/program`);
  await page.waitForFunction(() => (document.querySelector('[data-testid=program-editor]') as HTMLTextAreaElement | null)?.value.includes('"threshold"'));
  await page.getByRole('button', { name: 'Start from the example' }).click();
  await page.getByTestId('program-view-form').click();
  await page.getByTestId('program-form').waitFor();
}

/** The document the JSON view holds, read from its text. */
async function jsonView(page: Page): Promise<string> {
  await page.getByTestId('program-view-json').click();
  return page.getByTestId('program-editor').inputValue();
}

const tier = (page: Page, name: string) => page.getByRole('group', { name, exact: true });

describe('the program form editor', () => {
  it('edits the same document as the JSON view, then simulates and publishes it', async () => {
    const page = await dashboard.logIn();
    await openForm(page);

    // What the form shows is the document: the name, a tier's threshold, the Slovenian plural forms of the points' name.
    expect(await page.getByLabel('Program name (for staff)').inputValue()).toBe('Regulars Rewards');
    expect(await tier(page, 'Tier 2: Silver').getByLabel('From spend of').inputValue()).toBe('250.00');
    expect(await page.locator('[data-path="points_name.sl.two"]').inputValue()).toBe('zrni');
    expect(await page.locator('[data-path="points_name.tr"]').inputValue()).toBe('çekirdek');
    expect(await tier(page, 'Tier 3: Gold').getByLabel('Birthday reward').locator('option:checked').innerText()).toBe('A slice of cake (free-cake)');
    expect(await page.getByRole('group', { name: 'Reward 6: Coffee tasting evening' }).getByRole('group', { name: 'Invitation to' }).getByLabel('Invitation to (Dansk)').inputValue()).toBe('Kaffesmagning med vores rister');

    // Silver from €300, and a new reward: a mug for 900 points, named in English and Slovenian (the other languages left empty).
    await tier(page, 'Tier 2: Silver').getByLabel('From spend of').fill('300.00');
    await page.getByRole('button', { name: 'Add a reward' }).click();
    const mug = page.getByTestId('program-form-reward-list').locator('fieldset.item').last();
    expect(await mug.locator('legend').first().innerText()).toBe('Reward 7');
    await mug.getByLabel('Code', { exact: true }).fill('mug');
    await mug.getByLabel('Type').selectOption('free_product');
    await mug.getByLabel('Product SKU').fill('MUG-1');
    await mug.getByLabel('Cost in points').fill('900');
    await mug.getByLabel('Name (English)').fill('A mug');
    await mug.getByLabel('Name (Slovenščina)').fill('Skodelica');
    expect(await mug.locator('legend').first().innerText()).toBe('Reward 7: A mug');
    await page.screenshot({ path: path.join(SHOTS, 'program-form.png'), fullPage: true });
    // Every input, choice and tick box of the form has a name a screen reader says.
    const unnamed = await page.getByTestId('program-form').locator('input, select').evaluateAll((controls) => controls
      .filter((c) => !(c.getAttribute('aria-label') || (c as HTMLInputElement).labels?.[0]?.textContent?.trim()))
      .map((c) => c.outerHTML.slice(0, 80)));
    expect(unnamed).toEqual([]);
    expect(await page.getByTestId('program-form').locator('input, select').count()).toBeGreaterThan(150);

    // The JSON view holds exactly those changes; every other field is as it was, in its place.
    const expected = structuredClone(EXAMPLE);
    expected.tiers.levels[1].threshold = '300.00';
    expected.rewards.push({ type: 'free_product', code: 'mug', sku: 'MUG-1', points: 900, name: { en: 'A mug', sl: 'Skodelica' } });
    const text = await jsonView(page);
    const edited = JSON.parse(text);
    expect(edited).toEqual(expected);
    expect(Object.keys(edited)).toEqual(Object.keys(EXAMPLE));
    expect(Object.keys(edited.tiers.levels[1])).toEqual(Object.keys(EXAMPLE.tiers.levels[1]));
    expect(edited.rewards.at(-1).name).not.toHaveProperty('tr'); // an empty language is left out
    expect(text).toBe(JSON.stringify(edited, null, 2));

    // Back in the form, the JSON's own edit shows; simulated and published as it stands.
    await page.getByTestId('program-editor').fill(text.replace('"daily_cap": 5000', '"daily_cap": 6000'));
    await page.getByTestId('program-view-form').click();
    expect(await page.getByLabel('Most points a day').inputValue()).toBe('6000');
    expected.earning.daily_cap = 6000;
    await page.getByTestId('simulate-since').fill('2026-01-01');
    await page.getByTestId('simulate').click();
    await page.getByTestId('simulation').waitFor();
    expect(await page.getByTestId('program-form').isVisible()).toBe(true); // the form stays open beside the simulation
    await page.getByTestId('publish-button').click();
    await page.getByTestId('program-published').waitFor();
    expect(await page.getByTestId('program-published').innerText()).toMatch(/^Version 2 is published/);

    const answer = await fetch(`${server().url}/api/v1/loyalty/program`, { headers: { authorization: `Bearer ${readKey}` } });
    expect(answer.status).toBe(200);
    const { current } = await answer.json() as { current: { version: number; document: unknown } };
    expect(current.version).toBe(2);
    expect(current.document).toEqual(JSON.parse(JSON.stringify(ProgramDocument.parse(expected))));

    // The view chosen last opens next time.
    await page.reload();
    await page.getByTestId('program-form').waitFor();
    await page.close();
  });

  it('shows the server\'s refusal at the form\'s input, and its path takes the cursor there', async () => {
    const page = await dashboard.logIn();
    await openForm(page);
    const threshold = tier(page, 'Tier 2: Silver').getByLabel('From spend of');
    await threshold.fill('-5.00');
    // An emptied required input is marked before any simulation.
    const name = page.getByLabel('Program name (for staff)');
    await name.fill('');
    expect(await page.locator('.field.missing', { has: name }).innerText()).toContain('Fill in this field.');
    await name.fill('Regulars Rewards');
    await page.getByTestId('simulate').click();
    await page.getByTestId('program-problems').waitFor();
    const listed = await page.getByTestId('program-problems').locator('li', { hasText: 'program.tiers.levels.1.threshold' }).innerText();
    const reason = listed.replace('program.tiers.levels.1.threshold', '').trim();
    expect(reason).toMatch(/non-negative decimal amount/);
    // The same reason under the input, which is marked refused.
    expect(await threshold.getAttribute('aria-invalid')).toBe('true');
    const said = await threshold.locator('xpath=..').locator('small.error').innerText();
    expect(said).toBe(reason);
    expect(await threshold.evaluate((el) => document.getElementById(el.getAttribute('aria-describedby')!)?.textContent)).toBe(reason);
    // The path in the list focuses the input.
    await page.getByLabel('Program name (for staff)').focus();
    await page.getByTestId('program-problems').getByRole('button', { name: 'program.tiers.levels.1.threshold' }).click();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-path'))).toBe('tiers.levels.1.threshold');
    expect(await page.getByTestId('publish-button').isDisabled()).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, 'program-form-refused.png') });
    await page.close();
  });

  it('keeps a JSON text that does not parse, and sends the reader back to the JSON view', async () => {
    const page = await dashboard.logIn();
    await openForm(page);
    // A comma left out after the enrolment: the text breaks where the next field starts.
    const broken = (await jsonView(page)).replace('"automatic",', '"automatic"');
    const line = broken.split('\n').findIndex((l) => l.includes('"pending_days"')) + 1;
    await page.getByTestId('program-editor').fill(broken);
    await page.getByTestId('program-view-form').click();
    const unreadable = page.getByTestId('program-form-unreadable');
    expect(await unreadable.locator('p').innerText()).toBe(`The JSON text has a syntax error at line ${line}, column 3, so the form cannot show it. Mend it in the JSON view: the text is kept as it is.`);
    expect(await page.getByTestId('program-form').count()).toBe(0);
    await unreadable.getByRole('button', { name: 'Open the JSON view' }).click();
    expect(await page.getByTestId('program-editor').inputValue()).toBe(broken);
    // Simulated from the form: the syntax error is listed, and its "field", which no input shows, opens the JSON view.
    await page.getByTestId('program-view-form').click();
    await page.getByTestId('simulate').click();
    await page.getByTestId('program-problems').getByRole('button', { name: 'JSON', exact: true }).click();
    expect(await page.getByTestId('program-editor').inputValue()).toBe(broken);
    await page.close();
  });

  it('speaks Slovenian, and fits a phone\'s width', async () => {
    const page = await dashboard.logIn();
    await openForm(page);
    await page.getByTestId('language').selectOption('sl');
    await page.getByRole('heading', { name: 'Zbiranje' }).waitFor();
    expect(await page.getByLabel('Ime programa (za osebje)').inputValue()).toBe('Regulars Rewards');
    expect(await tier(page, 'Raven 3: Zlati').getByLabel('Od porabljenega zneska').inputValue()).toBe('750.00');
    expect(await page.getByRole('button', { name: 'Dodaj nagrado' }).isVisible()).toBe(true);
    // The points' Slovenian forms, each named by numbers that take it.
    const slovenian = page.locator('fieldset.plural[data-path="points_name.sl"]');
    expect(await slovenian.locator('label').allInnerTexts()).toEqual(['Za 1, 101 ali 201', 'Za 2, 102 ali 202', 'Za 3, 4 ali 103', 'Za 0, 5 ali 6']);
    expect(await page.getByTestId('program-view-form').innerText()).toBe('Obrazec');
    await page.getByTestId('program-form-tiers').screenshot({ path: path.join(SHOTS, 'program-form-sl-tiers.png') });

    // A phone: nothing wider than the window.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId('program-form').waitFor();
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(sideways).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(SHOTS, 'program-form-phone-sl.png'), fullPage: false });
    await page.close();
  });
});
