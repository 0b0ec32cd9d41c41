// An activity log entry told in words — who did it, what it was about and the details its
// action recorded — once, for both who tell it: `regulars audit` (src/cli/commands/audit-text.ts,
// words in src/shared/messages/cli-audit.ts) and the dashboard's Settings → Activity
// (src/web/pages/settings/activity-texts.ts, words in src/web/i18n/<lang>/activity.ts). Each
// gives its own words and formatters (a Telling): the command line writes amounts as
// "20.00 EUR" and ids in full, the dashboard "€20.00" and ids shortened. This file is pure
// (no zod, no Node, no server code): the dashboard's bundle imports it.
// An action or a detail there are no words for is left to the caller to show as recorded.

/** The words a teller gives, by these names (the dashboard's keys without `activity.`). */
export const AUDIT_WORDS = [
  'who.key', 'who.keyRevoked', 'who.userStopped', 'who.cli', 'who.system', 'who.import', 'who.demo', 'who.automaticEnrolment',
  'about.customer', 'about.purchase', 'about.campaign', 'about.version',
  'details.reason', 'details.role', 'details.roleChange', 'details.loginsStopped', 'details.loginsAllowed', 'details.scopes', 'details.fields',
  'details.merged', 'details.forfeited', 'details.takenBack', 'details.inForceFrom', 'details.note', 'details.amount', 'details.order',
  'details.code', 'details.year', 'details.orderRefunded',
] as const;
export type AuditWord = (typeof AUDIT_WORDS)[number];

/** An entry as GET /audit answers it, or as the service does (only what is told here). */
export interface DescribedEntry {
  action: string;
  by: { kind: 'user' | 'key' | 'cli' | 'system'; name: string; user: { name: string | null; active: boolean } | null; key: { revoked_at: unknown } | null };
  subject: string | null;
  subject_type: string | null;
  subject_name: string | null;
  details: Record<string, unknown>;
}

/** How a teller words and writes things: its language's words, and its ways with counts, amounts, dates, ids and lists. */
export interface Telling {
  word(word: AuditWord, params?: Record<string, string>): string;
  /** A role's name (owner, manager, staff); as recorded when it has none. */
  role(role: string): string;
  /** An API key's scope; as recorded when it has none. */
  scope(scope: string): string;
  list(items: string[]): string;
  /** A count with the words that agree with it, unsigned: "500 points", "1 code". */
  count(kind: 'points' | 'codes', count: number): string;
  /** An amount (an exact decimal) in the business's currency. */
  money(amount: string): string;
  /** A start (a version's effective_from) as a day, or a day and a time. */
  start(iso: string): string;
  /** An id named inside a sentence (a customer's, a purchase's). */
  id(id: string): string;
  /** A customer named beside their id. */
  named(name: string, id: string): string;
}

const SYSTEM_NAMES: Readonly<Record<string, AuditWord>> = {
  system: 'who.system',
  import: 'who.import',
  demo: 'who.demo',
  'loyalty:automatic-enrolment': 'who.automaticEnrolment',
};

/** Who did it: a name, what tells it apart (a staff user's email beside their name), and how they stand now (a revoked key, a stopped user). */
export function describeActor(e: DescribedEntry, telling: Telling): { name: string; detail?: string; note?: string } {
  const by = e.by;
  if (by.kind === 'user') {
    const note = by.user && !by.user.active ? telling.word('who.userStopped') : undefined;
    return by.user?.name ? { name: by.user.name, detail: by.name, note } : { name: by.name, note };
  }
  if (by.kind === 'key') return { name: telling.word('who.key', { name: by.name }), note: by.key?.revoked_at ? telling.word('who.keyRevoked') : undefined };
  if (by.kind === 'cli') return { name: telling.word('who.cli') };
  const known = SYSTEM_NAMES[by.name];
  return { name: known ? telling.word(known) : by.name };
}

/** What it was about: a customer, a purchase, a campaign, a program's version, a key or a webhook by name; else as recorded; null for nothing. */
export function describeSubject(e: DescribedEntry, telling: Telling): string | null {
  const subject = e.subject;
  if (subject === null) return null;
  switch (e.subject_type) {
    case 'customer': return e.subject_name ? telling.named(e.subject_name, subject) : telling.word('about.customer', { id: telling.id(subject) });
    case 'purchase': return telling.word('about.purchase', { id: telling.id(subject) });
    case 'campaign': return telling.word('about.campaign', { id: telling.id(subject) });
    case 'program_version': return telling.word('about.version', { version: subject });
    case 'api_key':
    case 'webhook': return e.subject_name ?? subject;
    default: return subject;
  }
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);
const whole = (value: unknown): number | undefined => (typeof value === 'number' && Number.isSafeInteger(value) ? value : undefined);
const amountOf = (value: unknown): string | undefined => (typeof value === 'number' ? String(value) : typeof value === 'string' && /^\d+(\.\d+)?$/.test(value.trim()) ? value.trim() : undefined);
const flag = (value: unknown): boolean | undefined => (typeof value === 'boolean' ? value : undefined);
const join = (parts: (string | undefined | false)[]) => parts.filter(Boolean).join(' — ');

/** A user.update's change of one field: { from, to } (as recorded since), or the value it was left at (entries written before). */
function changeOf<T>(value: unknown, read: (v: unknown) => T | undefined): { from?: T; to: T } | undefined {
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && 'to' in value) {
    const { from, to } = value as { from?: unknown; to: unknown };
    const [before, after] = [read(from), read(to)];
    return after === undefined || (from !== undefined && before === undefined) ? undefined : { from: before, to: after };
  }
  const after = read(value);
  return after === undefined ? undefined : { to: after };
}

/** What a user.update did: the role it changed (from → to), logins stopped or allowed; undefined when the details are in no shape known. */
function userUpdateText(d: Record<string, unknown>, telling: Telling): string | undefined {
  // A field in a shape not known is left unsaid, the rest said; nothing said, the details are shown as recorded.
  const role = changeOf(d.role, text);
  const disabled = changeOf(d.disabled, flag);
  const roleSaid = role && (role.from === undefined
    ? telling.word('details.role', { role: telling.role(role.to) })
    : telling.word('details.roleChange', { from: telling.role(role.from), to: telling.role(role.to) }));
  // An entry of before: the state it was left in, logins allowed said as such; since, only a change is recorded.
  const loginsSaid = disabled && (disabled.to ? telling.word('details.loginsStopped') : telling.word('details.loginsAllowed'));
  return join([roleSaid, loginsSaid]) || undefined;
}

/**
 * The details an action recorded, in words: '' when it recorded none, null when there are
 * no words for them (the caller shows them as recorded).
 */
export function describeDetails(e: DescribedEntry, telling: Telling): string | null {
  const d = e.details;
  const { word } = telling;
  const money = (value: unknown) => (amountOf(value) === undefined ? undefined : word('details.amount', { amount: telling.money(amountOf(value)!) }));
  const order = (value: unknown) => (text(value) ? word('details.order', { order: text(value)! }) : undefined);
  const points = (value: unknown, signed = false) => {
    const n = whole(value);
    if (n === undefined) return undefined;
    // The sign before the number, the words agreeing with the number without it: "+500 points", "−1 point".
    const sign = !signed || n === 0 ? '' : n > 0 ? '+' : '−';
    return sign + telling.count('points', Math.abs(n));
  };
  let said: string | undefined;
  switch (e.action) {
    case 'loyalty.adjust':
      said = points(d.points, true) && join([points(d.points, true), text(d.reason) && word('details.reason', { reason: text(d.reason)! })]);
      break;
    case 'loyalty.points_forfeited':
      said = points(d.points) && word('details.forfeited', { points: points(d.points)! });
      break;
    case 'loyalty.duplicate_bonus_taken_back':
      said = points(d.points) && word('details.takenBack', { points: points(d.points)! });
      break;
    case 'customer.erase': {
      const forfeited = whole(d.loyalty_points_forfeited);
      said = forfeited === undefined ? (Object.keys(d).length === 0 ? '' : undefined) : forfeited === 0 ? '' : word('details.forfeited', { points: points(forfeited)! });
      break;
    }
    case 'customer.update':
      said = Array.isArray(d.fields) ? word('details.fields', { fields: telling.list(d.fields.map(String)) }) : undefined;
      break;
    case 'customer.merge':
      said = text(d.merged) && word('details.merged', { id: telling.id(text(d.merged)!) });
      break;
    case 'user.create':
      said = text(d.role) && word('details.role', { role: telling.role(text(d.role)!) });
      break;
    case 'user.update':
      said = userUpdateText(d, telling);
      break;
    case 'api_key.create':
      said = Array.isArray(d.scopes) ? word('details.scopes', { scopes: telling.list(d.scopes.map((s) => telling.scope(String(s)))) }) : undefined;
      break;
    case 'loyalty.program.apply': {
      const from = text(d.effective_from);
      said = from && !Number.isNaN(Date.parse(from))
        ? join([word('details.inForceFrom', { date: telling.start(from) }), text(d.note) && word('details.note', { note: text(d.note)! })])
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
    case 'gift_card.refund':
      said = money(d.amount) && join([money(d.amount), order(d.order_ref), text(d.reason) && word('details.reason', { reason: text(d.reason)! })]);
      break;
    case 'store.create':
    case 'store.update':
      said = text(d.name) && join([text(d.name), text(d.city), text(d.time_zone)]);
      break;
    case 'analytics.settings.update':
      said = d.acquisition_cost === null ? '' : money(d.acquisition_cost);
      break;
    case 'coupon.use':
      said = order(d.order_ref) ?? '';
      break;
    case 'coupon.rollback':
      // Given back by a refund of the whole order (coupon-rollbacks.ts): said in the reader's language, not as the reason kept in English.
      said = text(d.refund)
        ? join([order(d.order_ref), word('details.orderRefunded', { refund: text(d.refund)! })])
        : join([order(d.order_ref), text(d.reason) && word('details.reason', { reason: text(d.reason)! })]);
      break;
    case 'coupon.campaign.create':
      said = text(d.name) && join([`“${text(d.name)}”`, whole(d.codes) !== undefined && telling.count('codes', whole(d.codes)!)]);
      break;
    case 'loyalty.referral.claim':
      said = text(d.code) && word('details.code', { code: text(d.code)! });
      break;
    case 'loyalty.duplicate_birthday_gift_withdrawn':
    case 'loyalty.duplicate_birthday_gift_kept':
      said = whole(d.year) !== undefined ? join([word('details.year', { year: String(d.year) }), text(d.coupon) && word('details.code', { code: text(d.coupon)! })]) : undefined;
      break;
    default:
      said = Object.keys(d).length === 0 ? '' : undefined;
  }
  return said ?? null;
}
