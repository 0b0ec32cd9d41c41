import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/**
 * `regulars serve` as its own process on a data folder (the CLI's commands then go through
 * it): started with PORT=0, ready once its lock file names the port it took. `stop` ends it
 * and waits for it to exit. Its job queue is off unless `jobs` (the subscribers and
 * schedules of a real server, running beside what the test does). On PostgreSQL
 * (DATABASE_URL), which has no lock file, it takes a free port and is ready once its
 * /health answers (the job queue starts before it listens).
 */
export async function startServeProcess(bin: string, env: Record<string, string | undefined>, { jobs = false } = {}) {
  const port = env.DATABASE_URL ? await freePort() : 0;
  const server: ChildProcess = spawn(process.execPath, [bin, 'serve'], { env: { ...env, PORT: String(port), HOST: '127.0.0.1', JOBS: jobs ? 'on' : 'off' }, stdio: 'ignore' });
  const lock = path.join(String(env.DATA_DIR), 'regulars.lock');
  const ready = async () => {
    if (port) return fetch(`http://127.0.0.1:${port}/api/v1/health`).then((r) => r.ok, () => false);
    const holder = fs.existsSync(lock) ? (JSON.parse(fs.readFileSync(lock, 'utf8')) as { command?: string; port?: number }) : {};
    return holder.command === 'serve' && Boolean(holder.port);
  };
  for (let i = 0; !(await ready()); i++) {
    if (i > 240 || server.exitCode !== null) throw new Error('the server did not start');
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

/** A port no one listens on now (the OS's choice for port 0, given back). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().once('error', reject).listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
