import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { recordPurchases } from '../../src/workflows/record-purchases.ts';
import { EXAMPLE_PROGRAM, screenshotDirs, useDashboard } from './browser.ts';
import { close, itemToggle, jsonView, open, openProgramForm, sectionToggle, tier } from './program-form-page.ts';

// A manager travelling, or a head office in another zone: the browser runs in Los Angeles
// (nine hours behind in December) or Auckland (twelve ahead), the business in Ljubljana
// (the test server's TIMEZONE, which GET /status answers). The days and times typed reach
// the server as Ljubljana's, and the times shown are Ljubljana's, not the browser's.
// Screenshots go to .tmp/screenshots.
const SHOTS = screenshotDirs().more;

let buyerId = '';

const dashboard = useDashboard({
  seed: async (s) => {
    await s.loyalty.applyProgram({ program: EXAMPLE_PROGRAM }, { actor: 'test' });
    // A shop in Istanbul, an hour ahead of Ljubljana in summer: half past eleven at night in
    // Ljubljana is already the next day there.
    await s.stores.upsert({ code: 'istanbul', name: 'Istanbul', city: 'Istanbul', time_zone: 'Europe/Istanbul' }, { actor: 'test' });
    const [late] = await recordPurchases(s, [{
      external_id: 'late-1', customer: { external_id: 'card-9', email: 'ayse@example.com', first_name: 'Ayşe' }, occurred_at: '2026-05-31T21:30:00Z', store: 'istanbul', total: '12.00',
    }], { source: 'api' });
    if (late.status !== 'created') throw new Error(`the purchase was not recorded: ${late.status}`);
    buyerId = late.customerId;
  },
});
const url = (address: string) => new URL(address, dashboard.server.url).href;
const ZONE_HINT = "Dates and times in the business's time zone, Europe/Ljubljana.";

/** A logged-in page in a browser whose own time zone is `timezoneId`. */
async function browserIn(timezoneId: string): Promise<Page> {
  const context = await dashboard.browser.newContext({ timezoneId, viewport: { width: 1360, height: 900 } });
  const page = await context.newPage();
  await page.goto(dashboard.server.url);
  await dashboard.logIn(page);
  expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(timezoneId);
  return page;
}

describe('the business\'s time zone in a browser elsewhere', () => {
  it('reads a campaign\'s window and a gift card\'s expiry in Ljubljana from Los Angeles, and shows Ljubljana\'s times', async () => {
    const { services } = dashboard.server;
    const page = await browserIn('America/Los_Angeles');
    await page.goto(url('/loyalty/promotions'));
    await page.getByTestId('promotions').waitFor();
    expect(await page.getByTestId('campaign-time-zone').innerText()).toBe(ZONE_HINT);

    // The first weekend of December, midnight to midnight in Ljubljana (15:00 the day before in Los Angeles).
    await page.getByTestId('campaign-name').fill('Advent weekend');
    await page.getByTestId('campaign-amount').fill('3');
    await page.getByTestId('campaign-count').fill('2');
    await page.getByTestId('campaign-valid-from').fill('2026-12-05T00:00');
    await page.getByTestId('campaign-expires-at').fill('2026-12-07T00:00');
    await page.getByTestId('campaign-submit').click();
    await page.getByTestId('campaign-created').waitFor();
    const [advent] = (await services.loyalty.campaigns({})).items;
    expect(advent).toMatchObject({ name: 'Advent weekend', valid_from: '2026-12-04T23:00:00.000Z', expires_at: '2026-12-06T23:00:00.000Z' });
    // Listed with Ljubljana's days, the first and the last it works (Los Angeles' clocks would say 4 Dec, 15:00 – 6 Dec, 15:00).
    const row = page.getByTestId('campaign-row').filter({ hasText: 'Advent weekend' });
    expect(await row.innerText()).toContain('5\u00a0Dec\u00a02026 – 6\u00a0Dec\u00a02026');

    // Made at the server clock's 12:00 UTC: 14:00 in Ljubljana, not 05:00 as Los Angeles' clocks said.
    await page.goto(url(`/loyalty/promotions?campaign=${advent.id}`));
    const created = page.getByTestId('campaign-detail').locator('dl > div', { has: page.locator('dt', { hasText: /^Created$/ }) }).locator('dd');
    expect(await created.innerText()).toBe('1\u00a0Jun\u00a02026, 14:00');

    // A gift card usable through New Year's Eve in Ljubljana: it stops at Ljubljana's midnight.
    await page.goto(url('/loyalty/promotions'));
    const issue = page.getByTestId('issue-gift-card');
    expect(await issue.locator('.zone-hint').innerText()).toBe(ZONE_HINT);
    await page.getByTestId('gift-card-amount').fill('20');
    await page.getByTestId('gift-card-expires').fill('2026-12-31');
    await page.getByTestId('gift-card-submit').click();
    await page.getByTestId('gift-card-confirm-yes').click();
    const code = /Gift card (\S+) issued/.exec(await page.getByTestId('gift-card-issued').innerText())![1];
    const [card] = (await services.loyalty.giftCards({})).items;
    expect(card.expires_at).toBe('2026-12-31T23:00:00.000Z');
    const cardRow = page.getByTestId('gift-cards-table').locator('tbody tr', { hasText: code });
    // The last day it works, in Ljubljana: Los Angeles' clocks would say it stops 31 Dec 2026, 15:00.
    expect(await cardRow.innerText()).toContain('Valid through 31\u00a0Dec\u00a02026');
    await page.getByTestId('promotions').screenshot({ path: path.join(SHOTS, 'promotions-business-time-zone.png') });
    await page.context().close();
  });

  it('writes a reward\'s availability and a version\'s start typed in Auckland as Ljubljana\'s times', async () => {
    const { services } = dashboard.server;
    const page = await browserIn('Pacific/Auckland');
    await openProgramForm(page, dashboard.server.url);
    // The example's promotion starts at midnight in Ljubljana: shown so, not as Auckland's noon.
    await open(sectionToggle(page, 'Earning'));
    const weekend = tier(page, 'Promotion 1: Double points weekend');
    await open(itemToggle(page, 'Promotion 1: Double points weekend'));
    expect(await weekend.getByLabel('From', { exact: true }).inputValue()).toBe('05/12/2026');
    expect(await weekend.getByLabel('From, time').inputValue()).toBe('00:00');
    await close(itemToggle(page, 'Promotion 1: Double points weekend'));

    await open(sectionToggle(page, 'Rewards'));
    const cake = tier(page, 'Reward 2: A slice of cake');
    await open(itemToggle(page, 'Reward 2: A slice of cake'));
    expect(await cake.locator('.field', { has: page.getByLabel('Available from', { exact: true }) }).locator('small.hint').innerText()).toContain('(Europe/Ljubljana)');
    await cake.getByLabel('Available from', { exact: true }).fill('2026-12-01T00:00');
    await close(itemToggle(page, 'Reward 2: A slice of cake'));
    expect(await cake.locator('.item-head .summary').innerText()).toBe('Free product · 800 points · available from 1\u00a0Dec\u00a02026');
    expect(JSON.parse(await jsonView(page)).rewards[1].available_from).toBe('2026-12-01T00:00:00+01:00');

    // In force from 9:00 on 1 December in Ljubljana (21:00 in Auckland).
    await page.getByTestId('simulate').click();
    await page.getByTestId('simulation').waitFor();
    await page.getByTestId('effective-from').fill('2026-12-01T09:00');
    await page.getByTestId('publish-button').click();
    expect(await page.getByTestId('program-published').innerText()).toContain('in force from 1\u00a0Dec\u00a02026, 09:00');
    const { versions } = await services.loyalty.currentProgram();
    const latest = versions.reduce((a, b) => (b.version > a.version ? b : a));
    expect(new Date(latest.effective_from).toISOString()).toBe('2026-12-01T08:00:00.000Z');
    const published = await services.loyalty.programVersion(latest.version);
    expect(published.document.rewards[1].available_from).toBe('2026-12-01T00:00:00+01:00');
    await page.context().close();
  });

  it('filters the activity log by Ljubljana\'s days from Los Angeles', async () => {
    const page = await browserIn('America/Los_Angeles');
    await page.goto(url('/settings/activity'));
    await page.getByTestId('activity-table').waitFor();
    expect(await page.getByTestId('activity-time-zone').innerText()).toBe(ZONE_HINT);
    const asked = page.waitForRequest((r) => r.url().includes('/audit?') && r.url().includes('until='));
    await page.getByTestId('activity-from').fill('2026-10-25');
    await page.getByTestId('activity-to').fill('2026-10-25');
    const query = new URL((await asked).url()).searchParams;
    // The day the clocks go back: 25 hours of Ljubljana's, from its midnight to the next.
    expect([query.get('since'), query.get('until')]).toEqual(['2026-10-25T00:00:00+02:00', '2026-10-26T00:00:00+01:00']);
    await page.getByTestId('settings-activity').screenshot({ path: path.join(SHOTS, 'activity-business-time-zone.png') });
    await page.context().close();
  });

  it('offers a new store Ljubljana\'s time zone from Los Angeles', async () => {
    const page = await browserIn('America/Los_Angeles');
    await page.goto(url('/settings/stores'));
    const form = page.getByTestId('store-form');
    await form.waitFor();
    expect(await form.getByLabel('Time zone').inputValue()).toBe('Europe/Ljubljana');
    await page.context().close();
  });

  it('dates a purchase by Ljubljana\'s clock, and says the store\'s own day where it was another', async () => {
    const page = await browserIn('Pacific/Auckland');
    await page.goto(url(`/customers/${buyerId}`));
    const when = page.getByTestId('timeline').locator('li').first().locator('.when');
    await when.waitFor();
    // 21:30 UTC: 23:30 on 31 May in Ljubljana (09:30 on 1 June in Auckland); 1 June at the Istanbul shop, as the server counts it.
    expect(await when.innerText()).toBe('31\u00a0May\u00a02026, 23:30\n1\u00a0Jun\u00a02026 in the store\'s time zone');
    await page.context().close();
  });
});
