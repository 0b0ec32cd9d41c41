import { sql, type Kysely } from 'kysely';

// The activity log's read side (modules/audit, GET /audit): entries newest first, a page
// at a time, each filter a range of an index in that order, so a page costs its rows
// whatever the log's length (a customer's creation is an entry, so an import of a
// hundred thousand customers writes a hundred thousand).
// - (at, id): the whole log, and a period of it (since / until).
// - by the action's family (its first segment: loyalty, user, api_key…), the form the
//   dashboard filters by; an exact action or a deeper prefix is read along it.
// - by actor: what one staff user or key did, among many imports' entries.
// - by subject: everything done to one customer, key or gift card.
// Four indexes on a table written once per admin or staff write and per refund; a
// purchase writes none.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE INDEX audit_log_newest ON audit_log (at DESC, id DESC);
    CREATE INDEX audit_log_by_family ON audit_log ((split_part(action, '.', 1)), at DESC, id DESC);
    CREATE INDEX audit_log_by_actor ON audit_log (actor, at DESC, id DESC);
    CREATE INDEX audit_log_by_subject ON audit_log (subject, at DESC, id DESC) WHERE subject IS NOT NULL;
  `.execute(db);
}
