import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CATALOGUES, LANGUAGES } from '../../src/web/i18n/index.ts';
import { screenshotDirs, useDashboard } from './browser.ts';

// Loyalty's Promotions tab in real Chromium against the real server and database: a
// coupon campaign made through the form (a refusal shown at its input, a double click
// making one campaign), listed with its figures, opened, its codes downloaded as CSV and
// one of them redeemed at a till through the API, which the figures then count; a gift
// card issued to a customer found by email and looked up by its code; a pass in
// Slovenian; a staff user offered no owner's action; every view in a phone's width.
const { readme: README_SHOTS, more: MORE_SHOTS } = screenshotDirs();
const STAFF = { email: 'staff@example.com', password: 'another long password' };
let tillKey: string;

const dashboard = useDashboard({
  seed: async (s) => {
    tillKey = (await s.auth.createApiKey({ name: 'till', scopes: ['read', 'write'] }, { actor: 'test' })).key;
    await s.auth.createUser({ email: STAFF.email, role: 'staff', password: STAFF.password }, { actor: 'test' });
    await s.customers.upsert({ external_id: 'card-4001', email: 'maja.novak@example.com', first_name: 'Maja', last_name: 'Novak' }, { actor: 'test', source: 'api' });
  },
});

/** The API as a till calls it, with its key. */
async function till(method: string, url: string, body?: unknown) {
  const res = await fetch(`${dashboard.server.url}/api/v1${url}`, {
    method, headers: { authorization: `Bearer ${tillKey}`, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, json: await res.json() };
}

const openPromotions = async (page: Page) => {
  await page.goto(`${dashboard.server.url}/loyalty/promotions`);
  await page.getByTestId('promotions').waitFor();
};
const kpi = async (page: Page, testId: string) => (await page.getByTestId(testId).locator('strong').innerText()).trim();
/** How many different heights the inputs of each row of the new campaign's fields stand at (1: level). */
const levels = (page: Page) => page.locator('[data-testid=new-campaign] .promo-row').evaluateAll((rows) => rows.map((row) => new Set([...row.querySelectorAll('input, select')].map((input) => Math.round(input.getBoundingClientRect().top))).size));
const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe('promotions dashboard', () => {
  it('creates a campaign through the form, lists it, downloads its codes and counts a redemption at a till', async () => {
    const { server } = dashboard;
    const page = await dashboard.logIn();
    await page.getByRole('link', { name: 'Loyalty' }).click();
    await page.getByRole('tab', { name: 'Promotions' }).click();
    await page.getByTestId('campaigns-none').waitFor();

    // ── A refusal shows at its input, and nothing is made ──
    await page.getByTestId('campaign-name').fill('Spring coffee');
    await page.getByTestId('campaign-amount').fill('0');
    await page.getByTestId('campaign-count').fill('5');
    await page.getByTestId('campaign-submit').click();
    const refusal = page.getByTestId('refusal-benefit.amount');
    await refusal.waitFor();
    expect(await refusal.innerText()).toBe('must be greater than 0: a discount of nothing');
    expect((await server.services.loyalty.campaigns({})).items).toEqual([]);
    // Changing the field takes the refusal away.
    await page.getByTestId('campaign-amount').fill('2.50');
    await refusal.waitFor({ state: 'detached' });

    // ── A double click makes one campaign ──
    await page.getByTestId('campaign-per-customer').fill('1');
    await page.getByTestId('campaign-expires-at').fill('2026-09-30T18:00');
    await page.getByTestId('campaign-submit').dblclick();
    expect(await page.getByTestId('campaign-created').innerText()).toMatch(/^Campaign “Spring coffee” created: 5 unique codes\. Open$/);
    await page.getByTestId('campaign-row').first().waitFor();
    const listed = await server.services.loyalty.campaigns({});
    expect(listed.items).toHaveLength(1);
    const spring = listed.items[0];
    expect(spring).toMatchObject({ name: 'Spring coffee', benefit: { type: 'fixed_discount', amount: '2.50' }, codes: 5, max_uses: 1, per_customer_limit: 1, status: 'active' });
    // Typed in the business's time zone (the test server's Ljubljana, summer time), whatever the browser's.
    expect(spring.expires_at).toBe('2026-09-30T16:00:00.000Z');
    const row = await page.getByTestId('campaign-row').first().innerText();
    expect(row).toContain('Spring coffee');
    expect(row).toContain('Unique codes');
    expect(row).toContain('€2.50 off');
    expect(row).toContain('0 of 5');
    expect(row).toContain('Active');
    // Its end is not at a day's start: said with its time.
    expect(row).toContain('Until 30\u00a0Sept\u00a02026, 18:00');

    // ── One code for everyone ──
    await page.getByTestId('campaign-name').fill('Summer');
    await page.getByTestId('campaign-benefit').selectOption('percent_discount');
    await page.getByTestId('campaign-percent').fill('10');
    await page.getByTestId('campaign-shared').check();
    await page.getByTestId('campaign-code').fill('SUMMER-26');
    await page.getByTestId('campaign-max-uses').fill('100');
    await page.getByTestId('campaign-submit').click();
    await page.getByTestId('campaign-created').getByText('Campaign “Summer” created: code SUMMER-26.').waitFor();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=campaign-row]').length === 2);
    expect(await page.getByTestId('campaign-row').first().innerText()).toContain('Shared code SUMMER-26');
    await page.screenshot({ path: path.join(README_SHOTS, 'promotions.png'), fullPage: true });

    // ── A till that sends the basket tells the discount; a use that did not is said apart ──
    expect((await till('POST', '/coupons/SUMMER-26/redeem', { idempotency_key: 'summer-1', order_ref: 'S-1', order_subtotal: '40.00' })).status).toBe(201);
    expect((await till('POST', '/coupons/SUMMER-26/redeem', { idempotency_key: 'summer-2', order_ref: 'S-2' })).status).toBe(201);
    await page.reload();
    const summer = page.getByTestId('campaign-row').filter({ hasText: 'SUMMER-26' });
    const partial = summer.getByTestId('campaign-discount-partial');
    await partial.waitFor();
    expect(await partial.innerText()).toBe('1 use did not tell its discount');
    expect(await summer.innerText()).toContain('€4.00');

    // ── The campaign: its codes, and all of them as CSV ──
    await page.getByRole('link', { name: 'Spring coffee' }).click();
    await page.getByTestId('campaign-detail').waitFor();
    expect(new URL(page.url()).search).toBe(`?campaign=${spring.id}`);
    expect(await kpi(page, 'campaign-codes-issued')).toBe('5');
    expect(await kpi(page, 'campaign-uses-total')).toBe('0');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=codes-table] tbody tr').length === 5);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('codes-csv').click()]);
    expect(download.suggestedFilename()).toBe('spring-coffee-codes.csv');
    const lines = fs.readFileSync((await download.path())!, 'utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe('code,state,uses,max_uses,last_used_at,valid_from,expires_at');
    const codes = lines.slice(1).map((line) => line.split(','));
    expect(codes).toHaveLength(5);
    expect(codes.every(([code, state, uses, max]) => /^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/.test(code) && state === 'usable' && uses === '0' && max === '1')).toBe(true);
    const shown = await page.locator('[data-testid=codes-table] tbody td:first-child').allInnerTexts();
    expect(shown).toEqual(codes.map(([code]) => code));

    // ── A till redeems one code; the campaign counts it ──
    const customer = (await server.services.customers.search({ query: 'maja.novak@example.com' })).items[0].id;
    const used = await till('POST', `/coupons/${codes[2][0]}/redeem`, { idempotency_key: 'till-1', customer_id: customer, order_ref: 'A-1' });
    expect(used.status).toBe(201);
    await page.reload();
    await page.getByTestId('campaign-detail').waitFor();
    expect(await kpi(page, 'campaign-uses-total')).toBe('1');
    expect(await kpi(page, 'campaign-codes-used')).toBe('1');
    expect(await kpi(page, 'campaign-customers')).toBe('1');
    expect(await kpi(page, 'campaign-discount')).toBe('€2.50');
    await page.locator('[data-testid=codes-table] tbody tr', { hasText: codes[2][0] }).getByText('Used', { exact: true }).waitFor();
    await page.screenshot({ path: path.join(MORE_SHOTS, 'promotions-campaign.png'), fullPage: true });
    await page.getByText('← All promotions').click();
    await page.getByTestId('promotions').waitFor();
    await page.locator('[data-testid=campaign-row]', { hasText: 'Spring coffee' }).locator('[data-testid=campaign-uses]').getByText('1', { exact: true }).waitFor();
    await page.close();
  });

  it('issues a gift card to a customer found by email, lists it and looks it up by its code', async () => {
    const page = await dashboard.logIn();
    await openPromotions(page);
    // A customer nobody is: refused at the field, nothing issued.
    await page.getByTestId('gift-card-amount').fill('25');
    await page.getByTestId('gift-card-customer').fill('nobody@example.com');
    await page.getByTestId('gift-card-submit').click();
    expect(await page.getByTestId('refusal-customer_id').innerText()).toBe('no customer found for “nobody@example.com”');
    expect((await dashboard.server.services.loyalty.giftCards({})).items).toEqual([]);
    await page.getByTestId('gift-card-customer').fill('maja.novak@example.com');
    await page.getByTestId('gift-card-expires').fill('2026-12-31');
    await page.getByTestId('gift-card-submit').click();
    await page.getByTestId('gift-card-confirm-yes').click();
    const issued = await page.getByTestId('gift-card-issued').innerText();
    const code = /Gift card (\S+) issued for €25\.00\./.exec(issued)![1];
    const table = page.getByTestId('gift-cards-table');
    await table.getByText(code).waitFor();
    const row = await table.locator('tbody tr').first().innerText();
    expect(row).toContain('€25.00 of €25.00');
    expect(row).toContain('Maja Novak');
    expect(row).toContain('Can be used');
    // Entered as usable through 31 Dec: kept as the next day's start, said as the last day.
    expect(row).toContain('Valid through 31\u00a0Dec\u00a02026');

    // A till pays part of it; the look-up says what is left.
    expect((await till('POST', `/gift-cards/${code}/charge`, { amount: '7.25', idempotency_key: 'pay-1' })).status).toBe(201);
    await page.getByTestId('gift-card-code').fill(code.toLowerCase());
    await page.getByTestId('gift-card-look-up').click();
    expect(await page.getByTestId('gift-card-found').innerText()).toContain('€17.75 of €25.00');
    // An unknown code is said at the field.
    await page.getByTestId('gift-card-code').fill('NOPE-NOPE-NOPE-NOPE');
    await page.getByTestId('gift-card-look-up').click();
    expect(await page.getByTestId('gift-card-not-found').innerText()).toBe('Gift card NOPE-NOPE-NOPE-NOPE not found');
    // Filtered by where the cards stand.
    await page.getByTestId('gift-card-filter').selectOption('used_up');
    await page.getByTestId('gift-cards-none').waitFor();
    await page.getByTestId('gift-card-filter').selectOption('active');
    await table.getByText(code).waitFor();
    await page.close();
  });

  it('speaks Slovenian: the tab, a refusal at its input, a count in its plural form', async () => {
    const page = await dashboard.logIn();
    await openPromotions(page);
    const sl = CATALOGUES.sl;
    await page.getByTestId('language').selectOption('sl');
    await page.getByRole('tab', { name: sl['loyalty.tab.promotions'] }).waitFor();
    await page.getByTestId('campaign-name').fill('Jesen');
    await page.getByTestId('campaign-count').fill('3');
    await page.getByTestId('campaign-valid-from').fill('2026-10-01T00:00');
    await page.getByTestId('campaign-expires-at').fill('2026-09-01T00:00');
    // Written with a decimal comma, as Slovenian writes it (it was refused as no decimal amount).
    await page.getByTestId('campaign-amount').fill('1,50');
    await page.getByTestId('campaign-submit').click();
    expect(await page.getByTestId('refusal-expires_at').innerText()).toMatch(/^mora biti po valid_from \(.+\): sicer kod ne bi bilo nikoli mogoče uporabiti$/);
    // Fields side by side stand level, a refused one too, and in Russian, whose "uses per customer" label takes
    // two lines at 1360 px (it pushed its input below the others').
    for (const language of ['sl', 'ru'] as const) {
      await page.getByTestId('language').selectOption(language);
      await page.getByRole('tab', { name: CATALOGUES[language]['loyalty.tab.promotions'] }).waitFor();
      expect(await levels(page), language).toEqual([1, 1, 1]);
    }
    await page.getByTestId('language').selectOption('sl');
    await page.getByTestId('campaign-expires-at').fill('2026-11-01T00:00');
    await page.getByTestId('campaign-submit').click();
    expect(await page.getByTestId('campaign-created').innerText()).toBe('Kampanja »Jesen« je ustvarjena: 3 edinstvene kode. Odpri');
    const row = page.locator('[data-testid=campaign-row]', { hasText: 'Jesen' });
    await row.getByText(sl['promotions.status.scheduled']).waitFor();
    expect(await row.innerText()).toMatch(/1,50\s€ popusta/);
    await page.getByTestId('language').selectOption('en');
    await page.close();
  });

  it('asks before issuing a gift card, naming its amount as the language writes money; Escape and Cancel issue nothing', async () => {
    const { services } = dashboard.server;
    const page = await dashboard.logIn();
    await openPromotions(page);
    await page.getByTestId('language').selectOption('da');
    await page.getByRole('tab', { name: CATALOGUES.da['loyalty.tab.promotions'] }).waitFor();
    const issued = async () => (await services.loyalty.giftCards({})).items.length;
    const before = await issued();
    const confirm = page.getByTestId('gift-card-confirm');
    const submit = page.getByTestId('gift-card-submit');
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid'));
    // QA: 99999999999 was issued at one click as 99.999.999.999,00 €.
    await page.getByTestId('gift-card-amount').fill('99999999999');
    await submit.click();
    expect(await confirm.getAttribute('role')).toBe('alertdialog');
    expect(await confirm.innerText()).toMatch(/^Udsted et gavekort på 99\.999\.999\.999,00\s€\? Det kan bruges, så snart det er udstedt\./);
    await page.keyboard.press('Escape');
    await confirm.waitFor({ state: 'detached' });
    expect(await focused()).toBe('gift-card-submit');
    await submit.click();
    await page.getByTestId('gift-card-confirm-cancel').click();
    await confirm.waitFor({ state: 'detached' });
    expect(await focused()).toBe('gift-card-submit');
    expect(await issued()).toBe(before);
    // Changing the amount drops the question: the next one names the new amount, written with a Danish comma.
    await submit.click();
    await page.getByTestId('gift-card-amount').fill('25,50');
    await confirm.waitFor({ state: 'detached' });
    await submit.click();
    expect(await confirm.innerText()).toMatch(/^Udsted et gavekort på 25,50\s€\?/);
    await page.getByTestId('gift-card-confirm-yes').click();
    await page.getByTestId('gift-card-issued').waitFor();
    const initials = (await services.loyalty.giftCards({})).items.map((g) => g.initial);
    expect(initials.filter((amount) => amount === '25.50')).toHaveLength(1);
    expect(initials.filter((amount) => amount.startsWith('99999'))).toEqual([]);
    expect(await issued()).toBe(before + 1);
    await page.getByTestId('language').selectOption('en');
    await page.close();
  });

  it('tells an amount it cannot send in the dashboard\'s words and money, and dates it cannot read, sending nothing (Danish)', async () => {
    const page = await dashboard.logIn();
    await openPromotions(page);
    await page.getByTestId('language').selectOption('da');
    await page.getByRole('tab', { name: CATALOGUES.da['loyalty.tab.promotions'] }).waitFor();
    const sent: string[] = [];
    page.on('request', (r) => { if (r.method() === 'POST') sent.push(new URL(r.url()).pathname); });
    const da = CATALOGUES.da;
    // A gift card's amount: nothing typed is missing, a negative one must be more than nothing, a thousand with a comma is no amount.
    // (Each was the API's "ikke-negativt decimalbeløb med decimalpunktum (ikke komma)", though the field takes 25,50.)
    const gift = page.getByTestId('refusal-amount');
    await page.getByTestId('gift-card-submit').click();
    expect(await gift.innerText()).toBe(da['common.required']);
    await page.getByTestId('gift-card-amount').fill('-5');
    await page.getByTestId('gift-card-submit').click();
    expect(await gift.innerText()).toMatch(/^Skal være mere end 0,00\s€\.$/);
    await page.getByTestId('gift-card-amount').fill('1.000,00');
    await page.getByTestId('gift-card-submit').click();
    expect(await gift.innerText()).toBe('Det er ikke et beløb: skriv det som 25,50.');
    expect(await page.getByTestId('gift-card-confirm').count()).toBe(0);
    // A campaign's discount likewise.
    await page.getByTestId('campaign-name').fill('Vinter');
    const discount = page.getByTestId('refusal-benefit.amount');
    await page.getByTestId('campaign-submit').click();
    expect(await discount.innerText()).toBe(da['common.required']);
    await page.getByTestId('campaign-amount').fill('-5');
    await page.getByTestId('campaign-submit').click();
    expect(await discount.innerText()).toMatch(/^Skal være mere end 0,00\s€\.$/);
    // Its dates: a time without its day is told at the field, naming the day; a time of day that is none the field tells itself, once.
    await page.getByTestId('campaign-amount').fill('2,50');
    await page.getByTestId('campaign-valid-from-time').fill('9');
    await page.getByTestId('campaign-expires-at').fill('01.03.2027');
    await page.getByTestId('campaign-expires-at-time').fill('25:99');
    await page.getByTestId('campaign-expires-at-time').press('Enter');
    expect(await page.getByTestId('refusal-valid_from').innerText()).toBe(da['common.dateTimeField.dayMissing']);
    const expires = page.locator('label', { has: page.getByTestId('campaign-expires-at') });
    expect(await expires.getByRole('alert').allInnerTexts()).toEqual(['Det er ikke et klokkeslæt: skriv det som 14.30.']);
    expect(await page.getByTestId('campaign-expires-at-time').getAttribute('aria-invalid')).toBe('true');
    expect(sent).toEqual([]);
    await page.getByTestId('language').selectOption('en');
    await page.close();
  });

  it('offers a staff user the figures, but neither the forms nor the codes', async () => {
    const page = await dashboard.browser.newPage({ viewport: { width: 1360, height: 900 } });
    await page.goto(`${dashboard.server.url}/loyalty/promotions`);
    await page.getByLabel('Email').fill(STAFF.email);
    await page.getByLabel('Password').fill(STAFF.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByTestId('campaign-row').first().waitFor();
    expect(await page.getByTestId('campaign-admin-only').innerText()).toBe('Only an owner can create campaigns and issue gift cards.');
    expect(await page.getByTestId('campaign-submit').isDisabled()).toBe(true);
    expect(await page.getByTestId('gift-card-submit').isDisabled()).toBe(true);
    // Looking a card up is for everyone at the counter.
    expect(await page.getByTestId('gift-card-code').isDisabled()).toBe(false);
    await page.getByRole('link', { name: 'Spring coffee' }).click();
    await page.getByTestId('campaign-detail').waitFor();
    expect(await page.getByTestId('codes-admin-only').innerText()).toBe('Only an owner can see the codes: whoever holds a code can spend it.');
    expect(await page.getByTestId('codes-csv').count()).toBe(0);
    expect(await page.getByTestId('codes-table').count()).toBe(0);
    await page.close();
  });

  it('fits a phone’s width in every language', async () => {
    const page = await dashboard.browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(dashboard.server.url);
    await dashboard.logIn(page);
    const spring = (await dashboard.server.services.loyalty.campaigns({})).items.find((c) => c.name === 'Spring coffee')!;
    const wider: string[] = [];
    for (const language of LANGUAGES) {
      // The language picker is in the folded menu on a phone: set as the picker stores it.
      await page.evaluate((l) => localStorage.setItem('regulars.language', l), language);
      for (const address of ['/loyalty/promotions', `/loyalty/promotions?campaign=${spring.id}`]) {
        await page.goto(`${dashboard.server.url}${address}`);
        await page.locator('[data-testid=gift-cards-table], [data-testid=codes-table]').first().waitFor();
        await page.getByRole('tab', { name: CATALOGUES[language]['loyalty.tab.promotions'] }).waitFor();
        const by = await sideways(page);
        if (by > 0) wider.push(`${language} ${address}: ${by} px too wide`);
        if (language === 'ru') await page.screenshot({ path: path.join(MORE_SHOTS, `phone-promotions${address.includes('campaign') ? '-campaign' : ''}.png`), fullPage: true });
      }
    }
    expect(wider).toEqual([]);
    await page.close();
  }, 120_000);
});
