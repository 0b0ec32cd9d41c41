import type { Db, Tx } from '../../../db/index.ts';

export interface SettingsRow {
  acquisition_cost_minor: number | null;
  currency: string;
  updated_by: string;
  updated_at: Date;
}

export async function readSettings(db: Db | Tx): Promise<SettingsRow | undefined> {
  return db.selectFrom('analytics_settings').select(['acquisition_cost_minor', 'currency', 'updated_by', 'updated_at']).executeTakeFirst();
}

export async function writeSettings(trx: Tx, row: SettingsRow): Promise<void> {
  await trx
    .insertInto('analytics_settings')
    .values(row)
    .onConflict((oc) => oc.column('singleton').doUpdateSet(row))
    .execute();
}
