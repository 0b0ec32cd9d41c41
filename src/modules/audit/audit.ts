import { invalidField } from '../../shared/errors.ts';
import { say } from '../../shared/messages/index.ts';

// The activity log's pure rules: who an entry's actor is, what its subject names, how an
// action filter reads and how a page's cursor is written. Entries are written by
// src/db/audit.ts (every admin or staff write, in its own transaction); this module reads them.

/** Who did it: a staff user (`user:<email>`), an API key (`key:<name>`), the command line (`cli`), or Regulars itself (the rest: `system`, `import`, `demo`, …). */
export const ACTOR_KINDS = ['user', 'key', 'cli', 'system'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

/** An actor as recorded, split into its kind and its name (a user's email, a key's name, else the actor itself). */
export function actorParts(actor: string): { kind: ActorKind; name: string } {
  if (actor.startsWith('user:')) return { kind: 'user', name: actor.slice('user:'.length) };
  if (actor.startsWith('key:')) return { kind: 'key', name: actor.slice('key:'.length) };
  if (actor === 'cli') return { kind: 'cli', name: actor };
  return { kind: 'system', name: actor };
}

/** What an entry's subject is, by its action: an id of one of these, or (a key's creation, a gift card, a coupon) its name or code. */
export const SUBJECT_TYPES = ['customer', 'purchase', 'user', 'api_key', 'webhook', 'gift_card', 'coupon', 'campaign', 'program_version', 'store'] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];

// Longest prefix first: loyalty.program.apply names a program version, every other
// loyalty action a customer (a member, the friend of a referral, a merge's survivor).
const SUBJECT_BY_PREFIX: readonly [string, SubjectType][] = [
  ['loyalty.program.', 'program_version'],
  ['coupon.campaign.', 'campaign'],
  ['customer.', 'customer'],
  ['loyalty.', 'customer'],
  ['purchase.', 'purchase'],
  ['user.', 'user'],
  ['api_key.', 'api_key'],
  ['webhook.', 'webhook'],
  ['gift_card.', 'gift_card'],
  ['coupon.', 'coupon'],
  ['store.', 'store'],
];

/** The type of thing an action's subject is; null for an action this module does not know (its subject is still shown as written). */
export const subjectTypeOf = (action: string): SubjectType | null => SUBJECT_BY_PREFIX.find(([prefix]) => action.startsWith(prefix))?.[1] ?? null;

/** An action (loyalty.adjust) or a family of actions, ending in a dot (loyalty., loyalty.program.). */
export const ACTION_FILTER = /^[a-z0-9_]+(\.[a-z0-9_]+)*\.?$/;

/**
 * An action filter as the query needs it: the action's first segment (its family, which
 * the index 0023 is on), and the exact action or the prefix the rest must start with.
 */
export function actionFilter(action: string): { family: string; exact?: string; prefix?: string } {
  const family = action.split('.')[0];
  return action.endsWith('.') ? { family, prefix: action } : { family, exact: action };
}

// A page's cursor, as GET /customers and the promotions' lists write theirs: the last
// entry's keys as base64url JSON, opaque to clients. Entries are dated by the services'
// clock (db/audit.ts), to the millisecond, so many share an instant — a transaction's
// entries, a fixed test clock's, a busy second's — and the id breaks the tie: the order is
// (at, id), and the next page starts after the last entry's pair, none skipped, none twice.
// The instant is the database's own text of it to the microsecond: entries written before
// (dated by the database's now()) carry microseconds a JS Date would round away.
const EXACT_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

export const encodeCursor = (at: string, id: number): string => Buffer.from(JSON.stringify([at, String(id)])).toString('base64url');

export function decodeCursor(cursor: string): { at: string; id: number } {
  try {
    const keys = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(keys) && keys.length === 2 && typeof keys[0] === 'string' && EXACT_INSTANT.test(keys[0]) && !Number.isNaN(Date.parse(keys[0]))
      && typeof keys[1] === 'string' && /^\d{1,15}$/.test(keys[1])) {
      return { at: keys[0], id: Number(keys[1]) };
    }
  } catch {
    // Not base64url JSON: refused below, as any other cursor that is not ours.
  }
  throw invalidField('cursor', say('cursor.not_ours'));
}
