import { sql, type Kysely } from 'kysely';

// The outbox dispatcher keeps a cursor instead of marking each event dispatched
// (src/jobs/queue.ts explains the reading). Marking cost a second, non-HOT version of
// every event row (payload included), index entries and WAL on the ingestion path's
// database; an event is now written once.
//
// Every event carries the id of the transaction that wrote it (`txid`), and the cursor is
// a position in (txid, id) order: the events at or before it have been handed to jobs,
// the ones after it have not.
//
// Upgrading: the events written before this migration get no real transaction id (that
// would rewrite the table); they read as 0 or 1, ids no transaction ever has (real ones
// start at 3), which sort before every later event:
// - 0: dispatched by an earlier version (dispatched_at set): before the cursor, never again;
// - 1: not dispatched yet (dispatched_at NULL, usually the few of the last second before
//   the upgrade, or a backlog from while no dispatcher ran): after the cursor, dispatched
//   first, in id order, once.
// dispatched_at had no other use and is dropped: nothing needs it afterwards, and an old
// server still running during the upgrade now fails to dispatch (loudly) instead of
// marking events the cursor would hand over a second time.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- A constant default: no table rewrite, the existing rows read as 0. The lock this
    -- takes is held to the end of the migration, so no event is written or marked meanwhile.
    ALTER TABLE events ADD COLUMN txid xid8 NOT NULL DEFAULT '0';
    UPDATE events SET txid = '1' WHERE dispatched_at IS NULL;
    ALTER TABLE events ALTER COLUMN txid SET DEFAULT pg_current_xact_id();
    DROP INDEX events_undispatched;
    ALTER TABLE events DROP COLUMN dispatched_at;
    CREATE INDEX events_by_txid ON events (txid, id);

    -- One row: the position (txid, event_id) of the last event handed to jobs. Each
    -- dispatch locks it: one dispatcher at a time, whatever the number of servers.
    CREATE TABLE outbox_cursor (
      id boolean PRIMARY KEY DEFAULT true CHECK (id),
      txid xid8 NOT NULL,
      event_id bigint NOT NULL
    );
    -- After every event of transaction 0 and before those of transaction 1.
    INSERT INTO outbox_cursor (txid, event_id) VALUES ('1', 0);
  `.execute(db);
}
