import { startRegulars } from '../../src/main.ts';
import type { Services } from '../../src/services.ts';
import { silentLogger } from '../../src/shared/logger.ts';
import { openTestServices } from './services.ts';

/** The real server on a random port against a fresh test database. */
export async function startTestServer({ seed, env = {} }: { seed?: (services: Services) => Promise<void>; env?: Record<string, string> } = {}) {
  const services = await openTestServices({ PORT: '0', JOBS: 'off', ...env });
  if (seed) await seed(services);
  const running = await startRegulars({ services, logger: silentLogger });
  return {
    url: running.url,
    services,
    running,
    close: async () => {
      await running.stop();
      await services.close();
    },
  };
}
