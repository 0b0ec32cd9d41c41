import fs from 'node:fs';
import type { Command } from 'commander';
import { programJsonSchema } from '../../modules/loyalty/index.ts';
import { invalid } from '../../shared/errors.ts';
import { counted, print, throughServerOr } from '../context.ts';
import { callServer } from '../remote.ts';

// `regulars loyalty …`: apply a program file, simulate one against past purchases,
// prove the ledger, and the report.
export function loyaltyCommands(program: Command) {
  const loyalty = program.command('loyalty').description('the loyalty program: apply, simulate, verify, report');

  loyalty
    .command('apply <file>')
    .description('apply a program document (JSON) as a new version')
    .option('--effective-from <when>', 'ISO date or timestamp; default now')
    .option('--tier-policy <policy>', 'upgrade_now (nobody moves down before their period ends) or reevaluate_now', 'upgrade_now')
    .option('--note <text>', 'why this version (kept with it)')
    .option('--json', 'machine-readable output')
    .action(async (file: string, o: { effectiveFrom?: string; tierPolicy: string; note?: string; json?: boolean }) => {
      const document = readJson(file);
      const input = { program: document, effective_from: o.effectiveFrom, tier_policy: o.tierPolicy, note: o.note };
      const result = await throughServerOr('loyalty apply', (server) => callServer(server, 'POST', '/loyalty/program', input), (s) => s.loyalty.applyProgram(input, { actor: 'cli' }));
      const { program: _doc, ...summary } = result;
      print(summary, Boolean(o.json), () => {
        const t = result.tier_changes as { up: number; down: number; unchanged: number; deferred?: boolean; tier_rules_changed: boolean };
        return [
          `Applied "${result.program.name}" as version ${result.version}, effective ${result.effective_from}.`,
          !t.tier_rules_changed ? 'Tier rules unchanged: nobody re-placed, tier periods stand.'
            : t.deferred ? 'Tiers will be re-placed when it takes effect.'
              : `Tiers (${result.tier_policy}): ${t.up} up, ${t.down} down, ${t.unchanged} unchanged (keeping their tier period).`,
          ...(result.warnings ?? []).map((w) => `Warning: ${w.message}`),
        ].join('\n');
      });
    });

  loyalty
    .command('simulate <file>')
    .description('replay the purchases since a date against a proposed program; changes nothing')
    .requiredOption('--since <date>', 'YYYY-MM-DD')
    .option('--json', 'machine-readable output')
    .action(async (file: string, o: { since: string; json?: boolean }) => {
      const document = readJson(file);
      const report = await throughServerOr('loyalty simulate', (server) => callServer(server, 'POST', '/loyalty/program/simulate', { program: document, since: o.since }), (s) => s.loyalty.simulate(document, { since: o.since }));
      print(report, Boolean(o.json), () => {
        const lines = [
          `Replayed ${counted(report.purchases, 'purchase')} of ${counted(report.customers, 'customer')} since ${o.since.trim()} (${report.duration_ms} ms).`,
          `Proposed program: ${report.proposed.points.toLocaleString('en')} points (${report.proposed.purchase_points.toLocaleString('en')} for purchases, ${report.proposed.bonus_points.toLocaleString('en')} bonuses), worth ${report.proposed.value} ${report.proposed.currency}.`,
        ];
        if (report.current && report.difference) {
          lines.push(`Program in force (v${report.current.version}): ${report.current.points.toLocaleString('en')} points, worth ${report.current.value} ${report.current.currency}.`);
          lines.push(`Difference: ${report.difference.points >= 0 ? '+' : ''}${report.difference.points.toLocaleString('en')} points, ${report.difference.value} ${report.proposed.currency}.`);
        }
        // Bonus points by kind, for every kind either program pays something for.
        const kinds = (Object.keys(report.proposed.bonus_points_by_kind) as (keyof typeof report.proposed.bonus_points_by_kind)[])
          .filter((k) => report.proposed.bonus_points_by_kind[k] !== 0 || (report.current?.bonus_points_by_kind[k] ?? 0) !== 0);
        if (kinds.length) {
          const triggers = report.bonus_triggers as Record<string, number>;
          lines.push(`Bonuses               proposed ${report.current ? '  in force' : ''}  triggers`);
          for (const k of kinds) {
            const inForce = report.current ? report.current.bonus_points_by_kind[k].toLocaleString('en').padStart(10) : '';
            lines.push(`  ${k.padEnd(18)} ${report.proposed.bonus_points_by_kind[k].toLocaleString('en').padStart(9)} ${inForce} ${(k in triggers ? triggers[k].toLocaleString('en') : '—').padStart(9)}`);
          }
        }
        for (const n of report.not_simulated) lines.push(`Not simulated: ${n.kind} (${n.ledger_points.toLocaleString('en')} points paid by the ledger in the period, in neither total). ${n.reason}`);
        for (const note of report.notes) lines.push(`Note: ${note.message}`);
        if (report.tiers.length) {
          lines.push('Tiers         proposed     today');
          for (const t of report.tiers) lines.push(`  ${t.code.padEnd(10)} ${String(t.proposed).padStart(9)} ${String(t.today).padStart(9)}`);
          lines.push(`Members moving up: ${report.moves.up}, down: ${report.moves.down}, unchanged: ${report.moves.unchanged} (their history replayed under the proposal).`);
          // Who: those moving down first; --json lists up to 1,000.
          const listMovers = (movers: typeof report.movers, total: number) => {
            const shown = movers.slice(0, 20);
            for (const m of shown) lines.push(`  ${m.direction === 'down' ? 'down' : 'up  '} ${(m.name ?? '(no name)').padEnd(28)} ${m.from ?? '(none)'} -> ${m.to}   ${m.customer_id}`);
            const more = total - shown.length;
            if (more > 0) lines.push(`  … and ${more.toLocaleString('en')} more (--json lists up to 1,000)`);
          };
          listMovers(report.movers, report.moves.up + report.moves.down);
          const { tier_rules_changed: changed, upgrade_now: keep, reevaluate_now: all } = report.on_publish;
          if (!changed) lines.push('Publishing it now moves nobody: its tier rules are those in force, and tier periods stand.');
          else {
            lines.push(`Publishing it now places members by their standing today: --tier-policy upgrade_now moves ${keep.up} up; reevaluate_now moves ${all.up} up and ${all.down} down.`);
            for (const [policy, moves] of [['upgrade_now', keep], ['reevaluate_now', all]] as const) {
              if (moves.up + moves.down === 0) continue;
              lines.push(`Publishing with --tier-policy ${policy} moves:`);
              listMovers(moves.movers, moves.up + moves.down);
            }
          }
        }
        return lines.join('\n');
      });
    });

  loyalty
    .command('verify')
    .description('prove every member balance against the ledger; exits 1 on any mismatch')
    .option('--json', 'machine-readable output')
    .action(async (o: { json?: boolean }) => {
      const result = await throughServerOr('loyalty verify', (server) => callServer(server, 'GET', '/loyalty/verify'), (s) => s.loyalty.verify());
      print(result, Boolean(o.json), () =>
        result.ok
          ? `OK: ${counted(result.members, 'member')}, ${counted(result.entries, 'ledger entry', 'ledger entries')} — every balance equals its ledger (${result.duration_ms} ms).`
          : [`MISMATCH: ${counted(result.problems.length, 'problem')}`, ...result.problems.map((p) => `  customer ${p.customer_id}${p.entry_id ? ` entry ${p.entry_id}` : ''}: ${p.rule} — expected ${p.expected}, found ${p.actual}`)].join('\n'),
      );
      if (!result.ok) process.exitCode = 1;
    });

  loyalty
    .command('report')
    .description('points liability, breakage, redemption rate, members per tier')
    .option('--json', 'machine-readable output')
    .action(async (o: { json?: boolean }) => {
      const r = await throughServerOr('loyalty report', (server) => callServer(server, 'GET', '/loyalty/report'), (s) => s.loyalty.report());
      const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)} %`);
      const n = (v: number) => v.toLocaleString('en');
      print(r, Boolean(o.json), () => [
        `Members: ${n(r.members)}`,
        `Outstanding points: ${n(r.points.outstanding)} (pending ${n(r.points.pending)}; owed by members ${n(r.points.owed)}), liability ${r.liability.value} ${r.liability.currency}`,
        // The figures add up as the API's do: issued − taken by staff − redeemed − expired − forfeited (± merges, which net to zero) = outstanding.
        `Issued ${n(r.points.issued)}: earned ${n(r.points.earned)} + added by staff ${n(r.points.adjusted_in)} − taken back on refunds ${n(r.points.reversed)} (${n(r.points.owed)} of them still owed, not taken yet)`,
        `Taken by staff ${n(r.points.adjusted_out)}, redeemed ${n(r.points.redeemed)} (${pct(r.redemption_rate)} of issued), expired ${n(r.points.expired)}` +
          `${r.points.expiring_now > 0 ? ` (${n(r.points.expiring_now)} of them past their date, written off at the next hourly maintenance)` : ''}` +
          `${r.points.forfeited > 0 ? `, forfeited by erased customers ${n(r.points.forfeited)}` : ''} (breakage ${pct(r.breakage_rate)})`,
        ...(r.points.merged_in > 0 || r.points.merged_out > 0 ? [`Moved between customers by merges: ${n(r.points.merged_in)} in, ${n(r.points.merged_out)} out`] : []),
        ...r.tiers.map((t) => `  ${String(t.tier ?? 'no tier').padEnd(12)} ${n(t.members)}`),
      ].join('\n'));
    });

  loyalty
    .command('maintain')
    .description('run the hourly maintenance now: reservations, expiry, reminders, tier reviews, birthdays')
    .option('--json', 'machine-readable output')
    .action(async (o: { json?: boolean }) => {
      const r = await throughServerOr('loyalty maintain', (server) => callServer(server, 'POST', '/loyalty/maintenance'), (s) => s.loyalty.maintenance.runAll(s.clock.now()));
      print(r, Boolean(o.json), () => [
        `Checkout reservations released: ${r.reservations_released.toLocaleString('en')}`,
        `Points expired: ${r.expired.points.toLocaleString('en')} of ${counted(r.expired.members, 'member')}`,
        ...(r.debts_settled.points > 0 ? [`Debts settled from points held beside them: ${r.debts_settled.points.toLocaleString('en')} of ${counted(r.debts_settled.members, 'member')}`] : []),
        ...(r.forfeited.points > 0 ? [`Points of erased customers forfeited: ${r.forfeited.points.toLocaleString('en')} of ${counted(r.forfeited.members, 'customer')}`] : []),
        `Expiry reminders: ${counted(r.reminded.members, 'member')}`,
        `Tier reviews: ${counted(r.tiers.reviewed, 'member')}, ${r.tiers.down.toLocaleString('en')} moved down`,
        `Birthday gifts: ${counted(r.birthdays.members, 'member')}`,
      ].join('\n'));
    });

  loyalty
    .command('schema')
    .description('print the JSON Schema of a program document')
    .action(() => {
      process.stdout.write(JSON.stringify(programJsonSchema(), null, 2) + '\n');
    });
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw invalid(`${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw invalid(`${file} is not JSON: ${(error as Error).message}`);
  }
}
