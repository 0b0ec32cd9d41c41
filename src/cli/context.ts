import { loadConfig, type Config } from '../config.ts';
import { openServices } from '../main.ts';
import type { Services } from '../services.ts';
import { createLogger } from '../shared/logger.ts';

// Every CLI command that needs data opens the services the same way and closes them
// after. On the embedded database the folder lock refuses to open a folder a running
// server holds, with a message that names the server (see db/lock.ts).
export async function withServices<T>(command: string, run: (services: Services, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const logger = createLogger({ level: config.logLevel === 'debug' ? 'debug' : 'warn', json: config.logJson });
  const services = await openServices({ config, logger, command });
  try {
    return await run(services, config);
  } finally {
    await services.database.close();
  }
}

export const print = (value: unknown, json: boolean, human: () => string) => {
  process.stdout.write((json ? JSON.stringify(value, null, 2) : human()) + '\n');
};

/** `a,b , c` → ['a','b','c'] */
export const list = (value: string) => value.split(',').map((v) => v.trim()).filter(Boolean);
