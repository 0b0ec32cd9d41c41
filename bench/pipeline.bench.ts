import pg from 'pg';
import { createStatementNamer } from '../src/db/prepared.ts';
import { sendPipeline } from '../src/db/wire-pipeline.ts';
import { cpuSecondsOf, createPgDatabase, machine } from './lib.ts';

// What a transaction's pipeline costs on the wire (src/db/wire-pipeline.ts): BEGIN, N
// small prepared statements and COMMIT sent in one write, either as node-postgres'
// pipeline mode sends them (a Sync after every statement, so PostgreSQL flushes a reply
// per statement) or with one Sync for the whole pipeline, as the product sends them.
// CPU of the PostgreSQL backend (from /proc) and of this process, per transaction,
// alternating the two ways.
//
//   npx tsx bench/pipeline.bench.ts [--statements 10] [--transactions 3000]

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const statementsPerTransaction = arg('statements', 10);
const transactions = arg('transactions', 3000);

const database = await createPgDatabase('regulars_pipeline');
const client = new pg.Client({ connectionString: database.url });
await client.connect();
try {
  const backend: number = (await client.query('SELECT pg_backend_pid() AS pid')).rows[0].pid;
  const body = Array.from({ length: statementsPerTransaction }, (_, k) => ({ text: `SELECT $1::int + ${k} AS x, now() AS t`, values: [k] }));
  const statements = [{ text: 'begin', values: [] }, ...body, { text: 'commit', values: [] }];
  const namer = createStatementNamer();

  // node-postgres' pipeline mode: each statement is its own query, ended by its own Sync.
  const modeClient = client as unknown as { pipeline: boolean; connection: { stream: { cork(): void; uncork(): void } } };
  async function syncPerStatement() {
    modeClient.pipeline = true;
    modeClient.connection.stream.cork();
    const replies = statements.map((s, k) => (s.values.length ? client.query({ name: `per_sync_${k}`, text: s.text, values: s.values }) : client.query(s.text)));
    modeClient.connection.stream.uncork();
    await Promise.all(replies);
    modeClient.pipeline = false;
  }
  async function oneSync() {
    const settled = await sendPipeline(client, namer, statements);
    if (settled.some((s) => s.status === 'rejected')) throw new Error('a statement failed');
  }

  console.log(`Machine: ${machine()}; BEGIN + ${statementsPerTransaction} statements + COMMIT, ${transactions} transactions a round`);
  for (const [name, run] of [['a Sync per statement', syncPerStatement], ['one Sync', oneSync], ['a Sync per statement', syncPerStatement], ['one Sync', oneSync]] as const) {
    for (let i = 0; i < 200; i++) await run(); // warm up, statements prepared
    const backendBefore = cpuSecondsOf(backend);
    const ownBefore = process.cpuUsage();
    const started = performance.now();
    for (let i = 0; i < transactions; i++) await run();
    const own = process.cpuUsage(ownBefore);
    const perTransaction = (us: number) => Math.round(us / transactions);
    console.log(`- ${name}: PostgreSQL ${perTransaction((cpuSecondsOf(backend) - backendBefore) * 1e6)} µs, this process ${perTransaction(own.user + own.system)} µs, ` +
      `${perTransaction((performance.now() - started) * 1000)} µs elapsed per transaction`);
  }
} finally {
  await client.end();
  await database.drop();
}
