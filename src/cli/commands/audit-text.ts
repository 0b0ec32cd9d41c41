import { actorParts, type AuditEntry } from '../../modules/audit/index.ts';
import { describeActor, describeDetails, describeSubject, type AuditWord, type Telling as DescriberTelling } from '../../shared/audit-describe.ts';
import { CLI_COUNTS, counting, MESSAGES, Said, say, type Language, type MessageCode } from '../../shared/messages/index.ts';
import { moneyIn } from '../../shared/money.ts';
import { startText, whenText, type Instant } from '../dates.ts';
import { table } from './table.ts';

// What `regulars audit` prints for people: one line an entry — when (on the clock of the
// business's time zone), who, what was done, what it was about and the details the action
// recorded — in the command line's language, as the dashboard's Settings → Activity tells
// them (src/web/pages/settings/activity-texts.ts). An action or a detail it has no words for
// is printed as recorded: its code, its JSON. --json prints GET /audit's page instead.
// How an entry is described is src/shared/audit-describe.ts, the dashboard's too; here are
// the command line's words and ways of writing amounts, dates and ids.

/** An entry as the service answers it, or as a server's JSON does (its instants as ISO text). */
export type Entry = Omit<AuditEntry, 'at' | 'by'> & {
  at: Instant;
  by: Omit<AuditEntry['by'], 'key'> & { key: (Omit<NonNullable<AuditEntry['by']['key']>, 'revoked_at'> & { revoked_at: Instant | null }) | null };
};

/** How the printed lines are told: the language, the business's time zone and currency. */
export interface Telling {
  language: Language;
  timeZone: string;
  currency: string;
}

const word = (code: MessageCode, language: Language) => (MESSAGES[code] as Readonly<Record<Language, string>>)[language];

/** The command line's words for the describer's (src/shared/audit-describe.ts); audit-text.test.ts keeps them in step with the dashboard's. */
export const CLI_AUDIT_WORDS: Readonly<Record<AuditWord, MessageCode>> = {
  'who.key': 'cli.audit.who.key',
  'who.keyRevoked': 'cli.audit.who.key_revoked',
  // One text for both, beside a user and as a change (the catalogue words a fixed text once).
  'who.userStopped': 'cli.audit.logins_stopped',
  'who.cli': 'cli.audit.who.cli',
  'who.system': 'cli.audit.who.system',
  'who.import': 'cli.audit.who.import',
  'who.demo': 'cli.audit.who.demo',
  'who.automaticEnrolment': 'cli.audit.who.automatic_enrolment',
  'about.customer': 'cli.audit.about.customer',
  'about.purchase': 'cli.audit.about.purchase',
  'about.campaign': 'cli.audit.about.campaign',
  'about.version': 'cli.audit.about.version',
  'details.reason': 'cli.audit.details.reason',
  'details.role': 'cli.audit.details.role',
  'details.roleChange': 'cli.audit.details.role_change',
  'details.loginsStopped': 'cli.audit.logins_stopped',
  'details.loginsAllowed': 'cli.audit.details.logins_allowed',
  'details.scopes': 'cli.audit.details.scopes',
  'details.fields': 'cli.audit.details.fields',
  'details.merged': 'cli.audit.details.merged',
  'details.forfeited': 'cli.audit.details.forfeited',
  'details.takenBack': 'cli.audit.details.taken_back',
  'details.inForceFrom': 'cli.audit.details.in_force_from',
  'details.note': 'cli.audit.details.note',
  'details.amount': 'cli.audit.details.amount',
  'details.order': 'cli.audit.details.order',
  'details.code': 'cli.audit.details.code',
  'details.year': 'cli.audit.details.year',
  'details.orderRefunded': 'cli.audit.details.order_refunded',
};

/** The describer's words and ways as the command line writes them: amounts as the language writes money ("€20.00", "20,00 €"), ids in full, a customer's name with their id. */
function tellingOf({ language, timeZone, currency }: Telling): DescriberTelling {
  return {
    word: (w, params) => new Said(CLI_AUDIT_WORDS[w], params).in(language),
    role: (role) => {
      const code = `cli.users.role.${role}`;
      return Object.hasOwn(MESSAGES, code) ? word(code as MessageCode, language) : role;
    },
    scope: (scope) => scope,
    list: (items) => items.join(', '),
    count: (kind, n) => counting(CLI_COUNTS[kind], n).in(language),
    money: (amount) => moneyIn(language, amount, currency),
    start: (iso) => startText(iso, timeZone),
    id: (id) => id,
    named: (name, id) => `${name} (${id})`,
  };
}

/** What was done, in words; its code when this version has none. */
export function actionText(action: string, language: Language): string {
  const code = `cli.audit.action.${action}`;
  return Object.hasOwn(MESSAGES, code) ? word(code as MessageCode, language) : action;
}

/** Who did it: a staff user by name and email, a key by name, the command line, Regulars itself; how they stand now. */
export function actorText(e: Entry, language: Language): string {
  const { name, detail, note } = describeActor(e, tellingOf({ language, timeZone: 'UTC', currency: '' }));
  const named = detail ? `${name} <${detail}>` : name;
  return note ? `${named} (${note})` : named;
}

/** An actor as recorded (user:<email>, key:<name>, cli, system…) as the log's lines name one, when only the recorded actor is at hand (a setting's updated_by). */
export function recordedActorText(actor: string, language: Language): string {
  const by = { ...actorParts(actor), user: null, key: null };
  return describeActor({ action: '', by, subject: null, subject_type: null, subject_name: null, details: {} }, tellingOf({ language, timeZone: 'UTC', currency: '' })).name;
}

/** What it was about: a customer by name and id, a purchase, a campaign, a program's version, a key or a webhook by name; else as recorded. */
export const aboutText = (e: Entry, language: Language): string => describeSubject(e, tellingOf({ language, timeZone: 'UTC', currency: '' })) ?? '';

/** The details an action recorded, in words: '' when it recorded none; as recorded (JSON) when there are no words for them. */
export const detailsText = (e: Entry, telling: Telling): string => describeDetails(e, tellingOf(telling)) ?? JSON.stringify(e.details);

/** The entries, one a line, in aligned columns: when, who, what, about what, details; `filtered` says which words an empty list gets. */
export function auditLines(items: Entry[], telling: Telling, filtered: boolean): string {
  if (items.length === 0) return say(filtered ? 'cli.audit.none_filtered' : 'cli.audit.none').in(telling.language);
  return table(items.map((e) => [
    whenText(e.at, telling.timeZone), actorText(e, telling.language), actionText(e.action, telling.language), aboutText(e, telling.language), detailsText(e, telling),
  ]));
}
