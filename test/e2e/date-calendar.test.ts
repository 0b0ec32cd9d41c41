import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { recordPurchases } from '../../src/workflows/record-purchases.ts';
import type { Services } from '../../src/services.ts';
import { showDate } from '../../src/web/DateField.tsx';
import { CATALOGUES, type Language } from '../../src/web/i18n/index.ts';
import { todayIn } from '../../src/web/time.ts';
import { screenshotDirs, useDashboard } from './browser.ts';

// A typed date's calendar (DateField.tsx, Calendar.tsx): the button beside the field opens the
// dashboard's own month page in the dashboard's language, where the browser's picker (bba266f)
// named months and weekdays in the browser's language and began its weeks on the browser's day.
// Bounded as the native From and To were (a To not before the From); a day chosen with the
// keyboard or a click is the field's as a typed one is.
async function seed(s: Services) {
  await s.loyalty.applyProgram({ program: { name: 'P', point_value: '0.01', earning: { points_per_currency_unit: 1 } }, effective_from: '2026-01-01T00:00:00Z' }, { actor: 'test' });
  await recordPurchases(s, [
    { external_id: 'm', customer: { email: 'ana@example.com' }, occurred_at: '2026-03-31T21:30:00Z', total: '40.00' },
    { external_id: 'a', customer: { email: 'ana@example.com' }, occurred_at: '2026-03-31T22:30:00Z', total: '80.00' },
  ], { source: 'api' });
}

const dashboard = useDashboard({ seed });
const { readme: README_SHOTS, more: MORE_SHOTS } = screenshotDirs();
const sl = CATALOGUES.sl;
const ru = CATALOGUES.ru;

async function open(page: Page, language: Language, address: string) {
  await page.evaluate((l) => localStorage.setItem('regulars.language', l), language);
  await page.goto(new URL(address, dashboard.server.url).href);
}
/** The day whose button has the focus. */
const focusedDay = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-day'));
const focusedTestId = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid'));
const heading = (calendar: Locator) => calendar.getByRole('heading').innerText();
const weekdays = (calendar: Locator) => calendar.locator('th').allInnerTexts();
/** The names of the page's nodes of a role in Chromium's accessibility tree (Playwright's getByRole does not leave out an inert page). */
async function named(page: Page, role: string): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  return nodes.filter((n) => !n.ignored && n.role?.value === role).map((n) => String(n.name?.value ?? ''));
}

describe('a typed date’s calendar', () => {
  it('opens on the field’s month in Slovenian, Monday first, bounded by the other date, and a day chosen by keys or a click is the period shown', async () => {
    const page = await dashboard.logIn();
    await open(page, 'sl', '/loyalty?from=2026-03-01&to=2026-03-31');
    await page.getByTestId('loyalty-report').waitFor();
    const pick = page.getByTestId('report-from-pick');
    expect(await pick.getAttribute('aria-label')).toBe(sl['common.dateField.pick']);
    expect(await page.getByRole('button', { name: sl['common.dateField.pick'] }).count()).toBe(2);
    expect(await pick.getAttribute('aria-expanded')).toBe('false');

    await pick.click();
    const from = page.getByRole('dialog', { name: sl['common.dateField.pick'] });
    await from.waitFor();
    expect(await from.getAttribute('data-testid')).toBe('report-from-calendar');
    expect(await pick.getAttribute('aria-expanded')).toBe('true');
    // The month and weekdays in Slovenian (the browser's picker said "March 2026, Su Mo Tu…"), the week from Monday 23 February.
    expect(await heading(from)).toBe('Marec 2026');
    expect(await weekdays(from)).toEqual(['pon.', 'tor.', 'sre.', 'čet.', 'pet.', 'sob.', 'ned.']);
    expect(await from.locator('tbody tr').first().locator('button').first().getAttribute('data-day')).toBe('2026-02-23');
    // The field's day has the focus, is selected, and is named by its full date.
    expect(await focusedDay(page)).toBe('2026-03-01');
    const first = from.getByRole('button', { name: 'nedelja, 1. marec 2026' });
    expect(await first.evaluate((b) => b === document.activeElement && b.parentElement!.getAttribute('aria-selected'))).toBe('true');
    // No day after the To: April's days disabled, and no month after March.
    expect(await from.locator('[data-day="2026-04-01"]').isDisabled()).toBe(true);
    expect(await from.locator('[data-day="2026-03-31"]').isDisabled()).toBe(false);
    expect(await from.getByRole('button', { name: sl['common.calendar.nextMonth'] }).isDisabled()).toBe(true);

    // → a day, ↓ a week, Page Down a month (only as far as the To), Home the week's Monday; Enter chooses.
    for (const [key, day] of [['ArrowRight', '2026-03-02'], ['ArrowDown', '2026-03-09'], ['PageDown', '2026-03-31'], ['Home', '2026-03-30']]) {
      await page.keyboard.press(key);
      expect(await focusedDay(page), key).toBe(day);
    }
    await page.keyboard.press('Enter');
    await from.waitFor({ state: 'detached' });
    expect(await page.getByTestId('report-from').inputValue()).toBe('30. 3. 2026');
    expect(await focusedTestId(page)).toBe('report-from-pick');

    // From the keyboard: Tab from the typed To reaches its button, Enter opens on the To, no day before the From; Escape closes as it was.
    await page.getByTestId('report-to').focus();
    await page.keyboard.press('Tab');
    expect(await focusedTestId(page)).toBe('report-to-pick');
    await page.keyboard.press('Enter');
    const to = page.getByTestId('report-to-calendar');
    await to.waitFor();
    expect(await focusedDay(page)).toBe('2026-03-31');
    expect(await to.locator('[data-day="2026-03-29"]').isDisabled()).toBe(true);
    expect(await to.locator('[data-day="2026-03-30"]').isDisabled()).toBe(false);
    // Tab goes round the dialog's buttons: the month after (none before the From's), the day.
    expect(await to.getByRole('button', { name: sl['common.calendar.previousMonth'] }).isDisabled()).toBe(true);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(sl['common.calendar.nextMonth']);
    await page.keyboard.press('Tab');
    expect(await focusedDay(page)).toBe('2026-03-31');
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(sl['common.calendar.nextMonth']);
    await page.keyboard.press('Escape');
    await to.waitFor({ state: 'detached' });
    expect(await focusedTestId(page)).toBe('report-to-pick');
    expect(await page.getByTestId('report-to').inputValue()).toBe('31. 3. 2026');

    // With the mouse: the next month, then 1 April.
    await page.getByTestId('report-to-pick').click();
    await to.getByRole('button', { name: sl['common.calendar.nextMonth'] }).click();
    expect(await heading(to)).toBe('April 2026');
    await to.getByRole('button', { name: 'sreda, 1. april 2026' }).click();
    await to.waitFor({ state: 'detached' });
    expect(await page.getByTestId('report-to').inputValue()).toBe(showDate('2026-04-01', 'sl'));

    // A click elsewhere closes it, choosing nothing.
    await page.getByTestId('report-from-pick').click();
    await from.waitFor();
    // At the heading's place, not on it: the page behind is inert, and Playwright waits for a target that takes the click.
    const title = (await page.locator('h1').first().boundingBox())!;
    await page.mouse.click(title.x + 4, title.y + 4);
    await from.waitFor({ state: 'detached' });
    expect(await page.getByTestId('report-from').inputValue()).toBe('30. 3. 2026');

    await page.getByTestId('report-period-show').click();
    await page.waitForURL((u) => u.search === '?from=2026-03-30&to=2026-04-01');
    // 31 March and 1 April in Ljubljana: both purchases.
    await expect.poll(async () => (await page.getByTestId('points-issued').innerText()).replace(/\s+/g, ' ')).toContain('Izdane točke: 120 ');

    // For the README: the From's calendar open, in Slovenian.
    await page.getByTestId('report-from-pick').click();
    await from.waitFor();
    const [bar, shown] = [await page.getByTestId('report-from').locator('xpath=ancestor::*[contains(@class,"toolbar")][1]').boundingBox(), await from.boundingBox()];
    const top = Math.max(0, bar!.y - 16);
    await page.screenshot({ path: path.join(README_SHOTS, 'date-calendar.png'), clip: { x: Math.max(0, bar!.x - 16), y: top, width: Math.min(bar!.width + 32, 760), height: shown!.y + shown!.height + 16 - top } });
  });

  it('makes the page behind it inert while open: nothing there takes the focus or a click, or is named to a screen reader; all of it is back once closed, the focus on the button', async () => {
    const page = await dashboard.logIn();
    await open(page, 'en', '/loyalty?from=2026-03-01&to=2026-03-31');
    await page.getByTestId('loyalty-report').waitFor();
    // A To changed and not yet shown: a click that reached Show would show it.
    await page.getByTestId('report-to').fill('30/03/2026');
    const pick = page.getByTestId('report-from-pick');
    const calendar = page.getByTestId('report-from-calendar');
    const menu = page.locator('#main-menu a').first();
    const show = page.getByTestId('report-period-show');
    await show.evaluate((b) => b.addEventListener('click', () => ((window as unknown as { shown: number }).shown = ((window as unknown as { shown?: number }).shown ?? 0) + 1)));
    const shown = () => page.evaluate(() => (window as unknown as { shown?: number }).shown ?? 0);
    const inert = (selector: string) => page.evaluate((s) => document.querySelector(s)!.closest('[inert]') !== null, selector);
    const takesFocus = (target: Locator) => target.evaluate((e: HTMLElement) => (e.focus(), e === document.activeElement));
    const at = async (target: Locator) => { const b = (await target.boundingBox())!; return [b.x + b.width / 2, b.y + b.height / 2] as const; };

    await pick.click();
    await calendar.waitFor();
    expect(await inert('main')).toBe(true);
    expect(await inert('#main-menu')).toBe(true);
    expect(await calendar.evaluate((d) => d.closest('[inert]') === null)).toBe(true);
    // Not by script, nor by Tab: the focus stays in the calendar.
    expect(await takesFocus(menu)).toBe(false);
    expect(await takesFocus(show)).toBe(false);
    expect(await focusedDay(page)).toBe('2026-03-01');
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      expect(await calendar.evaluate((d) => d.contains(document.activeElement))).toBe(true);
    }
    // Chromium's accessibility tree (what a screen reader is given) holds only the calendar: no link of the menu, no Show.
    expect(await named(page, 'link')).toEqual([]);
    expect(await named(page, 'button')).not.toContain(CATALOGUES.en['loyalty.report.period.show']);
    expect(await named(page, 'dialog')).toEqual([CATALOGUES.en['common.dateField.pick']]);

    // A click on Show closes the calendar and reaches no Show; the focus is back on the button.
    await page.mouse.click(...(await at(show)));
    await calendar.waitFor({ state: 'detached' });
    expect(await shown()).toBe(0);
    expect(await focusedTestId(page)).toBe('report-from-pick');
    expect(await page.getByTestId('report-from').inputValue()).toBe('01/03/2026');
    // Back: nothing inert, the menu and Show take the focus, Tab goes on from the button to the To, and a click on Show shows the period.
    expect(await page.evaluate(() => document.querySelector('[inert]'))).toBe(null);
    expect((await named(page, 'link')).length).toBeGreaterThan(0);
    expect(await named(page, 'button')).toContain(CATALOGUES.en['loyalty.report.period.show']);
    await page.keyboard.press('Tab');
    expect(await focusedTestId(page)).toBe('report-to');
    expect(await takesFocus(menu)).toBe(true);
    await page.mouse.click(...(await at(show)));
    expect(await shown()).toBe(1);
    await page.waitForURL((u) => u.search === '?from=2026-03-01&to=2026-03-30');

    // A press on its own button closes it too (the button is behind it, inert), and the page is back.
    await pick.click();
    await calendar.waitFor();
    await page.mouse.click(...(await at(pick)));
    await calendar.waitFor({ state: 'detached' });
    expect(await pick.getAttribute('aria-expanded')).toBe('false');
    expect(await focusedTestId(page)).toBe('report-from-pick');
    expect(await page.evaluate(() => document.querySelector('[inert]'))).toBe(null);
    // Escape and a day chosen give the page back as well.
    for (const close of [() => page.keyboard.press('Escape'), () => calendar.locator('[data-day="2026-03-02"]').click()]) {
      await pick.click();
      await calendar.waitFor();
      expect(await inert('main')).toBe(true);
      await close();
      await calendar.waitFor({ state: 'detached' });
      expect(await page.evaluate(() => document.querySelector('[inert]'))).toBe(null);
      expect(await focusedTestId(page)).toBe('report-from-pick');
    }
    expect(await page.getByTestId('report-from').inputValue()).toBe('02/03/2026');
  });

  it('names a Russian month in its own form in the heading and of the day in a date, opens on today when empty, and moves across a year’s end', async () => {
    const page = await dashboard.logIn();
    await open(page, 'ru', '/settings/activity');
    const field = page.getByTestId('activity-from');
    await field.waitFor();
    expect(await field.inputValue()).toBe('');

    // Empty: today in the business's time zone, marked as today.
    const today = todayIn('Europe/Ljubljana');
    await page.getByTestId('activity-from-pick').click();
    const calendar = page.getByRole('dialog', { name: ru['common.dateField.pick'] });
    await calendar.waitFor();
    expect(await focusedDay(page)).toBe(today);
    expect(await calendar.locator(`[data-day="${today}"]`).getAttribute('aria-current')).toBe('date');
    expect(await weekdays(calendar)).toEqual(['пн', 'вт', 'ср', 'чт', 'пт', 'сб', 'вс']);
    await page.keyboard.press('Escape');
    await calendar.waitFor({ state: 'detached' });
    expect(await field.inputValue()).toBe('');

    // A typed day, then Alt+↓ in the field: the calendar opens on it.
    await field.fill('31.12.2026');
    await field.press('Alt+ArrowDown');
    await calendar.waitFor();
    // The heading's month stands alone ("Декабрь"), a day's is "of December" ("декабря").
    expect(await heading(calendar)).toBe('Декабрь 2026 г.');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('четверг, 31 декабря 2026 г.');
    for (const [key, day, month] of [
      ['ArrowRight', '2027-01-01', 'Январь 2027 г.'], ['Shift+PageUp', '2026-01-01', 'Январь 2026 г.'], ['PageUp', '2025-12-01', 'Декабрь 2025 г.'],
      ['End', '2025-12-07', 'Декабрь 2025 г.'], ['ArrowUp', '2025-11-30', 'Ноябрь 2025 г.'],
    ]) {
      await page.keyboard.press(key);
      expect(await focusedDay(page), key).toBe(day);
      expect(await heading(calendar), key).toBe(month);
    }
    // Space chooses as Enter does: the field shows the day as Russian writes it.
    await page.keyboard.press('Space');
    await calendar.waitFor({ state: 'detached' });
    expect(await field.inputValue()).toBe('30.11.2025');
    expect(await focusedTestId(page)).toBe('activity-from-pick');
  });

  it('fits a phone’s screen, whole, where its field is in a card', async () => {
    const page = await dashboard.browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(dashboard.server.url);
    await dashboard.logIn(page);
    for (const [address, testId] of [['/loyalty?from=2026-03-01&to=2026-03-31', 'report-to'], ['/loyalty/program', 'simulate-since']]) {
      await open(page, 'sl', address);
      await page.getByTestId(testId).waitFor();
      await page.getByTestId(`${testId}-pick`).click();
      const calendar = page.getByTestId(`${testId}-calendar`);
      await calendar.waitFor();
      const box = (await calendar.boundingBox())!;
      expect(box.x, testId).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, testId).toBeLessThanOrEqual(390);
      expect(box.y, testId).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height, testId).toBeLessThanOrEqual(844);
      // Nothing covers or cuts it: the points just inside its (rounded) corners are its own.
      const inside = await calendar.evaluate((dialog) => {
        const r = dialog.getBoundingClientRect();
        return [[r.left + 12, r.top + 12], [r.right - 12, r.top + 12], [r.left + 12, r.bottom - 12], [r.right - 12, r.bottom - 12]].every(([x, y]) => dialog.contains(document.elementFromPoint(x, y)));
      });
      expect(inside, testId).toBe(true);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await page.screenshot({ path: path.join(MORE_SHOTS, `date-calendar-phone-${testId}.png`) });
      // A tap on a day chooses it.
      const day = calendar.locator('td:not([aria-selected]) button:not(:disabled):not(.outside)').first();
      const chosen = (await day.getAttribute('data-day'))!;
      await day.click();
      expect(await page.getByTestId(testId).inputValue()).toBe(showDate(chosen, 'sl'));
    }
  });
});
