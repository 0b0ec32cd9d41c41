import { loadConfig, type Config } from '../../src/config.ts';
import { createServices, type Services } from '../../src/services.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { silentLogger } from '../../src/shared/logger.ts';
import { openTestDatabase } from './database.ts';

/** Services on a fresh test database, with a settable clock; every answer of the API is checked against its declared schema. */
export async function openTestServices(env: Record<string, string> = {}) {
  const database = await openTestDatabase();
  const config: Config = loadConfig({ CURRENCY: 'EUR', TIMEZONE: 'Europe/Ljubljana', CHECK_RESPONSES: 'on', ...env });
  const clock = fixedClock('2026-06-01T12:00:00Z');
  const services = createServices({ config, database, clock, logger: silentLogger });
  return { ...services, clock, close: () => database.close() } as Services & { clock: typeof clock; close(): Promise<void> };
}
