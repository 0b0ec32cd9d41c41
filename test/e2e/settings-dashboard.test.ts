import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CATALOGUES, type Language } from '../../src/web/i18n/index.ts';
import { OWNER, screenshotDirs, useDashboard } from './browser.ts';

// A business owner who just ran `npm start` sets Regulars up from the dashboard alone: an
// API key for the till (its secret shown once, and it opens the real API until revoked),
// a staff user who logs in with the password shown once and is offered no settings, a
// store, and a webhook with its deliveries. The API's refusals are read at the inputs.

const { readme: README_SHOTS, more: SHOTS } = screenshotDirs();
const dashboard = useDashboard();
const url = (address: string) => new URL(address, dashboard.server.url).href;

/** The real API, asked with an API key as a till would. */
const status = async (key: string) => (await fetch(url('/api/v1/status'), { headers: { authorization: `Bearer ${key}` } })).status;

async function logInAs(page: Page, who: { email: string; password: string }) {
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Log in' }).click();
}

/** How much wider than the window the page is (0 when it fits). */
const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe('settings in the dashboard', () => {
  it('creates an API key whose secret, shown once, opens the API until the key is revoked', async () => {
    const page = await dashboard.logIn();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    await page.getByTestId('settings-users').waitFor();
    await page.getByRole('tab', { name: 'API keys' }).click();
    await page.getByTestId('settings-keys').waitFor();
    expect(new URL(page.url()).pathname).toBe('/settings/keys');
    await page.getByText('No API keys yet.').waitFor();

    const form = page.getByTestId('create-key');
    // No name: the API's refusal under the field.
    await form.getByRole('button', { name: 'Create the key' }).click();
    expect(await form.locator('label.invalid').getByRole('alert').innerText()).toBe('is required');
    await form.getByLabel('Name').fill('Till 1');
    expect(await form.locator('label.invalid').count()).toBe(0);
    expect(await form.getByRole('checkbox', { name: /^Read/ }).isChecked()).toBe(true);
    expect(await form.getByRole('checkbox', { name: /^Write/ }).isChecked()).toBe(true);
    expect(await form.getByRole('checkbox', { name: /^Admin/ }).isChecked()).toBe(false);
    await form.getByRole('button', { name: 'Create the key' }).click();

    const shown = page.getByTestId('shown-key');
    const secret = await page.getByTestId('shown-key-value').inputValue();
    expect(secret).toMatch(/^rk_[A-Za-z0-9]+_[A-Za-z0-9_-]+$/);
    // Regression (QA): the monospace field clipped the underscores below its line, so the key
    // read "rk uFCNut4r 3mdw…": drawn as it is, it must differ from the same field with spaces for them.
    const field = page.getByTestId('shown-key-value');
    const drawn = await field.screenshot();
    await field.evaluate((input: HTMLInputElement) => { input.value = input.value.replace(/_/g, ' '); });
    const withSpaces = await field.screenshot();
    await field.evaluate((input: HTMLInputElement, value) => { input.value = value; }, secret);
    expect(drawn.equals(withSpaces), 'the underscores are drawn').toBe(false);
    expect(await shown.innerText()).toContain('Shown only now');
    await shown.getByRole('button', { name: 'Copy', exact: true }).click();
    await shown.getByRole('button', { name: 'Copied', exact: true }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    await page.screenshot({ path: path.join(README_SHOTS, 'settings.png'), fullPage: true });

    // The till uses it.
    expect(await status(secret)).toBe(200);
    // Shown once: after a reload the secret is nowhere, and the key's use is listed.
    await page.reload();
    const row = page.locator('[data-testid=key-row][data-name="Till 1"]');
    await row.waitFor();
    expect(await page.getByTestId('shown-key').count()).toBe(0);
    expect(await page.content()).not.toContain(secret);
    expect(await row.innerText()).toContain('Active');
    expect(await row.innerText()).not.toContain('Not used yet');

    // Revoking asks first; cancelling keeps the key.
    await row.getByTestId('revoke-key').click();
    const confirm = row.getByTestId('revoke-key-confirm');
    expect(await confirm.innerText()).toContain('Revoke “Till 1”?');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    expect(await status(secret)).toBe(200);
    await row.getByTestId('revoke-key').click();
    await row.getByTestId('revoke-key-confirm').getByRole('button', { name: 'Revoke the key' }).click();
    await row.locator('.tag.stopped', { hasText: 'Revoked' }).waitFor();
    expect(await row.getByTestId('revoke-key').count()).toBe(0);
    expect(await status(secret)).toBe(401);
    await page.close();
  });

  it('adds a staff user who logs in with the password shown once and is offered no settings; a new password and stopped logins reach them', async () => {
    const page = await dashboard.logIn();
    await page.goto(url('/settings'));
    const form = page.getByTestId('add-user');
    // A form's heading stands as close to its fields as the users card's to its table: the form's gap and the heading's
    // margin added up (24 px against 9).
    await page.getByTestId('users-table').waitFor();
    const under = (heading: string) => page.getByRole('heading', { name: heading, exact: true }).evaluate((h) => Math.round(h.nextElementSibling!.getBoundingClientRect().top - h.getBoundingClientRect().bottom));
    expect(await under('Add a user')).toBe(await under('Users'));
    await form.getByLabel('Email').fill('mia at example.com');
    await form.getByRole('button', { name: 'Add the user' }).click();
    const refused = form.locator('label.invalid');
    expect(await refused.getByRole('alert').innerText()).toBe('must be a valid email address');
    expect(await refused.innerText()).toContain('Email');

    await form.getByLabel('Email').fill('mia@example.com');
    await form.getByLabel('Name (optional)').fill('Mia Novak');
    await form.getByLabel('Role').selectOption('staff');
    expect(await form.innerText()).toContain('Staff work with customers, loyalty and imports, but cannot change settings');
    await form.getByRole('button', { name: 'Add the user' }).click();
    const shown = page.getByTestId('shown-password');
    expect(await shown.innerText()).toContain('Password for mia@example.com');
    const password = await page.getByTestId('shown-password-value').inputValue();
    expect(password.length).toBeGreaterThanOrEqual(10);
    const row = page.locator('[data-testid=user-row][data-email="mia@example.com"]');
    await row.waitFor();
    expect(await row.innerText()).toContain('Never');
    expect(await page.locator(`[data-testid=user-row][data-email="${OWNER.email}"]`).innerText()).toContain('you');
    // Adding her again: the API's conflict, said at the email.
    await form.getByLabel('Email').fill('mia@example.com');
    await form.getByRole('button', { name: 'Add the user' }).click();
    expect(await refused.getByRole('alert').innerText()).toBe('A user with email mia@example.com already exists');
    expect(await page.getByText('Something went wrong').count()).toBe(0);

    // Mia logs in elsewhere with the password shown.
    const mia = await dashboard.browser.newPage({ viewport: { width: 1360, height: 900 } });
    await mia.goto(dashboard.server.url);
    await logInAs(mia, { email: 'mia@example.com', password });
    await mia.getByTestId('kpi-customers').waitFor();
    expect(await mia.getByRole('link', { name: 'Import', exact: true }).count()).toBe(1);
    expect(await mia.getByRole('link', { name: 'Settings', exact: true }).count()).toBe(0);
    await mia.goto(url('/settings/keys'));
    const adminOnly = mia.getByTestId('settings-admin-only');
    expect(await adminOnly.innerText()).toContain('Only an owner — a user with admin rights — can manage settings');
    expect(await mia.getByText('Something went wrong').count()).toBe(0);
    expect(await mia.getByTestId('create-key').count()).toBe(0);
    await mia.getByTestId('language').selectOption('ru');
    await adminOnly.getByText('может только владелец', { exact: false }).waitFor();
    await mia.getByTestId('language').selectOption('en');

    // Her last login is listed now; a new password ends her session and replaces the old one.
    await page.reload();
    await row.waitFor();
    expect(await row.innerText()).not.toContain('Never');
    await row.getByTestId('reset-password').click();
    await row.getByTestId('reset-password-confirm').getByRole('button', { name: 'Make a new password' }).click();
    expect(await shown.innerText()).toContain('New password for mia@example.com');
    const newPassword = await page.getByTestId('shown-password-value').inputValue();
    expect(newPassword).not.toBe(password);
    await mia.goto(url('/customers'));
    await mia.getByRole('button', { name: 'Log in' }).waitFor();
    await logInAs(mia, { email: 'mia@example.com', password });
    await mia.getByText('Wrong email or password', { exact: false }).waitFor();
    await logInAs(mia, { email: 'mia@example.com', password: newPassword });
    await mia.getByTestId('customer-search').waitFor();

    // Stopping her logins asks first, ends her session, and can be undone.
    await row.getByTestId('stop-logins').click();
    await row.getByTestId('stop-logins-confirm').getByRole('button', { name: 'Stop logins' }).click();
    await row.locator('.tag.stopped', { hasText: 'Stopped' }).waitFor();
    await mia.reload();
    await mia.getByRole('button', { name: 'Log in' }).waitFor();
    await logInAs(mia, { email: 'mia@example.com', password: newPassword });
    await mia.getByText('Wrong email or password', { exact: false }).waitFor();
    await row.getByTestId('allow-logins').click();
    await row.getByText('Allowed').waitFor();
    await logInAs(mia, { email: 'mia@example.com', password: newPassword });
    await mia.getByTestId('customer-search').waitFor();

    // Made a manager from the list: still no settings for her.
    await row.getByRole('combobox', { name: 'Role of mia@example.com' }).selectOption('manager');
    await expect.poll(async () => (await dashboard.server.services.auth.listUsers()).find((u) => u.email === 'mia@example.com')?.role).toBe('manager');
    await mia.reload();
    await mia.getByTestId('customer-search').waitFor();
    expect(await mia.getByRole('link', { name: 'Settings', exact: true }).count()).toBe(0);

    // Made an owner only after a question: cancelled, she stays a manager; confirmed, she sees Settings.
    const role = row.getByRole('combobox', { name: 'Role of mia@example.com' });
    await role.selectOption('owner');
    const asked = page.getByTestId('make-owner-confirm');
    await asked.getByText('Make mia@example.com an owner?', { exact: false }).waitFor();
    await asked.getByRole('button', { name: 'Cancel' }).click();
    await asked.waitFor({ state: 'detached' });
    expect(await role.inputValue()).toBe('manager');
    expect((await dashboard.server.services.auth.listUsers()).find((u) => u.email === 'mia@example.com')?.role).toBe('manager');
    await role.selectOption('owner');
    await asked.getByRole('button', { name: 'Make an owner' }).click();
    await expect.poll(async () => (await dashboard.server.services.auth.listUsers()).find((u) => u.email === 'mia@example.com')?.role).toBe('owner');
    await mia.reload();
    await mia.getByRole('link', { name: 'Settings', exact: true }).waitFor();
    await role.selectOption('staff');
    await expect.poll(async () => (await dashboard.server.services.auth.listUsers()).find((u) => u.email === 'mia@example.com')?.role).toBe('staff');
    await page.screenshot({ path: path.join(SHOTS, 'settings-users.png'), fullPage: true });
    await mia.close();
    await page.close();
  });

  it('adds a store with a time zone picked from a list, refuses a bad code at its field, and edits the store', async () => {
    const page = await dashboard.logIn();
    await page.goto(url('/settings/stores'));
    await page.getByText('No stores yet.').waitFor();
    const form = page.getByTestId('store-form');
    // The business's zone (the test server's Ljubljana) is offered first, whatever the browser's own.
    expect(await form.getByLabel('Time zone').inputValue()).toBe('Europe/Ljubljana');
    expect(await form.getByLabel('Time zone').locator('option').count()).toBeGreaterThan(300);

    await form.getByLabel('Code').fill('lj center!');
    await form.getByLabel('Name', { exact: true }).fill('Ljubljana centre');
    await form.getByRole('button', { name: 'Add the store' }).click();
    expect(await form.locator('label.invalid').innerText()).toContain('letters, digits, dot, dash and underscore only');
    // Regression (QA): the refusal under the code lengthened its field, and the row's bottom
    // alignment lifted the code's label and input above the other fields'.
    const tops = await form.locator('.toolbar').first().locator('input, select').evaluateAll((fields) => fields.map((f) => Math.round(f.getBoundingClientRect().top)));
    expect(new Set(tops).size, `the fields' tops: ${tops.join(', ')}`).toBe(1);

    await form.getByLabel('Code').fill('lj-center');
    await form.getByLabel('City (optional)').fill('Ljubljana');
    await form.getByLabel('Time zone').selectOption('Europe/Ljubljana');
    await form.getByRole('button', { name: 'Add the store' }).click();
    expect(await page.getByTestId('store-saved').innerText()).toBe('Store Ljubljana centre (lj-center) added.');
    const row = page.locator('[data-testid=store-row][data-code="lj-center"]');
    expect(await row.innerText()).toMatch(/lj-center\s+Ljubljana centre\s+Ljubljana\s+Europe\/Ljubljana/);
    // The list's column says what it holds; "(optional)" is the form's word for its field.
    expect(await page.getByTestId('stores-table').locator('th').allInnerTexts()).toEqual(['Code', 'Name', 'City', 'Time zone', '']);

    // The same code again would overwrite that store: said at the code instead.
    await form.getByLabel('Code').fill('lj-center');
    await form.getByLabel('Name', { exact: true }).fill('Another shop');
    await form.getByRole('button', { name: 'Add the store' }).click();
    expect(await form.locator('label.invalid').innerText()).toContain('a store with the code lj-center exists already');
    expect((await dashboard.server.services.stores.byCode('lj-center'))?.name).toBe('Ljubljana centre');

    // Editing keeps the code.
    await row.getByRole('button', { name: 'Edit' }).click();
    await page.getByRole('heading', { name: 'Edit store lj-center' }).waitFor();
    expect(await form.getByLabel('Code').getAttribute('readonly')).not.toBeNull();
    expect(await form.getByLabel('Time zone').inputValue()).toBe('Europe/Ljubljana');
    await form.getByLabel('Name', { exact: true }).fill('Ljubljana Prešernov trg');
    await form.getByRole('button', { name: 'Save the store' }).click();
    expect(await page.getByTestId('store-saved').innerText()).toBe('Store Ljubljana Prešernov trg (lj-center) saved.');
    await row.getByText('Ljubljana Prešernov trg').waitFor();
    expect(await page.locator('[data-testid=store-row]').count()).toBe(1);
    await page.close();
  });

  it('subscribes a webhook, shows its deliveries and removes it; a bad URL and no events are refused at their inputs', async () => {
    const page = await dashboard.logIn();
    await page.goto(url('/settings/webhooks'));
    await page.getByText('No webhooks yet.').waitFor();
    const form = page.getByTestId('add-webhook');
    await form.getByLabel('URL that receives the events').fill('not a url');
    await form.getByRole('button', { name: 'Add the webhook' }).click();
    expect(await form.locator('label.invalid').innerText()).toContain('must be an http(s) URL');
    await form.getByTestId('event-types').getByText('needs at least one event type').waitFor();

    await form.getByLabel('URL that receives the events').fill('http://127.0.0.1:1/hook');
    await form.getByRole('checkbox', { name: 'Loyalty: all' }).check();
    // The family's types are in it: shown ticked, and not to be picked one by one.
    expect(await form.getByRole('checkbox', { name: 'loyalty.tier_changed' }).isChecked()).toBe(true);
    expect(await form.getByRole('checkbox', { name: 'loyalty.tier_changed' }).isDisabled()).toBe(true);
    await form.getByRole('checkbox', { name: 'customer.created' }).check();
    await form.getByLabel('Description (optional)').fill('Newsletter tool');
    await form.getByRole('button', { name: 'Add the webhook' }).click();
    const secret = await page.getByTestId('shown-secret-value').inputValue();
    expect(secret).toMatch(/^whsec_/);
    expect(await page.getByTestId('shown-secret').innerText()).toContain('Shown only now');
    const hook = page.locator('[data-testid=webhook][data-url="http://127.0.0.1:1/hook"]');
    expect(await hook.innerText()).toContain('Newsletter tool');
    expect(await hook.locator('.tag').allInnerTexts()).toEqual(['customer.created', 'loyalty.*']);

    // A customer added: the delivery to a port where nothing listens fails, and is listed.
    const s = dashboard.server.services;
    const [endpoint] = (await s.webhooks.list()).filter((e) => e.active);
    await s.customers.upsert({ email: 'hooked@example.com' }, { actor: 'test', source: 'api' });
    const event = await s.db.selectFrom('events').select('id').where('type', '=', 'customer.created').orderBy('id', 'desc').executeTakeFirstOrThrow();
    await expect(s.webhooks.deliver({ endpointId: endpoint.id, eventId: Number(event.id), attempt: 1 })).rejects.toThrow();
    await hook.getByTestId('show-deliveries').click();
    const deliveries = hook.getByTestId('deliveries');
    await deliveries.getByText('1 recent delivery attempt').waitFor();
    expect(await deliveries.getByTestId('delivery').innerText()).toMatch(new RegExp(`#${event.id}\\s+1\\s+Not delivered: `));
    expect(await deliveries.innerText()).toContain('A failed delivery is tried again later');
    await page.screenshot({ path: path.join(SHOTS, 'settings-webhooks.png'), fullPage: true });

    await hook.getByTestId('remove-webhook').click();
    expect(await hook.getByTestId('remove-webhook-confirm').innerText()).toContain('Remove the webhook to http://127.0.0.1:1/hook?');
    await hook.getByRole('button', { name: 'Remove the webhook' }).click();
    await page.getByText('No webhooks yet.').waitFor();
    expect((await s.webhooks.list()).filter((e) => e.active)).toEqual([]);
    await page.close();
  });

  it('speaks Danish and Russian, refusals included, and fits a phone', async () => {
    const page = await dashboard.browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(dashboard.server.url);
    await dashboard.logIn(page);
    const wider: string[] = [];
    for (const language of ['da', 'ru'] as Language[]) {
      const say = CATALOGUES[language];
      await page.evaluate((l) => localStorage.setItem('regulars.language', l), language);
      await page.goto(url('/settings/keys'));
      await page.getByRole('heading', { name: say['settings.title'] }).waitFor();
      expect(await page.getByRole('tab').allInnerTexts()).toEqual([say['settings.tab.users'], say['settings.tab.keys'], say['settings.tab.stores'], say['settings.tab.webhooks'], say['settings.tab.activity']]);
      // The navigation folds into a menu on the phone: Settings is in it.
      await page.getByTestId('menu-toggle').click();
      await page.getByRole('link', { name: say['nav.settings'], exact: true }).waitFor();
      await page.getByTestId('menu-toggle').click();

      // No scope ticked: the API's refusal in the language, under the choices.
      const form = page.getByTestId('create-key');
      await form.getByLabel(say['settings.keys.name']).fill(`Kasse ${language}`);
      for (const box of await form.getByRole('checkbox').all()) await box.uncheck();
      await form.getByRole('button', { name: say['settings.keys.createButton'] }).click();
      const problem = await form.locator('fieldset.invalid').getByRole('alert').innerText();
      expect(problem).toBe(language === 'da' ? 'skal have mindst ét adgangsområde (scope)' : 'нужна хотя бы одна область доступа');
      await form.getByRole('checkbox').first().check();
      await form.getByRole('button', { name: say['settings.keys.createButton'] }).click();
      expect(await page.getByTestId('shown-key').innerText()).toContain(say['settings.shownOnce']);
      // A date as the language writes it (one word: its spaces no-break ones): the day the services' clock says the key was made.
      const created = await page.locator(`[data-testid=key-row][data-name="Kasse ${language}"] .date`).first().innerText();
      expect(created).toBe(new Intl.DateTimeFormat(language === 'da' ? 'da-DK' : 'ru-RU', { dateStyle: 'medium' }).format(dashboard.server.services.clock.now()).replace(/ /g, '\u00a0'));

      for (const address of ['/settings', '/settings/keys', '/settings/stores', '/settings/webhooks']) {
        await page.goto(url(address));
        await page.waitForFunction((loading) => !document.body.innerText.includes(loading), say['common.loading']);
        const by = await sideways(page);
        if (by > 0) wider.push(`${language} ${address}: ${by} px too wide`);
        await page.screenshot({ path: path.join(SHOTS, `phone-${language}${address.replace(/\//g, '-')}.png`), fullPage: true });
      }
    }
    expect(wider).toEqual([]);
    await page.evaluate(() => localStorage.setItem('regulars.language', 'en'));
    await page.close();
  });
});
