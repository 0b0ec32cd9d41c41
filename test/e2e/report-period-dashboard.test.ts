import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addDaysToDate, addMonthsToDate, localDate } from '../../src/shared/clock.ts';
import { recordPurchases } from '../../src/workflows/record-purchases.ts';
import type { Services } from '../../src/services.ts';
import { showDate } from '../../src/web/DateField.tsx';
import { useDashboard } from './browser.ts';

// The loyalty report page's period (GET /loyalty/report?from=&to=, kept in the address): the
// business's days in Ljubljana — 23:30 on 31 March (summer time) is March's, 00:30 on 1 April
// April's —, its quick choices, and a refused period told at its field, naming the other by
// its label (the API's `from` is the form's From), in English and Slovenian. The figures of a
// period are worked by hand in src/modules/loyalty/accounts/report-period.test.ts.
async function seed(s: Services) {
  await s.loyalty.applyProgram({ program: { name: 'P', point_value: '0.01', earning: { points_per_currency_unit: 1 } }, effective_from: '2026-01-01T00:00:00Z' }, { actor: 'test' });
  await recordPurchases(s, [
    { external_id: 'm', customer: { email: 'ana@example.com' }, occurred_at: '2026-03-31T21:30:00Z', total: '40.00' },
    { external_id: 'a', customer: { email: 'ana@example.com' }, occurred_at: '2026-03-31T22:30:00Z', total: '80.00' },
  ], { source: 'api' });
}

const dashboard = useDashboard({ seed });
const text = async (page: Page, id: string) => (await page.getByTestId(id).innerText()).replace(/\s+/g, ' ').trim();
const search = (page: Page) => new URL(page.url()).search;

async function open(page: Page, language: string, address: string) {
  await page.evaluate((l) => localStorage.setItem('regulars.language', l), language);
  await page.goto(new URL(address, dashboard.server.url).href);
}
/** How a control of the period's form looks: its colours and corners, and where it stands. */
const look = (page: Page, id: string) => page.getByTestId(id).evaluate((e) => {
  const style = getComputedStyle(e);
  const box = e.getBoundingClientRect();
  return { background: style.backgroundColor, color: style.color, radius: style.borderRadius, top: Math.round(box.top), bottom: Math.round(box.bottom) };
});
async function report(page: Page) {
  await page.getByTestId('loyalty-report').waitFor();
  return { issued: await text(page, 'points-issued'), outstanding: await text(page, 'kpi-outstanding'), note: await page.getByTestId('report-period-note').count() ? await text(page, 'report-period-note') : null };
}

describe('the loyalty report page over a period', () => {
  it('counts the days of the period asked, from the address, the dates typed and the quick choices, in English', async () => {
    const page = await dashboard.logIn();
    await open(page, 'en', '/loyalty?from=2026-03-01&to=2026-03-31');
    const march = await report(page);
    expect(march.issued).toContain('Points issued: 40 ');
    // The liability is now's: both purchases.
    expect(march.outstanding).toContain('Outstanding points 120 Liability €1.20');
    expect(march.note).toMatch(/^Points earned, redeemed, expired and issued, and the rates, are those of .+ – .+; members, outstanding points and the liability are as of now\.$/);
    // The period's opening and closing: nothing at the start of March, the 40 of 31 March at its end.
    expect(await text(page, 'report-opening')).toMatch(/^Opening: outstanding at the start of .+ 0 Liability €0\.00$/);
    expect(await text(page, 'report-closing')).toMatch(/^Closing: outstanding at the end of .+ 40 Liability €0\.40$/);

    // Typed: April.
    await page.getByTestId('report-from').fill('2026-04-01');
    await page.getByTestId('report-to').fill('2026-04-30');
    await page.getByTestId('report-period-show').click();
    await page.waitForURL((u) => u.search === '?from=2026-04-01&to=2026-04-30');
    await expect.poll(async () => (await report(page)).issued).toContain('Points issued: 80 ');
    expect([await text(page, 'report-opening'), await text(page, 'report-closing')]).toEqual([expect.stringMatching(/ 40 Liability €0\.40$/), expect.stringMatching(/ 120 Liability €1\.20$/)]);

    // A quick choice: the last 12 months to today in Ljubljana, as the analytics tabs count them.
    const today = localDate(new Date(), 'Europe/Ljubljana');
    await page.getByTestId('report-period-year').click();
    await page.waitForURL((u) => u.search === `?from=${addDaysToDate(addMonthsToDate(today, -12), 1)}&to=${today}`);
    expect(await page.getByTestId('report-period-year').getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByTestId('report-from').inputValue()).toBe(showDate(addDaysToDate(addMonthsToDate(today, -12), 1), 'en'));

    // Since the start: the whole ledger, no period in the address, no note.
    await page.getByTestId('report-period-all').click();
    await page.waitForURL((u) => u.search === '');
    await expect.poll(async () => (await report(page)).note).toBeNull();
    expect((await report(page)).issued).toContain('Points issued: 120 ');
    expect(search(page)).toBe('');

    // Show was the browser's grey default button beside the styled quick choices: it wears the dashboard's
    // colours, those of the chosen quick choice, with the dates' corners, level with the dates.
    const [show, chosen, to] = await Promise.all([look(page, 'report-period-show'), look(page, 'report-period-all'), look(page, 'report-to')]);
    expect({ background: show.background, color: show.color, radius: show.radius }).toEqual({ background: chosen.background, color: chosen.color, radius: to.radius });
    expect(Math.abs(show.bottom - to.bottom)).toBeLessThanOrEqual(1);
  });

  it('tells a period that ends before it starts at its field, and the period in Slovenian', async () => {
    const page = await dashboard.logIn();
    await open(page, 'sl', '/loyalty?from=2026-03-01&to=2026-03-31');
    const march = await report(page);
    expect(march.issued).toContain('Izdane točke: 40 ');
    expect(await text(page, 'report-closing')).toMatch(/^Končno stanje: neporabljene točke ob koncu dne .+ 40 Obveznost 0,40 €$/);
    expect(march.note).toMatch(/^Zbrane, unovčene, zapadle in izdane točke ter deleži veljajo za obdobje .+ – .+; člani, neporabljene točke in obveznost so na današnji dan\.$/);
    const places = () => Promise.all(['report-from', 'report-to', 'report-period-show', 'report-period-all'].map((id) => page.getByTestId(id).evaluate((e) => {
      const box = e.getBoundingClientRect();
      return { id: e.getAttribute('data-testid'), left: Math.round(box.left), top: Math.round(box.top) };
    })));
    const unrefused = await places();
    await open(page, 'sl', '/loyalty?from=2026-04-01&to=2026-03-31');
    await page.getByTestId('report-period').locator('.field-problem').waitFor();
    expect(await page.getByTestId('report-period').locator('.field-problem').allInnerTexts()).toEqual(['ne sme biti pred datumom »Od«']);
    // Told under the row, the refusal moves none of the period's inputs: it lengthened the To's field, and the row's bottom alignment moved the From, the To, Show and the quick choices.
    expect(await places()).toEqual(unrefused);
    // A row that wraps keeps the dates and Show together: in Russian at 1360 px the To and Show went to a row of their own, under the From.
    await open(page, 'ru', '/loyalty?from=2026-03-01&to=2026-03-31');
    await page.getByTestId('loyalty-report').waitFor();
    const tops = await Promise.all(['report-from', 'report-to'].map(async (id) => (await look(page, id)).top));
    expect(tops[1]).toBe(tops[0]);
    // Neither date of the address a day (QA: the To told the server's refusal, the From showed "garbage" and nothing): each field says so, once.
    await open(page, 'sl', '/loyalty?from=garbage&to=2026-13-45');
    await page.getByTestId('report-period').locator('.field-problem').nth(1).waitFor();
    const told = await page.getByTestId('report-period').locator('.field-problem').allInnerTexts();
    expect(told).toHaveLength(2);
    for (const problem of told) expect(problem).toMatch(/^To ni datum: vpišite ga kot \d{1,2}\. \d{1,2}\. \d{4}\.$/);
    expect(await page.getByTestId('report-from').getAttribute('aria-invalid')).toBe('true');
    await open(page, 'en', '/loyalty?from=2026-04-01&to=2026-03-31');
    await page.getByTestId('report-period').locator('.field-problem').waitFor();
    expect(await page.getByTestId('report-period').locator('.field-problem').allInnerTexts()).toEqual(['must not be before the “From” date']);
  });
});
