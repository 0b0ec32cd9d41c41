import { Command, CommanderError } from 'commander';
import { ConfigError } from '../config.ts';
import { startRegulars } from '../main.ts';
import { describeError, isAppError } from '../shared/errors.ts';
import { adminCommands } from './commands/admin.ts';
import { analyzeCommands } from './commands/analyze.ts';
import { dataCommands } from './commands/data.ts';
import { loyaltyCommands } from './commands/loyalty.ts';
import { print, throughServerOr, withServices } from './context.ts';
import { callServer } from './remote.ts';

// The `regulars` command line. Commands are thin: they parse options, call the same
// services the HTTP API calls, and print (human text, or JSON with --json).
const program = new Command('regulars')
  .description('Regulars — customer loyalty and appreciation platform')
  .showHelpAfterError()
  .exitOverride();

program
  .command('serve')
  .description('run the server: API, dashboard and background jobs')
  .action(async () => {
    const running = await startRegulars();
    const shutdown = async (signal: string) => {
      console.log(`\n${signal}: stopping…`);
      await running.stop();
      process.exit(0);
    };
    process.once('SIGINT', () => void shutdown('SIGINT'));
    process.once('SIGTERM', () => void shutdown('SIGTERM'));
  });

program
  .command('migrate')
  .description('bring the database schema up to date (serve does this too)')
  .action(async () => {
    await withServices('migrate', async () => undefined);
    console.log('The database is up to date.');
  });

program
  .command('status')
  .description('customers, purchases and revenue')
  .option('--json', 'machine-readable output')
  .action(async (o: { json?: boolean }) => {
    const totals = await throughServerOr('status', (server) => callServer(server, 'GET', '/status'), (s) => s.commerce.totals());
    print({ customers: totals.customers, purchases: totals.purchases, revenue: totals.revenue }, Boolean(o.json), () =>
      `Customers: ${totals.customers.toLocaleString('en')}\nPurchases: ${totals.purchases.toLocaleString('en')}\nRevenue:   ${totals.revenue} ${totals.currency}`,
    );
  });

adminCommands(program);
dataCommands(program);
analyzeCommands(program);
loyaltyCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) process.exit(error.exitCode);
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  console.error(`Error: ${describeError(error)}`);
  if (!isAppError(error) && process.env.LOG_LEVEL === 'debug') console.error(error);
  process.exit(1);
}
