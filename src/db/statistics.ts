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
// So the application refreshes them itself, as a bulk load goes and at its end (the demo, a
// CSV import: statisticsAsTablesGrow below) and on a schedule (jobs/schedules.ts): each of
// its tables whose size on disk grew by more than a fifth since its statistics were gathered
// (pg_class.relpages, set by ANALYZE and VACUUM), or that was never analyzed and holds more
// than a few pages. The size is read from the table's file, so this works where the
// activity counters do not (PGlite does not flush them); with autovacuum on, a table it
// keeps analyzed is seldom picked.

/** ANALYZEs the tables whose statistics are stale; returns their names. */
export async function refreshStatistics(db: Kysely<Database>): Promise<string[]> {
  const stale = await sql<{ relname: string }>`
    SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND c.relkind = 'r'
      AND pg_relation_size(c.oid) / current_setting('block_size')::int > GREATEST(c.relpages * 1.2, c.relpages + 8)
    ORDER BY c.relname`.execute(db);
  const names = stale.rows.map((r) => r.relname);
  await analyze(db, names);
  return names;
}

async function analyze(db: Kysely<Database>, tables: string[]) {
  if (tables.length > 0) await sql`ANALYZE ${sql.join(tables.map((name) => sql.id(name)))}`.execute(db);
}

// The first check after this many rows written, and at least this many rows between checks.
const FIRST_CHECK_ROWS = 2000;

/**
 * The statistics of a bulk writer's tables (the demo, a CSV import) refreshed as it fills
 * them, and once at its end: a large first import into an empty database was planned as
 * empty until the schedule's next refresh, up to ten minutes on (the demo ran 4× slower so).
 * The writer tells `wrote` the rows each chunk added; a check (refreshStatistics, one catalog
 * query when nothing grew) runs when they reach a fifth more than at the last check — what
 * makes a table that started empty stale — and never two at once: chunks in flight that end
 * together wait for the one running. A small import is never checked before its end, and
 * its end ANALYZEs nothing that did not grow by a fifth.
 *
 * The end also analyzes again each table a check analyzed while the writer went on writing.
 * A check runs while other chunks are in flight: ANALYZE counts the pages their rows already
 * fill but not the rows, which are not yet committed, so the table looked fully analyzed
 * with a third of its rows missing (2,040 of 3,040 purchases), and grew no more on disk
 * after. Size alone cannot tell such a table from one that is described well.
 */
export function statisticsAsTablesGrow(db: Kysely<Database>) {
  let written = 0;
  let nextCheck = FIRST_CHECK_ROWS;
  let refreshing: Promise<string[]> | undefined;
  // Each table a check analyzed, with the rows told when that check began.
  const analyzedAt = new Map<string, number>();
  const refresh = () => {
    const told = written;
    return (refreshing ??= refreshStatistics(db)
      .then((names) => {
        for (const name of names) analyzedAt.set(name, told);
        return names;
      })
      .finally(() => (refreshing = undefined)));
  };
  return {
    /** `rows` more written; the tables analyzed by a check now (or by the one it waited for). */
    wrote(rows: number): Promise<string[]> {
      written += rows;
      if (written < nextCheck) return Promise.resolve([]);
      nextCheck = Math.max(written + FIRST_CHECK_ROWS, Math.ceil(written * 1.2));
      return refresh();
    },
    /**
     * The writer is done: the last check, after the one running, and the tables checks
     * analyzed before rows that came after; nothing when it wrote nothing.
     */
    async finish(): Promise<string[]> {
      await refreshing?.catch(() => undefined);
      if (written === 0) return [];
      const stale = await refreshStatistics(db);
      const behind = [...analyzedAt].filter(([name, told]) => told < written && !stale.includes(name)).map(([name]) => name);
      await analyze(db, behind);
      for (const name of [...stale, ...behind]) analyzedAt.set(name, written);
      return [...stale, ...behind].sort();
    },
  };
}
