import { loadConfig, type Config } from '../config.ts';
import { openServices } from '../main.ts';
import type { Services } from '../services.ts';
import { invalidField } from '../shared/errors.ts';
import { createLogger } from '../shared/logger.ts';
import { say } from '../shared/messages/index.ts';
import { inCli } from './language.ts';
import { runningServer, type RunningServer } from './remote.ts';

// Every CLI command that needs data opens the services the same way and closes them
// after. On the embedded database the folder lock refuses to open a folder a running
// server holds, with a message that names the server (see db/lock.ts); the commands
// people run beside a server go through it instead (throughServerOr, remote.ts).

/**
 * The commands that may create the database where there is none: those that set a
 * business up or bring its data in, as a new user runs them on a fresh checkout before or
 * after the first `npm start` (README: keys create, stores create, loyalty apply, import,
 * demo; migrate). They say on stderr that they created it, naming where. Every other
 * command reads, checks or maintains data that must be there already (status, the lists,
 * keys revoke, users reset-password/role/disable/enable, loyalty verify/report/simulate/maintain, analyze):
 * pointed at an empty place (DATA_DIR mistyped or unset) it would answer from an empty
 * database — "OK: 0 points accounts" — so it refuses, names the folder or database and how to
 * point at the right one, exits non-zero and creates nothing (db/presence.ts).
 * `coupons create` and `gift-cards issue` write, but are not among the first: their codes are
 * money handed out, and made in a new database beside the one the tills use (a mistyped
 * DATA_DIR) they would be codes no till accepts.
 */
export const MAY_CREATE_DATABASE: ReadonlySet<string> = new Set(['migrate', 'demo', 'import', 'keys create', 'users create', 'stores create', 'loyalty apply']);

export async function withServices<T>(command: string, run: (services: Services, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const logger = createLogger({ level: config.logLevel === 'debug' ? 'debug' : 'warn', json: config.logJson });
  const created = config.databaseUrl ? say('cli.database_created_url')
    : process.env.DATA_DIR ? say('cli.database_created', { folder: config.dataDir }) : say('cli.database_created_here', { folder: config.dataDir });
  const onCreated = () => process.stderr.write(`${inCli(created)}\n`);
  const services = await openServices({ config, logger, command, create: MAY_CREATE_DATABASE.has(command), dataDirSet: Boolean(process.env.DATA_DIR), onCreated });
  try {
    return await run(services, config);
  } finally {
    await services.database.close();
  }
}

/**
 * A command that can also run through a server holding the data folder (cli/remote.ts):
 * `remote` when one does, `local` (withServices) otherwise. The server's route answers
 * with what the same service call returns locally, as JSON (instants as ISO strings),
 * which the commands print alike: the answer is typed as the local one.
 */
export async function throughServerOr<T>(command: string, remote: (server: RunningServer) => Promise<unknown>, local: (services: Services, config: Config) => Promise<T>): Promise<T> {
  const server = runningServer(loadConfig());
  if (!server) return withServices(command, local);
  if (process.stderr.isTTY) process.stderr.write(`${inCli(say('cli.through_server', { url: server.url }))}\n`);
  return (await remote(server)) as T;
}

/** Prints `value` as JSON, or `human()`'s text; a text that needs asking first (the business's time zone through a server, dates.ts) is awaited. */
export function print(value: unknown, json: boolean, human: () => string): void;
export function print(value: unknown, json: boolean, human: () => Promise<string>): Promise<void>;
export function print(value: unknown, json: boolean, human: () => string | Promise<string>): void | Promise<void> {
  const write = (text: string) => void process.stdout.write(text + '\n');
  if (json) return write(JSON.stringify(value, null, 2));
  const text = human();
  return typeof text === 'string' ? write(text) : text.then(write);
}

/** `a,b , c` → ['a','b','c'] */
export const list = (value: string) => value.split(',').map((v) => v.trim()).filter(Boolean);

/** An option's parser (commander's argParser) for a whole number of at least 1, refused naming `name` otherwise. */
export function positiveInt(name: string) {
  return (value: string) => {
    const n = Number(value);
    if (!Number.isSafeInteger(n) || n < 1) throw invalidField(name, say('cli.whole_at_least_one', { value }));
    return n;
  };
}
