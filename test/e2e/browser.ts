import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Services } from '../../src/services.ts';

// Debian's Chromium, started the way this machine needs (no sandbox as root, no
// background network: the machine is offline).
export async function launchChromium(): Promise<Browser> {
  const executablePath = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((p) => fs.existsSync(p));
  if (!executablePath) throw new Error('Chromium is not installed: apt-get install chromium (bash .ci/run does it)');
  return chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
}

/** Screenshots for the README (docs/screenshots with UPDATE_SCREENSHOTS=1) and the rest (.tmp/screenshots); made on first use. */
export function screenshotDirs(): { readme: string; more: string } {
  const more = path.resolve(import.meta.dirname, '../../.tmp/screenshots');
  const readme = process.env.UPDATE_SCREENSHOTS ? path.resolve(import.meta.dirname, '../../docs/screenshots') : more;
  for (const dir of [readme, more]) fs.mkdirSync(dir, { recursive: true });
  return { readme, more };
}

/** The owner the dashboard tests log in as. */
export const OWNER = { email: 'owner@example.com', password: 'a long enough password' };

export async function createOwner(s: Services): Promise<void> {
  await s.auth.createUser({ email: OWNER.email, role: 'owner', password: OWNER.password }, { actor: 'test' });
}

/** A page of the dashboard at `url`, logged in as OWNER, on the home page. */
export async function logInAsOwner(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
  await page.goto(url);
  await page.getByLabel('Email').fill(OWNER.email);
  await page.getByLabel('Password').fill(OWNER.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByTestId('kpi-customers').waitFor();
  return page;
}

/** The number a KPI card shows (its digits only: "1.234 €" is 1234). */
export const kpiDigits = async (page: Page, testId: string) => Number((await page.getByTestId(testId).locator('strong').innerText()).replace(/\D/g, ''));
