import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { audit } from '../../src/db/index.ts';
import { CATALOGUES } from '../../src/web/i18n/index.ts';
import { EXAMPLE_PROGRAM, OWNER, screenshotDirs, useDashboard } from './browser.ts';

// An owner reads in Settings → Activity what was done, told in words: their own points
// adjustment with its reason, the key they created and revoked, an import's customers
// among them. They narrow it to one kind of action, one person and a period, load the
// older entries, see an action this version has no words for by its code and its details
// as recorded, and read it all in Russian on a phone.

const { readme: README_SHOTS, more: SHOTS } = screenshotDirs();
let ninaId = '';
const IMPORTED = 28;

const dashboard = useDashboard({
  seed: async (s) => {
    await s.loyalty.applyProgram({ program: EXAMPLE_PROGRAM }, { actor: 'test' });
    ninaId = (await s.customers.upsert({ email: 'nina@example.com', first_name: 'Nina' }, { actor: 'test' })).customer.id;
    await s.loyalty.enrol(ninaId, { actor: 'test' });
    // An action a later version records, which this dashboard has no words for.
    await audit(s.db, { at: s.clock.now(), actor: 'system', action: 'loyalty.something_new', subject: ninaId, details: { kept: true } });
    for (let i = 1; i <= IMPORTED; i++) await s.customers.upsert({ email: `imported-${i}@example.com` }, { actor: 'import' });
  },
});
const url = (address: string) => new URL(address, dashboard.server.url).href;

// The entries are dated by the services' clock (the test's, 2026-06-01T12:00Z: 14:00 in the
// business's Ljubljana, the same day wherever the browser is), as every write they record.
const TODAY = new Date('2026-06-01T12:00:00Z');
/** A calendar day (YYYY-MM-DD) `days` from the clock's day, as a date input takes it. */
const day = (days: number) => new Date(TODAY.getTime() + days * 86_400_000).toISOString().slice(0, 10);

const rows = (page: Page) => page.getByTestId('activity-row');
/** The rows' actions, once the table shows `count` of them. */
async function actionsShown(page: Page, count: number): Promise<string[]> {
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=activity-row]').length === n, count);
  return rows(page).evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-action') ?? ''));
}

/** How much wider than the window the page is (0 when it fits). */
const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe('the activity log in the dashboard', () => {
  it("shows the owner's own actions in words, filters them and loads the older ones", async () => {
    const page = await dashboard.logIn();
    // Points by hand, on the customer's page.
    await page.goto(url(`/customers/${ninaId}?tab=loyalty`));
    const adjust = page.getByTestId('adjust-form');
    await adjust.getByLabel('Points (+ or −)').fill('500');
    await adjust.getByLabel('Reason (required, audited)').fill('Opening balance');
    await adjust.getByRole('button', { name: 'Adjust', exact: true }).click();
    await page.getByText('Points adjusted: +500.').waitFor();
    // A key made and revoked in Settings.
    await page.goto(url('/settings/keys'));
    const form = page.getByTestId('create-key');
    await form.getByLabel('Name').fill('Till 1');
    await form.getByRole('button', { name: 'Create the key' }).click();
    await page.getByTestId('shown-key').waitFor();
    const key = page.locator('[data-testid=key-row][data-name="Till 1"]');
    await key.getByTestId('revoke-key').click();
    await key.getByTestId('revoke-key-confirm').getByRole('button', { name: 'Revoke the key' }).click();
    await key.locator('.tag.stopped').waitFor();

    await page.getByRole('tab', { name: 'Activity' }).click();
    await page.getByTestId('settings-activity').waitFor();
    expect(new URL(page.url()).pathname).toBe('/settings/activity');
    expect(await actionsShown(page, 25)).toEqual(['api_key.revoke', 'api_key.create', 'loyalty.adjust', ...Array(22).fill('customer.create')]);
    const [revoked, created, adjusted] = await rows(page).all();
    expect(await revoked.innerText()).toMatch(/owner@example\.com\s+Revoked an API key\s+Till 1/);
    expect(await created.innerText()).toContain('Scopes: Read and Write');
    const adjustment = await adjusted.innerText();
    expect(adjustment).toContain('Adjusted points');
    expect(adjustment).toContain('+500 points — reason: Opening balance');
    // About whom: the customer by name, a link to their page.
    expect(await adjusted.getByRole('link', { name: 'Nina' }).getAttribute('href')).toBe(`/customers/${ninaId}`);
    expect(adjustment).not.toContain('{');
    // When, as the language writes a date and time (one word: its spaces no-break ones).
    expect(await revoked.locator('.date').first().innerText()).toBe(new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium' }).format(TODAY).replace(/ /g, '\u00a0'));
    await page.screenshot({ path: path.join(README_SHOTS, 'settings-activity.png'), fullPage: true });

    // The older entries, a page more; the last page has no button.
    await page.getByTestId('activity-more').click();
    const all = await actionsShown(page, 3 + IMPORTED + 5);
    // The seed's, oldest last: the owner made, the program published, Nina added and enrolled, the unknown action.
    expect(all.slice(-5)).toEqual(['loyalty.something_new', 'loyalty.enrol', 'customer.create', 'loyalty.program.apply', 'user.create']);
    expect(await page.getByTestId('activity-more').count()).toBe(0);
    // An action without words: its code, and its details as recorded, folded.
    const unknown = page.locator('[data-testid=activity-row][data-action="loyalty.something_new"]');
    expect(await unknown.locator('code').innerText()).toBe('loyalty.something_new');
    await unknown.getByText('Recorded details').click();
    expect(await unknown.locator('pre').innerText()).toContain('"kept": true');
    // Who: Regulars' own work is named so.
    expect(await page.locator('[data-testid=activity-row][data-action="loyalty.program.apply"]').innerText()).toContain('Published the program');

    // What: one family of actions.
    await page.getByTestId('activity-what').selectOption({ label: 'Loyalty: points, members, the program' });
    expect(await actionsShown(page, 4)).toEqual(['loyalty.adjust', 'loyalty.something_new', 'loyalty.enrol', 'loyalty.program.apply']);
    // Who: the owner alone, within that.
    expect(await page.getByTestId('activity-who').locator('option').allInnerTexts()).toEqual(['Anyone', OWNER.email, 'Till 1', 'Command line', 'Regulars itself', 'An import']);
    await page.getByTestId('activity-who').selectOption(`user:${OWNER.email}`);
    expect(await actionsShown(page, 1)).toEqual(['loyalty.adjust']);
    await page.getByTestId('activity-what').selectOption('');
    expect(await actionsShown(page, 3)).toEqual(['api_key.revoke', 'api_key.create', 'loyalty.adjust']);
    // A period: from tomorrow nothing; yesterday to today everything they did.
    await page.getByTestId('activity-from').fill(day(1));
    await page.getByText('Nothing matches these filters.').waitFor();
    // To before From: told at To, naming From as the form does (the API's refusal names since
    // and until). The rows of From alone, answered after that refusal, do not come in over it.
    const audit = (url: URL) => url.pathname === '/api/v1/audit';
    await page.route(audit, (route) => (new URL(route.request().url()).searchParams.has('until') ? route.continue() : setTimeout(() => void route.continue(), 1_000)));
    const fromAlone = page.waitForResponse((r) => audit(new URL(r.url())) && !new URL(r.url()).searchParams.has('until'));
    await page.getByTestId('activity-from').fill(day(-1));
    await page.getByTestId('activity-to').fill(day(-2));
    await fromAlone;
    await page.waitForTimeout(300);
    await page.unroute(audit);
    expect(await rows(page).count()).toBe(0);
    await page.getByText('Nothing matches these filters.').waitFor();
    expect(await page.locator('.activity-filters .field-problem').allInnerTexts()).toEqual(['must not be before the “From” date']);
    expect(await page.locator('.activity-filters label.invalid').innerText()).toMatch(/^To/);
    await page.getByTestId('activity-to').fill(day(0));
    expect(await actionsShown(page, 3)).toEqual(['api_key.revoke', 'api_key.create', 'loyalty.adjust']);
    expect(await page.locator('.activity-filters .field-problem').count()).toBe(0);
    await page.getByTestId('activity-clear').click();
    await actionsShown(page, 25);
    await page.close();
  });

  it('reads in Russian and fits a phone', async () => {
    const page = await dashboard.browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(dashboard.server.url);
    await dashboard.logIn(page);
    const say = CATALOGUES.ru;
    await page.evaluate(() => localStorage.setItem('regulars.language', 'ru'));
    await page.goto(url('/settings/activity'));
    await page.getByRole('heading', { name: say['activity.title'] }).waitFor();
    expect(await page.getByRole('tab', { selected: true }).innerText()).toBe(say['settings.tab.activity']);
    await actionsShown(page, 25);
    const adjusted = await page.locator('[data-testid=activity-row][data-action="loyalty.adjust"]').innerText();
    expect(adjusted).toContain(say['activity.action.loyalty.adjust']);
    expect(adjusted).toContain('+500 баллов — причина: Opening balance');
    // Each row a card of its own, each cell under its column's name (the headings row is hidden).
    expect(await page.getByTestId('activity-table').locator('thead').isVisible()).toBe(false);
    const cell = page.locator('[data-testid=activity-row][data-action="loyalty.adjust"] td').last();
    expect(await cell.evaluate((td) => [getComputedStyle(td).display, getComputedStyle(td, '::before').content])).toEqual(['block', `"${say['activity.col.details']}"`]);
    expect(await page.getByTestId('activity-what').locator('option').first().innerText()).toBe(say['activity.filter.anything']);
    await page.getByTestId('activity-from').fill(day(1));
    await page.getByText(say['activity.noneFiltered']).waitFor();
    await page.getByTestId('activity-clear').click();
    await actionsShown(page, 25);
    expect(await sideways(page)).toBe(0);
    await page.screenshot({ path: path.join(SHOTS, 'phone-ru-settings-activity.png'), fullPage: true });
    // On a small laptop an email breaks only where it offers to (after a hyphen): the About column was narrowed to a few
    // letters ("owner@example.co|m") while Details had room to spare.
    await page.setViewportSize({ width: 1024, height: 900 });
    const emails = page.locator('[data-testid=activity-row] td:nth-child(4)', { hasText: '@' });
    expect(await emails.count()).toBeGreaterThan(0);
    const cut = await emails.evaluateAll((cells) => cells.flatMap((td) => {
      const node = td.querySelector('a')?.firstChild ?? td.firstChild!;
      const tops = [...node.textContent!].map((_, i) => {
        const char = document.createRange();
        char.setStart(node, i);
        char.setEnd(node, i + 1);
        return Math.round(char.getBoundingClientRect().top);
      });
      return tops.some((top, i) => i > 0 && top > tops[i - 1] && !/[-\s]/.test(node.textContent![i - 1])) ? [td.textContent] : [];
    }));
    expect(cut).toEqual([]);
    await page.evaluate(() => localStorage.setItem('regulars.language', 'en'));
    await page.close();
  });

  // Regression: the "What" filter had no family for the acquisition cost's changes
  // (analytics.settings.update), so no choice but "Anything" showed them.
  it('finds the cost to win a customer, entered on the Revenue tab, by a family of its own', async () => {
    const page = await dashboard.logIn();
    await page.goto(url('/analytics/revenue'));
    await page.getByTestId('revenue-clv-cost').waitFor();
    await page.getByTestId('revenue-acquisition-cost').fill('18.00');
    await page.getByTestId('revenue-acquisition-save').click();
    await page.getByText('Acquisition cost €18.00, as stored for the business').waitFor();

    await page.goto(url('/settings/activity'));
    await actionsShown(page, 25);
    expect((await page.getByTestId('activity-what').locator('option').allInnerTexts()).at(-1)).toBe('Analytics settings');
    await page.getByTestId('activity-what').selectOption({ label: 'Analytics settings' });
    expect(await actionsShown(page, 1)).toEqual(['analytics.settings.update']);
    const row = await page.locator('[data-testid=activity-row][data-action="analytics.settings.update"]').innerText();
    expect(row).toContain(OWNER.email);
    expect(row).toContain('Changed the cost to win a customer');
    expect(row).toContain('€18.00');
    // Other families leave it out.
    await page.getByTestId('activity-what').selectOption({ label: 'Loyalty: points, members, the program' });
    expect(await actionsShown(page, 4)).not.toContain('analytics.settings.update');
    await page.close();
  });
});
