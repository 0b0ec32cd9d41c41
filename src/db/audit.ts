import type { Db, Tx } from './index.ts';

/** Who did something: `user:<email>`, `key:<name>`, `cli`, `system`. */
export type Actor = string;

// Staff actions that change customer data are recorded, in the same transaction.
export async function audit(
  db: Db | Tx,
  entry: { actor: Actor; action: string; subject?: string; details?: Record<string, unknown> },
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      actor: entry.actor,
      action: entry.action,
      subject: entry.subject ?? null,
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute();
}
