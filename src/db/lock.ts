import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config.ts';
import { timeIn } from '../shared/clock.ts';
import { unavailable } from '../shared/errors.ts';
import { say } from '../shared/messages/index.ts';

// PGlite has no folder lock of its own, and two processes on one folder silently lose
// writes. The lock file holds the owner's pid; a lock whose pid is gone is stale (a
// crashed process) and is taken over. A server's lock also holds its port and a token
// that lets a command on this machine act through it (cli/remote.ts): the file is
// readable by its owner only, like the database files beside it.
export interface DataDirLock {
  release(): void;
}

export interface LockHolder {
  pid: number;
  command: string;
  port?: number;
  /** A serving process's token for the command line on this machine (full rights). */
  cliToken?: string;
  since: string;
}

export const lockFile = (dataDir: string) => path.join(dataDir, 'regulars.lock');

export function readLockHolder(dataDir: string): LockHolder | undefined {
  try {
    const holder = JSON.parse(fs.readFileSync(lockFile(dataDir), 'utf8')) as LockHolder;
    return isAlive(holder.pid) ? holder : undefined;
  } catch {
    return undefined;
  }
}

export function acquireDataDirLock(dataDir: string, purpose: { command: string; port?: number; cliToken?: string }): DataDirLock {
  const file = lockFile(dataDir);
  const me: LockHolder = { pid: process.pid, since: new Date().toISOString(), ...purpose };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(me), { flag: 'wx', mode: 0o600 });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          const current = JSON.parse(fs.readFileSync(file, 'utf8')) as LockHolder;
          if (current.pid === process.pid) fs.unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
      process.once('exit', release);
      return { release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readLockHolder(dataDir);
      if (holder && holder.pid !== process.pid) {
        const serving = holder.port ? say('db.folder_serving', { port: String(holder.port) }) : '';
        throw unavailable(say('db.folder_in_use', { folder: dataDir, pid: String(holder.pid), command: holder.command, serving, since: sinceText(holder.since) }));
      }
      fs.rmSync(file, { force: true }); // stale: its process is gone
    }
  }
  throw unavailable(say('db.folder_lock_failed', { folder: dataDir }));
}

/**
 * Since when the holder has had the folder, as the command line writes an instant
 * (cli/dates.ts): its date and time to the minute on the clock of the business's time zone
 * (TIMEZONE), "2026-06-01 14:30", the same in every language. The lock file keeps the instant.
 */
export function sinceText(since: string): string {
  const at = new Date(since);
  if (Number.isNaN(at.getTime())) return since; // a lock file written otherwise: as it is
  let timeZone = 'UTC';
  try {
    timeZone = loadConfig().timeZone;
  } catch {
    // A configuration that is none is refused where it is read; its time zone is UTC here.
  }
  return timeIn(at, timeZone).slice(0, 16).replace('T', ' ');
}

/**
 * Records what this process learnt after taking the lock — a server asked for port 0
 * learns its port only once it listens — so commands find it. Only the lock's own holder
 * writes; rename keeps the file whole for a reader at any moment.
 */
export function updateLockHolder(dataDir: string, change: Pick<LockHolder, 'port'>): void {
  const file = lockFile(dataDir);
  const current = JSON.parse(fs.readFileSync(file, 'utf8')) as LockHolder;
  if (current.pid !== process.pid) return;
  const next = `${file}.${process.pid}`;
  fs.writeFileSync(next, JSON.stringify({ ...current, ...change }), { mode: 0o600 });
  fs.renameSync(next, file);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
