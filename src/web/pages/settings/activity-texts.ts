import type { z } from 'zod';
import type { AuditEntry } from '../../../http/responses/audit.ts';
import { counted, type COUNTED } from '../../i18n/counted.ts';
import { isMessageKey, type I18n, type MessageKey } from '../../i18n/index.ts';
import { campaignHref } from '../loyalty/promotions/CampaignList.tsx';

// The activity log's entries told in words: who, what, about what and the details an
// action recorded, in the dashboard's language. An action (or a detail) this version has
// no words for is shown as the server wrote it — its code, its JSON — never hidden.

/** An entry as GET /audit answers it (type-only: no zod in the bundle). */
export type ActivityEntry = z.infer<typeof AuditEntry>;

/** The families of actions the "What" filter offers, in the order shown (the value is GET /audit's `action`). */
export const FAMILIES: readonly (readonly [string, MessageKey])[] = [
  ['loyalty.', 'activity.family.loyalty'],
  ['loyalty.program.', 'activity.family.program'],
  ['customer.', 'activity.family.customer'],
  ['purchase.', 'activity.family.purchase'],
  ['coupon.', 'activity.family.coupon'],
  ['gift_card.', 'activity.family.gift_card'],
  ['user.', 'activity.family.user'],
  ['api_key.', 'activity.family.api_key'],
  ['webhook.', 'activity.family.webhook'],
  ['store.', 'activity.family.store'],
];

/** The actors that are no staff user or key, as the "Who" filter offers them. */
export const OTHER_ACTORS: readonly (readonly [string, MessageKey])[] = [
  ['cli', 'activity.who.cli'],
  ['system', 'activity.who.system'],
  ['import', 'activity.who.import'],
];

const SYSTEM_NAMES: Readonly<Record<string, MessageKey>> = {
  system: 'activity.who.system',
  import: 'activity.who.import',
  demo: 'activity.who.demo',
  'loyalty:automatic-enrolment': 'activity.who.automaticEnrolment',
};

/** A count with the words that agree with it, signed where `signed` (+500 points, −20 points: the form of the number without its sign). */
function countedIn(i18n: I18n, key: keyof typeof COUNTED, count: number, signed = false): string {
  const sign = !signed || count === 0 ? '' : count > 0 ? '+' : '−';
  return sign + counted(i18n, key, Math.abs(count));
}

/** What was done, in words; `known` false when the dashboard has none and shows the code. */
export function actionText(i18n: I18n, action: string): { text: string; known: boolean } {
  const key = `activity.action.${action}`;
  return isMessageKey(key) ? { text: i18n.t(key), known: true } : { text: action, known: false };
}

/** Who did it: a name, and a note of how they stand now (a revoked key, a stopped user). */
export function actorText(i18n: I18n, e: ActivityEntry): { name: string; detail?: string; note?: string } {
  const { t } = i18n;
  const by = e.by;
  if (by.kind === 'user') {
    const note = by.user && !by.user.active ? t('activity.who.userStopped') : undefined;
    return by.user?.name ? { name: by.user.name, detail: by.name, note } : { name: by.name, note };
  }
  if (by.kind === 'key') return { name: t('activity.who.key', { name: by.name }), note: by.key?.revoked_at ? t('activity.who.keyRevoked') : undefined };
  if (by.kind === 'cli') return { name: t('activity.who.cli') };
  const known = SYSTEM_NAMES[by.name];
  return { name: known ? t(known) : by.name };
}

// Ids are UUIDv7: their head is the time they were made, the same for a minute's worth; the tail tells them apart.
const shortId = (id: string) => (id.length > 12 ? `…${id.slice(-8)}` : id);

/** What it was about: words, a link where the dashboard has a page for it, and whether it is a code to show as one. */
export function aboutText(i18n: I18n, e: ActivityEntry): { text: string; href?: string; code?: boolean } | null {
  const { t } = i18n;
  const subject = e.subject;
  if (subject === null) return null;
  switch (e.subject_type) {
    case 'customer': return { text: e.subject_name ?? t('activity.about.customer', { id: shortId(subject) }), href: `/customers/${subject}` };
    case 'purchase': return { text: t('activity.about.purchase', { id: shortId(subject) }) };
    case 'campaign': return { text: t('activity.about.campaign', { id: shortId(subject) }), href: campaignHref(subject) };
    case 'program_version': return { text: t('activity.about.version', { version: subject }), href: '/loyalty/program' };
    case 'api_key':
    case 'webhook': return { text: e.subject_name ?? subject };
    case 'gift_card':
    case 'coupon':
    case 'store': return { text: subject, code: true };
    default: return { text: subject };
  }
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);
const whole = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
const amountOf = (value: unknown): string | undefined => (typeof value === 'number' ? String(value) : typeof value === 'string' && /^\d+(\.\d+)?$/.test(value.trim()) ? value.trim() : undefined);
const join = (parts: (string | undefined | false)[]) => parts.filter(Boolean).join(' — ');

function roleText(i18n: I18n, role: unknown): string | undefined {
  const name = text(role);
  if (!name) return undefined;
  const key = `settings.role.${name}`;
  return i18n.t('activity.details.role', { role: isMessageKey(key) ? i18n.t(key) : name });
}

/**
 * The details an action recorded, in words: "" when it recorded none, null when the
 * dashboard has no words for them (they are then shown as the JSON recorded).
 */
export function detailsText(i18n: I18n, e: ActivityEntry, currency: string): string | null {
  const { t } = i18n;
  const d = e.details;
  const money = (value: unknown) => {
    const amount = amountOf(value);
    return amount === undefined ? undefined : t('activity.details.amount', { amount: i18n.money(amount, currency) });
  };
  const order = (value: unknown) => (text(value) ? t('activity.details.order', { order: text(value)! }) : undefined);
  const points = (value: unknown, signed = false) => (whole(value) === undefined ? undefined : countedIn(i18n, 'activityPoints', whole(value)!, signed));
  let said: string | undefined;
  switch (e.action) {
    case 'loyalty.adjust':
      said = points(d.points, true) && join([points(d.points, true), text(d.reason) && t('activity.details.reason', { reason: text(d.reason)! })]);
      break;
    case 'loyalty.points_forfeited':
      said = points(d.points) && t('activity.details.forfeited', { points: points(d.points)! });
      break;
    case 'loyalty.duplicate_bonus_taken_back':
      said = points(d.points) && t('activity.details.takenBack', { points: points(d.points)! });
      break;
    case 'customer.erase': {
      const forfeited = whole(d.loyalty_points_forfeited);
      said = forfeited === undefined ? (Object.keys(d).length === 0 ? '' : undefined) : forfeited === 0 ? '' : t('activity.details.forfeited', { points: points(forfeited)! });
      break;
    }
    case 'customer.update':
      said = Array.isArray(d.fields) ? t('activity.details.fields', { fields: i18n.list(d.fields.map(String)) }) : undefined;
      break;
    case 'customer.merge':
      said = text(d.merged) && t('activity.details.merged', { id: shortId(text(d.merged)!) });
      break;
    case 'user.create':
      said = roleText(i18n, d.role);
      break;
    case 'user.update':
      said = join([roleText(i18n, d.role), d.disabled === true && t('activity.details.loginsStopped'), d.disabled === false && t('activity.details.loginsAllowed')]) || undefined;
      break;
    case 'api_key.create':
      said = Array.isArray(d.scopes)
        ? t('activity.details.scopes', { scopes: i18n.list(d.scopes.map((s) => { const key = `settings.scope.${String(s)}`; return isMessageKey(key) ? t(key) : String(s); })) })
        : undefined;
      break;
    case 'loyalty.program.apply':
      said = text(d.effective_from) && join([t('activity.details.inForceFrom', { date: i18n.date(text(d.effective_from)!, true) }), text(d.note) && t('activity.details.note', { note: text(d.note)! })]);
      break;
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
      said = text(d.name) && join([`“${text(d.name)}”`, whole(d.codes) !== undefined && countedIn(i18n, 'activityCodes', whole(d.codes)!)]);
      break;
    case 'loyalty.referral.claim':
      said = text(d.code) && t('activity.details.code', { code: text(d.code)! });
      break;
    case 'loyalty.duplicate_birthday_gift_withdrawn':
    case 'loyalty.duplicate_birthday_gift_kept':
      said = whole(d.year) !== undefined ? join([t('activity.details.year', { year: String(d.year) }), text(d.coupon) && t('activity.details.code', { code: text(d.coupon)! })]) : undefined;
      break;
    default:
      said = Object.keys(d).length === 0 ? '' : undefined;
  }
  return said ?? null;
}
