import type { Command } from 'commander';
import type { SimulationReport } from '../../modules/loyalty/index.ts';
import { say, textIn, type Language, type Said } from '../../shared/messages/index.ts';
import { money, moneyIn } from '../../shared/money.ts';
import { print, throughServerOr } from '../context.ts';
import { dayText } from '../dates.ts';
import { cliLanguage, count, countIn } from '../language.ts';
import { namingOptions } from '../option-names.ts';
import { callServer } from '../remote.ts';
import { readJson } from './read-json.ts';

// `regulars loyalty simulate`: replay the purchases since a date against a proposed
// program and print what it would cost and whom it would move, in the command line's
// language. The report's reasons and notes are told by their codes (the API's sentences
// are English); bonus kinds are named as the dashboard names them, tiers by the proposed
// document's names in the language (a tier only the program in force has, by its code), and
// policies as the program document writes them.
export function simulateCommand(loyalty: Command) {
  loyalty
    .command('simulate')
    .description('replay the purchases since a date against a proposed program; changes nothing')
    .argument('<file>', 'the proposed program document (JSON)')
    .requiredOption('--since <date>', 'the first day whose purchases are replayed (required): YYYY-MM-DD, or an ISO 8601 timestamp with its offset')
    .option('--json', 'machine-readable output')
    .action(namingOptions({ since: '--since' }, async (file: string, o: { since: string; json?: boolean }) => {
      const document = readJson(file);
      const report = await throughServerOr('loyalty simulate', (server) => callServer(server, 'POST', '/loyalty/program/simulate', { program: document, since: o.since }), (s) => s.loyalty.simulate(document, { since: o.since }));
      print(report, Boolean(o.json), () => describeSimulation(report, dayText(o.since.trim()), cliLanguage(), document));
    }));
}

const REASONS: Partial<Record<string, Said>> = {
  challenge_timing: say('cli.simulate.challenge_timing'),
  ledger_only_triggers: say('cli.simulate.ledger_only_triggers'),
};
const KINDS: Partial<Record<string, Said>> = { challenge: say('cli.simulate.kind.challenge') };

/** A difference with its sign, a gain's "+" written as a loss's "−" is: "+1,018 points", "+€10.18", "−3,20 €". */
const gain = (positive: boolean, text: string) => `${positive ? '+' : ''}${text}`;

/** The proposed document's tier names by code, in `language` (the report names tiers by code). */
function tierNamesOf(document: unknown, language: Language): (code: string) => string {
  const levels = (document as { tiers?: { levels?: { code?: unknown; name?: unknown }[] } } | null)?.tiers?.levels;
  const names = new Map<string, string>();
  for (const level of Array.isArray(levels) ? levels : []) {
    const name = level?.name;
    if (typeof level?.code === 'string' && (typeof name === 'string' || (name && typeof name === 'object'))) {
      names.set(level.code, textIn(name as string | Record<string, string>, language) || level.code);
    }
  }
  return (code) => names.get(code) ?? code;
}

export function describeSimulation(report: SimulationReport, since: string, language: Language, document?: unknown): string {
  const t = (said: Said) => said.in(language);
  const n = (value: number) => count(value, language);
  const points = (value: number) => countIn('points', value, language);
  const { proposed, current, difference } = report;
  const lines = [
    t(say('cli.simulate.replayed', {
      purchases: countIn('purchases', report.purchases, language), customers: countIn('customersGenitive', report.customers, language), since, ms: String(report.duration_ms),
    })),
    t(say('cli.simulate.proposed', { points: points(proposed.points), purchase_points: proposed.purchase_points, bonus_points: proposed.bonus_points, value: money(proposed.value, proposed.currency) })),
  ];
  if (current && difference) {
    lines.push(t(say('cli.simulate.in_force', { version: String(current.version), points: points(current.points), value: money(current.value, current.currency) })));
    const value = gain(Number(difference.value) > 0, moneyIn(language, difference.value, proposed.currency));
    lines.push(t(say('cli.simulate.difference', { points: gain(difference.points > 0, points(difference.points)), value })));
  }
  // Bonus points by kind, for every kind either program pays something for.
  const kinds = (Object.keys(proposed.bonus_points_by_kind) as (keyof typeof proposed.bonus_points_by_kind)[])
    .filter((k) => proposed.bonus_points_by_kind[k] !== 0 || (current?.bonus_points_by_kind[k] ?? 0) !== 0);
  if (kinds.length) {
    const triggers = report.bonus_triggers as Record<string, number>;
    const head = [t(say('cli.simulate.proposed_column')), t(say('cli.simulate.in_force_column')), t(say('cli.simulate.triggers_column'))];
    const [w1, w2, w3] = [Math.max(9, head[0].length), Math.max(10, head[1].length), Math.max(9, head[2].length)];
    const kindName = (k: (typeof kinds)[number]) => t(say(`cli.simulate.bonus.${k}`));
    const width = Math.max(18, ...kinds.map((k) => kindName(k).length));
    lines.push(`${t(say('cli.simulate.bonuses')).padEnd(width + 3)}${head[0].padStart(w1)} ${current ? head[1].padStart(w2) : ''} ${head[2].padStart(w3)}`);
    for (const k of kinds) {
      const inForce = current ? n(current.bonus_points_by_kind[k]).padStart(w2) : '';
      lines.push(`  ${kindName(k).padEnd(width)} ${n(proposed.bonus_points_by_kind[k]).padStart(w1)} ${inForce} ${(k in triggers ? n(triggers[k]) : '—').padStart(w3)}`);
    }
  }
  for (const x of report.not_simulated) {
    lines.push(t(say('cli.simulate.not_simulated', { kind: KINDS[x.kind] ?? x.kind, points: points(x.ledger_points), reason: REASONS[x.code] ?? x.reason })));
  }
  for (const note of report.notes) lines.push(t(say('cli.simulate.note', { note: REASONS[note.code] ?? note.message })));
  if (report.tiers.length) lines.push(...tierLines(report, language, tierNamesOf(document, language)));
  return lines.join('\n');
}

/** Members per tier, proposed and today, who moves (those moving down first), and what publishing now would do. */
function tierLines(report: SimulationReport, language: Language, tierName: (code: string) => string): string[] {
  const t = (said: Said) => said.in(language);
  const n = (value: number) => count(value, language);
  const head = [t(say('cli.simulate.proposed_column')), t(say('cli.simulate.today_column'))];
  const [w1, w2] = [Math.max(9, head[0].length), Math.max(9, head[1].length)];
  const nameWidth = Math.max(10, ...report.tiers.map((tier) => tierName(tier.code).length));
  const lines = [`${t(say('cli.simulate.tiers')).padEnd(nameWidth + 3)}${head[0].padStart(w1)} ${head[1].padStart(w2)}`];
  for (const tier of report.tiers) lines.push(`  ${tierName(tier.code).padEnd(nameWidth)} ${n(tier.proposed).padStart(w1)} ${n(tier.today).padStart(w2)}`);
  lines.push(t(say('cli.simulate.moves', { up: report.moves.up, down: report.moves.down, unchanged: report.moves.unchanged })));
  const [up, down] = [t(say('cli.simulate.up')), t(say('cli.simulate.down'))];
  const direction = Math.max(up.length, down.length);
  // Who: the first 20; --json lists up to 1,000.
  const listMovers = (movers: SimulationReport['movers'], total: number) => {
    const shown = movers.slice(0, 20);
    for (const m of shown) {
      const name = m.name ?? t(say('cli.simulate.no_name'));
      lines.push(`  ${(m.direction === 'down' ? down : up).padEnd(direction)} ${name.padEnd(28)} ${m.from === null ? t(say('cli.simulate.no_tier')) : tierName(m.from)} -> ${tierName(m.to)}   ${m.customer_id}`);
    }
    const more = total - shown.length;
    if (more > 0) lines.push(`  ${t(say('cli.simulate.more_movers', { more }))}`);
  };
  listMovers(report.movers, report.moves.up + report.moves.down);
  const history = report.in_force_moves;
  if (history && history.up + history.down > 0) lines.push(t(say('cli.simulate.in_force_moves', { up: history.up, down: history.down })));
  const { tier_rules_changed: changed, upgrade_now: keep, reevaluate_now: all } = report.on_publish;
  if (!changed) lines.push(t(say('cli.simulate.publish_moves_nobody')));
  else {
    // upgrade_now moves someone down only out of a level the proposal drops or recodes: said then.
    lines.push(t(keep.down > 0
      ? say('cli.simulate.publish_moves_dropped', { keep_up: keep.up, keep_down: keep.down, all_up: all.up, all_down: all.down })
      : say('cli.simulate.publish_moves', { keep_up: keep.up, all_up: all.up, all_down: all.down })));
    if (all.held_by_period > 0) lines.push(t(say('cli.simulate.held_by_period', { count: all.held_by_period })));
    for (const [policy, moves] of [['upgrade_now', keep], ['reevaluate_now', all]] as const) {
      if (moves.up + moves.down === 0) continue;
      lines.push(t(say('cli.simulate.publish_with', { policy })));
      listMovers(moves.movers, moves.up + moves.down);
    }
  }
  return lines;
}
