import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeImportTempDir, removeAbandonedImportFiles } from './temp-files.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regulars-temp-files-test-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function folder(name: string, ageMs = 0): string {
  const p = path.join(dir, name);
  fs.mkdirSync(p);
  fs.writeFileSync(path.join(p, 'prepared.ndjson'), 'x');
  const at = (Date.now() - ageMs) / 1000;
  fs.utimesSync(p, at, at);
  return p;
}

describe('import temporary files', () => {
  it('removes the folders of processes that ended, and no others', () => {
    // A process id that no longer runs: a child's, after it exited.
    const ended = spawnSync(process.execPath, ['-e', '']).pid!;
    const dead = [folder(`regulars-import-spool-${ended}-aB3dE9`), folder(`regulars-import-upload-${ended}-Zz09Yy`)];
    // This process's own, made while it runs; made before it started (the same id, an earlier process).
    const live = folder(`regulars-import-spool-${process.pid}-Qq1Ww2`);
    const earlier = folder(`regulars-import-upload-${process.pid}-Ee3Rr4`, process.uptime() * 1000 + 60_000);
    // Process 1 always runs.
    const running = folder('regulars-import-spool-1-Tt5Yy6');
    // Folders of earlier versions (no process id): removed when a day old.
    const oldUnowned = folder('regulars-import-spool-Uu7Ii8', 2 * 86_400_000);
    const newUnowned = folder('regulars-import-Oo9Pp0', 60_000);
    // Not an import's folder at all.
    const other = folder('regulars-import-bench-Aa1Ss2', 2 * 86_400_000);

    expect(removeAbandonedImportFiles(dir)).toBe(4);
    for (const p of [...dead, earlier, oldUnowned]) expect(fs.existsSync(p), p).toBe(false);
    for (const p of [live, running, newUnowned, other]) expect(fs.existsSync(p), p).toBe(true);
  });

  it('names a new folder after this process', () => {
    const made = makeImportTempDir('upload');
    try {
      expect(path.basename(made)).toMatch(new RegExp(`^regulars-import-upload-${process.pid}-[A-Za-z0-9]{6}$`));
    } finally {
      fs.rmSync(made, { recursive: true, force: true });
    }
  });
});
