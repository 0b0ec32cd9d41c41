import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.ts';

// PostgreSQL plans every statement from its tables' statistics (how many rows, how their
// values spread), which ANALYZE gathers and autovacuum refreshes as tables change. The
// embedded database (PGlite) has no autovacuum, and a server may run with it off (this
// project's CI machines do); without statistics a table that grew from nothing is planned
// as if it were still empty. At 100,000 demo customers a redemption's look-up of the
// person's earlier entries took 3 s by sequential scans instead of 1 ms by index, and the
// demo's last steps ran for many minutes.
//
// So the application refreshes them itself, after a bulk load (the demo) and on a schedule
// (jobs/schedules.ts): each of its tables whose size on disk grew by more than a fifth
// since its statistics were gathered (pg_class.relpages, set by ANALYZE and VACUUM), or that
// was never analyzed and holds more than a few pages. The size is read from the table's
// file, so this works where the activity counters do not (PGlite does not flush them);
// with autovacuum on, a table it keeps analyzed is seldom picked.

/** ANALYZEs the tables whose statistics are stale; returns their names. */
export async function refreshStatistics(db: Kysely<Database>): Promise<string[]> {
  const stale = await sql<{ relname: string }>`
    SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND c.relkind = 'r'
      AND pg_relation_size(c.oid) / current_setting('block_size')::int > GREATEST(c.relpages * 1.2, c.relpages + 8)
    ORDER BY c.relname`.execute(db);
  const names = stale.rows.map((r) => r.relname);
  if (names.length > 0) await sql`ANALYZE ${sql.join(names.map((name) => sql.id(name)))}`.execute(db);
  return names;
}
