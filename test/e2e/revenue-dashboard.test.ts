import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loyaltyMetrics } from '../../src/modules/analytics/index.ts';
import { recordPurchases } from '../../src/workflows/record-purchases.ts';
import { EXAMPLE_PROGRAM, kpiDigits, screenshotDirs, useDashboard } from './browser.ts';

// The Analytics page's Revenue tab and the landing Overview in real Chromium, on a business
// small enough to work out by hand. The test clock is 2026-06-01 (Ljubljana), so the last
// month is 2 May – 1 Jun 2026 and the month before it 2 Apr – 1 May.
//
//   previous month   Ana 40 (15 Apr)  Bor 30 (20 Apr)  Dan 20 (25 Apr)
//   last month       Ana 200 (5 May) + 100 (20 May)                    → repeat, silver (340 ≥ 250 in 12 months)
//                    Bor 15 + 5 (both 10 May) + 30 (28 May, code SPRING) → repeat (two days), member
//                    Cene 60 (15 May, Maribor, before the program)      → one-time, no member: "none"
//                    Eva 10 + 10 (both 22 May)                         → one day only: not repeat, member
//
//   customers 4, purchases 8, net revenue 430, average check 53.75
//   repeat: 2 customers, 5 purchases, 350 (81.4 %), average 70.00
//   other:  2 customers, 3 purchases, 80 (18.6 %), average 26.67
//   tiers:  silver 1 / 2 / 300 (69.8 %), member 2 / 5 / 70 (16.3 %), none 1 / 1 / 60 (14 %)
//   churn:  Dan of Ana, Bor, Dan: 1 ÷ 3 = 33.3 %; frequency 8 ÷ 4 = 2
//   CLV:    430 ÷ 4 customers ÷ (1/12 year) = 1,290.00 a year; lifetime (1/12 × 3) ÷ 1 = 0.25 years; 1,290 × 0.25 − 0 = 322.50
//   promotions: Bor's SPRING, 1 of the repeat customers' 5 purchases (20 %), 1 of all 8 (12.5 %)
//
// Screenshots go to .tmp/screenshots, or to docs/screenshots (the README's) with UPDATE_SCREENSHOTS=1.
const { readme: README_SHOTS, more: MORE_SHOTS } = screenshotDirs();

const dashboard = useDashboard({
  seed: async (s) => {
    for (const [code, name] of [['ljubljana', 'Ljubljana'], ['maribor', 'Maribor']]) {
      await s.stores.upsert({ code, name, city: name, time_zone: 'Europe/Ljubljana' }, { actor: 'test' });
    }
    const buy = (external_id: string, customer: string, day: string, total: string, extra: object = {}) => ({
      external_id, customer: { external_id: customer, first_name: customer }, occurred_at: `${day}T09:00:00Z`, store: 'ljubljana', total, ...extra,
    });
    const record = async (purchases: ReturnType<typeof buy>[]) => {
      const outcomes = await recordPurchases(s, purchases, { source: 'api' });
      expect(outcomes.filter((o) => o.status !== 'created')).toEqual([]);
    };
    // Cene buys before there is a program, so he never becomes a member.
    await record([buy('c-1', 'Cene', '2026-05-15', '60.00', { store: 'maribor' })]);
    await s.loyalty.applyProgram({ program: EXAMPLE_PROGRAM }, { actor: 'test' });
    await record([
      buy('a-0', 'Ana', '2026-04-15', '40.00'), buy('b-0', 'Bor', '2026-04-20', '30.00'), buy('d-0', 'Dan', '2026-04-25', '20.00'),
      buy('a-1', 'Ana', '2026-05-05', '200.00'), buy('a-2', 'Ana', '2026-05-20', '100.00'),
      buy('b-1', 'Bor', '2026-05-10', '15.00'), buy('b-2', 'Bor', '2026-05-10', '5.00'), buy('b-3', 'Bor', '2026-05-28', '30.00', { promo_code: 'SPRING' }),
      buy('e-1', 'Eva', '2026-05-22', '10.00'), buy('e-2', 'Eva', '2026-05-22', '10.00'),
    ]);
  },
});

const cells = (page: Page, testId: string) => page.getByTestId(testId).locator('td').allInnerTexts();

describe('revenue tab and overview', () => {
  it('shows repeat and other customers, tiers, churn, CLV and promotions as worked out by hand, and the owner’s overview', async () => {
    const s = dashboard.server.services;
    const metrics = await loyaltyMetrics(s, { from: '2026-05-02', to: '2026-06-01' });
    // The hand-worked figures are the server's.
    expect(metrics.revenue_by_customer_type).toEqual({
      repeat: { customers: 2, purchases: 5, revenue: '350.00', share_of_revenue: 0.814, average_check: '70.00' },
      other: { customers: 2, purchases: 3, revenue: '80.00', share_of_revenue: 0.186, average_check: '26.67' }, // 80 / 3 = 26.667
    });
    expect(metrics.revenue_by_tier.map((r) => [r.tier, r.customers, r.purchases, r.revenue])).toEqual([['silver', 1, 2, '300.00'], ['member', 2, 5, '70.00'], ['none', 1, 1, '60.00']]);
    expect(metrics.churn_rate).toEqual({ value: 0.3333, churned_customers: 1, previous_customers: 3 });
    expect(metrics.clv).toMatchObject({ value: '322.50', annual_revenue_per_customer: '1290.00', average_lifetime_years: 0.25, acquisition_cost: '0.00', note: null, note_code: null });

    const page = await dashboard.logIn();

    // ── The landing overview: the totals, the last month, repeat customers' share, the program ──
    expect(await kpiDigits(page, 'kpi-customers')).toBe(5);
    expect(await kpiDigits(page, 'kpi-purchases')).toBe(11);
    expect(await page.getByTestId('kpi-revenue').locator('strong').innerText()).toBe('€520.00');
    await page.getByTestId('overview-repeat-line').waitFor();
    expect(await page.getByTestId('overview-last-month').innerText()).toMatch(/^LAST MONTH: 2\u00a0MAY\u00a02026 – 1\u00a0JUN\u00a02026$/i);
    expect(await kpiDigits(page, 'overview-kpi-customers')).toBe(4);
    expect(await kpiDigits(page, 'overview-kpi-purchases')).toBe(8);
    expect(await page.getByTestId('overview-kpi-revenue').locator('strong').innerText()).toBe('€430.00');
    expect(await page.getByTestId('overview-kpi-repeat_purchase_ratio').locator('strong').innerText()).toBe('50%');
    expect(await page.getByTestId('overview-repeat-line').innerText()).toBe('Repeat customers brought 81.4% of the net revenue: €350.00 of €430.00.');
    await page.getByTestId('overview-outstanding').waitFor();
    const report = await s.loyalty.report();
    expect(report.members).toBe(4);
    expect(await kpiDigits(page, 'overview-members')).toBe(4);
    expect(await kpiDigits(page, 'overview-outstanding')).toBe(report.points.outstanding);
    await page.screenshot({ path: path.join(MORE_SHOTS, 'overview.png'), fullPage: true });
    // The cards lead to their pages on a click, but are no links: the menu's "Customers" stays the one link of that name.
    expect(await page.getByRole('link', { name: 'Customers' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Analytics' }).count()).toBe(1);
    await page.getByTestId('overview-members').click();
    await page.getByTestId('loyalty-report').waitFor();
    // The overview asks for the month's KPIs and its metrics at once, both by the period's name.
    const asked: string[] = [];
    const listen = (request: { url(): string }) => {
      const url = new URL(request.url());
      if (url.pathname.startsWith('/api/v1/analytics/')) asked.push(`${url.pathname}${url.search}`);
    };
    page.on('request', listen);
    await page.goBack();
    await page.getByTestId('overview-repeat-line').waitFor();
    expect(asked.sort()).toEqual(['/api/v1/analytics/metrics?period=month', '/api/v1/analytics/overview?period=month']);
    asked.length = 0;

    // ── Its repeat-customers card leads to the Revenue tab, which asks one request ──
    await page.getByTestId('overview-repeat-share').click();
    await page.getByTestId('revenue-by-type').waitFor();
    expect(asked).toEqual(['/api/v1/analytics/metrics?period=month']);
    page.off('request', listen);
    expect(new URL(page.url()).pathname).toBe('/analytics/revenue');
    expect(await page.getByRole('tab', { name: 'Revenue' }).getAttribute('aria-selected')).toBe('true');
    expect(await page.getByTestId('revenue-period').innerText()).toBe('Period: 2\u00a0May\u00a02026 – 1\u00a0Jun\u00a02026');
    expect(await cells(page, 'revenue-repeat')).toEqual(['Repeat customers', '2', '5', '€350.00', '81.4%', '€70.00']);
    expect(await cells(page, 'revenue-other')).toEqual(['Other customers', '2', '3', '€80.00', '18.6%', '€26.67']);
    expect(await cells(page, 'revenue-total')).toEqual(['Total', '4', '8', '€430.00', '100%', '€53.75']);
    expect(await page.getByTestId('repeat-definition').innerText()).toContain('at least two different days of the period (two receipts on one day are one visit)');
    const widths = await page.getByTestId('repeat-share-bar').locator('span').evaluateAll((parts) => parts.map((p) => (p as HTMLElement).style.width));
    expect(widths).toEqual(['81.4%', '18.6%']);

    const tiers = await page.getByTestId('revenue-tier').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent)));
    expect(tiers).toEqual([
      ['Silver', '1', '2', '€300.00', '69.8%'],
      ['Member', '2', '5', '€70.00', '16.3%'],
      ['Not a member / no tier', '1', '1', '€60.00', '14%'],
    ]);
    expect(tiers.map((r) => r[3])).toEqual(metrics.revenue_by_tier.map((r) => `€${r.revenue}`));

    expect(await page.getByTestId('revenue-churn').locator('strong').innerText()).toBe('33.3%');
    expect(await page.getByTestId('revenue-churn').innerText()).toContain('1 of 3 customers of the previous period did not buy again');
    expect(await page.getByTestId('revenue-frequency').locator('strong').innerText()).toBe('2');
    expect(await page.getByTestId('revenue-clv').locator('strong').innerText()).toBe('€322.50');
    expect(await page.getByTestId('revenue-clv-parts').innerText()).toBe('€1,290.00 a year × 0.25 years − €0.00');
    expect(await page.getByTestId('revenue-clv-cost').innerText()).toBe('No acquisition cost stored: €0.00 subtracted');
    expect(await page.getByTestId('revenue-formulas').innerText()).toContain('previous period (2\u00a0Apr\u00a02026 – 1\u00a0May\u00a02026)');
    expect(await cells(page, 'promotions-repeat')).toEqual(['Repeat customers', '5', '1', '20%', '1']);
    expect(await cells(page, 'promotions-other')).toEqual(['Other customers', '3', '0', '0%', '0']);
    expect(await cells(page, 'promotions-total')).toEqual(['Total', '8', '1', '12.5%', '1']);
    await page.screenshot({ path: path.join(README_SHOTS, 'analytics-revenue.png'), fullPage: true });

    // ── The owner enters the cost to win a customer once: the CLV subtracts it, says so, and remembers it ──
    const cost = page.getByTestId('revenue-acquisition-cost');
    expect(await cost.inputValue()).toBe('');
    await cost.fill('1.005');
    await page.getByTestId('revenue-acquisition-save').click();
    await page.getByTestId('revenue-acquisition-problems').waitFor();
    expect(await page.getByTestId('revenue-acquisition-problems').innerText()).toMatch(/^Cost to win one customer \(EUR\): .*decimal/);
    expect((await s.db.selectFrom('analytics_settings').selectAll().execute()).length).toBe(0);
    await cost.fill('22.50');
    await page.getByTestId('revenue-acquisition-save').click();
    await page.waitForFunction(() => document.querySelector('[data-testid=revenue-clv] strong')?.textContent === '€300.00');
    // 1,290.00 × 0.25 − 22.50 = 300.00
    expect(await page.getByTestId('revenue-clv-parts').innerText()).toBe('€1,290.00 a year × 0.25 years − €22.50');
    expect(await page.getByTestId('revenue-clv-cost').innerText()).toBe('Acquisition cost €22.50, as stored for the business');
    expect(await page.getByTestId('revenue-acquisition-problems').count()).toBe(0);
    expect((await loyaltyMetrics(s, { period: 'month' })).clv).toMatchObject({ value: '300.00', acquisition_cost: '22.50', acquisition_cost_source: 'setting' });
    await page.reload();
    await page.getByTestId('revenue-clv-cost').waitFor();
    expect(await page.getByTestId('revenue-acquisition-cost').inputValue()).toBe('22.50');
    expect(await page.getByTestId('revenue-clv').locator('strong').innerText()).toBe('€300.00');

    // ── One store: Maribor had only Cene's purchase; the choice is in the address ──
    await page.getByTestId('revenue-store').selectOption('maribor');
    await page.waitForURL(/\/analytics\/revenue\?store=maribor$/);
    await page.waitForFunction(() => document.querySelector('[data-testid=revenue-total] td:nth-child(4)')?.textContent === '€60.00');
    expect(await cells(page, 'revenue-other')).toEqual(['Other customers', '1', '1', '€60.00', '100%', '€60.00']);
    // The CLV without churn to go by says why in the dashboard's language (Maribor had nobody the month before).
    expect(await page.getByTestId('revenue-clv-note').innerText()).toBe('Nobody bought in the previous period, so the churn rate and the lifetime are unknown.');
    await page.getByRole('button', { name: 'Last 12 months' }).click();
    await page.waitForURL(/\/analytics\/revenue\?period=year&store=maribor$/);
    expect(await page.getByTestId('revenue-store').inputValue()).toBe('maribor');
    await page.getByTestId('revenue-store').selectOption('');
    await page.waitForURL(/\/analytics\/revenue\?period=year$/);
    const year = await loyaltyMetrics(s, { from: '2025-06-02', to: '2026-06-01' });
    await page.waitForFunction((total) => document.querySelector('[data-testid=revenue-total] td:nth-child(4)')?.textContent === total, `€${year.revenue}`);
    expect(year.revenue).toBe('520.00');
    expect(await cells(page, 'revenue-repeat')).toEqual(['Repeat customers', String(year.revenue_by_customer_type.repeat.customers), String(year.revenue_by_customer_type.repeat.purchases), '€420.00', '80.8%', '€60.00']);

    // ── Danish ──
    await page.getByTestId('language').selectOption('da');
    await page.getByRole('tab', { name: 'Omsætning' }).waitFor();
    await page.getByRole('heading', { name: 'Genkøbere og de øvrige' }).waitFor();
    expect((await cells(page, 'revenue-repeat'))[0]).toBe('Genkøbere');
    expect(await page.getByTestId('revenue-churn').locator('span').first().innerText()).toBe('Frafaldsrate');
    expect(await page.getByTestId('revenue-by-tier').innerText()).toContain('Sølv');
    expect(await page.getByTestId('revenue-by-tier').innerText()).toContain('Ikke medlem / intet niveau');
    expect((await page.getByTestId('revenue-clv-cost').innerText()).replace(/\u00a0/g, ' ')).toBe('Anskaffelsesomkostning 22,50 €, som gemt for virksomheden');
    await page.getByRole('link', { name: 'Overblik', exact: true }).click();
    await page.getByTestId('overview-repeat-line').waitFor();
    expect((await page.getByTestId('overview-repeat-line').innerText()).replace(/\u00a0/g, ' ')).toBe('Genkøbere stod for 81,4 % af nettoomsætningen: 350,00 € af 430,00 €.');
    await page.getByTestId('language').selectOption('en');
    await page.close();
  });

  it('fits the Revenue tab and the overview in a phone’s width, in Russian', async () => {
    const page = await dashboard.browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(dashboard.server.url);
    await dashboard.logIn(page);
    await page.evaluate(() => localStorage.setItem('regulars.language', 'ru'));
    for (const address of ['/', '/analytics/revenue']) {
      await page.goto(`${dashboard.server.url}${address}`);
      await page.getByTestId(address === '/' ? 'overview-repeat-line' : 'revenue-by-type').waitFor();
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(address === '/' ? 'Обзор' : 'Аналитика клиентов');
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), address).toBeLessThanOrEqual(0);
      await page.screenshot({ path: path.join(MORE_SHOTS, `phone-ru${address.replace(/\//g, '-')}.png`), fullPage: true });
    }
    await page.evaluate(() => localStorage.setItem('regulars.language', 'en'));
    await page.close();
  });
});
