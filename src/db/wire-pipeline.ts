import { createRequire } from 'node:module';
import pg from 'pg';
import type { StatementNamer } from './prepared.ts';

// A transaction's queued statements (pipeline.ts) on the wire: one stream of
// extended-query messages (Parse when needed, Bind, Describe, Execute per statement) closed
// by a single Sync, written at once. node-postgres' own pipeline mode ends every statement
// with a Sync, and PostgreSQL answers each Sync with ReadyForQuery and a flush of its
// output: a send() on the server and a wake-up and a read in this process per statement.
// With one Sync the server flushes once per pipeline: BEGIN + 10 statements + COMMIT
// cost PostgreSQL some 50 µs and this process some 40 µs less
// (`npx tsx bench/pipeline.bench.ts`; docs/benchmarks.md, session 23).
//
// Within a transaction nothing changes in meaning: PostgreSQL runs the messages in order;
// when one fails it skips everything up to the Sync (the transaction is aborted anyway),
// so the statements after a failure are reported as not run. The pipeline is used only
// for statements inside a transaction (BEGIN is the first of the first pipeline), never
// to group independent statements: without a transaction block, the messages up to a
// Sync would form one implicit transaction.

const require = createRequire(import.meta.url);
// node-postgres' own value serialisation, so a statement's parameters are exactly what
// `client.query` sends.
const { prepareValue } = require('pg/lib/utils.js') as { prepareValue(value: unknown): unknown };

/**
 * A statement's result, as node-postgres' `Result` builds it (the registered type parsers,
 * the command and row count) but with each row a plain object built field by field, so
 * the rows of a statement share one shape. `Result` builds a prototype-less template per
 * statement and copies it per row; on the purchase path (recordPurchases in groups of 12,
 * alternating runs) the server used 304–356 instead of 361–387 µs a purchase without it.
 */
class StatementResult implements pg.QueryResult {
  command = '';
  rowCount: number | null = null;
  oid = 0;
  rows: Record<string, unknown>[] = [];
  fields: pg.FieldDef[] = [];
  private names: string[] = [];
  private parsers: ((text: string) => unknown)[] = [];

  describe(fields: pg.FieldDef[]) {
    this.fields = fields;
    this.names = fields.map((f) => f.name);
    // Text format: the pipeline never asks for binary results.
    this.parsers = fields.map((f) => pg.types.getTypeParser(f.dataTypeID, 'text'));
  }

  addRow(values: (string | null)[]) {
    const row: Record<string, unknown> = {};
    for (let i = 0; i < values.length; i++) {
      const value = values[i];
      row[this.names[i]] = value === null ? null : this.parsers[i](value);
    }
    this.rows.push(row);
  }

  /** "INSERT 0 5", "UPDATE 2", "BEGIN": the command, and the rows it touched when it says. */
  complete(tag: string) {
    const match = /^([A-Za-z]+)(?: (\d+))?(?: (\d+))?/.exec(tag);
    if (!match) return;
    this.command = match[1];
    if (match[3]) {
      this.oid = Number(match[2]);
      this.rowCount = Number(match[3]);
    } else if (match[2]) this.rowCount = Number(match[2]);
  }
}

/** The parts of node-postgres' connection this file writes to (pg ≥ 8). */
interface WireConnection {
  parsedStatements: Record<string, string>;
  submittedNamedStatements?: Record<string, string>;
  stream: { cork?(): void; uncork?(): void };
  parse(query: { text: string; name: string }): void;
  bind(config: { statement: string; values: unknown[] }): void;
  describe(config: { type: 'P'; name: string }): void;
  execute(config: { portal: string }): void;
  sync(): void;
  on(event: 'parseComplete', listener: () => void): void;
  off(event: 'parseComplete', listener: () => void): void;
}

/** Whether this client speaks the extended protocol through node-postgres' connection (PGlite's adapter does not need to). */
export function supportsPipelining(client: pg.ClientBase): boolean {
  const connection = (client as unknown as { connection?: Partial<WireConnection> }).connection;
  return typeof connection?.parse === 'function' && typeof connection.sync === 'function' && typeof connection.parsedStatements === 'object';
}

export interface Statement {
  text: string;
  values: unknown[];
}

/**
 * Sends the statements as one pipeline with one Sync; resolves, in order, each statement's
 * result or error once the server has answered them all. Statements that come back get a
 * name (prepared.ts) and are parsed once per connection, as with `client.query`.
 */
export function sendPipeline(client: pg.ClientBase, namer: StatementNamer, statements: Statement[]): Promise<PromiseSettledResult<pg.QueryResult>[]> {
  return new Promise((resolve) => {
    client.query(new OneSyncPipeline(statements.map((s) => ({ text: s.text, values: s.values, name: namer(s.text, s.values.length) })), resolve) as unknown as pg.Submittable);
  });
}

/**
 * One statement with parameters, as `client.query` would send it (Parse when needed, Bind,
 * Describe, Execute, Sync), but answered with a StatementResult: the product's statements
 * all go this way on PostgreSQL, so their rows have one shape wherever they are read.
 */
export async function sendStatement(client: pg.ClientBase, namer: StatementNamer, text: string, values: unknown[]): Promise<pg.QueryResult> {
  const [settled] = await sendPipeline(client, namer, [{ text, values }]);
  if (settled.status === 'fulfilled') return settled.value;
  // The stack of where the statement was sent, not of the socket's reader.
  if (settled.reason instanceof Error) Error.captureStackTrace(settled.reason);
  throw settled.reason;
}

/** A submittable (node-postgres calls `submit`, then hands it the replies until ReadyForQuery). */
class OneSyncPipeline {
  private readonly results: StatementResult[];
  /** The statement whose replies are arriving. */
  private current = 0;
  /** The Parse messages sent and not yet confirmed, in order (name '' for an unnamed one). */
  private readonly unconfirmed: { name: string; text: string }[] = [];
  private connection?: WireConnection;
  private finished = false;
  /** Whether this pipeline counts Parse confirmations (it sent a named statement's Parse). */
  private listening = false;
  private readonly onParseComplete = () => {
    const parsed = this.unconfirmed.shift();
    if (parsed?.name && this.connection) {
      this.connection.parsedStatements[parsed.name] = parsed.text;
      delete this.connection.submittedNamedStatements?.[parsed.name];
    }
  };

  constructor(
    private readonly statements: (Statement & { name?: string })[],
    private readonly done: (settled: PromiseSettledResult<pg.QueryResult>[]) => void,
  ) {
    this.results = statements.map(() => new StatementResult());
  }

  submit(connection: WireConnection): Error | undefined {
    let values: unknown[][];
    try {
      // Serialised before anything is written, so a value that cannot be sent fails the
      // pipeline before any of it reaches the server.
      values = this.statements.map((s) => s.values.map(prepareValue));
    } catch (error) {
      return error as Error;
    }
    this.connection = connection;
    const parsing = new Set<string>();
    connection.stream.cork?.();
    try {
      this.statements.forEach((s, i) => {
        const name = s.name ?? '';
        if (!name || (connection.parsedStatements[name] === undefined && !parsing.has(name))) {
          connection.parse({ text: s.text, name });
          this.unconfirmed.push({ name, text: s.text });
          if (name) {
            parsing.add(name);
            if (connection.submittedNamedStatements) connection.submittedNamedStatements[name] = s.text;
          }
        }
        connection.bind({ statement: name, values: values[i] });
        connection.describe({ type: 'P', name: '' });
        connection.execute({ portal: '' });
      });
      connection.sync();
    } finally {
      connection.stream.uncork?.();
    }
    // Parse confirmations are counted only when a named statement waits for one (once per
    // statement and connection): once the statements are hot, nothing is listened to.
    this.listening = parsing.size > 0;
    if (this.listening) connection.on('parseComplete', this.onParseComplete);
    return undefined;
  }

  handleRowDescription(message: { fields: pg.FieldDef[] }) {
    this.results[this.current].describe(message.fields);
  }

  handleDataRow(message: { fields: (string | null)[] }) {
    this.results[this.current].addRow(message.fields);
  }

  handleCommandComplete(message: { text: string }) {
    this.results[this.current].complete(message.text);
    this.current++;
  }

  handleEmptyQuery() {
    this.current++;
  }

  handlePortalSuspended() {
    // Never: every Execute asks for all rows.
  }

  /** A statement failed (the server skips the rest up to the Sync), or the connection broke. */
  handleError(error: unknown) {
    const notRun = new Error('Not run: an earlier statement of the pipeline failed');
    this.finish(this.statements.map((_, i) =>
      i < this.current ? { status: 'fulfilled', value: this.results[i] } : { status: 'rejected', reason: i === this.current ? error : notRun }));
  }

  handleReadyForQuery() {
    this.finish(this.results.map((value) => ({ status: 'fulfilled', value })));
  }

  private finish(settled: PromiseSettledResult<pg.QueryResult>[]) {
    if (this.finished) return;
    this.finished = true;
    const connection = this.connection;
    if (connection && this.listening) {
      connection.off('parseComplete', this.onParseComplete);
      // Named statements whose Parse the server skipped after a failure do not exist there.
      for (const { name } of this.unconfirmed) if (name) delete connection.submittedNamedStatements?.[name];
    }
    this.done(settled);
  }
}
