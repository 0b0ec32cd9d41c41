import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { showDate } from '../../src/web/DateField.tsx';
import { CATALOGUES, LANGUAGES, type Language } from '../../src/web/i18n/index.ts';
import { useDashboard } from './browser.ts';

// The dashboard's dates are typed as its language writes them, whatever the browser's
// locale: an American Chromium's date input showed "12/25/2026" (month first) and its time
// input "02:30 PM" to a Slovenian, Danish or Russian dashboard. The business is in
// Ljubljana (the test server's TIMEZONE).

const dashboard = useDashboard();
const url = (address: string) => new URL(address, dashboard.server.url).href;

/** A logged-in page in a Chromium whose own language is American English. */
async function americanBrowser(): Promise<Page> {
  const context = await dashboard.browser.newContext({ locale: 'en-US', viewport: { width: 1360, height: 900 } });
  const page = await context.newPage();
  await page.goto(dashboard.server.url);
  await dashboard.logIn(page);
  expect(await page.evaluate(() => navigator.language)).toBe('en-US');
  return page;
}

async function speak(page: Page, language: Language) {
  await page.getByTestId('language').selectOption(language);
  await page.getByRole('link', { name: CATALOGUES[language]['nav.customers'], exact: true }).waitFor();
}

describe('a date typed in the dashboard’s language', () => {
  it('filters the activity log by days written, read and told wrong in each language, in an American browser', async () => {
    const page = await americanBrowser();
    await page.goto(url('/settings/activity'));
    await page.getByTestId('activity-table').waitFor();
    const from = page.getByTestId('activity-from');
    for (const [i, language] of LANGUAGES.entries()) {
      const words = CATALOGUES[language];
      const day = `2026-11-1${i}`;
      await speak(page, language);
      expect(await from.getAttribute('type'), language).toBe('text');
      expect(await from.getAttribute('placeholder'), language).toBe(words['common.dateField.format']);
      // As the language writes it: the request names Ljubljana's day.
      let asked = page.waitForRequest((r) => r.url().includes('/audit?') && r.url().includes(`since=${day}`));
      await from.fill(showDate(day, language));
      await asked;
      // Leniently: a short year, other separators; shown back as the language writes it.
      asked = page.waitForRequest((r) => r.url().includes('/audit?') && r.url().includes('since=2026-03-07'));
      await from.fill('7-3-26');
      await asked;
      await from.blur();
      expect(await from.inputValue(), language).toBe(showDate('2026-03-07', language));
      // ↑ a day later, from the keyboard.
      asked = page.waitForRequest((r) => r.url().includes('/audit?') && r.url().includes('since=2026-03-08'));
      await from.press('ArrowUp');
      await asked;
      expect(await from.inputValue(), language).toBe(showDate('2026-03-08', language));
      // A text that is no date: told in the language, with an example, once the field is left.
      await from.fill('31.02.2026');
      await from.blur();
      expect(await from.getAttribute('aria-invalid'), language).toBe('true');
      const reason = page.locator(`#${await from.getAttribute('aria-describedby')}`);
      // Told once: the server's refusal of the text it was asked with is not told again.
      await page.waitForTimeout(300);
      expect(await page.locator('.activity-filters .field-problem').count(), language).toBe(1);
      expect(await reason.innerText(), language).toMatch(new RegExp(`^${words['common.dateField.unreadable'].split('{example}')[0].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\d`));
      // The ISO day too, mended.
      await from.fill('2026-10-25');
      await from.blur();
      // (Once the answer to the mended day is in: the server's refusal of the text asked before marked the field too.)
      await expect.poll(() => from.getAttribute('aria-invalid'), { message: language }).toBeNull();
      expect(await from.inputValue(), language).toBe(showDate('2026-10-25', language));
    }
    await page.context().close();
  });

  it('makes a campaign whose window is typed as each language writes a day and a 24-hour time, in an American browser', async () => {
    const { services } = dashboard.server;
    const page = await americanBrowser();
    await page.goto(url('/loyalty/promotions'));
    await page.getByTestId('promotions').waitFor();
    for (const [i, language] of LANGUAGES.entries()) {
      await speak(page, language);
      const time = page.getByTestId('campaign-valid-from-time');
      expect(await time.getAttribute('placeholder'), language).toBe(language === 'da' ? '00.00' : '00:00');
      await page.getByTestId('campaign-name').fill(`Window ${language}`);
      await page.getByTestId('campaign-amount').fill('3');
      await page.getByTestId('campaign-count').fill('1');
      await page.getByTestId('campaign-valid-from').fill(showDate(`2026-12-0${i + 1}`, language));
      await time.fill(language === 'da' ? '9.30' : '9:30');
      await time.blur();
      expect(await time.inputValue(), language).toBe(language === 'da' ? '09.30' : '09:30');
      await page.getByTestId('campaign-expires-at').fill(showDate('2027-01-31', language));
      await page.getByTestId('campaign-submit').click();
      await page.getByTestId('campaign-created').getByText(`Window ${language}`, { exact: false }).waitFor();
      const campaign = (await services.loyalty.campaigns({})).items.find((c) => c.name === `Window ${language}`);
      // Ljubljana's 9:30 in winter, and the end day's start there.
      expect(campaign, language).toMatchObject({ valid_from: `2026-12-0${i + 1}T08:30:00.000Z`, expires_at: '2027-01-30T23:00:00.000Z' });
    }
    await page.context().close();
  });

  it('stops the holdout check at a date it cannot read, saying why in the language', async () => {
    const page = await americanBrowser();
    await page.goto(url('/analytics'));
    await speak(page, 'ru');
    await page.getByRole('tab', { name: CATALOGUES.ru['analytics.tab.holdout'] }).click();
    const end = page.getByTestId('calibration-end');
    await page.waitForFunction(() => (document.querySelector('[data-testid=calibration-end]') as HTMLInputElement | null)?.value !== '');
    expect(await end.inputValue()).toMatch(/^\d{2}\.\d{2}\.\d{4}$/);
    await end.fill('32.01.2026');
    await page.getByRole('button', { name: CATALOGUES.ru['analytics.holdout.check'] }).click();
    expect(await end.evaluate((input: HTMLInputElement) => input.validationMessage)).toMatch(/^Это не дата: введите её как \d{2}\.\d{2}\.\d{4}\.$/);
    await page.context().close();
  });
});
