import { sql } from 'kysely';
import type { Db, Tx } from '../../../db/index.ts';

// Program versions: each applied document is a new row; nothing is edited in place, so
// what rules were in force at any moment is always known.

export interface ProgramRow {
  version: number;
  document: Record<string, unknown>;
  effective_from: Date;
  tier_policy: string;
  note: string | null;
  created_by: string;
  created_at: Date;
}

export async function listPrograms(db: Db | Tx): Promise<ProgramRow[]> {
  return db.selectFrom('loyalty_programs').selectAll().orderBy('version').execute() as Promise<ProgramRow[]>;
}

export async function insertProgram(trx: Tx, row: Omit<ProgramRow, 'version'>): Promise<number> {
  // Applying is rare and serialised by an advisory lock, so max + 1 is safe.
  const result = await sql<{ version: number }>`
    INSERT INTO loyalty_programs (version, document, effective_from, tier_policy, note, created_by, created_at)
    SELECT COALESCE(max(version), 0) + 1, ${JSON.stringify(row.document)}::jsonb, ${row.effective_from}, ${row.tier_policy}, ${row.note},
           ${row.created_by}, ${row.created_at}
    FROM loyalty_programs RETURNING version`.execute(trx);
  return Number(result.rows[0].version);
}
