import { sql, type Kysely } from 'kysely';

// Two look-ups that correctness fixes added, each an index probe instead of a scan:
// - whether a webhook delivery already succeeded (webhook.service.ts): a delivery job run
//   again after its success (a crash before the job completed, a job handed out twice)
//   must send nothing. Only successes are indexed: few rows, one per event and endpoint
//   in practice. Not unique: installations written before the fix may hold a success twice.
// - the customers merged into one (loyalty.service.ts, a refund after a merge reads the
//   purchase's points where they were earned, through chains of merges). Only merged
//   customers are indexed.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE INDEX webhook_deliveries_delivered ON webhook_deliveries (endpoint_id, event_id) WHERE ok;
    CREATE INDEX customers_merged_into ON customers (merged_into) WHERE merged_into IS NOT NULL;
  `.execute(db);
}
