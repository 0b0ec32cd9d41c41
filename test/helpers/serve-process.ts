import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * `regulars serve` as its own process on a data folder (the CLI's commands then go through
 * it): started with PORT=0, ready once its lock file names the port it took. `stop` ends it
 * and waits for it to exit.
 */
export async function startServeProcess(bin: string, env: Record<string, string | undefined>) {
  const server: ChildProcess = spawn(process.execPath, [bin, 'serve'], { env: { ...env, PORT: '0', HOST: '127.0.0.1', JOBS: 'off' }, stdio: 'ignore' });
  const lock = path.join(String(env.DATA_DIR), 'regulars.lock');
  for (let i = 0; ; i++) {
    const holder = fs.existsSync(lock) ? (JSON.parse(fs.readFileSync(lock, 'utf8')) as { command?: string; port?: number }) : {};
    if (holder.command === 'serve' && holder.port) break;
    if (i > 240) throw new Error('the server did not start');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    async stop() {
      if (server.exitCode !== null) return;
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    },
  };
}
