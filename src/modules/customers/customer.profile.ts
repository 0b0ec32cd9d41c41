import type { Consent } from '../../db/index.ts';
import { localDate } from '../../shared/clock.ts';
import { invalidField } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import { say } from '../../shared/messages/index.ts';
import type { StoreService } from '../stores/index.ts';
import { CHANNELS, normalizeEmail, normalizePhone, type ConsentChannel, type Identity } from './customer.ts';
import type { CustomerInput, CustomerPatch } from './customer.schema.ts';

// Turns validated input into what is stored: normal-form identities, store ids, consent
// states with their source. Shared by the customer API and every purchase channel, so a
// customer created by a POS looks exactly like one created in the dashboard.

export interface ProfileContext {
  stores: StoreService;
  defaultRegion?: string;
  /** Where the data came from when the input does not say: `api`, `import`, `dashboard`, `demo`. */
  source: string;
  now: Date;
  /** The business's time zone: the day a birthday may be at most is today there. */
  timeZone: string;
}

export function identitiesOf(
  input: { external_id?: string | null; email?: string | null; phone?: string | null },
  defaultRegion: string | undefined,
  fieldPrefix = '',
): Identity[] {
  const identities: Identity[] = [];
  if (input.external_id) identities.push({ kind: 'external_id', value: input.external_id.trim() });
  if (input.email) identities.push({ kind: 'email', value: normalizeEmail(input.email) });
  if (input.phone) {
    const phone = normalizePhone(input.phone, defaultRegion);
    if (!phone) {
      throw invalidField(`${fieldPrefix}phone`, say(defaultRegion ? 'customer.phone_invalid' : 'customer.phone_invalid_no_region', { phone: input.phone }));
    }
    identities.push({ kind: 'phone', value: phone });
  }
  return identities;
}

export interface PreparedProfile {
  identities: Identity[];
  fields: {
    external_id?: string | null;
    email?: string | null;
    phone?: string | null;
    first_name?: string | null;
    last_name?: string | null;
    birthday?: string | null;
    language?: string | null;
    time_zone?: string | null;
    home_store_id?: string | null;
    tags?: string[];
    attributes?: Record<string, unknown>;
  };
  consentChanges: { channel: ConsentChannel; status: 'granted' | 'withdrawn'; source: string }[];
}

/** Only the fields present in the input appear in `fields` (PATCH semantics). */
export async function prepareProfile(
  input: CustomerInput | CustomerPatch,
  context: ProfileContext,
  fieldPrefix = '',
): Promise<PreparedProfile> {
  const identities = identitiesOf(input, context.defaultRegion, fieldPrefix);
  const byKind = new Map(identities.map((i) => [i.kind, i.value]));
  const fields: PreparedProfile['fields'] = {};
  for (const key of ['external_id', 'email', 'phone'] as const) {
    if (input[key] !== undefined) fields[key] = input[key] === null ? null : (byKind.get(key) ?? null);
  }
  for (const key of ['first_name', 'last_name', 'birthday', 'language', 'time_zone'] as const) {
    if (input[key] !== undefined) fields[key] = input[key] || null;
  }
  // A birthday is a day that has come (today's: a newborn's); a later one is a typo, and a
  // birthday gift would wait for it. The schema keeps it from before EARLIEST_DATE.
  const today = localDate(context.now, context.timeZone);
  if (fields.birthday && fields.birthday > today) throw invalidField(`${fieldPrefix}birthday`, say('customer.birthday_in_future', { today }));
  if (input.home_store !== undefined) {
    fields.home_store_id = input.home_store
      ? (await context.stores.require(input.home_store, `${fieldPrefix}home_store`)).id
      : null;
  }
  if (input.tags !== undefined) fields.tags = [...new Set(input.tags)];
  if (input.attributes !== undefined) fields.attributes = input.attributes;
  const consentChanges: PreparedProfile['consentChanges'] = [];
  for (const channel of CHANNELS) {
    const value = input.consent?.[channel];
    if (value === undefined) continue;
    if (typeof value === 'boolean') {
      consentChanges.push({ channel, status: value ? 'granted' : 'withdrawn', source: context.source });
    } else {
      consentChanges.push({ channel, status: value.status, source: value.source ?? context.source });
    }
  }
  return { identities, fields, consentChanges };
}

/**
 * The consent after `changes` made at `at`. A change older than the stored state is
 * logged (consentLogRows) but does not replace it: requests read the clock before they
 * wait for the customer's lock (and instances' clocks differ), so an earlier change may
 * arrive after a later one, and the current consent must stay the log's latest entry.
 */
export function applyConsent(current: Consent, changes: PreparedProfile['consentChanges'], at: Date): Consent {
  const next: Consent = { ...current };
  const iso = at.toISOString();
  for (const change of changes) {
    const stored = next[change.channel];
    if (stored && stored.at > iso) continue;
    next[change.channel] = { status: change.status, source: change.source, at: iso };
  }
  return next;
}

/** Per channel, the later of two consents (a merge: the person's latest decision stands, as their log says). */
export function latestConsent(a: Consent, b: Consent): Consent {
  const next: Consent = { ...a };
  for (const [channel, state] of Object.entries(b) as [keyof Consent, Consent[keyof Consent]][]) {
    const mine = next[channel];
    if (state && (!mine || state.at > mine.at)) next[channel] = state;
  }
  return next;
}

export const consentLogRows = (customerId: string, changes: PreparedProfile['consentChanges'], at: Date) =>
  changes.map((c) => ({ customer_id: customerId, id: newId(), channel: c.channel, status: c.status, source: c.source, recorded_at: at }));
