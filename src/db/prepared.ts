import type pg from 'pg';

// PostgreSQL plans a statement every time it arrives unnamed. The purchase path's
// statements are large CTEs (one writes purchases, lines, keys, stats and events at once)
// and planning them cost about a fifth of the database's CPU per purchase: up to a
// millisecond for one statement, every transaction. A statement sent under a name is
// parsed once per connection and its plan kept; PostgreSQL replans it when a table it
// reads changes, and after five runs settles on a generic plan only when that is no
// costlier than the custom ones (plan_cache_mode = auto).
//
// Which statements get a name: ones that take parameters (so a script of several
// statements never does — PostgreSQL cannot prepare those) and have come back at least
// `minUses` times. Statement texts in this code base are fixed strings with their data in
// parameters (batches travel as one JSON or array parameter), so the set of hot texts is
// small; texts that vary with their input (a query builder's `IN ($1, $2, …)`) are kept out
// by `maxParameters`, and by the cap on names: every connection holds at most
// `maxStatements` prepared statements, whatever runs for how long.

export interface StatementNamingOptions {
  /** Most statements given a name (and so prepared on each connection). */
  maxStatements?: number;
  /** Runs of the same text before it gets a name. */
  minUses?: number;
  /** A text with more parameters than this is built for one input: never named. */
  maxParameters?: number;
}

/** Decides, per statement text, the name it is prepared under (or none: sent unnamed). */
export function createStatementNamer({ maxStatements = 200, minUses = 2, maxParameters = 64 }: StatementNamingOptions = {}) {
  const names = new Map<string, string>();
  // Counts of texts not yet named. Bounded: when full it starts over, so a stream of
  // one-off texts cannot grow it, and a hot text still reaches minUses quickly.
  let uses = new Map<string, number>();
  const maxCounted = 4 * maxStatements;
  return (text: string, parameterCount: number): string | undefined => {
    const named = names.get(text);
    if (named !== undefined) return named;
    if (parameterCount === 0 || parameterCount > maxParameters || names.size >= maxStatements) return undefined;
    const seen = (uses.get(text) ?? 0) + 1;
    if (seen < minUses) {
      if (uses.size >= maxCounted) uses = new Map();
      uses.set(text, seen);
      return undefined;
    }
    uses.delete(text);
    const name = `regulars_${names.size + 1}`;
    names.set(text, name);
    return name;
  };
}

export type StatementNamer = ReturnType<typeof createStatementNamer>;

/** Sends a statement on a pool or a connection, under its name once it is hot (pg-boss's queries go through this too). */
export function queryNamed(target: pg.Pool | pg.PoolClient, namer: StatementNamer, text: string, values: unknown[] = []): Promise<pg.QueryResult> {
  const name = namer(text, values.length);
  return name ? target.query({ name, text, values }) : target.query(text, values);
}
