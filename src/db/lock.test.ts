import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isAppError } from '../shared/errors.ts';
import { LANGUAGES } from '../shared/messages/index.ts';
import { acquireDataDirLock, lockFile, sinceText } from './lock.ts';

// A second process on a data folder another one holds is refused, naming the holder and
// since when it has held it: that instant as the command line writes one, on the clock of
// the business's time zone, not the ISO text the lock file keeps.

const folders: string[] = [];
afterEach(() => {
  vi.unstubAllEnvs();
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

/** A folder held by a living process other than this one (the one that started this test). */
function heldFolder(since: string): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'regulars-lock-'));
  folders.push(folder);
  fs.writeFileSync(lockFile(folder), JSON.stringify({ pid: process.ppid, command: 'serve', port: 3999, since }), { mode: 0o600 });
  return folder;
}

function refusal(folder: string) {
  try {
    acquireDataDirLock(folder, { command: 'migrate' });
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error('the folder was not refused');
}

describe('a data folder in use', () => {
  it("says since when on the business's clock, in every language", () => {
    vi.stubEnv('TIMEZONE', 'Europe/Ljubljana');
    const folder = heldFolder('2026-06-01T12:30:00.000Z');
    const refused = refusal(folder);
    expect(refused.kind).toBe('unavailable');
    expect(refused.message).toContain(`in use by another Regulars process: pid ${process.ppid}, "serve" (serving on port 3999), since 2026-06-01 14:30. Stop it first`);
    for (const language of LANGUAGES) {
      const told = refused.in(language).message;
      expect(told, language).toContain('2026-06-01 14:30');
      expect(told, language).not.toContain('T12:30');
    }
    expect(refusal(folder).in('sl').message).toContain('"serve" (streže na vratih 3999), od 2026-06-01 14:30.');
  });

  it('tells the instant in the zone TIMEZONE names, UTC without one, and a since it cannot read as it is', () => {
    vi.stubEnv('TIMEZONE', 'America/New_York');
    expect(sinceText('2026-01-15T03:05:09.000Z')).toBe('2026-01-14 22:05');
    vi.stubEnv('TIMEZONE', '');
    expect(sinceText('2026-01-15T03:05:09.000Z')).toBe('2026-01-15 03:05');
    expect(sinceText('not an instant')).toBe('not an instant');
  });
});
