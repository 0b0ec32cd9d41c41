import type { AuditEntry } from '../../modules/audit/index.ts';
import { CLI_COUNTS, counting, MESSAGES, say, type Language, type MessageCode } from '../../shared/messages/index.ts';
import { startText, whenText, type Instant } from '../dates.ts';
import { table } from './table.ts';

// What `regulars audit` prints for people: one line an entry — when (on the clock of the
// business's time zone), who, what was done, what it was about and the details the action
// recorded — in the command line's language, as the dashboard's Settings → Activity tells
// them (src/web/pages/settings/activity-texts.ts). An action or a detail it has no words for
// is printed as recorded: its code, its JSON. --json prints GET /audit's page instead.

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

const SYSTEM_NAMES: Readonly<Record<string, MessageCode>> = {
  system: 'cli.audit.who.system',
  import: 'cli.audit.who.import',
  demo: 'cli.audit.who.demo',
  'loyalty:automatic-enrolment': 'cli.audit.who.automatic_enrolment',
};

const word = (code: MessageCode, language: Language) => (MESSAGES[code] as Readonly<Record<Language, string>>)[language];

/** What was done, in words; its code when this version has none. */
export function actionText(action: string, language: Language): string {
  const code = `cli.audit.action.${action}`;
  return Object.hasOwn(MESSAGES, code) ? word(code as MessageCode, language) : action;
}

/** Who did it: a staff user by name and email, a key by name, the command line, Regulars itself; how they stand now. */
export function actorText(e: Entry, language: Language): string {
  const by = e.by;
  if (by.kind === 'user') {
    const name = by.user?.name ? `${by.user.name} <${by.name}>` : by.name;
    return by.user && !by.user.active ? `${name} (${word('cli.audit.logins_stopped', language)})` : name;
  }
  if (by.kind === 'key') {
    const key = say('cli.audit.who.key', { name: by.name }).in(language);
    return by.key?.revoked_at ? `${key} (${word('cli.audit.who.key_revoked', language)})` : key;
  }
  if (by.kind === 'cli') return word('cli.audit.who.cli', language);
  const known = SYSTEM_NAMES[by.name];
  return known ? word(known, language) : by.name;
}

/** What it was about: a customer by name and id, a purchase, a campaign, a program's version, a key or a webhook by name; else as recorded. */
export function aboutText(e: Entry, language: Language): string {
  const subject = e.subject;
  if (subject === null) return '';
  switch (e.subject_type) {
    case 'customer': return e.subject_name ? `${e.subject_name} (${subject})` : say('cli.audit.about.customer', { id: subject }).in(language);
    case 'purchase': return say('cli.audit.about.purchase', { id: subject }).in(language);
    case 'campaign': return say('cli.audit.about.campaign', { id: subject }).in(language);
    case 'program_version': return say('cli.audit.about.version', { version: subject }).in(language);
    case 'api_key':
    case 'webhook': return e.subject_name ?? subject;
    default: return subject;
  }
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);
const whole = (value: unknown): number | undefined => (typeof value === 'number' && Number.isSafeInteger(value) ? value : undefined);
const amountOf = (value: unknown): string | undefined => (typeof value === 'number' ? String(value) : typeof value === 'string' && /^\d+(\.\d+)?$/.test(value.trim()) ? value.trim() : undefined);
const join = (parts: (string | undefined | false)[]) => parts.filter(Boolean).join(' — ');

/** Points with the words that agree with them, signed where `signed`: "+500 points", "−20 točk". */
function pointsText(points: number, language: Language, signed = false): string {
  const sign = !signed || points === 0 ? '' : points > 0 ? '+' : '−';
  return sign + counting(CLI_COUNTS.points, Math.abs(points)).in(language);
}

function roleText(role: unknown, language: Language): string | undefined {
  const name = text(role);
  if (!name) return undefined;
  const code = `cli.users.role.${name}`;
  return say('cli.audit.details.role', { role: Object.hasOwn(MESSAGES, code) ? word(code as MessageCode, language) : name }).in(language);
}

/** The details an action recorded, in words: '' when it recorded none; as recorded (JSON) when there are no words for them. */
export function detailsText(e: Entry, { language, timeZone, currency }: Telling): string {
  const d = e.details;
  const t = (said: { in(language: Language): string }) => said.in(language);
  const money = (value: unknown) => (amountOf(value) === undefined ? undefined : t(say('cli.audit.details.amount', { amount: `${amountOf(value)} ${currency}` })));
  const order = (value: unknown) => (text(value) ? t(say('cli.audit.details.order', { order: text(value)! })) : undefined);
  const points = (value: unknown, signed = false) => (whole(value) === undefined ? undefined : pointsText(whole(value)!, language, signed));
  let said: string | undefined;
  switch (e.action) {
    case 'loyalty.adjust':
      said = points(d.points, true) && join([points(d.points, true), text(d.reason) && t(say('cli.audit.details.reason', { reason: text(d.reason)! }))]);
      break;
    case 'loyalty.points_forfeited':
      said = points(d.points) && t(say('cli.audit.details.forfeited', { points: points(d.points)! }));
      break;
    case 'loyalty.duplicate_bonus_taken_back':
      said = points(d.points) && t(say('cli.audit.details.taken_back', { points: points(d.points)! }));
      break;
    case 'customer.erase': {
      const forfeited = whole(d.loyalty_points_forfeited);
      said = forfeited === undefined ? (Object.keys(d).length === 0 ? '' : undefined) : forfeited === 0 ? '' : t(say('cli.audit.details.forfeited', { points: points(forfeited)! }));
      break;
    }
    case 'customer.update':
      said = Array.isArray(d.fields) ? t(say('cli.audit.details.fields', { fields: d.fields.map(String).join(', ') })) : undefined;
      break;
    case 'customer.merge':
      said = text(d.merged) && t(say('cli.audit.details.merged', { id: text(d.merged)! }));
      break;
    case 'user.create':
      said = roleText(d.role, language);
      break;
    case 'user.update':
      said = join([roleText(d.role, language), d.disabled === true && t(say('cli.audit.logins_stopped')), d.disabled === false && t(say('cli.audit.details.logins_allowed'))]) || undefined;
      break;
    case 'api_key.create':
      said = Array.isArray(d.scopes) ? t(say('cli.audit.details.scopes', { scopes: d.scopes.map(String).join(', ') })) : undefined;
      break;
    case 'loyalty.program.apply': {
      const from = text(d.effective_from);
      said = from && !Number.isNaN(Date.parse(from))
        ? join([t(say('cli.audit.details.in_force_from', { date: startText(from, timeZone) })), text(d.note) && t(say('cli.audit.details.note', { note: text(d.note)! }))])
        : undefined;
      break;
    }
    case 'gift_card.issue':
    case 'purchase.refund':
      said = money(d.amount);
      break;
    case 'gift_card.charge':
      said = money(d.amount) && join([money(d.amount), order(d.order_ref)]);
      break;
    case 'store.create':
    case 'store.update':
      said = text(d.name) && join([text(d.name), text(d.city), text(d.time_zone)]);
      break;
    case 'coupon.use':
      said = order(d.order_ref) ?? '';
      break;
    case 'coupon.campaign.create':
      said = text(d.name) && join([`“${text(d.name)}”`, whole(d.codes) !== undefined && counting(CLI_COUNTS.codes, whole(d.codes)!).in(language)]);
      break;
    case 'loyalty.referral.claim':
      said = text(d.code) && t(say('cli.audit.details.code', { code: text(d.code)! }));
      break;
    case 'loyalty.duplicate_birthday_gift_withdrawn':
    case 'loyalty.duplicate_birthday_gift_kept':
      said = whole(d.year) !== undefined ? join([t(say('cli.audit.details.year', { year: String(d.year) })), text(d.coupon) && t(say('cli.audit.details.code', { code: text(d.coupon)! }))]) : undefined;
      break;
    default:
      said = Object.keys(d).length === 0 ? '' : undefined;
  }
  return said ?? JSON.stringify(d);
}

/** The entries, one a line, in aligned columns: when, who, what, about what, details; `filtered` says which words an empty list gets. */
export function auditLines(items: Entry[], telling: Telling, filtered: boolean): string {
  if (items.length === 0) return say(filtered ? 'cli.audit.none_filtered' : 'cli.audit.none').in(telling.language);
  return table(items.map((e) => [
    whenText(e.at, telling.timeZone), actorText(e, telling.language), actionText(e.action, telling.language), aboutText(e, telling.language), detailsText(e, telling),
  ]));
}
