import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { mergeCustomers } from '../../src/workflows/customer-lifecycle.ts';
import { EXAMPLE_PROGRAM as EXAMPLE, OWNER, useDashboard } from './browser.ts';

// What a QA pass in Chromium found at the dashboard's edges: a refused Publish said so
// only in a card far above its button, with raw ISO times; a staff user was offered
// Publish and then refused; an expired session left every action failing with the API's
// text; an unknown address showed another page; a merged customer's page was a dead end;
// the redeem picker called the points "points" and showed a product's SKU; the adjust
// form took "1e3" for 1,000, kept a stale message, and named the field `points` in English.
const STAFF = { email: 'staff@example.com', password: 'another long password' };
let memberId: string;
let mergedId: string;

const dashboard = useDashboard({
  seed: async (s) => {
    await s.auth.createUser({ email: STAFF.email, role: 'staff', password: STAFF.password }, { actor: 'test' });
    await s.loyalty.applyProgram({ program: EXAMPLE }, { actor: 'test' });
    const { customer: member } = await s.customers.upsert({ external_id: 'card-3001', first_name: 'Nina', last_name: 'Kovač', email: 'nina@example.com' }, { actor: 'test', source: 'api' });
    memberId = member.id;
    await s.loyalty.enrol(memberId, { actor: 'test' });
    await s.loyalty.adjust(memberId, { points: 1200, reason: 'Opening balance', idempotency_key: 'open-1' }, { actor: 'test' });
    const { customer: survivor } = await s.customers.upsert({ external_id: 'card-3002', first_name: 'Bor', last_name: 'Zupan' }, { actor: 'test', source: 'api' });
    const { customer: merged } = await s.customers.upsert({ external_id: 'card-3003', first_name: 'Bor', last_name: 'Z.' }, { actor: 'test', source: 'api' });
    mergedId = merged.id;
    await mergeCustomers(s, survivor.id, { from: merged.id }, { actor: 'test' });
  },
});

async function logInAs(page: Page, who: { email: string; password: string }) {
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Log in' }).click();
}

const ISO_INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

describe('dashboard edges', () => {
  it('shows a refused Publish at its button, with dates as the language writes them', async () => {
    const page = await dashboard.logIn();
    await page.goto(`${dashboard.server.url}/loyalty/program`);
    await page.waitForFunction(() => (document.querySelector('[data-testid=program-editor]') as HTMLTextAreaElement | null)?.value.includes('Regulars Rewards'));
    await page.getByTestId('simulate').click();
    await page.getByTestId('simulation-on-publish').waitFor();
    // The simulation names the tier policies by the Publish choices' words, not their codes.
    expect(await page.getByTestId('simulation-on-publish').innerText()).not.toMatch(/upgrade_now|reevaluate_now/);
    // A month before the test clock's day: version 1 has been in force since.
    await page.getByTestId('effective-from').fill('2026-05-01T10:00');
    await page.getByTestId('publish-button').click();
    const refused = page.getByTestId('publish').getByTestId('publish-refused');
    await refused.waitFor();
    const text = await refused.innerText();
    expect(text).toContain('In force from (empty: now): is in the past (1\u00a0May\u00a02026');
    expect(text).toContain('give a later time, or none to apply the program now');
    expect(text).not.toMatch(ISO_INSTANT);
    expect(text).not.toContain('effective_from');
    // Changing the time takes the refusal away; in Slovenian it comes in Slovenian.
    await page.getByTestId('effective-from').fill('2026-05-02T10:00');
    await refused.waitFor({ state: 'detached' });
    await page.getByTestId('language').selectOption('sl');
    await page.getByTestId('publish-button').click();
    await refused.getByText('je v preteklosti (2. maj 2026', { exact: false }).waitFor();
    expect(await refused.innerText()).not.toMatch(ISO_INSTANT);
    await page.getByTestId('language').selectOption('en');
    await page.close();
  });

  it('does not offer a staff user what only an owner may do, and says why', async () => {
    const page = await dashboard.browser.newPage({ viewport: { width: 1360, height: 900 } });
    await page.goto(`${dashboard.server.url}/loyalty/program`);
    await logInAs(page, STAFF);
    await page.waitForFunction(() => (document.querySelector('[data-testid=program-editor]') as HTMLTextAreaElement | null)?.value.includes('Regulars Rewards'));
    // Staff may still check a proposal.
    await page.getByTestId('simulate').click();
    await page.getByTestId('simulation-on-publish').waitFor();
    expect(await page.getByTestId('publish-button').isDisabled()).toBe(true);
    expect(await page.getByTestId('publish-admin-only').innerText()).toBe('Only an owner can publish a program: your role can check a proposal here, but not put it in force.');
    await page.getByTestId('language').selectOption('tr');
    await page.getByTestId('publish-admin-only').getByText('Programı yalnızca bir sahip yayımlayabilir', { exact: false }).waitFor();
    await page.getByTestId('language').selectOption('en');
    // No scores yet: the analytics tabs say an owner can run them, rather than offering the button.
    await page.goto(`${dashboard.server.url}/analytics/rfm`);
    await page.getByTestId('no-scores').waitFor();
    expect(await page.getByTestId('run-scores').count()).toBe(0);
    await page.getByTestId('no-scores').getByText('An owner can run them now.').waitFor();
    await page.close();
  });

  it('goes to the login page when the session has ended, and back to the page after logging in', async () => {
    const page = await dashboard.logIn();
    await page.goto(`${dashboard.server.url}/customers/${memberId}?tab=loyalty`);
    await page.getByTestId('adjust-form').waitFor();
    await page.context().clearCookies();
    await page.getByLabel('Points (+ or −)').fill('10');
    await page.getByLabel('Reason (required, audited)').fill('After the session ended');
    await page.getByRole('button', { name: 'Adjust', exact: true }).click();
    expect(await page.getByTestId('session-ended').innerText()).toBe('Your session has ended, please log in again.');
    expect(await page.getByText('Authentication required').count()).toBe(0);
    expect(await page.getByText(OWNER.email).count()).toBe(0); // the sidebar with the user is gone
    await logInAs(page, OWNER);
    await page.getByTestId('adjust-form').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/customers/${memberId}`);
    await page.close();
  });

  it('says an unknown address is no page, with a link home', async () => {
    const page = await dashboard.logIn();
    for (const address of ['/this-page-does-not-exist', '/loyalty/nothing', '/analytics/nothing']) {
      await page.goto(`${dashboard.server.url}${address}`);
      await page.getByTestId('not-found').waitFor();
      expect(await page.getByTestId('not-found').innerText()).toContain(`There is no page at ${address}.`);
    }
    await page.getByTestId('language').selectOption('ru');
    await page.getByRole('heading', { name: 'Страница не найдена' }).waitFor();
    await page.getByRole('link', { name: 'Перейти к обзору' }).click();
    await page.getByTestId('kpi-customers').waitFor();
    await page.getByTestId('language').selectOption('en');
    await page.close();
  });

  it("leads from a merged customer's page to the customer it was merged into", async () => {
    const page = await dashboard.logIn();
    await page.goto(`${dashboard.server.url}/customers/${mergedId}`);
    const merged = page.getByTestId('customer-merged');
    await merged.waitFor();
    expect(await merged.innerText()).toContain('This customer was merged into Bor Zupan');
    expect(await page.getByText('Something went wrong').count()).toBe(0);
    await merged.getByRole('link', { name: 'Bor Zupan' }).click();
    await page.getByRole('heading', { name: 'Bor Zupan' }).waitFor();
    await page.close();
  });

  it("offers rewards by the program's name for the points, and checks the adjustment's points as typed", async () => {
    const page = await dashboard.logIn();
    await page.goto(`${dashboard.server.url}/customers/${memberId}?tab=loyalty`);
    const options = () => page.getByTestId('redeem-form').locator('option').allInnerTexts();
    await page.getByTestId('redeem-form').waitFor();
    expect(await options()).toEqual(['A coffee on us — 500 beans', 'A slice of cake — 800 beans', '5 € off — 1,000 beans (€5.00)']);
    await page.getByTestId('language').selectOption('ru');
    // The reward's name follows the language at once; its cost's word when the list asked in Russian answers.
    await page.waitForFunction(() => document.querySelector('[data-testid=redeem-form] option')?.textContent?.includes('зёрен'));
    expect((await options())[0]).toBe('Кофе за наш счёт — 500 зёрен');

    // "1e3" is not a whole number of points as staff type one; the message goes once the field is cleared.
    const form = page.getByTestId('adjust-form');
    const points = form.locator('input').first();
    await page.getByTestId('language').selectOption('en');
    await points.fill('1e3');
    await form.getByRole('textbox').nth(1).fill('Typed with an exponent');
    await form.locator('button[type=submit]').click();
    await form.getByText('Points must be a whole number.').waitFor();
    await points.fill('');
    await form.getByText('Points must be a whole number.').waitFor({ state: 'detached' });
    // Taking too many: the reason in the language, after the field's label, not the API's name for it.
    await page.getByTestId('language').selectOption('ru');
    await points.fill('-99999');
    await form.locator('button[type=submit]').click();
    const problem = form.getByRole('alert');
    await problem.getByText('баланс стал бы отрицательным', { exact: false }).waitFor();
    const said = await problem.innerText();
    expect(said).not.toMatch(/\bpoints\b/);
    expect(said.startsWith('Баллы')).toBe(true);
    await page.close();
  });

  it("opens in the browser's own language until one is picked, and in the one picked after", async () => {
    const slovenian = await dashboard.browser.newContext({ locale: 'sl-SI' });
    const page = await slovenian.newPage();
    await page.goto(dashboard.server.url);
    await page.getByLabel('E-pošta').fill(OWNER.email);
    await page.getByLabel('Geslo').fill(OWNER.password);
    await page.getByRole('button', { name: 'Prijava' }).click();
    await page.getByTestId('kpi-customers').waitFor();
    expect(await page.getByTestId('language').inputValue()).toBe('sl');
    // A choice made in the dashboard wins over the browser's language from then on.
    await page.getByTestId('language').selectOption('da');
    await page.reload();
    await page.getByTestId('kpi-customers').waitFor();
    expect(await page.getByTestId('language').inputValue()).toBe('da');
    await slovenian.close();
    // A browser in a language the dashboard does not speak gets English.
    const french = await dashboard.browser.newContext({ locale: 'fr-FR' });
    const other = await french.newPage();
    await other.goto(dashboard.server.url);
    await other.getByLabel('Email').waitFor();
    expect(await other.getByTestId('language').inputValue()).toBe('en');
    await french.close();
  });
});
