import fs from 'node:fs';
import type { Command } from 'commander';
import type { DemoProgress } from '../../modules/demo/index.ts';
import { fileFormatOf, fitMapping, IMPORT_KINDS, isImportKind, parseMapSpec, type ImportResult } from '../../modules/imports/index.ts';
import { invalidField } from '../../shared/errors.ts';
import { importFile } from '../../workflows/import-file.ts';
import { runDemo } from '../../workflows/run-demo.ts';
import { print, throughServerOr } from '../context.ts';
import { callServer, uploadToServer, type RemoteProgress } from '../remote.ts';

// import, demo and analyze: data in and numbers out.
export function dataCommands(program: Command) {
  program
    .command('import <kind> <file>')
    .description('import customers, purchases or refunds from a CSV file (all or nothing unless --skip-invalid)')
    .option('--map <pairs>', 'rename columns: canonical=column,… (e.g. total=Amount,customer_email=Email)')
    .option('--date-format <format>', 'how the file writes dates, when not ISO 8601: YYYY, M/MM, D/DD, H/HH, mm, ss (e.g. "D.M.YYYY H:mm", "M/D/YYYY H:mm"); a time without an offset is the store\'s local time (a refund\'s: its purchase\'s store\'s)')
    .option('--decimal-comma', 'amounts and quantities are written with a decimal comma (1.234,50)')
    .option('--encoding <name>', 'the file\'s encoding when not UTF-8: windows-1250 (Slovenian), windows-1251 (Russian), windows-1252 (Danish, English), windows-1254 (Turkish), …')
    .option('--skip-invalid', 'import the good rows and report the bad ones')
    .option('--dry-run', 'check every row and tell what would be imported; write nothing')
    .option('--json', 'machine-readable output')
    .action(async (kind: string, file: string, o: { map?: string; dateFormat?: string; decimalComma?: boolean; encoding?: string; skipInvalid?: boolean; dryRun?: boolean; json?: boolean }) => {
      if (!isImportKind(kind)) throw invalidField('kind', `must be one of ${IMPORT_KINDS.join(', ')}, not "${kind}"`);
      if (!fs.existsSync(file)) throw invalidField('file', `no such file: ${file}`);
      const format = fileFormatOf({ dateFormat: o.dateFormat, decimalComma: o.decimalComma, encoding: o.encoding });
      const { map, guessed } = await fitMapping(file, kind, parseMapSpec(o.map, kind), format.encoding);
      const guesses = Object.entries(guessed).map(([field, column]) => `${field}=${column}`);
      if (guesses.length > 0 && !o.json) process.stderr.write(`Columns guessed: ${guesses.join(', ')} (--map to choose others)\n`);
      const fields: Record<string, string> = { map: JSON.stringify(map) };
      if (format.dateFormat) fields.date_format = format.dateFormat;
      if (format.decimalComma) fields.decimal_comma = 'true';
      if (format.encoding) fields.encoding = format.encoding;
      if (o.skipInvalid) fields.skip_invalid = 'true';
      if (o.dryRun) fields.dry_run = 'true';
      const bar = process.stderr.isTTY && !o.json ? progressBar() : undefined;
      const result = await throughServerOr(
        'import',
        // The streamed answer even without a bar: one way of reading it, whether or not on a terminal.
        (server) => uploadToServer(server, `/imports/${kind}`, file, fields, bar ?? (() => {})),
        (s) => importFile(s, { kind, file, map, format, skipInvalid: o.skipInvalid, dryRun: o.dryRun, onProgress: bar }),
      );
      if (bar) process.stderr.write('\n');
      print(result, Boolean(o.json), () => describe(result, Boolean(o.skipInvalid)));
      // A dry run fails as the import would: on bad rows without --skip-invalid.
      if (result.dry_run ? result.invalid > 0 && !o.skipInvalid : !result.imported) process.exitCode = 1;
    });

  program
    .command('demo')
    .description('fill the database with a realistic demo business (deterministic for a seed; running it again adds nothing)')
    .option('--customers <n>', 'number of customers', positiveInt('customers'), 5000)
    .option('--seed <n>', 'random seed', positiveInt('seed'), 1)
    .option('--years <n>', 'years of history, ending today', positiveInt('years'), 2)
    .option('--json', 'machine-readable output')
    .action(async (o: { customers: number; seed: number; years: number; json?: boolean }) => {
      const tty = process.stderr.isTTY && !o.json;
      const onProgress = (p: DemoProgress) =>
        tty && process.stderr.write(`\rcustomers ${p.customers.toLocaleString('en')} / ${o.customers.toLocaleString('en')}, purchases ${p.purchases.toLocaleString('en')}`);
      const options = { customers: o.customers, seed: o.seed, years: o.years };
      const summary = await throughServerOr(
        'demo',
        (server) => callServer(server, 'POST', '/demo', options, onProgress),
        (s) => runDemo(s, { ...options, onProgress }),
      );
      if (tty) process.stderr.write('\n');
      print(summary, Boolean(o.json), () =>
        `Demo business (seed ${o.seed}): ${summary.stores} stores, ${summary.customers.toLocaleString('en')} customers, ` +
        `${summary.purchases.toLocaleString('en')} purchases (${summary.created.toLocaleString('en')} new), ${summary.refunds} refund${summary.refunds === 1 ? '' : 's'}; revenue in the store ${summary.revenue} ${summary.currency}.`,
      );
    });
}

function positiveInt(name: string) {
  return (value: string) => {
    const n = Number(value);
    if (!Number.isSafeInteger(n) || n < 1) throw invalidField(name, `must be a whole number ≥ 1, not "${value}"`);
    return n;
  };
}

function describe(r: ImportResult, skipInvalid: boolean): string {
  const errors = r.errors.map((e) => `  line ${e.line}, column ${e.column}: ${e.reason}`);
  const more = r.errors_truncated ? ['  … more errors not listed'] : [];
  const plural = (n: number, word: string) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;
  if (r.dry_run && r.invalid > 0 && !skipInvalid) {
    return [`Dry run, nothing written: the import would refuse the file, ${r.invalid} of ${r.rows} rows have errors. Fix them, or use --skip-invalid.`, ...errors, ...more].join('\n');
  }
  const notPaid = r.not_paid ? [`${plural(r.not_paid, 'order')} left out as not paid (pending, authorized, voided or expired).`] : [];
  if (r.dry_run) {
    const what = r.orders === undefined ? plural(r.rows, 'row') : `${plural(r.rows, 'row')} of line items, ${plural(r.orders, 'order')}`;
    const skipped = r.invalid > 0 ? `; it would skip ${plural(r.invalid, 'invalid row')}` : '';
    const refunds = r.refunds_recorded ? [`It would record ${plural(r.refunds_recorded, 'refund')} so that the orders' refunds add up to their refunded amounts.`] : [];
    return [`Dry run, nothing written: ${r.kind} file of ${what}. The import would add ${r.created.toLocaleString('en')} and find ${r.duplicates.toLocaleString('en')} already there${skipped}.`, ...notPaid, ...refunds, ...errors, ...more].join('\n');
  }
  if (!r.imported) return [`Nothing imported: ${r.invalid} of ${r.rows} rows have errors. Fix them, or use --skip-invalid.`, ...errors, ...more].join('\n');
  return [
    r.orders === undefined
      ? `Imported ${r.kind}: ${r.rows} row${r.rows === 1 ? '' : 's'}, ${r.created} new, ${r.duplicates} already there, ${r.invalid} skipped as invalid (${(r.duration_ms / 1000).toFixed(1)} s).`
      : `Imported ${r.kind}: ${r.rows} row${r.rows === 1 ? '' : 's'} of line items, ${r.orders} order${r.orders === 1 ? '' : 's'}: ${r.created} new, ${r.duplicates} already there; ${r.invalid} row${r.invalid === 1 ? '' : 's'} skipped as invalid (${(r.duration_ms / 1000).toFixed(1)} s).`,
    ...notPaid,
    ...(r.refunds_recorded ? [`${plural(r.refunds_recorded, 'refund')} recorded so that the orders' refunds add up to their refunded amounts.`] : []),
    ...errors,
    ...more,
  ].join('\n');
}

const PHASE_LABELS: Record<string, string> = { upload: 'uploading', validate: 'checking ', import: 'importing' };

/** A bar on stderr for a terminal: the phase, the share of the file's bytes, the rows so far. */
function progressBar() {
  let last = 0;
  return (p: RemoteProgress) => {
    const now = Date.now();
    if (now - last < 100 && p.bytes < p.total_bytes) return;
    last = now;
    const share = p.total_bytes ? Math.min(1, p.bytes / p.total_bytes) : 0;
    const width = 30;
    const filled = Math.round(share * width);
    const rows = p.rows === undefined ? '' : `  ${p.rows.toLocaleString('en')} rows`;
    process.stderr.write(`\r${PHASE_LABELS[p.phase] ?? p.phase} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}%${rows}\x1b[K`);
  };
}
