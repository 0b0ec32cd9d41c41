import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

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
