import fs from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect, type PostgresPool, type PostgresPoolClient } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';
import { acquireDataDirLock, type DataDirLock } from './lock.ts';
import { listenOnPostgres } from './notify.ts';
import { createStatementQueue } from './pipeline.ts';
import { sendPipeline, sendStatement, supportsPipelining } from './wire-pipeline.ts';
import { createStatementNamer, queryNamed, type StatementNamer } from './prepared.ts';
import { createConnectionGate, type ConnectionGate } from './priority.ts';
import { HoldingKysely } from './holding-kysely.ts';
import { withFields } from '../shared/objects.ts';

// int8 (counts, sums of minor units) as JS numbers: every amount we store is a safe
// integer, and strings would leak into every caller. `date` stays a YYYY-MM-DD string so
// a birthday is never shifted by a time zone.
pg.types.setTypeParser(20, (value) => Number(value));
pg.types.setTypeParser(1082, (value) => value);

export type DatabaseKind = 'pglite' | 'postgres';

export interface DatabaseHandle {
  db: Kysely<Database>;
  /** The one pool everything uses (pg-boss included), so PGlite sees one session. */
  pool: pg.Pool;
  /** `pool.query`, preparing the statements that come back (prepared.ts): for code outside Kysely, such as pg-boss. */
  query(text: string, values?: unknown[]): Promise<pg.QueryResult>;
  kind: DatabaseKind;
  /**
   * Calls `onChange` whenever another process notifies `channel` (notify.ts); resolves with
   * the function that stops listening. On PGlite nothing else writes the folder while a
   * server runs (the CLI goes through it), so there is nothing to listen for.
   */
  listen(channel: string, onChange: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** PostgreSQL URL; when absent the embedded PGlite database is used. */
  databaseUrl?: string;
  /** PGlite folder; absent means in memory (tests). */
  dataDir?: string;
  poolSize?: number;
  /** Prepare the statements that come back (prepared.ts); default on. */
  preparedStatements?: boolean;
  /** Send a transaction's queued statements in one pipeline (pipeline.ts; PostgreSQL only); default on. */
  pipelining?: boolean;
  /** Purpose written into the lock file so a second process can say who holds the folder. */
  holder?: { command: string; port?: number; cliToken?: string };
  /**
   * In-memory PGlite only: start from this data directory, as PGlite's `dumpDataDir` wrote
   * it, instead of an empty one. Tests open a migrated image (test/helpers/pglite-image.ts):
   * PGlite's initdb and the migrations are most of a test file's start.
   */
  pgliteImage?: Blob;
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  // Off: a namer that never names, so every statement goes out unnamed as before.
  const namer = createStatementNamer(options.preparedStatements === false ? { maxStatements: 0 } : {});
  if (options.databaseUrl) return openPostgres(options.databaseUrl, { poolSize: options.poolSize ?? 10, pipelining: options.pipelining ?? true }, namer);
  return openPglite(options, namer);
}

/** Kysely on the pool: its statements named once hot (prepared.ts) and queued or pipelined (pipeline.ts). */
function kyselyOn(pool: pg.Pool, namer: StatementNamer, options: { pipelining: boolean; gate?: ConnectionGate }): Kysely<Database> {
  const config = { dialect: new PostgresDialect({ pool: kyselyPool(pool, namer, options) }) };
  // With a gate (PGlite), a transaction's callback holds the turn: a query through the
  // handle awaited inside it fails at once instead of waiting for ever (priority.ts).
  return options.gate ? new HoldingKysely<Database>(options.gate, config) : new Kysely<Database>(config);
}

/**
 * The pool as Kysely sees it: every statement goes out under its name once it is hot, and
 * a transaction's BEGIN and the statements sent later wait for the next statement (with
 * `pipelining`, in one pipeline).
 */
function kyselyPool(pool: pg.Pool, namer: StatementNamer, { pipelining, gate }: { pipelining: boolean; gate?: ConnectionGate }): PostgresPool {
  // One wrapper per connection, so Kysely's per-connection bookkeeping sees the same object.
  const wrappers = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  // With a gate (PGlite): the end of the checkout's turn, per connection checked out.
  const turns = new Map<pg.PoolClient, () => void>();
  const wrap = (client: pg.PoolClient): PostgresPoolClient => {
    const wire = pipelining && supportsPipelining(client);
    const statements = createStatementQueue({
      // A text without parameters may be a script of several statements: only the simple
      // protocol takes those, so it goes through the driver's own query.
      send: (text, values) => (wire && values.length > 0 ? sendStatement(client, namer, text, values) : queryNamed(client, namer, text, values)),
      sendTogether: wire ? (batch) => sendPipeline(client, namer, batch) : undefined,
    });
    return {
      query: ((textOrCursor: string | object, parameters?: readonly unknown[]) => {
        // A cursor (streaming; the dialect is configured without one today) is passed through
        // as it is, and would overtake statements still queued.
        if (typeof textOrCursor !== 'string') {
          if (statements.waiting()) throw new Error('A cursor cannot follow statements that wait to be sent (pipeline.ts): await a statement first');
          return client.query(textOrCursor as pg.Submittable);
        }
        const statement = statements.query(textOrCursor, parameters ? [...parameters] : []);
        // The turn's holder at work (priority.ts: only a holder that sends nothing can be waiting for itself).
        return gate ? gate.sending(statement) : statement;
      }) as unknown as PostgresPoolClient['query'],
      release: () => {
        statements.reset();
        client.release();
        const endTurn = turns.get(client);
        turns.delete(client);
        endTurn?.();
      },
    };
  };
  return {
    connect: async () => {
      const endTurn = await gate?.acquire();
      let client: pg.PoolClient;
      try {
        client = await pool.connect();
      } catch (error) {
        endTurn?.();
        throw error;
      }
      if (endTurn) turns.set(client, endTurn);
      let wrapper = wrappers.get(client);
      if (!wrapper) {
        wrapper = wrap(client);
        wrappers.set(client, wrapper);
      }
      return wrapper;
    },
    end: () => pool.end(),
  };
}

async function openPostgres(url: string, { poolSize, pipelining }: { poolSize: number; pipelining: boolean }, namer: StatementNamer): Promise<DatabaseHandle> {
  // Without JIT: the product's statements run for milliseconds, and PostgreSQL compiles
  // whenever a plan's cost estimate passes jit_above_cost, which a statement over an
  // array parameter or a large batch does without running long. Each time it was found,
  // the compiling took far longer than the work: a batch's member look-up 70 ms for 50 ms
  // of work, a rollup recount 1.2 s for 0.16 s, the challenges' check 460 ms for 10 ms.
  // A SET when the connection opens, before the pool hands it out (`onConnect` is
  // awaited; a query sent from the 'connect' event made the first one queue behind it,
  // which node-postgres deprecates), rather than the `options` startup parameter, which
  // PgBouncer refuses for settings it does not track; behind a pooler in transaction mode
  // it reaches the server connections as clients connect, which is enough for a setting
  // that only ever saves time, so a refusal is ignored.
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    onConnect: (client) => client.query('SET jit = off').then(() => undefined, () => undefined),
  });
  // An idle connection dropped by the server (restart, failover) must not crash the
  // process; the pool replaces it on the next checkout.
  pool.on('error', () => undefined);
  // A server that is down or a database that does not exist should fail here with the
  // driver's message, not at the first request.
  const client = await pool.connect();
  client.release();
  const db = kyselyOn(pool, namer, { pipelining });
  return {
    db,
    pool,
    query: (text, values) => queryNamed(pool, namer, text, values),
    kind: 'postgres',
    listen: (channel, onChange) => listenOnPostgres(url, channel, onChange),
    close: async () => {
      await db.destroy(); // ends the pool
    },
  };
}

async function openPglite(options: OpenDatabaseOptions, namer: StatementNamer): Promise<DatabaseHandle> {
  // Loaded lazily: PostgreSQL deployments never pay for the WebAssembly module.
  const { PGlite } = await import('@electric-sql/pglite');
  const { createPgConfig } = await import('@electric-sql/pglite/node-postgres');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  let lock: DataDirLock | undefined;
  let dataDir: string | undefined;
  if (options.dataDir) {
    fs.mkdirSync(options.dataDir, { recursive: true });
    lock = acquireDataDirLock(options.dataDir, options.holder ?? { command: 'unknown' });
    dataDir = path.join(options.dataDir, 'pglite');
  }
  try {
    const lite = await PGlite.create({ dataDir, extensions: { pg_trgm }, loadDataDir: dataDir ? undefined : options.pgliteImage });
    // PGlite is a single session: one connection for the whole process, or a ROLLBACK on
    // one connection would discard another's writes.
    // A self-deadlock (a query on the pool while a transaction holds the only connection)
    // is an error instead of a hang: through `db` or `query` inside a transaction of `db`
    // it fails at once (priority.ts, SelfWaitError), otherwise at the gate's timeout; the
    // checkout timeout still covers a direct use of `pool`.
    const pool = new pg.Pool(withFields(createPgConfig(lite) as unknown as pg.PoolConfig, { max: 1, connectionTimeoutMillis: 120_000 }));
    // Turns on that connection: requests before background work (priority.ts).
    const gate = createConnectionGate();
    // PGlite runs one statement at a time in this process: nothing to gain from a pipeline.
    const db = kyselyOn(pool, namer, { pipelining: false, gate });
    return {
      db,
      pool,
      query: async (text, values) => {
        const endTurn = await gate.acquire();
        try {
          return await queryNamed(pool, namer, text, values);
        } finally {
          endTurn();
        }
      },
      kind: 'pglite',
      listen: async () => async () => undefined,
      close: async () => {
        await db.destroy();
        await lite.close();
        lock?.release();
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}
