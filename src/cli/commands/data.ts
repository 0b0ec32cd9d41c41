import fs from 'node:fs';
import type { Command } from 'commander';
import type { DemoProgress } from '../../modules/demo/index.ts';
import { fileFormatOf, fitMapping, hintGuessedColumns, IMPORT_KINDS, isImportKind, parseMapSpec } from '../../modules/imports/index.ts';
import { invalidField } from '../../shared/errors.ts';
import { say, type Language } from '../../shared/messages/index.ts';
import { money } from '../../shared/money.ts';
import { importFile } from '../../workflows/import-file.ts';
import { runDemo } from '../../workflows/run-demo.ts';
import { positiveInt, print, throughServerOr } from '../context.ts';
import { cliLanguage, countIn, inCli } from '../language.ts';
import { namingOptions } from '../option-names.ts';
import { callServer, uploadToServer, type RemoteProgress } from '../remote.ts';
import { describeImport, nothingImported } from './import-summary.ts';

// import, demo and analyze: data in and numbers out.
// The import's settings as the API names them (its form fields) and as this command takes them.
const IMPORT_OPTIONS = { map: '--map', date_format: '--date-format', decimal_comma: '--decimal-comma', encoding: '--encoding' };

export function dataCommands(program: Command) {
  program
    .command('import')
    .description('import customers, purchases, refunds or points balances from a CSV file (all or nothing unless --skip-invalid)')
    .argument('<kind>', 'customers, purchases, refunds or points')
    .argument('<file>', 'the CSV file')
    .option('--map <pairs>', 'rename columns: canonical=column,… (e.g. total=Amount,customer_email=Email); canonical= imports that field from no column (e.g. store=)')
    .option('--date-format <format>', 'how the file writes dates, when not ISO 8601: YYYY, M/MM, D/DD, H/HH, mm, ss (e.g. "D.M.YYYY H:mm", "M/D/YYYY H:mm"); a time without an offset is the store\'s local time (a refund\'s: its purchase\'s store\'s)')
    .option('--decimal-comma', 'amounts and quantities are written with a decimal comma (1.234,50)')
    .option('--encoding <name>', 'the file\'s encoding when not UTF-8: windows-1250 (Slovenian), windows-1251 (Russian), windows-1252 (Danish, English), windows-1254 (Turkish), …')
    .option('--skip-invalid', 'import the good rows and report the bad ones')
    .option('--dry-run', 'check every row and tell what would be imported; write nothing')
    .option('--json', 'machine-readable output')
    .action(namingOptions(IMPORT_OPTIONS, async (kind: string, file: string, o: { map?: string; dateFormat?: string; decimalComma?: boolean; encoding?: string; skipInvalid?: boolean; dryRun?: boolean; json?: boolean }) => {
      if (!isImportKind(kind)) throw invalidField('kind', say('import.unknown_kind', { kinds: IMPORT_KINDS.join(', '), kind }));
      if (!fs.existsSync(file)) throw invalidField('file', say('cli.no_such_file', { file }));
      if (fs.statSync(file).isDirectory()) throw invalidField('file', say('cli.is_folder', { file }));
      const language = cliLanguage();
      const format = fileFormatOf({ dateFormat: o.dateFormat, decimalComma: o.decimalComma, encoding: o.encoding });
      const { map, guessed } = await fitMapping(file, kind, parseMapSpec(o.map, kind), format.encoding);
      const guesses = Object.entries(guessed).map(([field, column]) => `${field}=${column}`);
      if (guesses.length > 0 && !o.json) process.stderr.write(`${inCli(say('cli.import.columns_guessed', { columns: guesses.join(', ') }))}\n`);
      const fields: Record<string, string> = { map: JSON.stringify(map) };
      if (format.dateFormat) fields.date_format = format.dateFormat;
      if (format.decimalComma) fields.decimal_comma = 'true';
      if (format.encoding) fields.encoding = format.encoding;
      if (o.skipInvalid) fields.skip_invalid = 'true';
      if (o.dryRun) fields.dry_run = 'true';
      const bar = process.stderr.isTTY && !o.json ? progressBar(language) : undefined;
      const answer = await throughServerOr(
        'import',
        // The streamed answer even without a bar: one way of reading it, whether or not on a terminal.
        (server) => uploadToServer(server, `/imports/${kind}`, file, fields, bar ?? (() => {})),
        (s) => importFile(s, { kind, file, actor: 'cli', map, format, skipInvalid: o.skipInvalid, dryRun: o.dryRun, onProgress: bar, language }),
      );
      if (bar) process.stderr.write('\n');
      // A bad cell of a guessed column says how to leave the column out (--map store=).
      const result = hintGuessedColumns(answer, guessed, kind, language);
      print(result, Boolean(o.json), () => describeImport(result, Boolean(o.skipInvalid), language));
      // A dry run fails as the import would: on bad rows without --skip-invalid, and with it
      // when every row is bad — nothing at all imported is a failure a script must see.
      if ((result.dry_run ? result.invalid > 0 && !o.skipInvalid : !result.imported) || nothingImported(result)) process.exitCode = 1;
    }));

  program
    .command('demo')
    .description('fill the database with a realistic demo business (deterministic for a seed; running it again adds nothing)')
    .option('--customers <n>', 'number of customers', positiveInt('--customers'), 5000)
    .option('--seed <n>', 'random seed', positiveInt('--seed'), 1)
    .option('--years <n>', 'years of history, ending today', positiveInt('--years'), 2)
    .option('--json', 'machine-readable output')
    .action(async (o: { customers: number; seed: number; years: number; json?: boolean }) => {
      const tty = process.stderr.isTTY && !o.json;
      const language = cliLanguage();
      const onProgress = (p: DemoProgress) =>
        tty && process.stderr.write(`\r${say('cli.demo_progress', { customers: p.customers, total: o.customers, purchases: p.purchases }).in(language)}`);
      const options = { customers: o.customers, seed: o.seed, years: o.years };
      const summary = await throughServerOr(
        'demo',
        (server) => callServer(server, 'POST', '/demo', options, onProgress),
        (s) => runDemo(s, { ...options, onProgress }),
      );
      if (tty) process.stderr.write('\n');
      print(summary, Boolean(o.json), () => say('cli.demo_done', {
        seed: String(o.seed), stores: countIn('stores', summary.stores, language), customers: countIn('customers', summary.customers, language),
        purchases: countIn('purchases', summary.purchases, language), created: countIn('newPurchases', summary.created, language),
        refunds: countIn('refunds', summary.refunds, language), redemptions: countIn('rewardsRedeemed', summary.redemptions, language), revenue: money(summary.revenue, summary.currency),
      }).in(language));
    });
}

const PHASES = ['upload', 'validate', 'import'] as const;

/** A bar on stderr for a terminal: the phase, the share of the file's bytes, the rows so far. */
function progressBar(language: Language) {
  const labels = Object.fromEntries(PHASES.map((phase) => [phase, say(`cli.import.phase.${phase}`).in(language)]));
  const width = Math.max(...Object.values(labels).map((label) => label.length));
  let last = 0;
  return (p: RemoteProgress) => {
    const now = Date.now();
    if (now - last < 100 && p.bytes < p.total_bytes) return;
    last = now;
    const share = p.total_bytes ? Math.min(1, p.bytes / p.total_bytes) : 0;
    const bar = 30;
    const filled = Math.round(share * bar);
    const rows = p.rows === undefined ? '' : `  ${countIn('rows', p.rows, language)}`;
    process.stderr.write(`\r${(labels[p.phase] ?? p.phase).padEnd(width)} [${'#'.repeat(filled)}${'.'.repeat(bar - filled)}] ${(share * 100).toFixed(0).padStart(3)}%${rows}\x1b[K`);
  };
}
