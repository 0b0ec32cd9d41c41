import { pathToFileURL } from 'node:url';
import { cli, createPgDatabase, machine, percentile, pgbenchTps, startServerProcess, tmpDir } from './lib.ts';

// Purchase ingestion through the HTTP API: 32 concurrent clients on POST /purchases, then
// the batch endpoint; on PostgreSQL next to pgbench's TPC-B as the ceiling, and on PGlite.
// Usage: npx tsx bench/api.bench.ts [--db postgres|pglite|both] [--seconds 15]

interface Options {
  db: 'postgres' | 'pglite';
  seconds: number;
  clients: number;
}

let counter = 0;
const purchase = (run: string) => {
  const n = counter++;
  return {
    external_id: `bench-${run}-${n}`,
    customer: { external_id: `card-${run}-${n % 50_000}`, email: `c${n % 50_000}.${run}@example.com` },
    occurred_at: new Date(Date.UTC(2026, 0, 1) + (n % 300) * 86400_000).toISOString(),
    total: `${(n % 90) + 3}.${String(n % 100).padStart(2, '0')}`,
    lines: [{ sku: `SKU-${n % 40}`, name: 'Item', category: 'cat', quantity: 1, unit_price: `${(n % 90) + 3}.${String(n % 100).padStart(2, '0')}` }],
  };
};

async function load({ url, key, seconds, clients, body }: { url: string; key: string; seconds: number; clients: number; body: () => unknown }) {
  const latencies: number[] = [];
  let errors = 0;
  let items = 0;
  const end = Date.now() + seconds * 1000;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (Date.now() < end) {
        const payload = body();
        const t0 = performance.now();
        const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: JSON.stringify(payload) });
        await res.arrayBuffer();
        latencies.push(performance.now() - t0);
        if (res.status >= 300) errors++;
        items += Array.isArray((payload as { purchases?: unknown[] }).purchases) ? (payload as { purchases: unknown[] }).purchases.length : 1;
      }
    }),
  );
  const elapsed = (Date.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { perSecond: Math.round(items / elapsed), requests: latencies.length, errors, p50: +percentile(latencies, 50).toFixed(1), p99: +percentile(latencies, 99).toFixed(1) };
}

export async function run(options: Options) {
  const pgDb = options.db === 'postgres' ? await createPgDatabase() : undefined;
  const env: Record<string, string> = pgDb ? { DATABASE_URL: pgDb.url, DATABASE_POOL_SIZE: '20' } : { DATA_DIR: tmpDir('regulars-bench-') };
  try {
    cli(['migrate'], env);
    const key = JSON.parse(cli(['keys', 'create', '--name', 'bench', '--scopes', 'read,write', '--json'], env)).key as string;
    const server = await startServerProcess(env);
    try {
      const run = Math.random().toString(36).slice(2, 8);
      // Warm-up: connections, JIT, the first customers.
      await load({ url: `${server.url}/api/v1/purchases`, key, seconds: 2, clients: options.clients, body: () => purchase(run) });
      const single = await load({ url: `${server.url}/api/v1/purchases`, key, seconds: options.seconds, clients: options.clients, body: () => purchase(run) });
      const batch = await load({
        url: `${server.url}/api/v1/purchases/batch`, key, seconds: options.seconds, clients: 4,
        body: () => ({ purchases: Array.from({ length: 1000 }, () => purchase(run)) }),
      });
      return { db: options.db, single, batch, serverPeakRssMb: server.peakRssMb() };
    } finally {
      await server.stop();
    }
  } finally {
    await pgDb?.drop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (name: string, fallback: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const seconds = Number(arg('seconds', '15'));
  const which = arg('db', 'both');
  const dbs = which === 'both' ? (['postgres', 'pglite'] as const) : [which as 'postgres' | 'pglite'];
  console.log(`Machine: ${machine()}`);
  if (dbs.includes('postgres')) console.log(`pgbench TPC-B, 8 clients: ${Math.round(await pgbenchTps({ seconds }))} tps`);
  for (const db of dbs) {
    const r = await run({ db, seconds, clients: 32 });
    console.log(`\n${db}:`);
    console.log(`  POST /purchases, 32 clients: ${r.single.perSecond} purchases/s, p50 ${r.single.p50} ms, p99 ${r.single.p99} ms, ${r.single.errors} errors`);
    console.log(`  POST /purchases/batch (1,000 per request, 4 clients): ${r.batch.perSecond} purchases/s, p99 ${r.batch.p99} ms, ${r.batch.errors} errors`);
    console.log(`  server peak memory: ${r.serverPeakRssMb} MB`);
  }
}
