import { sql, type Kysely } from 'kysely';

// Vacuum the ledger and the purchases after 1 % of new rows instead of 20 %. Every
// purchase by a member sums their open lots (loyalty_entries_open_lot_sums) and, for a
// tier by spend, their purchases of the tier window (purchases_customer_time_amounts);
// both indexes carry the columns those sums read (migration 0008), so PostgreSQL answers
// from the index alone, but only for table pages that vacuum has marked all-visible: a
// row on any other page costs a visit to its table page, one page per lot or purchase,
// since a member's rows are spread over the table in the order they were written.
// Besides after dead rows, autovacuum visits a table after inserts of 20 % of its size
// (autovacuum_vacuum_insert_scale_factor, PostgreSQL ≥ 13), and the newest part of a
// ledger is where the open lots are: on three years of history, 20 % is the last seven
// months, most of a year's open lots. At 1 % it is the last ten days. Such a vacuum
// reads only the pages not yet all-visible, and with (nearly) no dead rows it leaves the
// B-tree indexes alone (PostgreSQL ≥ 14): so for the purchases, which are only added to
// (364 new pages of 1,210 in 0.01 s, "index scans: 0"). The ledger's lots are updated
// as they are spent or expire, and a vacuum that finds enough of those dead versions also
// passes over the ledger's indexes (18,567 spent lots among 190,000 entries: 0.20 s), as
// it would at PostgreSQL's 20 %, only more often: a price paid in the background for
// reads at every purchase. Measured (docs/benchmarks.md,
// session 29): a purchase by a regular with 1,000 earlier purchases touched 2,040
// database pages on a history not yet vacuumed and 139 on a vacuumed one, 731 against 133
// with 300 (`npx tsx bench/regulars.bench.ts [--no-vacuum]`); on the API benchmark's
// database a vacuumed history made a purchase read 2.05 pages from the kernel instead of
// 3.15, and 5 % more purchases went through. Storage parameters
// belong to the table's owner, so this needs no superuser; the embedded database keeps
// them and has no autovacuum.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE loyalty_entries SET (autovacuum_vacuum_insert_scale_factor = 0.01);
    ALTER TABLE purchases SET (autovacuum_vacuum_insert_scale_factor = 0.01);
  `.execute(db);
}
