import { Command, Option } from 'commander';
import { startRegulars } from '../main.ts';
import { LANGUAGES, say, type Language } from '../shared/messages/index.ts';
import { money } from '../shared/money.ts';
import { adminCommands } from './commands/admin.ts';
import { analyzeCommands } from './commands/analyze.ts';
import { auditCommand } from './commands/audit.ts';
import { customerCommands } from './commands/customers.ts';
import { dataCommands } from './commands/data.ts';
import { loyaltyCommands } from './commands/loyalty.ts';
import { promotionCommands } from './commands/promotions.ts';
import { print, throughServerOr, withServices } from './context.ts';
import { wrapHelp } from './help.ts';
import { cliLanguage, count, inCli, useLanguage } from './language.ts';
import { callServer } from './remote.ts';

// The `regulars` command line, built without being run: main.ts runs it, and the tests
// walk it (every text its help shows is in the help catalogue, cli/help.ts). Commands are
// thin: they parse options, call the same services the HTTP API calls, and print (human
// text, or JSON with --json).
export function buildProgram(): Command {
  const program = new Command('regulars')
    .description('Regulars — customer loyalty and appreciation platform')
    .showHelpAfterError()
    .exitOverride()
    .addOption(
      new Option('--language <code>', 'the language commands print in: en, sl, tr, da or ru (--json output is always English)')
        .choices(LANGUAGES).env('REGULARS_LANGUAGE'),
    );
  // Set before any command runs, from the option (before or after the command's name) or the
  // environment; a command printing JSON prints English.
  program.hook('preAction', (_, command) => useLanguage(command.opts().json ? 'en' : ((program.opts().language as Language | undefined) ?? 'en')));

  program
    .command('serve')
    .description('run the server: API, dashboard and background jobs')
    .action(async () => {
      const running = await startRegulars({ language: cliLanguage() });
      const shutdown = async (signal: string) => {
        console.log(`\n${inCli(say('serve.stopping', { signal }))}`);
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
      console.log(inCli(say('cli.migrated')));
    });

  program
    .command('status')
    .description('customers, purchases and revenue')
    .option('--json', 'machine-readable output')
    .action(async (o: { json?: boolean }) => {
      const totals = await throughServerOr('status', (server) => callServer(server, 'GET', '/status'), (s) => s.commerce.totals());
      const language = cliLanguage();
      print({ customers: totals.customers, purchases: totals.purchases, revenue: totals.revenue }, Boolean(o.json), () =>
        say('cli.status', { customers: count(totals.customers, language), purchases: count(totals.purchases, language), revenue: money(totals.revenue, totals.currency) }).in(language),
      );
    });

  adminCommands(program);
  auditCommand(program);
  dataCommands(program);
  customerCommands(program);
  analyzeCommands(program);
  loyaltyCommands(program);
  promotionCommands(program);
  wrapHelp(program);
  return program;
}
