import type { Command } from 'commander';
import { analyticsSettings, updateAnalyticsSettings, type AnalyticsSettings } from '../../modules/analytics/index.ts';
import { invalidField } from '../../shared/errors.ts';
import { say, type Language } from '../../shared/messages/index.ts';
import { money } from '../../shared/money.ts';
import { print, throughServerOr } from '../context.ts';
import { business, whenText, type Instant } from '../dates.ts';
import { cliLanguage } from '../language.ts';
import { namingOptions } from '../option-names.ts';
import { callServer } from '../remote.ts';
import { recordedActorText } from './audit-text.ts';

// `regulars analyze settings`: the business's analytics settings, as GET /analytics/settings
// and the dashboard's Revenue tab show them — the cost of winning one customer, which the
// simple CLV subtracts when the query names none. With --acquisition-cost it stores one, with
// --forget-acquisition-cost it forgets it: the same service call as PATCH /analytics/settings
// (through a running server, that route), recorded in the activity log with the command line
// as its actor. Amounts are decimal strings in the business's currency ("25.00"), in every
// language, as --acquisition-cost of `analyze metrics` and --amount of `gift-cards issue` take
// them; a bad one is refused naming --acquisition-cost, and nothing is stored.

/** What the answer carries, from the service (Date) or a server's JSON (ISO text). */
type Settings = Omit<AnalyticsSettings, 'updated_at'> & { updated_at: Instant | null };

type SettingsOptions = { acquisitionCost?: string; forgetAcquisitionCost?: boolean; json?: boolean };

export function settingsCommand(analyze: Command) {
  analyze
    .command('settings')
    .description('the stored cost of winning one customer, which the CLV subtracts; shown, or changed with --acquisition-cost or --forget-acquisition-cost (recorded in the activity log)')
    .option('--acquisition-cost <amount>', "store this cost of winning one customer, in the business's currency, e.g. 25.00")
    .option('--forget-acquisition-cost', 'forget the stored cost (the CLV then subtracts 0)')
    .option('--json', 'machine-readable output')
    .action(namingOptions({ acquisition_cost: '--acquisition-cost' }, async (o: SettingsOptions) => {
      const change = changeOf(o);
      const settings: Settings = await throughServerOr(
        'analyze',
        (server) => (change ? callServer(server, 'PATCH', '/analytics/settings', change) : callServer(server, 'GET', '/analytics/settings')),
        (s) => (change ? updateAnalyticsSettings(s, change, { actor: 'cli' }) : analyticsSettings(s)),
      );
      const language = cliLanguage();
      await print(settings, Boolean(o.json), async () => describeSettings(settings, change !== undefined, (await business()).timeZone, language));
    }));
}

/** The body of PATCH /analytics/settings the options ask for; undefined when they only ask to see the settings. */
function changeOf(o: SettingsOptions): { acquisition_cost: string | null } | undefined {
  if (o.acquisitionCost !== undefined && o.forgetAcquisitionCost) throw invalidField('--forget-acquisition-cost', say('cli.settings.set_or_forget'));
  if (o.forgetAcquisitionCost) return { acquisition_cost: null };
  return o.acquisitionCost === undefined ? undefined : { acquisition_cost: o.acquisitionCost };
}

/** The settings in words: a change said as what was stored or forgotten; otherwise the cost, and who changed it last, when. */
export function describeSettings(s: Settings, changed: boolean, timeZone: string, language: Language): string {
  if (changed) {
    return (s.acquisition_cost === null ? say('cli.settings.forgotten') : say('cli.settings.stored', { cost: money(s.acquisition_cost, s.currency) })).in(language);
  }
  const cost = s.acquisition_cost === null ? say('cli.settings.no_cost') : say('cli.settings.cost', { cost: money(s.acquisition_cost, s.currency) });
  const last = s.updated_at === null || s.updated_by === null ? [] : [say('cli.settings.changed', { when: whenText(s.updated_at, timeZone), who: recordedActorText(s.updated_by, language) })];
  return [cost, ...last].map((line) => line.in(language)).join('\n');
}
