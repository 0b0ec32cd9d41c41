import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProgramDocument } from '../../src/modules/loyalty/index.ts';
import { EXAMPLE_PROGRAM as EXAMPLE, screenshotDirs } from './browser.ts';
import { close, itemToggle, jsonView, open, sectionToggle, tier, useProgramFormDashboard } from './program-form-page.ts';

// The program's form editor in real Chromium against the real server: the form and the
// JSON view are two views of one document (a change in the form is that change alone in
// the JSON, every other field kept), the server's refusals show at the form's inputs, a
// JSON text that does not parse is never lost to the form, and the form speaks the
// dashboard's language. Screenshots go to .tmp/screenshots.
const SHOTS = screenshotDirs().more;
const { dashboard, openForm, fetchProgram } = useProgramFormDashboard();

describe('the program form editor', () => {
  it('edits the same document as the JSON view, then simulates and publishes it', async () => {
    const page = await dashboard.logIn();
    await openForm(page);
    await open(sectionToggle(page, 'General'));
    await open(sectionToggle(page, 'Tiers'));
    await open(itemToggle(page, 'Tier 2: Silver'));
    await open(itemToggle(page, 'Tier 3: Gold'));
    await open(sectionToggle(page, 'Rewards'));
    await open(itemToggle(page, 'Reward 6: Coffee tasting evening'));
    await page.getByTestId('program-form-general').screenshot({ path: path.join(SHOTS, 'program-form-general.png') });

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
    // "5 € off" made 15 % off: its amount goes with the switch, as the server refuses a
    // percentage reward holding one (regression: kept hidden, publishing was refused at it).
    await open(itemToggle(page, 'Reward 3: 5 € off'));
    const fiveOff = page.getByRole('group', { name: 'Reward 3: 5 € off' });
    await fiveOff.getByLabel('Type').selectOption('percent_discount');
    await fiveOff.getByLabel('Percentage').fill('15');
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
    delete expected.rewards[2].amount;
    Object.assign(expected.rewards[2], { type: 'percent_discount', percent: 15 });
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

    const answer = await fetchProgram();
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
    await open(sectionToggle(page, 'General'));
    await open(sectionToggle(page, 'Tiers'));
    await open(itemToggle(page, 'Tier 2: Silver'));
    const threshold = tier(page, 'Tier 2: Silver').getByLabel('From spend of');
    await threshold.fill('-5.00');
    // An emptied required input is marked before any simulation.
    const name = page.getByLabel('Program name (for staff)');
    await name.fill('');
    expect(await page.locator('.field.missing', { has: name }).innerText()).toContain('Fill in this field.');
    await name.fill('Regulars Rewards');
    // Closed again before simulating: the refusal opens the section and the level that hold the refused input, and takes the cursor there.
    await close(itemToggle(page, 'Tier 2: Silver'));
    await close(sectionToggle(page, 'Tiers'));
    expect(await threshold.isVisible()).toBe(false);
    await page.getByTestId('simulate').click();
    await page.getByTestId('program-problems').waitFor();
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-path') === 'tiers.levels.1.threshold');
    expect(await sectionToggle(page, 'Tiers').getAttribute('aria-expanded')).toBe('true');
    expect(await itemToggle(page, 'Tier 2: Silver').getAttribute('aria-expanded')).toBe('true');
    expect(await threshold.isVisible()).toBe(true);
    const listed = await page.getByTestId('program-problems').locator('li', { hasText: 'program.tiers.levels.1.threshold' }).innerText();
    const reason = listed.replace('program.tiers.levels.1.threshold', '').trim();
    expect(reason).toMatch(/non-negative decimal amount/);
    // The same reason under the input, which is marked refused.
    expect(await threshold.getAttribute('aria-invalid')).toBe('true');
    const said = await threshold.locator('xpath=..').locator('small.error').innerText();
    expect(said).toBe(reason);
    expect(await threshold.evaluate((el) => document.getElementById(el.getAttribute('aria-describedby')!)?.textContent)).toBe(reason);
    // Closed, the section and the level say they hold a problem, in red, and so does the index.
    await close(itemToggle(page, 'Tier 2: Silver'));
    expect(await tier(page, 'Tier 2: Silver').locator('.problem-count').innerText()).toBe('1 problem');
    await close(sectionToggle(page, 'Tiers'));
    const tiersHead = page.getByTestId('program-form-tiers').locator('.section-head');
    expect(await tiersHead.locator('.problem-count').innerText()).toBe('1 problem');
    expect(await tiersHead.locator('.problem-count').evaluate((el) => getComputedStyle(el).color)).toBe('rgb(180, 35, 24)');
    expect(await sectionToggle(page, 'Tiers').evaluate((b) => document.getElementById(b.getAttribute('aria-describedby')!.split(' ')[1])?.textContent)).toBe('1 problem');
    expect(await page.getByTestId('program-form-index').getByRole('link', { name: 'Tiers' }).innerText()).toBe('Tiers (1 problem)');
    expect(await page.getByTestId('program-form-general').locator('.problem-count').count()).toBe(0);
    // The path in the list opens them again and focuses the input.
    await page.getByLabel('Program name (for staff)').focus();
    await page.getByTestId('program-problems').getByRole('button', { name: 'program.tiers.levels.1.threshold' }).click();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-path'))).toBe('tiers.levels.1.threshold');
    expect(await threshold.isVisible()).toBe(true);
    expect(await page.getByTestId('publish-button').isDisabled()).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, 'program-form-refused.png') });
    await page.close();
  });

  it('folds into sections that say what they hold, in the dashboard\'s language; the index opens the one it jumps to', async () => {
    const page = await dashboard.logIn();
    await page.setViewportSize({ width: 1280, height: 900 });
    await openForm(page);
    const form = page.getByTestId('program-form');
    const index = page.getByTestId('program-form-index');
    const names = ['General', 'Earning', 'Bonuses', 'Expiry', 'Tiers', 'Rewards', 'Challenges'];
    // Every section starts closed, its summary after its heading: the whole program in a screen, not 9,600 px.
    const toggles = form.locator('.section-head button.toggle');
    expect(await toggles.allInnerTexts()).toEqual(names);
    expect(await toggles.evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-expanded')))).toEqual(names.map(() => 'false'));
    expect((await form.boundingBox())!.height).toBeLessThan(700);
    const summary = (section: string) => page.getByTestId(`program-form-${section}`).locator('.section-head .summary').innerText();
    expect(await summary('general')).toBe('Regulars Rewards · beans · a point is worth €0.01');
    expect(await summary('earning')).toBe('10 points per EUR, 2 multipliers, 1 promotion');
    expect(await summary('expiry')).toBe('Each credit after 12 months');
    expect(await summary('tiers')).toBe('3 levels: Member, Silver from €250.00, Gold from €750.00');
    expect(await summary('rewards')).toBe('6 rewards');
    expect(await summary('challenges')).toBe('2 challenges');
    // A screen reader hears the summary with the heading's button.
    expect(await sectionToggle(page, 'Rewards').evaluate((b) => document.getElementById(b.getAttribute('aria-describedby')!)?.textContent)).toBe('6 rewards');
    await page.screenshot({ path: path.join(SHOTS, 'program-form-folded.png') });

    // The index's Tiers opens the tiers and takes the page and the cursor to them; their levels closed, each with its figures.
    expect(await index.getByRole('link').allInnerTexts()).toEqual(names);
    await index.getByRole('link', { name: 'Tiers' }).click();
    expect(await sectionToggle(page, 'Tiers').getAttribute('aria-expanded')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Tiers');
    expect(await page.getByTestId('program-form-tiers').locator('.section-head .summary').count()).toBe(0);
    const gold = tier(page, 'Tier 3: Gold');
    expect(await gold.locator('.item-head .summary').innerText()).toBe('From €750.00 · points ×1.5 · Early access');
    expect(await gold.getByLabel('From spend of').isVisible()).toBe(false);
    // An item opens by its legend's button, from the keyboard too.
    await itemToggle(page, 'Tier 3: Gold').focus();
    await page.keyboard.press('Enter');
    expect(await gold.getByLabel('From spend of').isVisible()).toBe(true);
    await gold.getByLabel('From spend of').fill('800.00');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Tier 3: Gold');
    await page.keyboard.press('Space');
    expect(await gold.getByLabel('From spend of').isVisible()).toBe(false);
    expect(await gold.locator('.item-head .summary').innerText()).toBe('From €800.00 · points ×1.5 · Early access');
    await page.keyboard.press('Space');

    // Rewards, each by its name and key figures; the one just added opened, at its first input.
    await index.getByRole('link', { name: 'Rewards' }).click();
    const rewards = page.getByTestId('program-form-reward-list');
    expect(await rewards.locator('fieldset.item .item-head').first().innerText()).toBe('Free product · 500 points');
    expect(await rewards.locator('fieldset.item > legend').allInnerTexts()).toEqual([
      'Reward 1: A coffee on us', 'Reward 2: A slice of cake', 'Reward 3: 5 € off', 'Reward 4: 10 % off a basket', 'Reward 5: 20 € gift card', 'Reward 6: Coffee tasting evening',
    ]);
    expect(await rewards.locator('fieldset.item.open').count()).toBe(0);
    await page.getByRole('button', { name: 'Add a reward' }).click();
    expect(await rewards.locator('fieldset.item.open > legend').allInnerTexts()).toEqual(['Reward 7']);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-path'))).toBe('rewards.6.code');
    // Removing a reward before it keeps the new one open, one place up.
    await page.getByRole('button', { name: 'Reward 1: A coffee on us', exact: true }).click();
    await page.getByRole('button', { name: 'Remove: Reward 1: A coffee on us' }).click();
    expect(await rewards.locator('fieldset.item.open > legend').allInnerTexts()).toEqual(['Reward 6']);

    // A label that wraps to two lines does not push its input below its neighbours': in each row of fields the inputs line up.
    await index.getByRole('link', { name: 'General' }).click();
    await index.getByRole('link', { name: 'Bonuses' }).click();
    const rows = await form.locator('.grid').evaluateAll((grids) => grids.filter((g) => g.checkVisibility()).flatMap((grid) => {
      const byRow = new Map<number, { label: number; input: number }[]>();
      for (const field of grid.querySelectorAll(':scope > .field')) {
        const top = Math.round(field.getBoundingClientRect().top);
        byRow.set(top, [...(byRow.get(top) ?? []), {
          label: Math.round(field.querySelector('label')!.getBoundingClientRect().height),
          input: Math.round(field.querySelector('input, select')!.getBoundingClientRect().top),
        }]);
      }
      return [...byRow.values()];
    }));
    expect(rows.filter((row) => new Set(row.map((f) => f.input)).size > 1)).toEqual([]);
    expect(rows.some((row) => new Set(row.map((f) => f.label)).size > 1)).toBe(true); // a row where one label wraps and its neighbour's does not
    await page.getByTestId('program-form-bonuses').screenshot({ path: path.join(SHOTS, 'program-form-bonuses.png') });

    // On a wide screen the index stays at the top of the window while the form scrolls under it.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    expect(Math.abs((await index.boundingBox())!.y)).toBeLessThan(2);
    await page.screenshot({ path: path.join(SHOTS, 'program-form-index-sticky.png') });

    // What is open is kept while the JSON view is shown.
    await jsonView(page);
    await page.getByTestId('program-view-form').click();
    expect(await sectionToggle(page, 'Tiers').getAttribute('aria-expanded')).toBe('true');
    expect(await itemToggle(page, 'Tier 3: Gold').getAttribute('aria-expanded')).toBe('true');
    expect(await sectionToggle(page, 'Earning').getAttribute('aria-expanded')).toBe('false');

    // In Slovenian, each count in the form its number takes; the summaries follow the document as edited.
    await page.getByTestId('language').selectOption('sl');
    await close(sectionToggle(page, 'Ravni'));
    await close(sectionToggle(page, 'Nagrade'));
    const spaced = async (section: string) => (await summary(section)).replaceAll('\u00a0', ' ');
    expect(await spaced('tiers')).toBe('3 ravni: Član, Srebrni od 250,00 €, Zlati od 800,00 €');
    expect(await spaced('rewards')).toBe('6 nagrad');
    expect(await spaced('earning')).toBe('10 točk na EUR, 2 množitelja, 1 akcija');
    expect(await spaced('expiry')).toBe('Vsak pripis po 12 mesecih');
    expect(await index.getByRole('link').allInnerTexts()).toEqual(['Splošno', 'Zbiranje', 'Bonusi', 'Zapadanje', 'Ravni', 'Nagrade', 'Izzivi']);

    // A phone: the index is a row that wraps, at the top of the form, not over it.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await index.scrollIntoViewIfNeeded();
    expect(await index.evaluate((nav) => getComputedStyle(nav).position)).toBe('static');
    const links = await index.getByRole('link').evaluateAll((as) => as.map((a) => a.getBoundingClientRect()));
    expect(new Set(links.map((r) => Math.round(r.top))).size).toBeGreaterThan(1);
    expect(Math.max(...links.map((r) => r.right))).toBeLessThanOrEqual(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await page.getByTestId('program-form').screenshot({ path: path.join(SHOTS, 'program-form-phone-folded.png') });
    // Closed parts are hidden until found: out of sight and of the tab order, yet the browser's find-in-page reaches them and opens their part.
    expect(await page.getByTestId('program-form-rewards').locator('.section-body').getAttribute('hidden')).toBe('until-found');
    await open(sectionToggle(page, 'Ravni'));
    expect(await page.getByTestId('program-form-tiers').locator('.section-body').getAttribute('hidden')).toBeNull();
    await page.getByTestId('program-form-tiers').screenshot({ path: path.join(SHOTS, 'program-form-phone-tiers.png') });
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
    await open(sectionToggle(page, 'Splošno'));
    await open(sectionToggle(page, 'Ravni'));
    await open(sectionToggle(page, 'Nagrade'));
    expect(await page.getByLabel('Ime programa (za osebje)').inputValue()).toBe('Regulars Rewards');
    expect(await tier(page, 'Raven 3: Zlati').getByLabel('Od porabljenega zneska').inputValue()).toBe('750,00');
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
