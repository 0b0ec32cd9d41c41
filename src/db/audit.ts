import { AsyncLocalStorage } from 'node:async_hooks';
import { withFields } from '../shared/objects.ts';
import type { Db, Tx } from './index.ts';

/** Who did something: `user:<email>`, `key:<name>`, `cli`, `system`. */
export type Actor = string;

// Staff actions that change customer data are recorded, in the same transaction. Dated
// `at` by the services' clock, as the writes they record are (a user's created_at, a
// ledger entry's occurred_at): the database's now() put an adjustment made under a test's
// or the demo's clock at the machine's time, beside the entry it recorded. The column's
// DEFAULT now() stays for rows written by hand; the schema's type asks every insert for it.
export interface AuditEntry { at: Date; actor: Actor; action: string; subject?: string; details?: Record<string, unknown> }

// What every entry written during a piece of work says besides its own details: an
// import's id (workflows/import-file.ts), so the entries of an import are told apart from
// the same action taken by hand while their actor is who ran the import, as for every
// other action. Carried along the work's async calls rather than through each service's
// arguments: an import writes through customers, commerce's refunds and loyalty's
// adjustments, each of which audits in its own way.
const context = new AsyncLocalStorage<Record<string, unknown>>();

/** Runs `work` with `details` added to every audit entry it writes (after the entry's own: they say where it came from). */
export function auditedWith<T>(details: Record<string, unknown>, work: () => Promise<T>): Promise<T> {
  return context.run(details, work);
}

/** An entry's details with those of the work it is written in (auditedWith). */
export function auditDetails(details: Record<string, unknown> = {}): Record<string, unknown> {
  const extra = context.getStore();
  return extra ? withFields(details, extra) : details;
}

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
      details: JSON.stringify(auditDetails(entry.details)),
      at: entry.at,
    })))
    .execute();
}
