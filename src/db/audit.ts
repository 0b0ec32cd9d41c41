import type { Db, Tx } from './index.ts';

/** Who did something: `user:<email>`, `key:<name>`, `cli`, `system`. */
export type Actor = string;

// Staff actions that change customer data are recorded, in the same transaction. Dated
// `at` by the services' clock, as the writes they record are (a user's created_at, a
// ledger entry's occurred_at): the database's now() put an adjustment made under a test's
// or the demo's clock at the machine's time, beside the entry it recorded. The column's
// DEFAULT now() stays for rows written by hand; the schema's type asks every insert for it.
export interface AuditEntry { at: Date; actor: Actor; action: string; subject?: string; details?: Record<string, unknown> }

export async function audit(db: Db | Tx, entry: AuditEntry): Promise<void> {
  await auditMany(db, [entry]);
}

/** Many entries in one statement (a points import's batch of adjustments). */
export async function auditMany(db: Db | Tx, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db
    .insertInto('audit_log')
    .values(entries.map((entry) => ({
      actor: entry.actor,
      action: entry.action,
      subject: entry.subject ?? null,
      details: JSON.stringify(entry.details ?? {}),
      at: entry.at,
    })))
    .execute();
}
