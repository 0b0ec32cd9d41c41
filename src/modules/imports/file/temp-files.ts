import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// An import keeps two temporary files: the uploaded CSV (read twice: validate, then
// import) and the rows it prepared (spool.ts), tens of megabytes for a large file. Each
// is removed when its import ends, but a process that is killed or crashes never gets
// there. So every folder is named after the process that made it, and the first import
// of a process removes the folders of processes that no longer run.

const PREFIX = 'regulars-import-';
const OWNED = /^regulars-import-(?:upload|spool)-(\d+)-[A-Za-z0-9]{6}$/;
/** Folders of versions before the process id was in the name: removed once a day old. */
const UNOWNED = /^regulars-import-(?:spool-)?[A-Za-z0-9]{6}$/;
const DAY_MS = 86_400_000;

let swept = false;

/** A new temporary folder for an import's `kind` of file; the first call in a process clears what dead processes left. */
export function makeImportTempDir(kind: 'upload' | 'spool'): string {
  if (!swept) {
    swept = true;
    removeAbandonedImportFiles();
  }
  return fs.mkdtempSync(path.join(os.tmpdir(), `${PREFIX}${kind}-${process.pid}-`));
}

/** Removes the import folders in `dir` whose process has ended; answers how many. */
export function removeAbandonedImportFiles(dir = os.tmpdir(), now = Date.now()): number {
  let removed = 0;
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return 0; // no temporary folder to read: nothing to clear
  }
  for (const name of names) {
    if (!name.startsWith(PREFIX)) continue;
    const owner = OWNED.exec(name)?.[1];
    const folder = path.join(dir, name);
    try {
      const abandoned = owner !== undefined ? !isRunning(Number(owner), folder) : UNOWNED.test(name) && now - fs.statSync(folder).mtimeMs > DAY_MS;
      if (!abandoned) continue;
      fs.rmSync(folder, { recursive: true, force: true });
      removed++;
    } catch {
      // Another process removed it first, or it is not ours to remove: leave it.
    }
  }
  return removed;
}

/** Whether the process that made `folder` still runs. */
function isRunning(pid: number, folder: string): boolean {
  // A container's server is often process 1 at every start: a folder with this process's
  // id that is older than this process (by more than the clocks' rounding) was made by an
  // earlier one.
  if (pid === process.pid) return fs.statSync(folder).mtimeMs > Date.now() - process.uptime() * 1000 - 1000;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
