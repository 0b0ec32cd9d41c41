import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { aliveHeatmap, analyticsOverview, clvDistribution, cohortRetention, createScoresService, holdoutValidation, rfmGrid } from '../../src/modules/analytics/index.ts';
import { recordPurchases } from '../../src/workflows/record-purchases.ts';
import { runDemo } from '../../src/workflows/run-demo.ts';
import { showDate } from '../../src/web/DateField.tsx';
import { kpiDigits, screenshotDirs, useDashboard } from './browser.ts';

// The analytics pages in real Chromium against the real server and database, on a demo
// business of 300 customers: every tab shows the server's own numbers; the score pages
// start empty and an owner runs the scores from the page; a second run a week later
// gives the segment flows; Danish headings. Screenshots go to .tmp/screenshots, or to
// docs/screenshots (the README's) with UPDATE_SCREENSHOTS=1.
const { readme: README_SHOTS, more: MORE_SHOTS } = screenshotDirs();
const dashboard = useDashboard({ seed: (s) => runDemo(s, { customers: 300, seed: 21 }) });

const sumOf = async (page: Page, testId: string) =>
  page.getByTestId(testId).evaluateAll((cells) => cells.reduce((n, c) => n + Number((c as HTMLElement).dataset.customers), 0));

describe('analytics dashboard', () => {
  it('shows the overview, runs the scores, and draws every analytics view with the server’s numbers', async () => {
    const s = dashboard.server.services;
    const page = await dashboard.logIn();

    // ── Overview: KPIs with their trend and sample size ──
    await page.getByRole('link', { name: 'Analytics' }).click();
    await page.getByTestId('analytics-kpi-customers').waitFor();
    expect(new URL(page.url()).pathname).toBe('/analytics');
    const month = await analyticsOverview(s, { period: 'month' });
    expect(month.kpis.customers.value).toBeGreaterThan(10);
    expect(await kpiDigits(page, 'analytics-kpi-customers')).toBe(month.kpis.customers.value);
    expect(await kpiDigits(page, 'analytics-kpi-purchases')).toBe(month.kpis.purchases.value);
    const customersCard = await page.getByTestId('analytics-kpi-customers').innerText();
    expect(customersCard).toContain(`n\u00a0=\u00a0${month.kpis.customers.sample} customers`);
    expect(customersCard).toContain(`before: ${month.kpis.customers.previous}`);
    expect(await page.getByTestId('analytics-trend-customers').innerText()).toMatch(/^[▲▼▶] [+-]?\d+(\.\d)?%$/);
    expect(await page.getByTestId('analytics-kpi-active_customers_share').innerText()).toContain(`n\u00a0=\u00a0${month.kpis.active_customers_share.sample} customers`);
    expect(await page.getByTestId('overview-period').innerText()).toBe('2\u00a0May\u00a02026 – 1\u00a0Jun\u00a02026, compared with 2\u00a0Apr\u00a02026 – 1\u00a0May\u00a02026');
    await page.screenshot({ path: path.join(README_SHOTS, 'analytics.png'), fullPage: true });

    await page.getByRole('button', { name: 'Last 12 months' }).click();
    await page.waitForURL(/\/analytics\?period=year$/);
    const year = await analyticsOverview(s, { period: 'year' });
    await page.waitForFunction((n) => document.querySelector('[data-testid=analytics-kpi-customers] strong')?.textContent?.replace(/\D/g, '') === String(n), year.kpis.customers.value);
    expect(await kpiDigits(page, 'analytics-kpi-purchases')).toBe(year.kpis.purchases.value);

    // ── RFM: no scores yet, so the owner runs them from the page ──
    await page.getByRole('tab', { name: 'RFM grid' }).click();
    await page.getByTestId('no-scores').waitFor();
    expect(await s.db.selectFrom('customer_scores').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).toEqual({ n: 0 });
    await page.getByTestId('run-scores').click();
    await page.getByTestId('rfm-grid').waitFor({ timeout: 60_000 });
    const grid = await rfmGrid(s);
    expect(grid.customers).toBe(300);
    expect(await page.getByTestId('rfm-cell').count()).toBe(25);
    expect(await sumOf(page, 'rfm-cell')).toBe(grid.customers);
    expect(Number((await page.getByTestId('segment-total').innerText()).replace(/\D/g, ''))).toBe(grid.customers);
    const champions = grid.segments.find((g) => g.segment === 'Champions')!;
    expect(await page.getByTestId('segment-table').getByRole('row', { name: /^Champions/ }).innerText()).toContain(String(champions.customers));
    expect(await page.getByText('Scores as of 1 Jun 2026, 300 customers.').count()).toBe(1);
    // QA: under BG/NBD "Lost" showed 72.6 % alive and "Loyal" 13.8 %. P(alive) is Pareto/NBD's, and the page says so.
    const lost = grid.segments.find((g) => g.segment === 'Lost')!;
    expect(grid.alive_model).toBe('paretonbd');
    expect(lost.probability_alive_mean!).toBeLessThan(champions.probability_alive_mean! - 0.3);
    const percent = (share: number) => new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 1 }).format(share);
    expect(await page.getByTestId('segment-table').getByRole('row', { name: /^Lost/ }).innerText()).toContain(percent(lost.probability_alive_mean!));
    expect(await page.getByTestId('rfm-alive-note').innerText()).toContain('by the Pareto/NBD model');
    await page.screenshot({ path: path.join(README_SHOTS, 'analytics-rfm.png'), fullPage: true });

    // ── Segments: in the week after, lapsed customers come back and new ones arrive; the
    // nightly run then moves customers between segments ──
    const lapsed = await s.db
      .selectFrom('customer_scores as c')
      .innerJoin('customer_identities as i', 'i.customer_id', 'c.customer_id')
      .select('i.value')
      .where('i.kind', '=', 'external_id')
      .where('c.segment', 'in', ['Lost', 'Hibernating', 'About to sleep', 'At risk'])
      .orderBy('i.value')
      .limit(40)
      .execute();
    expect(lapsed.length).toBe(40);
    const comeback = [
      ...lapsed.map((c, i) => ({ external_id: `back-${i}`, customer: { external_id: c.value }, occurred_at: '2026-06-05T10:00:00+02:00', total: '6.40' })),
      ...Array.from({ length: 5 }, (_, i) => ({ external_id: `new-${i}`, customer: { external_id: `newcomer-${i}` }, occurred_at: '2026-06-06T10:00:00+02:00', total: '4.20' })),
    ];
    s.clock.set('2026-06-08T12:00:00Z');
    expect((await recordPurchases(s, comeback, { source: 'test' })).filter((o) => o.status !== 'created')).toEqual([]);
    const second = await createScoresService({ db: s.db, clock: s.clock, timeZone: s.config.timeZone, currency: s.config.currency, logger: s.logger }).computeScores({ trigger: 'schedule' });
    expect(second.segment_changes).toBeGreaterThan(0);
    await page.getByRole('tab', { name: 'Segments' }).click();
    await page.getByTestId('segment-sankey').waitFor();
    expect(await page.getByTestId('segment-run').locator('option').count()).toBe(2);
    expect(await page.getByTestId('segment-sizes').locator('rect').count()).toBeGreaterThan(10);
    const moves = await page.getByTestId('segment-moves').innerText();
    expect(moves).toMatch(/\d/);
    const stayed = second.customers - second.segment_changes;
    await page.getByText(`${stayed.toLocaleString('en-GB')} customers stayed in their segment.`).waitFor();
    await page.getByTestId('segment-moves').getByText('First scored').first().waitFor(); // the newcomers
    await page.screenshot({ path: path.join(MORE_SHOTS, 'analytics-segments.png'), fullPage: true });
    // The first run: every customer arrives from "first scored"; the page says it is the first run rather than "0 customers stayed".
    await page.getByTestId('segment-run').selectOption({ index: 0 });
    await page.getByText('This is the first score run: every customer was scored for the first time, so there are no earlier segments to compare with.').waitFor();
    expect(await page.getByText(/customers stayed in their segment/).count()).toBe(0);

    // ── CLV distribution ──
    await page.getByRole('tab', { name: 'Lifetime value' }).click();
    await page.getByTestId('clv-histogram').waitFor();
    const clv = await clvDistribution(s);
    expect(await kpiDigits(page, 'clv-customers')).toBe(clv.customers);
    expect(await page.getByTestId('clv-bucket').count()).toBe(clv.buckets.length);
    // QA: the rows read "€0.00 – €0.02", then "€0.02 – €0.05", a boundary in two rows. A bucket holds whole cents from its
    // first to its last, [from, to): each row names them, the last a cent below the next row's first ("€0.02 to €0.04", "€0.05 to …").
    const cents = (amount: string) => Math.round(Number(amount.replace(/[€,]/g, '')) * 100);
    const rows = await page.getByTestId('clv-bucket').locator('td:first-child').allInnerTexts();
    const ranges = rows.map((row) => (row.match(/€[\d,]+\.\d{2}/g) ?? []).map(cents));
    ranges.forEach((amounts, i) => {
      expect(amounts.length, rows[i]).toBeGreaterThanOrEqual(1);
      expect(amounts[0], rows[i]).toBe(cents(clv.buckets[i].from));
      expect(amounts.at(-1), rows[i]).toBe(cents(clv.buckets[i].to) - 1);
      if (i > 0) expect(amounts[0], `${rows[i - 1]} then ${rows[i]}`).toBe(ranges[i - 1].at(-1)! + 1);
    });
    expect(await sumOf(page, 'clv-bucket')).toBe(clv.customers);
    expect(await page.getByTestId('clv-median').locator('strong').innerText()).toBe(`€${clv.median}`);
    await page.screenshot({ path: path.join(MORE_SHOTS, 'analytics-clv.png'), fullPage: true });

    // ── Probability alive ──
    await page.getByRole('tab', { name: 'Probability alive' }).click();
    await page.getByTestId('alive-heatmap').waitFor();
    const alive = await aliveHeatmap(s);
    expect(await page.getByTestId('alive-cell').count()).toBe(alive.frequency_bins.length * alive.recency_bins.length);
    expect(await sumOf(page, 'alive-cell')).toBe(alive.customers);
    // A cell's title counts its customers in the number's form (QA: "P(alive) 79.4%, 1 customers.").
    const titles = await page.getByTestId('alive-cell').evaluateAll((cells) => (cells as HTMLElement[]).filter((c) => c.title).map((c) => ({ n: Number(c.dataset.customers), title: c.title })));
    expect(titles.length).toBeGreaterThan(0);
    for (const { n, title } of titles) expect(title).toContain(`, ${n} ${n === 1 ? 'customer' : 'customers'}.`);
    expect(await page.getByText('Model parameters of the score run of 8 Jun 2026.').count()).toBe(1);
    // QA: the whole "0 repeat purchases" column was 100 % green. Now it has one cell, at
    // t_x = 0, coloured by a one-time buyer's P(alive) at age T; the cells above are empty.
    const firstColumn = await page.getByTestId('alive-heatmap').locator('.heatmap-row').evaluateAll((rows) =>
      rows.map((row) => (row.querySelector('[data-testid=alive-cell]') as HTMLElement | null)?.dataset.probability ?? 'label').filter((p) => p !== 'label'));
    expect(firstColumn.at(-1)).toBe(String(alive.probability_alive[0][0])); // the bottom row is t_x = 0
    expect(alive.probability_alive[0][0]!).toBeLessThan(0.5);
    expect(firstColumn.slice(0, -1).every((p) => p === undefined)).toBe(true);
    expect(await page.getByTestId('alive-model').innerText()).toBe('Pareto/NBD rather than BG/NBD: BG/NBD lets a customer leave only right after a repeat purchase, so it would count every one-time buyer as surely active.');
    await page.screenshot({ path: path.join(MORE_SHOTS, 'analytics-alive.png'), fullPage: true });

    // ── Cohorts ──
    await page.getByRole('tab', { name: 'Cohorts' }).click();
    await page.getByTestId('cohort-table').waitFor();
    const cohorts = await cohortRetention(s, {});
    expect(await page.getByTestId('cohort-row').count()).toBe(cohorts.cohorts.length);
    expect(await sumOf(page, 'cohort-row')).toBe(cohorts.cohorts.reduce((n, c) => n + c.customers, 0));
    const firstFull = cohorts.cohorts.findIndex((c) => c.customers > 0);
    expect(await page.getByTestId('cohort-row').nth(firstFull).locator('td').nth(2).innerText()).toBe('100%');
    await page.screenshot({ path: path.join(MORE_SHOTS, 'analytics-cohorts.png'), fullPage: true });

    // ── Holdout: predicted against actual, for other dates too ──
    await page.getByRole('tab', { name: 'Model check' }).click();
    await page.getByTestId('holdout-chart').waitFor();
    const holdout = await holdoutValidation(s, {});
    expect(await page.getByTestId('calibration-end').inputValue()).toBe(showDate(holdout.calibration_end, 'en'));
    // The days typed are purchase days: the business's (the test server's Ljubljana), or a store's own in another zone.
    expect(await page.getByTestId('holdout-time-zone').innerText()).toBe('Days in the business\'s time zone, Europe/Ljubljana; a purchase at a store in another zone counts on that store\'s day.');
    expect(await kpiDigits(page, 'holdout-customers')).toBe(holdout.customers);
    expect(await page.getByTestId('holdout-group').count()).toBe(holdout.by_calibration_purchases.length);
    await page.getByTestId('calibration-end').fill('2025-10-01');
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    const earlier = await holdoutValidation(s, { calibration_end: '2025-10-01', holdout_end: holdout.holdout_end });
    await page.waitForFunction((n) => document.querySelector('[data-testid=holdout-customers] strong')?.textContent?.replace(/\D/g, '') === String(n), earlier.customers);
    expect(await kpiDigits(page, 'holdout-actual')).toBe(earlier.actual_total);
    await page.screenshot({ path: path.join(MORE_SHOTS, 'analytics-holdout.png'), fullPage: true });

    // ── Danish ──
    await page.getByTestId('language').selectOption('da');
    await page.getByRole('heading', { name: 'Kundeanalyse' }).waitFor();
    await page.getByRole('heading', { name: 'Forudsagte og faktiske køb i kontrolperioden' }).waitFor();
    await page.getByRole('tab', { name: 'RFM-gitter' }).click();
    await page.getByRole('heading', { name: 'Kunder efter seneste køb og købshyppighed' }).waitFor();
    expect(await page.getByTestId('segment-table').innerText()).toContain('Mestre');
    expect(await page.getByRole('link', { name: 'Analyse' }).getAttribute('class')).toBe('active');
    expect(await page.getByTestId('rfm-alive-note').innerText()).toContain('Pareto/NBD-modellen');
    await page.getByRole('tab', { name: 'Sandsynlighed for aktivitet' }).click();
    await page.getByText('Pareto/NBD frem for BG/NBD', { exact: false }).waitFor();
    await page.getByRole('tab', { name: 'Overblik' }).click();
    await page.getByRole('button', { name: 'Seneste måned' }).waitFor();
    expect(await page.getByTestId('analytics-kpi-customers').innerText()).toContain('Kunder, der har købt');
    await page.getByTestId('language').selectOption('en');
  });
});
