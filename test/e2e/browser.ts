import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { Services } from '../../src/services.ts';
import { startTestServer } from '../helpers/server.ts';

// Debian's Chromium, started the way this machine needs (no sandbox as root, no
// background network: the machine is offline).
async function launchChromium(): Promise<Browser> {
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

/** The example loyalty program (examples/program.json). */
export const EXAMPLE_PROGRAM = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../examples/program.json'), 'utf8'));

/** The owner the dashboard tests log in as. */
export const OWNER = { email: 'owner@example.com', password: 'a long enough password' };

/**
 * The real server on a fresh database holding OWNER and what `seed` adds, and Chromium,
 * started before the file's tests and closed after them. `server` and `browser` are
 * there once the tests run; `logIn` logs a page in as OWNER (a new one on the dashboard
 * when none is given) and waits for the home page.
 */
export function useDashboard({ seed, env }: { seed?: (services: Services) => Promise<unknown>; env?: Record<string, string> } = {}) {
  let server: Awaited<ReturnType<typeof startTestServer>> | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    // Chromium starts (its own processes, mostly waiting on them) while the server's database is seeded.
    const [started, launched] = await Promise.allSettled([
      startTestServer({
        env,
        seed: async (s) => {
          await s.auth.createUser({ email: OWNER.email, role: 'owner', password: OWNER.password }, { actor: 'test' });
          await seed?.(s);
        },
      }),
      launchChromium(),
    ]);
    if (started.status === 'fulfilled') server = started.value;
    if (launched.status === 'fulfilled') browser = launched.value;
    for (const outcome of [started, launched]) if (outcome.status === 'rejected') throw outcome.reason;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('useDashboard: the server and browser start in beforeAll, use them in a test');
    return value;
  };
  return {
    get server() { return started(server); },
    get browser() { return started(browser); },
    async logIn(page?: Page): Promise<Page> {
      if (!page) {
        page = await started(browser).newPage({ viewport: { width: 1360, height: 900 } });
        await page.goto(started(server).url);
      }
      await page.getByLabel('Email').fill(OWNER.email);
      await page.getByLabel('Password').fill(OWNER.password);
      await page.getByRole('button', { name: 'Log in' }).click();
      await page.getByTestId('kpi-customers').waitFor();
      return page;
    },
  };
}

/** The number a KPI card shows (its digits only: "1.234 €" is 1234). */
export const kpiDigits = async (page: Page, testId: string) => Number((await page.getByTestId(testId).locator('strong').innerText()).replace(/\D/g, ''));
