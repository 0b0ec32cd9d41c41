import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { migrateToLatest, openDatabase } from '../src/db/index.ts';
import { createPgDatabase, machine, pgbench } from './lib.ts';

// What PostgreSQL itself needs to store the rows of a CSV import, with no application
// in the way: the rows the import of N purchases by N/3 new customers writes (customers
// with their search text, two identities each, customer.created events, purchases,
// their idempotency keys, purchase.recorded events, the customers' stats), written by
// set-based INSERT … SELECT from a staging table into a fresh database with the real
// schema and indexes. No parsing, no validation, no locks, no round trips: a floor for
// the import and the batch endpoint, which do all of this and more.
//
//   npx tsx bench/floor.bench.ts [--rows 1000000] [--pgbench]

interface Step {
  name: string;
  rows: number;
  ms: number;
}

// Ids as the application makes them (UUID version 7: ids made together sort together),
// customers spread over the file as bench/import.bench.ts spreads them.
const STAGING = (rows: number, customers: number) => `
  CREATE TEMP TABLE staging AS
  SELECT ('01900000-0000-7000-8000-' || lpad(to_hex(i), 12, '0'))::uuid AS id, 'o-' || i AS external_id,
         ((i::bigint * 7919) % ${customers})::int AS c,
         timestamptz '2024-01-01' + ((i % 700) || ' days')::interval AS occurred_at,
         ((i % 80) + 2) * 100 + i % 100 AS total_minor
  FROM generate_series(0, ${rows - 1}) i;
  CREATE TEMP TABLE staged_customers AS
  SELECT c, ('01800000-0000-7000-8000-' || lpad(to_hex(c), 12, '0'))::uuid AS id FROM generate_series(0, ${customers - 1}) c;
  ANALYZE staging; ANALYZE staged_customers;`;

const STEPS: { name: string; per: 'customer' | 'purchase'; sql: string }[] = [
  { name: 'customers', per: 'customer', sql: `
    INSERT INTO customers (id, external_id, email, search_text, created_at, updated_at)
    SELECT id, 'card-' || c, 'c' || c || '@example.com', 'card-' || c || ' c' || c || '@example.com', now(), now() FROM staged_customers` },
  { name: 'identities (2 per customer)', per: 'customer', sql: `
    INSERT INTO customer_identities (kind, value, customer_id)
    SELECT kind, value, id FROM staged_customers,
      LATERAL (VALUES ('external_id', 'card-' || c), ('email', 'c' || c || '@example.com')) AS v(kind, value)` },
  { name: 'customer.created events', per: 'customer', sql: `
    INSERT INTO events (type, customer_id, payload) SELECT 'customer.created', id, jsonb_build_object('customer_id', id) FROM staged_customers` },
  { name: 'purchases', per: 'purchase', sql: `
    INSERT INTO purchases (customer_id, id, external_id, occurred_at, local_date, channel, currency, total_minor, discount_minor, source, created_at)
    SELECT k.id, s.id, s.external_id, s.occurred_at, s.occurred_at::date, 'in_store', 'EUR', s.total_minor, 0, 'import', now()
    FROM staging s JOIN staged_customers k USING (c)` },
  { name: 'purchase keys', per: 'purchase', sql: `
    INSERT INTO purchase_keys (external_id, customer_id, purchase_id, request_hash)
    SELECT s.external_id, k.id, s.id, md5(s.external_id) FROM staging s JOIN staged_customers k USING (c)` },
  { name: 'purchase.recorded events', per: 'purchase', sql: `
    INSERT INTO events (type, customer_id, payload)
    SELECT 'purchase.recorded', k.id, jsonb_build_object('purchase_id', s.id, 'external_id', s.external_id, 'customer_id', k.id,
      'occurred_at', s.occurred_at, 'store', null, 'channel', 'in_store', 'currency', 'EUR', 'total', (s.total_minor / 100.0)::text, 'promo_code', null)
    FROM staging s JOIN staged_customers k USING (c)` },
  { name: 'customer stats', per: 'customer', sql: `
    INSERT INTO customer_stats (customer_id, first_purchase_at, last_purchase_at, purchases_count, purchase_days,
                                gross_spend_minor, refunded_minor, net_spend_minor, updated_at)
    SELECT k.id, min(s.occurred_at), max(s.occurred_at), count(*), count(DISTINCT s.occurred_at::date), sum(s.total_minor), 0, sum(s.total_minor), now()
    FROM staging s JOIN staged_customers k USING (c) GROUP BY k.id` },
];

export async function run({ rows }: { rows: number }) {
  const customers = Math.max(1, Math.floor(rows / 3));
  const database = await createPgDatabase();
  try {
    const handle = await openDatabase({ databaseUrl: database.url, poolSize: 1 });
    await migrateToLatest(handle.db);
    await handle.close();
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    await client.query('SET jit = off');
    await client.query(STAGING(rows, customers));
    const steps: Step[] = [];
    for (const step of STEPS) {
      const started = performance.now();
      await client.query(step.sql);
      steps.push({ name: step.name, rows: step.per === 'customer' ? customers : rows, ms: Math.round(performance.now() - started) });
    }
    await client.end();
    const totalMs = steps.reduce((sum, s) => sum + s.ms, 0);
    return { rows, customers, steps, totalMs, purchasesPerSecond: Math.round(rows / (totalMs / 1000)) };
  } finally {
    await database.drop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const i = process.argv.indexOf('--rows');
  const rows = i > 0 ? Number(process.argv[i + 1]) : 1_000_000;
  console.log(`Machine: ${machine()}`);
  if (process.argv.includes('--pgbench')) console.log(`- pgbench TPC-B, 8 clients: ${Math.round((await pgbench()).tps)} tps`);
  const r = await run({ rows });
  console.log(`- PostgreSQL alone, set-based, ${r.rows.toLocaleString('en')} purchases by ${r.customers.toLocaleString('en')} new customers: ` +
    `**${r.purchasesPerSecond.toLocaleString('en')} purchases/s** (${(r.totalMs / 1000).toFixed(1)} s)`);
  for (const s of r.steps) console.log(`  ${s.name}: ${s.rows.toLocaleString('en')} rows in ${(s.ms / 1000).toFixed(1)} s (${Math.round((s.ms * 1000) / r.rows)} µs per purchase)`);
}
