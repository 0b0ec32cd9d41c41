import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProgramDocument } from '../../src/modules/loyalty/index.ts';
import { EXAMPLE_PROGRAM as EXAMPLE, screenshotDirs } from './browser.ts';
import { close, itemToggle, jsonView, open, sectionToggle, tier, useProgramFormDashboard } from './program-form-page.ts';

// The program form's conditions and availability windows in real Chromium against the
// real server (loyalty-program-form.test.ts has the rest of the form): a multiplier's
// member tiers and weekdays ticked, a reward's availability typed in the business's time
// zone (GET /status's; business-time-zone.test.ts types them from browsers elsewhere),
// written to the JSON as the schema has them and published; the server's refusals of
// them shown at their inputs. Screenshots go to .tmp/screenshots.
const SHOTS = screenshotDirs().more;
const { dashboard, openForm, fetchProgram } = useProgramFormDashboard();

describe('the program form: conditions and availability', () => {
  it('edits a condition\'s tiers and weekdays and a reward\'s availability, in the business\'s time zone, and publishes them', async () => {
    // The business is in Ljubljana (the test server's zone), and so is this browser: the times
    // typed are Ljubljana's, written with that day's offset.
    const context = await dashboard.browser.newContext({ timezoneId: 'Europe/Ljubljana', viewport: { width: 1360, height: 900 } });
    const page = await context.newPage();
    await page.goto(dashboard.server.url);
    await dashboard.logIn(page);
    await openForm(page);
    await open(sectionToggle(page, 'Earning'));
    const online = tier(page, 'Multiplier 2: Online orders');
    await open(itemToggle(page, 'Multiplier 2: Online orders'));
    // The program's own levels, by their names; the seven days, Monday first.
    const tiers = online.getByRole('group', { name: 'Member\'s tier' });
    expect(await tiers.locator('label').allInnerTexts()).toEqual(['Member (member)', 'Silver (silver)', 'Gold (gold)']);
    const weekdays = online.getByRole('group', { name: 'Days of the week' });
    expect(await weekdays.locator('label').allInnerTexts()).toEqual(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']);
    await tiers.getByLabel('Gold (gold)').check();
    await tiers.getByLabel('Silver (silver)').check();
    await weekdays.getByLabel('Sunday').check();
    await weekdays.getByLabel('Saturday').check();
    await online.screenshot({ path: path.join(SHOTS, 'program-form-multiplier-condition.png') });
    await close(itemToggle(page, 'Multiplier 2: Online orders'));
    expect(await online.locator('.item-head .summary').innerText()).toBe('×1.25 · Online, Silver and Gold, weekends');

    // A promotion's condition is optional: a weekday ticked and unticked again leaves no condition, not an empty one.
    const weekend = tier(page, 'Promotion 1: Double points weekend');
    await open(itemToggle(page, 'Promotion 1: Double points weekend'));
    expect(await weekend.getByLabel('From', { exact: true }).inputValue()).toBe('05/12/2026');
    await weekend.getByRole('group', { name: 'Days of the week' }).getByLabel('Friday').check();
    await weekend.screenshot({ path: path.join(SHOTS, 'program-form-promotion-condition.png') });
    await weekend.getByRole('group', { name: 'Days of the week' }).getByLabel('Friday').uncheck();

    // Cake from 1 December to Epiphany's evening, in Ljubljana's time.
    await open(sectionToggle(page, 'Rewards'));
    const cake = tier(page, 'Reward 2: A slice of cake');
    await open(itemToggle(page, 'Reward 2: A slice of cake'));
    expect(await cake.locator('.field', { has: page.getByLabel('Available from', { exact: true }) }).locator('small.hint').innerText()).toContain('(Europe/Ljubljana)');
    await cake.getByLabel('Available from', { exact: true }).fill('2026-12-01T00:00');
    await cake.getByLabel('Available until', { exact: true }).fill('2027-01-06T18:30');
    await close(itemToggle(page, 'Reward 2: A slice of cake'));
    expect(await cake.locator('.item-head .summary').innerText()).toBe('Free product · 800 points · available 1\u00a0Dec\u00a02026 – 6\u00a0Jan\u00a02027');

    // The JSON holds exactly those: the tiers and days in their own order, the instants with Ljubljana's winter offset.
    const expected = structuredClone(EXAMPLE);
    expected.earning.multipliers[1].when = { channels: ['online'], tiers: ['silver', 'gold'], weekdays: [6, 7] };
    expected.rewards[1].available_from = '2026-12-01T00:00:00+01:00';
    expected.rewards[1].available_to = '2027-01-06T18:30:00+01:00';
    const edited = JSON.parse(await jsonView(page));
    expect(edited).toEqual(expected);
    expect(edited.earning.promotions[0]).not.toHaveProperty('when');

    await page.getByTestId('program-view-form').click();
    await page.getByTestId('simulate-since').fill('2026-01-01');
    await page.getByTestId('simulate').click();
    await page.getByTestId('simulation').waitFor();
    await page.getByTestId('publish-button').click();
    await page.getByTestId('program-published').waitFor();
    const answer = await fetchProgram();
    const { current } = await answer.json() as { current: { document: ProgramDocument } };
    expect(current.document.earning.multipliers[1].when).toEqual({ channels: ['online'], tiers: ['silver', 'gold'], weekdays: [6, 7] });
    expect(current.document.rewards[1]).toMatchObject({ available_from: '2026-12-01T00:00:00+01:00', available_to: '2027-01-06T18:30:00+01:00' });
    expect(current.document).toEqual(JSON.parse(JSON.stringify(ProgramDocument.parse(expected))));

    // In Slovenian, the days are Slovenian's; a program without tiers says so where tiers would be ticked.
    await page.getByTestId('language').selectOption('sl');
    const slovenian = tier(page, 'Množitelj 1: Kava šteje dvojno');
    await open(itemToggle(page, 'Množitelj 1: Kava šteje dvojno'));
    expect(await slovenian.getByRole('group', { name: 'Dnevi v tednu' }).locator('label').allInnerTexts()).toEqual(['Ponedeljek', 'Torek', 'Sreda', 'Četrtek', 'Petek', 'Sobota', 'Nedelja']);
    await page.getByTestId('language').selectOption('en');
    page.once('dialog', (dialog) => dialog.accept());
    await open(sectionToggle(page, 'Tiers'));
    await page.getByRole('button', { name: 'Remove all tiers' }).click();
    const coffee = tier(page, 'Multiplier 1: Coffee counts double');
    expect(await coffee.getByRole('group', { name: 'Member\'s tier' }).innerText()).toContain('This program has no tiers to choose from; add them under Tiers.');
    expect(await coffee.getByRole('group', { name: 'Member\'s tier' }).getByRole('checkbox').count()).toBe(0);
    // The codes a multiplier still names are offered, ticked, to be unticked (and then gone, as no level offers them).
    const stray = online.getByRole('group', { name: 'Member\'s tier' });
    await open(itemToggle(page, 'Multiplier 2: Online orders'));
    expect(await stray.locator('label').allInnerTexts()).toEqual(['silver', 'gold']);
    await stray.getByLabel('silver').click();
    expect(await stray.locator('label').allInnerTexts()).toEqual(['gold']);
    await stray.getByLabel('gold').click();
    expect(await stray.getByRole('checkbox').count()).toBe(0);
    expect(JSON.parse(await jsonView(page)).earning.multipliers[1].when).toEqual({ channels: ['online'], weekdays: [6, 7] });
    await context.close();
  });

  it('shows the server\'s refusal of a condition\'s weekday and of a reward\'s availability at their inputs', async () => {
    const page = await dashboard.logIn();
    await openForm(page);
    // A weekday 8 written in the JSON, and a reward's window that ends before it starts typed in the form.
    const text = JSON.parse(await jsonView(page));
    text.earning.multipliers[0].when.weekdays = [6, 8];
    await page.getByTestId('program-editor').fill(JSON.stringify(text, null, 2));
    await page.getByTestId('program-view-form').click();
    await open(sectionToggle(page, 'Rewards'));
    const cake = tier(page, 'Reward 2: A slice of cake');
    await open(itemToggle(page, 'Reward 2: A slice of cake'));
    await cake.getByLabel('Available from', { exact: true }).fill('2027-02-01T00:00');
    await cake.getByLabel('Available until', { exact: true }).fill('2027-01-06T00:00');
    await close(sectionToggle(page, 'Rewards'));
    await page.getByTestId('simulate').click();
    await page.getByTestId('program-problems').waitFor();
    const reasonOf = async (field: string) => {
      const listed = await page.getByTestId('program-problems').locator('li', { hasText: field }).innerText();
      return listed.replace(field, '').trim();
    };
    // The cursor goes to the first, in the form's order: the weekdays of multiplier 1, its section and item opened.
    await page.waitForFunction(() => document.activeElement?.closest('[data-path]')?.getAttribute('data-path') === 'earning.multipliers.0.when.weekdays');
    const coffee = tier(page, 'Multiplier 1: Coffee counts double');
    const weekdays = coffee.getByRole('group', { name: 'Days of the week' });
    expect(await weekdays.getAttribute('class')).toContain('refused');
    const weekdayReason = await reasonOf('program.earning.multipliers.0.when.weekdays.1');
    expect(weekdayReason).not.toBe('');
    expect(await weekdays.locator('small.error').innerText()).toBe(weekdayReason);
    expect(await weekdays.evaluate((el) => document.getElementById(el.getAttribute('aria-describedby')!)?.textContent)).toBe(weekdayReason);
    // The 8 no checkbox names is offered, ticked, to be unticked; Saturday stays ticked.
    expect(await weekdays.getByLabel('8', { exact: true }).isChecked()).toBe(true);
    expect(await weekdays.getByLabel('Saturday').isChecked()).toBe(true);
    await coffee.screenshot({ path: path.join(SHOTS, 'program-form-weekday-refused.png') });
    // The reward's end, under its input, which is marked refused; the Rewards section opened to it.
    const until = cake.getByLabel('Available until', { exact: true });
    expect(await until.isVisible()).toBe(true);
    expect(await until.getAttribute('aria-invalid')).toBe('true');
    const untilReason = await reasonOf('program.rewards.1.available_to');
    expect(untilReason).toMatch(/end after it starts/);
    // The input's field: its day and time sit in one .date-time span.
    expect(await until.locator('xpath=ancestor::*[contains(@class, "date-time")]/..').locator('small.error').innerText()).toBe(untilReason);
    // Its path in the list takes the cursor to it.
    await page.getByTestId('program-problems').getByRole('button', { name: 'program.rewards.1.available_to' }).click();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-path'))).toBe('rewards.1.available_to');
    await page.screenshot({ path: path.join(SHOTS, 'program-form-condition-refused.png') });
    // Mended in the form, the simulation passes.
    await weekdays.getByLabel('8', { exact: true }).click();
    expect(await weekdays.getByRole('checkbox').count()).toBe(7);
    await until.fill('2027-03-01T00:00');
    await page.getByTestId('simulate').click();
    await page.getByTestId('simulation').waitFor();
    expect(await page.getByTestId('program-problems').count()).toBe(0);
    await page.close();
  });
});
