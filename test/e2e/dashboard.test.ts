import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { recordPurchases } from '../../src/workflows/record-purchases.ts';
import { OWNER, screenshotDirs, useDashboard } from './browser.ts';

// The dashboard in real Chromium against the real server and database: log in, search,
// open a profile, switch language, import a CSV with a bad row. Screenshots go to
// .tmp/screenshots, or to docs/screenshots (the README's) with UPDATE_SCREENSHOTS=1.
const SHOTS = screenshotDirs().readme;
const dashboard = useDashboard({
  seed: async (s) => {
    await s.stores.upsert({ code: 'ljubljana', name: 'Ljubljana — Prešernov trg', city: 'Ljubljana', time_zone: 'Europe/Ljubljana' }, { actor: 'test' });
    const people = [
      { external_id: 'card-1001', email: 'maja.novak@example.com', phone: '+38640111222', first_name: 'Maja', last_name: 'Novak', language: 'sl', birthday: '1990-04-12', home_store: 'ljubljana', tags: ['vip'], consent: { email: true, sms: false } },
      { external_id: 'card-1002', email: 'zeynep@example.com', first_name: 'Zeynep', last_name: 'Yılmaz', language: 'tr', consent: { email: true } },
      { external_id: 'card-1003', email: 'soren@example.com', first_name: 'Søren', last_name: 'Jensen', language: 'da' },
    ];
    const purchases = people.flatMap((customer, i) =>
      Array.from({ length: 3 + i }, (_, k) => ({
        external_id: `order-${i}-${k}`,
        customer,
        occurred_at: new Date(Date.UTC(2026, 3, 1 + k * 9, 8 + i)).toISOString(),
        store: 'ljubljana',
        total: `${4 + k}.40`,
        promo_code: k === 1 ? 'WELCOME10' : null,
        lines: [{ sku: 'CAP', name: 'Cappuccino', category: 'coffee', quantity: 1, unit_price: `${4 + k}.40` }],
      })),
    );
    await recordPurchases(s, purchases, { source: 'api' });
    await s.commerce.refund('order-0-2', { external_id: 'refund-1', amount: '1.00', reason: 'cold' }, { actor: 'test' });
  },
});

/** Chooses a POS export (Receipt, Card, Date, Amount) on the import page and maps its columns (each field by what it holds, its code beside it). */
async function chooseExport(page: Page, file: string) {
  await page.getByTestId('import-file').setInputFiles(file);
  await page.getByLabel('Customer’s card / POS id', { exact: true }).waitFor();
  for (const code of ['external_id', 'customer_external_id', 'occurred_at', 'total']) expect(await page.locator('.mapping code', { hasText: new RegExp(`^${code}$`) }).count()).toBe(1);
  await page.getByLabel('Order number', { exact: true }).selectOption('Receipt');
  await page.getByLabel('Customer’s card / POS id', { exact: true }).selectOption('Card');
  await page.getByLabel('Date and time of the purchase', { exact: true }).selectOption('Date');
  await page.getByLabel('Total', { exact: true }).selectOption('Amount');
}

/** The POS export the import page uploads. */
const exportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'regulars-e2e-'));

afterAll(() => fs.rmSync(exportDir, { recursive: true, force: true }));

describe('dashboard', () => {
  it('logs in, searches, opens a profile, switches language and imports a CSV', async () => {
    const { server, browser } = dashboard;
    const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
    await page.goto(server.url);
    await page.getByLabel('Email').fill(OWNER.email);
    await page.getByLabel('Password').fill('wrong password!');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('alert').waitFor();
    await page.getByLabel('Password').fill(OWNER.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByTestId('kpi-customers').waitFor();
    expect(await page.getByTestId('kpi-customers').innerText()).toContain('3');

    await page.getByRole('link', { name: 'Customers' }).click();
    await page.getByTestId('customer-table').waitFor();
    await page.getByTestId('customer-search').fill('novak');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=customer-table] tbody tr').length === 1);
    await page.getByTestId('customer-search').fill('');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=customer-table] tbody tr').length === 3);
    await page.screenshot({ path: path.join(SHOTS, 'customers.png') });
    // Sorted by a column header: the first click shows the biggest spenders first, the next
    // the other way; the order is kept in the address (a reload finds it) and told by aria-sort.
    const names = () => page.$$eval('[data-testid=customer-table] tbody tr td:first-child', (cells) => cells.map((c) => c.textContent));
    const listed = (order: string[]) => page.waitForFunction((want) => [...document.querySelectorAll('[data-testid=customer-table] tbody tr td:first-child')].map((c) => c.textContent).join('|') === want, order.join('|'));
    const spendHeader = page.locator('th[data-sort=net_spend]');
    expect(await spendHeader.getAttribute('aria-sort')).toBe('none');
    await page.getByRole('button', { name: 'Net spend' }).click();
    await listed(['Søren Jensen', 'Zeynep Yılmaz', 'Maja Novak']); // 32.00, 23.60, 15.20
    expect(await spendHeader.getAttribute('aria-sort')).toBe('descending');
    expect(new URL(page.url()).searchParams.get('sort')).toBe('-net_spend');
    await page.getByRole('button', { name: 'Net spend' }).click();
    await listed(['Maja Novak', 'Zeynep Yılmaz', 'Søren Jensen']);
    expect(await spendHeader.getAttribute('aria-sort')).toBe('ascending');
    await page.reload();
    await listed(['Maja Novak', 'Zeynep Yılmaz', 'Søren Jensen']);
    expect(await page.locator('th[data-sort=net_spend]').getAttribute('aria-sort')).toBe('ascending');
    await page.getByRole('button', { name: 'Last purchase' }).click();
    await listed(['Søren Jensen', 'Zeynep Yılmaz', 'Maja Novak']); // 7 May, 28 April, 19 April
    await page.getByRole('button', { name: 'Name' }).click();
    await listed(['Maja Novak', 'Søren Jensen', 'Zeynep Yılmaz']);
    expect(await page.locator('th[data-sort=last_purchase_at]').getAttribute('aria-sort')).toBe('none');
    // Customer since: the longest-standing first (their first purchases, 1 April at 8, 9 and 10 o'clock), then the other way.
    await page.getByRole('button', { name: 'Customer since' }).click();
    await listed(['Maja Novak', 'Zeynep Yılmaz', 'Søren Jensen']);
    expect(new URL(page.url()).searchParams.get('sort')).toBe('customer_since');
    expect(await page.locator('th[data-sort=customer_since]').getAttribute('aria-sort')).toBe('ascending');
    await page.getByRole('button', { name: 'Customer since' }).click();
    await listed(['Søren Jensen', 'Zeynep Yılmaz', 'Maja Novak']);
    expect(await page.locator('th[data-sort=customer_since]').getAttribute('aria-sort')).toBe('descending');
    expect(await names()).toHaveLength(3);
    await page.getByTestId('customer-search').fill('maja.novak@example.com');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=customer-table] tbody tr').length === 1);
    await page.getByText('Maja Novak').click();

    const profile = page.getByTestId('customer-profile');
    await profile.waitFor();
    await page.getByTestId('timeline').waitFor();
    expect(await page.getByTestId('identities').innerText()).toContain('+38640111222');
    const stats = await page.getByTestId('customer-stats').innerText();
    expect(stats).toContain('3'); // purchases
    expect(stats).toMatch(/15[.,]20/); // net spend: 4.40 + 5.40 + 6.40 − 1.00
    const timeline = await page.getByTestId('timeline').innerText();
    expect(timeline).toContain('order-0-2');
    expect(timeline).toContain('WELCOME10');
    await page.screenshot({ path: path.join(SHOTS, 'profile.png'), fullPage: true });

    await page.getByTestId('language').selectOption('sl');
    await page.getByText('Časovnica nakupov').waitFor();
    expect(await page.getByRole('link', { name: 'Stranke', exact: true }).isVisible()).toBe(true);
    await page.getByTestId('language').selectOption('en');

    await page.getByRole('link', { name: 'Import' }).click();
    const csv = path.join(exportDir, 'pos-export.csv');
    fs.writeFileSync(csv, 'Receipt,Card,Date,Amount\nR-1,card-1002,2026-05-02,3.20\nR-2,card-1003,2026-05-03,abc\nR-3,card-1009,2026-05-04,7.90\n');
    await chooseExport(page, csv);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByTestId('import-errors').waitFor();
    const report = await page.getByTestId('import-result').innerText();
    expect(report).toContain('Nothing was imported');
    expect(report).toMatch(/3\s+Amount/);
    await page.screenshot({ path: path.join(SHOTS, 'import.png'), fullPage: true });
    expect((await server.services.commerce.totals()).purchases).toBe(12);

    await page.getByLabel('Skip invalid rows and import the rest').check();
    await page.getByTestId('import-check').click();
    await page.getByText('Checked 3 rows, nothing written. Importing would give: 2 new, 0 already there, 1 skipped.').waitFor();
    expect((await server.services.commerce.totals()).purchases).toBe(12);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText(/Imported 3 rows: 2 new/).waitFor();
    expect((await server.services.commerce.totals()).purchases).toBe(14);

    // A larger export: the page shows how far the import has got while it runs.
    const large = path.join(exportDir, 'pos-export-large.csv');
    const rows = Array.from({ length: 20_000 }, (_, i) => `L-${i},card-${2000 + (i % 3000)},2026-04-${String(1 + (i % 28)).padStart(2, '0')},${(i % 50) + 1}.25`);
    fs.writeFileSync(large, ['Receipt,Card,Date,Amount', ...rows].join('\n'));
    await chooseExport(page, large);
    // A slow link (300 kB/s up) shows the upload's own progress before the server's.
    const network = await page.context().newCDPSession(page);
    await network.send('Network.enable');
    await network.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 300_000 });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText(/Uploading the file: \d+/).waitFor();
    await network.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await page.getByText(/(Checking the file|Importing): [\d,]+ rows/).waitFor();
    await page.getByText(/Imported 20,000 rows: 20,000 new/).waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('import-progress').count()).toBe(0);
    expect((await server.services.commerce.totals()).purchases).toBe(20_014);

    // No refund here, so no coupon use given back: the page says nothing of them.
    expect(await page.getByTestId('import-coupon-uses-rolled-back').count()).toBe(0);

    // Returns from the till: a refunds file, its columns suggested from the till's names.
    // R-3 (7.90) is refunded in full, giving back the coupon use the till made on it; R-1 in part.
    const { codes: [code] } = await server.services.loyalty.createCampaign({ name: 'Spring', idempotency_key: 'campaign-spring', benefit: { type: 'fixed_discount', amount: '1.00' }, code: 'SPRING-1' }, { actor: 'test' });
    await server.services.loyalty.useCoupon(code, { idempotency_key: 'till-r3', order_ref: 'R-3' }, { actor: 'test' });
    await page.getByLabel(/^Refunds/).check();
    const returns = path.join(exportDir, 'pos-returns.csv');
    fs.writeFileSync(returns, 'Receipt,Refund,Amount\nR-1,RF-1,1.20\nR-3,RF-3,7.90\n');
    await page.getByTestId('import-file').setInputFiles(returns);
    await page.getByLabel('Order number of the purchase', { exact: true }).waitFor();
    expect(await page.getByLabel('Order number of the purchase', { exact: true }).inputValue()).toBe('Receipt');
    expect(await page.getByLabel('Refund number', { exact: true }).inputValue()).toBe('Refund');
    expect(await page.getByLabel('Amount refunded', { exact: true }).inputValue()).toBe('Amount');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText(/Imported 2 rows: 2 new/).waitFor();
    expect((await server.services.commerce.get('R-1')).refunded).toBe('1.20');
    expect(await page.getByTestId('import-coupon-uses-rolled-back').innerText()).toBe('Coupon uses given back, their orders refunded in full: 1.');
    expect((await server.services.loyalty.coupon(code)).uses).toBe(0);

    // A web store's export with one row per item bought: an order's rows make one purchase.
    await page.getByLabel(/^Purchases/).check();
    const items = path.join(exportDir, 'shop-items.csv');
    fs.writeFileSync(items, ['InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID',
      'W-1,ESP,Espresso,2,2026-04-02,2.20,card-1', 'W-1,MUG,Mug,1,2026-04-02,8.00,card-1', 'W-2,ESP,Espresso,1,2026-04-03,2.20,card-2'].join('\n'));
    await page.getByTestId('import-file').setInputFiles(items);
    await expect.poll(() => page.getByLabel('Item unit price', { exact: true }).inputValue()).toBe('UnitPrice');
    expect(await page.getByLabel('Order number', { exact: true }).inputValue()).toBe('InvoiceNo');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText(/Imported 3 rows of line items, 2 orders: 2 new/).waitFor();
    expect(await page.getByTestId('import-coupon-uses-rolled-back').count()).toBe(0);
    expect((await server.services.commerce.get('W-1')).total).toBe('12.40');
    expect((await server.services.commerce.get('W-1')).lines).toHaveLength(2);

    // A European till's export: semicolons, day-first dates and decimal commas, recognised by the preview.
    const european = path.join(exportDir, 'till-eu.csv');
    fs.writeFileSync(european, ['Receipt;Card;Date;Amount', 'E-1;card-1;15.3.2026 9:15;12,50', 'E-2;card-2;16.3.2026;1.234,00'].join('\n'));
    await page.getByTestId('import-file').setInputFiles(european);
    await expect.poll(() => page.getByTestId('import-date-format').inputValue()).toBe('D.M.YYYY H:mm');
    expect(await page.getByTestId('import-decimal-comma').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText(/Imported 2 rows: 2 new/).waitFor();
    expect(await server.services.commerce.get('E-1')).toMatchObject({ total: '12.50', occurred_at: '2026-03-15T08:15:00.000Z' });
    expect((await server.services.commerce.get('E-2')).total).toBe('1234.00');
    // The same file again writes nothing, and says so (QA: "Imported 3 rows: 0 new, 3 already there, 0 skipped").
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('Nothing new: all 2 rows were already there.').waitFor();

    // Saved by a spreadsheet on Windows in its code page (Ž is 0x8E in windows-1250): the
    // preview reads it in the code page it guesses, and the import too.
    const legacy = path.join(exportDir, 'till-1250.csv');
    fs.writeFileSync(legacy, Buffer.concat([Buffer.from('Receipt;Card;Date;Amount;Cashier\nC-1;card-1;17.3.2026;2,00;'), Buffer.from([0x8e]), Buffer.from('iga\n')]));
    await page.getByTestId('import-file').setInputFiles(legacy);
    await expect.poll(() => page.getByTestId('import-encoding').inputValue()).toBe('windows-1250');
    await page.getByRole('cell', { name: 'Žiga' }).waitFor();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText(/Imported 1 row: 1 new/).waitFor();
    expect((await server.services.commerce.get('C-1')).total).toBe('2.00');
  }, 240_000);
});
