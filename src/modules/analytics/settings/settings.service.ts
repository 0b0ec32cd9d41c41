import { audit, type Actor, type Db } from '../../../db/index.ts';
import type { Clock } from '../../../shared/clock.ts';
import { amountField, toMajor } from '../../../shared/money.ts';
import { parseInput } from '../../../shared/validation.ts';
import { readSettings, writeSettings, type SettingsRow } from './settings.repository.ts';
import { AnalyticsSettingsInput } from './settings.schema.ts';

// What a business enters once for its analytics and expects remembered: the cost of
// winning one customer, which the simple CLV of /analytics/metrics subtracts when the
// query names none. One row; every change is in the activity log.

export interface SettingsDeps {
  db: Db;
  clock: Clock;
  config: { currency: string };
}

export interface AnalyticsSettings {
  currency: string;
  /** decimal string in `currency`; null when none is stored */
  acquisition_cost: string | null;
  updated_by: string | null;
  updated_at: Date | null;
}

/**
 * A decimal amount as minor units of the currency; too many decimals is an error naming the
 * field, told in the request's language (amountField: it was English whatever was asked).
 */
export function costInMinor(amount: string, currency: string, field = 'acquisition_cost'): number {
  return amountField(field, amount, currency);
}

/** The stored cost in minor units of the business's currency; null when none, or when it was entered in another currency (CURRENCY changed since). */
export function storedCostMinor(row: SettingsRow | undefined, currency: string): number | null {
  return row && row.currency === currency ? row.acquisition_cost_minor : null;
}

function shape(row: SettingsRow | undefined, currency: string): AnalyticsSettings {
  const minor = storedCostMinor(row, currency);
  return { currency, acquisition_cost: minor === null ? null : toMajor(minor, currency), updated_by: row?.updated_by ?? null, updated_at: row?.updated_at ?? null };
}

export async function analyticsSettings(deps: SettingsDeps): Promise<AnalyticsSettings> {
  return shape(await readSettings(deps.db), deps.config.currency);
}

/** Stores the settings; recorded in the activity log. */
export async function updateAnalyticsSettings(deps: SettingsDeps, input: unknown, { actor }: { actor: Actor }): Promise<AnalyticsSettings> {
  const data = parseInput(AnalyticsSettingsInput, input, 'settings');
  const { currency } = deps.config;
  const minor = data.acquisition_cost === null ? null : costInMinor(data.acquisition_cost, currency);
  const row: SettingsRow = { acquisition_cost_minor: minor, currency, updated_by: actor, updated_at: deps.clock.now() };
  await deps.db.transaction().execute(async (trx) => {
    await writeSettings(trx, row);
    await audit(trx, { at: row.updated_at, actor, action: 'analytics.settings.update', details: { acquisition_cost: minor === null ? null : toMajor(minor, currency) } });
  });
  return shape(row, currency);
}
