import type { z } from 'zod';
import type { AuditEntry } from '../../../http/responses/audit.ts';
import { describeActor, describeDetails, describeSubject, type Telling } from '../../../shared/audit-describe.ts';
import { counted } from '../../i18n/counted.ts';
import { isMessageKey, type I18n, type MessageKey } from '../../i18n/index.ts';
import { campaignHref } from '../loyalty/promotions/CampaignList.tsx';

// The activity log's entries told in words: who, what, about what and the details an
// action recorded, in the dashboard's language. An action (or a detail) this version has
// no words for is shown as the server wrote it — its code, its JSON — never hidden. How an
// entry is described is src/shared/audit-describe.ts, `regulars audit`'s too; here are the
// dashboard's words and its ways of writing money, dates and ids.

/** An entry as GET /audit answers it (type-only: no zod in the bundle). */
export type ActivityEntry = z.infer<typeof AuditEntry>;

/** The families of actions the "What" filter offers, in the order shown (the value is GET /audit's `action`); audit-families.test.ts checks every action written has one. */
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
  ['analytics.', 'activity.family.analytics'],
];

/** The actors that are no staff user or key, as the "Who" filter offers them. */
export const OTHER_ACTORS: readonly (readonly [string, MessageKey])[] = [
  ['cli', 'activity.who.cli'],
  ['system', 'activity.who.system'],
  ['import', 'activity.who.import'],
];

/** The dashboard's words and ways for the describer (src/shared/audit-describe.ts): money and lists as the language writes them, ids shortened. */
function tellingOf(i18n: I18n, currency: string): Telling {
  const { t } = i18n;
  const named = (key: string, code: string) => (isMessageKey(key) ? t(key) : code);
  return {
    word: (word, params) => t(`activity.${word}`, params),
    role: (role) => named(`settings.role.${role}`, role),
    scope: (scope) => named(`settings.scope.${scope}`, scope),
    list: (items) => i18n.list(items),
    count: (kind, count) => counted(i18n, kind === 'points' ? 'activityPoints' : 'activityCodes', count),
    money: (amount) => i18n.money(amount, currency),
    start: (iso) => i18n.date(iso, true),
    id: shortId,
    named: (name) => name,
  };
}

/** What was done, in words; `known` false when the dashboard has none and shows the code. */
export function actionText(i18n: I18n, action: string): { text: string; known: boolean } {
  const key = `activity.action.${action}`;
  return isMessageKey(key) ? { text: i18n.t(key), known: true } : { text: action, known: false };
}

/** Who did it: a name, and a note of how they stand now (a revoked key, a stopped user). */
export const actorText = (i18n: I18n, e: ActivityEntry): { name: string; detail?: string; note?: string } => describeActor(e, tellingOf(i18n, ''));

// Ids are UUIDv7: their head is the time they were made, the same for a minute's worth; the tail tells them apart.
const shortId = (id: string) => (id.length > 12 ? `…${id.slice(-8)}` : id);

/** What it was about: words, a link where the dashboard has a page for it, and whether it is a code to show as one. */
export function aboutText(i18n: I18n, e: ActivityEntry): { text: string; href?: string; code?: boolean } | null {
  const said = describeSubject(e, tellingOf(i18n, ''));
  if (said === null || e.subject === null) return null;
  switch (e.subject_type) {
    case 'customer': return { text: said, href: `/customers/${e.subject}` };
    case 'campaign': return { text: said, href: campaignHref(e.subject) };
    case 'program_version': return { text: said, href: '/loyalty/program' };
    case 'gift_card':
    case 'coupon':
    case 'store': return { text: said, code: true };
    default: return { text: said };
  }
}

/**
 * The details an action recorded, in words: "" when it recorded none, null when the
 * dashboard has no words for them (they are then shown as the JSON recorded).
 */
export const detailsText = (i18n: I18n, e: ActivityEntry, currency: string): string | null => describeDetails(e, tellingOf(i18n, currency));
