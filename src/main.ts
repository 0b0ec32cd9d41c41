import type { FastifyInstance } from 'fastify';
import { ConfigError, loadConfig, type Config } from './config.ts';
import type { JobQueue } from './jobs/index.ts';
import { embeddedDatabaseExists, hasRegularsSchema, migrateToLatest, noDatabaseMessage, openDatabase, updateLockHolder } from './db/index.ts';
import { createServices, type Services } from './services.ts';
import { PROGRAM_CHANNEL } from './modules/loyalty/index.ts';
import { systemClock, type Clock } from './shared/clock.ts';
import { newSecret } from './shared/ids.ts';
import { createLogger, type Logger } from './shared/logger.ts';
import { say, type Language } from './shared/messages/index.ts';

// The composition root: config → database → migrations → services → jobs → HTTP.
// `npm start` (`regulars serve`) and the end-to-end tests start the product through here.

export interface Running {
  config: Config;
  services: Services;
  jobs: JobQueue | undefined;
  app: FastifyInstance;
  url: string;
  stop(): Promise<void>;
}

/**
 * `create`: whether the command may start a new database where there is none (serve,
 * migrate, and the CLI commands that set a business up: cli/context.ts). Without it, a
 * data folder with no database, or a PostgreSQL database without Regulars' tables, is
 * refused (a ConfigError naming where it looked) and nothing is created. `onCreated` is
 * told when this call created the database.
 */
export async function openServices({ config, logger, command, clock = systemClock, create = true, dataDirSet = true, onCreated }: {
  config: Config; logger: Logger; command: string; clock?: Clock; create?: boolean; dataDirSet?: boolean; onCreated?: () => void;
}) {
  const embeddedExisted = config.databaseUrl ? true : embeddedDatabaseExists(config.dataDir);
  if (!embeddedExisted && !create) throw new ConfigError(noDatabaseMessage(command, { dataDir: config.dataDir, dataDirSet }));
  // A server on the embedded database holds its folder alone; the command line on this
  // machine acts through it with the token it leaves in the folder's lock (cli/remote.ts).
  const localCliToken = command === 'serve' && !config.databaseUrl ? newSecret() : undefined;
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.databaseUrl ? undefined : config.dataDir,
    poolSize: config.databasePoolSize,
    preparedStatements: config.databasePreparedStatements,
    pipelining: config.databasePipelining,
    holder: { command, port: command === 'serve' ? config.port : undefined, cliToken: localCliToken },
  });
  try {
    const existed = embeddedExisted && (!config.databaseUrl || (await hasRegularsSchema(database.db)));
    if (!existed && !create) throw new ConfigError(noDatabaseMessage(command, { databaseUrl: config.databaseUrl! }));
    await migrateToLatest(database.db);
    if (!existed) onCreated?.();
  } catch (error) {
    await database.close();
    throw error;
  }
  return createServices({ config, database, clock, logger, localCliToken });
}

export async function startRegulars({
  env = process.env,
  logger,
  clock,
  services: given,
  language = 'en',
}: { env?: Record<string, string | undefined>; logger?: Logger; clock?: Clock; services?: Services; language?: Language } = {}): Promise<Running> {
  // The server's own parts (HTTP, fastify; the job queue, pg-boss) are loaded when it starts:
  // every other `regulars` command opens the services through this file and never needs them.
  const [{ buildApp }, { createJobQueue }, { subscribersOf }, { schedulesOf }] = await Promise.all([
    import('./http/app.ts'), import('./jobs/index.ts'), import('./jobs/subscribers.ts'), import('./jobs/schedules.ts'),
  ]);
  const config = given?.config ?? loadConfig(env);
  const log = logger ?? createLogger({ level: config.logLevel, json: config.logJson });
  const services = given ?? (await openServices({ config, logger: log, command: 'serve', clock }));
  const owner = await services.auth.ensureOwner(config.ownerEmail);
  const jobs = config.jobs ? createJobQueue({ db: services.db, query: services.database.query, logger: log, webhooks: services.webhooks, subscribers: subscribersOf(services), schedules: schedulesOf(services), timeZone: config.timeZone }) : undefined;
  await jobs?.start();
  // A program applied by the CLI on PostgreSQL (which writes to the database itself) is used at once.
  const stopListening = await services.database.listen(PROGRAM_CHANNEL, () => services.loyalty.forgetPrograms());
  const app = await buildApp(services);
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  if (services.database.kind === 'pglite' && port !== config.port && !given) updateLockHolder(config.dataDir, { port });
  const url = `http://${config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host}:${port}`;
  // Told in the language the command line speaks (`regulars serve --language sl`, REGULARS_LANGUAGE).
  const where = services.database.kind === 'pglite' ? say('serve.running_embedded', { url, folder: config.dataDir }) : say('serve.running_postgres', { url });
  log.info(where.in(language));
  if (owner) log.info(say('serve.first_start', { url, email: owner.email, password: owner.password }).in(language));
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await app.close();
      await stopListening();
      await jobs?.stop();
      if (!given) await services.database.close();
    })());
  return { config, services, jobs, app, url, stop };
}
