import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { recordPurchases } from '../../src/workflows/record-purchases.ts';
import type { Services } from '../../src/services.ts';
import { showDate } from '../../src/web/DateField.tsx';
import { CATALOGUES } from '../../src/web/i18n/index.ts';
import { useDashboard } from './browser.ts';

// A typed date's calendar (DateField.tsx): the button beside the field opens the browser's date
// picker, which a typed field had lost (2875394), bounded as the native From and To were (a To
// not before the From). A native picker's own window cannot be driven from a test: its
// showPicker() is recorded, and a day picked is set on its date input as the picker sets it.
async function seed(s: Services) {
  await s.loyalty.applyProgram({ program: { name: 'P', point_value: '0.01', earning: { points_per_currency_unit: 1 } }, effective_from: '2026-01-01T00:00:00Z' }, { actor: 'test' });
  await recordPurchases(s, [
    { external_id: 'm', customer: { email: 'ana@example.com' }, occurred_at: '2026-03-31T21:30:00Z', total: '40.00' },
    { external_id: 'a', customer: { email: 'ana@example.com' }, occurred_at: '2026-03-31T22:30:00Z', total: '80.00' },
  ], { source: 'api' });
}

const dashboard = useDashboard({ seed });

interface Opened { type: string; value: string; min: string; max: string; id: string | null }
const opened = (page: Page) => page.evaluate(() => (window as unknown as { opened: Opened[] }).opened.splice(0));

describe('a typed date’s calendar', () => {
  it('opens the browser’s calendar from a button named in the dashboard’s language, bounded by the other date, and the day picked is the period shown', async () => {
    const page = await dashboard.logIn();
    await page.addInitScript(() => {
      const seen: Opened[] = [];
      (window as unknown as { opened: Opened[] }).opened = seen;
      HTMLInputElement.prototype.showPicker = function (this: HTMLInputElement) {
        seen.push({ type: this.type, value: this.value, min: this.min, max: this.max, id: this.getAttribute('data-testid') });
      };
    });
    await page.evaluate(() => localStorage.setItem('regulars.language', 'sl'));
    await page.goto(new URL('/loyalty?from=2026-03-01&to=2026-03-31', dashboard.server.url).href);
    await page.getByTestId('loyalty-report').waitFor();
    const pick = page.getByTestId('report-from-pick');
    expect(await pick.getAttribute('aria-label')).toBe(CATALOGUES.sl['common.dateField.pick']);
    expect(await page.getByRole('button', { name: CATALOGUES.sl['common.dateField.pick'] }).count()).toBe(2);

    // The From's calendar opens on its day, and offers no day after the To.
    await pick.click();
    expect(await opened(page)).toEqual([{ type: 'date', value: '2026-03-01', min: '', max: '2026-03-31', id: 'report-from-calendar' }]);
    // Picking a day is typing it: the field shows it as Slovenian writes it, and Show asks for it.
    await page.getByTestId('report-from-calendar').fill('2026-03-31', { force: true });
    expect(await page.getByTestId('report-from').inputValue()).toBe(showDate('2026-03-31', 'sl'));

    // From the keyboard: Tab from the typed To reaches its button, Enter opens a calendar whose first day is the From.
    await page.getByTestId('report-to').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('report-to-pick');
    await page.keyboard.press('Enter');
    expect(await opened(page)).toEqual([{ type: 'date', value: '2026-03-31', min: '2026-03-31', max: '', id: 'report-to-calendar' }]);
    await page.getByTestId('report-to-calendar').fill('2026-04-01', { force: true });
    expect(await page.getByTestId('report-to').inputValue()).toBe(showDate('2026-04-01', 'sl'));

    await page.getByTestId('report-period-show').click();
    await page.waitForURL((u) => u.search === '?from=2026-03-31&to=2026-04-01');
    // 31 March and 1 April in Ljubljana: both purchases.
    await expect.poll(async () => (await page.getByTestId('points-issued').innerText()).replace(/\s+/g, ' ')).toContain('Izdane točke: 120 ');
  });
});
