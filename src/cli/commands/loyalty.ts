import type { Command } from 'commander';
import { ApplyProgramInput, LoyaltyReportQuery, NewProgramDocument, programJsonSchema } from '../../modules/loyalty/index.ts';
import type { Services } from '../../services.ts';
import { say, textIn, type Language, type Said } from '../../shared/messages/index.ts';
import { money } from '../../shared/money.ts';
import { parseInput } from '../../shared/validation.ts';
import { print, throughServerOr } from '../context.ts';
import { business, dayText, startText } from '../dates.ts';
import { cliLanguage, count, countIn, percent } from '../language.ts';
import { namingOptions } from '../option-names.ts';
import { callServer, queryOf } from '../remote.ts';
import { loyaltyAccountCommands } from './loyalty-account.ts';
import { simulateCommand } from './loyalty-simulate.ts';
import { readJson } from './read-json.ts';

// `regulars loyalty …`: apply a program file, simulate one against past purchases,
// prove the ledger, and the report.
// The application's fields as the API names them and as `loyalty apply` takes them.
const APPLY_OPTIONS = { effective_from: '--effective-from', tier_policy: '--tier-policy', note: '--note' };

export function loyaltyCommands(program: Command) {
  const loyalty = program.command('loyalty').description('the loyalty program: apply, simulate, verify, report');

  loyalty
    .command('apply')
    .description('apply a program document (JSON) as a new version')
    .argument('<file>', 'the program document (JSON)')
    .option('--effective-from <when>', 'ISO date or timestamp; default now')
    .option('--tier-policy <policy>', 'upgrade_now (only upward moves now) or reevaluate_now (up and down now); a level the version drops or recodes has its members re-placed under either', 'upgrade_now')
    .option('--note <text>', 'why this version (kept with it)')
    .option('--json', 'machine-readable output')
    .action(namingOptions(APPLY_OPTIONS, async (file: string, o: { effectiveFrom?: string; tierPolicy: string; note?: string; json?: boolean }) => {
      const document = readJson(file);
      const input = { program: document, effective_from: o.effectiveFrom, tier_policy: o.tierPolicy, note: o.note };
      // Checked as the service will, before a database is opened: a refused apply on a fresh
      // checkout (or a mistyped DATA_DIR) would otherwise leave a new, empty database behind.
      parseInput(ApplyProgramInput, input, 'program application');
      parseInput(NewProgramDocument, document, 'program', 'program');
      const result = await throughServerOr('loyalty apply', (server) => callServer(server, 'POST', '/loyalty/program', input), (s) => s.loyalty.applyProgram(input, { actor: 'cli' }));
      const { program: _doc, ...summary } = result;
      await print(summary, Boolean(o.json), async () => {
        const language = cliLanguage();
        const { timeZone } = await business();
        const t = result.tier_changes as { up: number; down: number; unchanged: number; deferred?: boolean; tier_rules_changed: boolean };
        const warnings = (result.warnings ?? []).map((w) => say('cli.warning', {
          message: w.code === 'scheduled_version_overridden'
            ? say('cli.apply.version_overridden', { version: w.version, date: startText(w.effective_from, timeZone), applied: result.version, from: startText(result.effective_from, timeZone) }) : w.message,
        }));
        return [
          say('cli.apply.applied', { name: result.program.name, version: result.version, effective_from: startText(result.effective_from, timeZone) }),
          !t.tier_rules_changed ? say('cli.apply.tiers_unchanged')
            : t.deferred ? say('cli.apply.tiers_deferred')
              : say('cli.apply.tiers_moved', { policy: result.tier_policy, up: t.up, down: t.down, unchanged: t.unchanged }),
          ...warnings,
        ].map((line) => line.in(language)).join('\n');
      });
    }));

  simulateCommand(loyalty);
  loyaltyAccountCommands(loyalty);

  loyalty
    .command('verify')
    .description("prove every points account's balance against its ledger (members', and those of customers merged or erased since); exits 1 on any mismatch")
    .option('--json', 'machine-readable output')
    .action(async (o: { json?: boolean }) => {
      const result = await throughServerOr('loyalty verify', (server) => callServer(server, 'GET', '/loyalty/verify'), (s) => s.loyalty.verify());
      const language = cliLanguage();
      print(result, Boolean(o.json), () =>
        result.ok
          ? say('cli.verify.ok', { accounts: countIn('accounts', result.members, language), entries: countIn('ledgerEntries', result.entries, language), ms: String(result.duration_ms) }).in(language)
          : [
            say('cli.verify.mismatch', { problems: countIn('problems', result.problems.length, language) }).in(language),
            ...result.problems.map((p) => `  ${say('cli.verify.problem', {
              customer: p.customer_id, entry: p.entry_id ? say('cli.verify.entry', { entry: p.entry_id }) : '', rule: p.rule, expected: String(p.expected), actual: String(p.actual),
            }).in(language)}`),
          ].join('\n'),
      );
      if (!result.ok) process.exitCode = 1;
    });

  loyalty
    .command('report')
    .description('points liability, breakage, redemption rate, members per tier')
    .option('--from <date>', 'first local date YYYY-MM-DD of a period: its movements, issued points and rates (default: since the ledger began)')
    .option('--to <date>', 'last local date YYYY-MM-DD of a period, inclusive (default: up to now)')
    .option('--json', 'machine-readable output')
    .action(namingOptions({ from: '--from', to: '--to' }, async (o: { from?: string; to?: string; json?: boolean }) => {
      const query = { from: o.from, to: o.to };
      // Checked before a database is opened or a server asked, as the service checks it.
      parseInput(LoyaltyReportQuery, query, 'query');
      const r = await throughServerOr('loyalty report', (server) => callServer(server, 'GET', `/loyalty/report${queryOf(query)}`), (s) => s.loyalty.report(query));
      print(r, Boolean(o.json), () => describeReport(r, cliLanguage()));
    }));

  loyalty
    .command('maintain')
    .description('run the hourly maintenance now: reservations, expiry, reminders, tier reviews, birthdays')
    .option('--json', 'machine-readable output')
    .action(async (o: { json?: boolean }) => {
      const r = await throughServerOr('loyalty maintain', (server) => callServer(server, 'POST', '/loyalty/maintenance'), (s) => s.loyalty.maintenance.runAll(s.clock.now()));
      const language = cliLanguage();
      const members = (n: number) => countIn('members', n, language);
      print(r, Boolean(o.json), () => [
        say('cli.maintain.released', { count: r.reservations_released }),
        say('cli.maintain.expired', { points: r.expired.points, members: countIn('ofMembers', r.expired.members, language) }),
        ...(r.debts_settled.points > 0 ? [say('cli.maintain.debts', { points: r.debts_settled.points, members: countIn('ofMembers', r.debts_settled.members, language) })] : []),
        ...(r.forfeited.points > 0 ? [say('cli.maintain.forfeited', { points: r.forfeited.points, customers: countIn('ofCustomers', r.forfeited.members, language) })] : []),
        say('cli.maintain.reminded', { members: members(r.reminded.members) }),
        say('cli.maintain.tier_reviews', { members: members(r.tiers.reviewed), down: r.tiers.down }),
        say('cli.maintain.birthdays', { members: members(r.birthdays.members) }),
      ].map((line) => line.in(language)).join('\n'));
    });

  loyalty
    .command('schema')
    .description('print the JSON Schema of a program document')
    .action(() => {
      process.stdout.write(JSON.stringify(programJsonSchema(), null, 2) + '\n');
    });
}

type Report = Awaited<ReturnType<Services['loyalty']['report']>>;

/**
 * Members per tier, each tier by its name in the language as the dashboard's report shows
 * it ("Član", "Srebrni"; a tier the program no longer has by its code), not by its code in
 * every language; the counts in one column however long the names.
 */
function tierLines(tiers: Report['tiers'], language: Language, n: (v: number) => string): string[] {
  const names = tiers.map((t) => (t.name === null ? say('cli.report.no_tier').in(language) : textIn(t.name, language) || (t.tier ?? '')));
  const width = Math.max(12, ...names.map((name) => name.length + 1));
  return tiers.map((t, i) => `  ${names[i].padEnd(width)} ${n(t.members)}`);
}

/**
 * A period's opening (when it has a start) and closing, which its movements below roll the
 * one into the other: opening + issued − taken by staff − redeemed − expired − forfeited = closing.
 */
function edgeLines(r: Report): Said[] {
  if (!r.period || !r.opening || !r.closing) return [];
  const { opening, closing } = r;
  return [
    ...(r.period.from ? [say('cli.report.opening', { date: dayText(r.period.from), points: opening.points, value: money(opening.value, opening.currency) })] : []),
    closing.at === r.as_of || !r.period.to
      ? say('cli.report.closing_now', { points: closing.points, value: money(closing.value, closing.currency) })
      : say('cli.report.closing', { date: dayText(r.period.to), points: closing.points, value: money(closing.value, closing.currency) }),
  ];
}

/** The liability report: the figures add up as the API's do (issued − taken by staff − redeemed − expired − forfeited, ± merges that net to zero = outstanding). */
export function describeReport(r: Report, language: Language): string {
  const n = (v: number) => count(v, language);
  const share = (v: number | null) => (v === null ? '—' : percent(v, language, true));
  const lines: (Said | string)[] = [
    // Over a period the movements are its days' and the state is now's (README): the first line says which days.
    ...(r.period ? [say('cli.report.period', { from: r.period.from ? dayText(r.period.from) : '…', to: r.period.to ? dayText(r.period.to) : '…' })] : []),
    ...edgeLines(r),
    say('cli.report.members', { members: r.members }),
    say('cli.report.outstanding', { outstanding: r.points.outstanding, pending: r.points.pending, owed: r.points.owed, value: money(r.liability.value, r.liability.currency) }),
    say('cli.report.issued', { issued: r.points.issued, earned: r.points.earned, added: r.points.adjusted_in, reversed: r.points.reversed, owed: r.points.owed }),
    say('cli.report.spent', {
      taken: r.points.adjusted_out, redeemed: r.points.redeemed, rate: share(r.redemption_rate), expired: r.points.expired,
      expiring: r.points.expiring_now > 0 ? say('cli.report.expiring', { points: r.points.expiring_now }) : '',
      forfeited: r.points.forfeited > 0 ? say('cli.report.forfeited', { points: r.points.forfeited }) : '',
      breakage: share(r.breakage_rate),
    }),
    ...(r.points.merged_in > 0 || r.points.merged_out > 0 ? [say('cli.report.merges', { in: r.points.merged_in, out: r.points.merged_out })] : []),
    ...tierLines(r.tiers, language, n),
  ];
  return lines.map((line) => (typeof line === 'string' ? line : line.in(language))).join('\n');
}
