import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { notFound, type AppError } from '../../shared/errors.ts';
import { say } from '../../shared/messages/index.ts';

// Pure rules about customers: identities and their normal forms, how an id of no one is answered. No I/O.

// The languages a customer can be spoken to in are the ones the product speaks.
export { LANGUAGES, type Language } from '../../shared/messages/languages.ts';
export const CHANNELS = ['email', 'sms'] as const;
export type ConsentChannel = (typeof CHANNELS)[number];

export type IdentityKind = 'external_id' | 'email' | 'phone';
export interface Identity {
  kind: IdentityKind;
  value: string;
}

/** Identity lookup order: a card / POS id is the strongest claim, a phone the weakest. */
export const IDENTITY_PRECEDENCE: IdentityKind[] = ['external_id', 'email', 'phone'];

/**
 * Who holds identities, by `kind:value`, and — for the holders of phones — which of them
 * have an email (customer-identify rules below need to know; the read that finds the
 * holders says so in the same statement).
 */
export class IdentityOwners extends Map<string, string> {
  readonly withEmail = new Set<string>();
}

const keyOf = (identity: Identity) => `${identity.kind}:${identity.value}`;

/**
 * The phone of `identities` when it is a shared one (a household's, a family's): held by a
 * customer with an email while the request names a person by another email (or `self`, the
 * customer the request is about, who is not its holder). Such a phone does not say who the
 * request is about, is not moved to them, and is no conflict: it stays the identity of its
 * holder (a look-up by the phone alone finds them), and the other person keeps the number on
 * their profile. A phone whose holder has no email is theirs to be given an email with.
 */
export function sharedPhone(identities: Identity[], owners: IdentityOwners, self?: string): Identity | undefined {
  const phone = identities.find((i) => i.kind === 'phone');
  const holder = phone && owners.get(keyOf(phone));
  if (!phone || !holder || holder === self || !owners.withEmail.has(holder)) return undefined;
  const email = identities.find((i) => i.kind === 'email');
  return email && owners.get(keyOf(email)) !== holder ? phone : undefined;
}

/**
 * The customer a request's identities name, the one rule of every way customers arrive
 * (POST /customers, a purchase with customer details, an import of customers or of
 * purchases): a card (external id) first, then an email, then a phone that is not a shared
 * one (sharedPhone). Undefined: a new customer.
 */
export function namedCustomer(identities: Identity[], owners: IdentityOwners): string | undefined {
  const shared = sharedPhone(identities, owners);
  for (const kind of IDENTITY_PRECEDENCE) {
    const identity = identities.find((i) => i.kind === kind);
    const owner = identity && identity !== shared ? owners.get(keyOf(identity)) : undefined;
    if (owner) return owner;
  }
  return undefined;
}

export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

/** E.164 (+38640123456) or undefined when the number is not valid. */
export function normalizePhone(phone: string, defaultRegion?: string): string | undefined {
  const parsed = parsePhoneNumberFromString(phone, defaultRegion as CountryCode | undefined);
  return parsed?.isValid() ? parsed.number : undefined;
}

export const identityKey = (identity: Identity): string => `identity:${identity.kind}:${identity.value}`;

/** The text a staff member may type to find a customer, lower-cased, in one column. */
export function searchTextOf(c: {
  first_name?: string | null;
  last_name?: string | null;
  email?: string | null;
  phone?: string | null;
  external_id?: string | null;
}): string {
  return [c.first_name, c.last_name, c.email, c.phone, c.external_id]
    .filter((part): part is string => Boolean(part))
    .join(' ')
    .toLowerCase();
}

/**
 * The 404 of a customer id a route cannot act on or read (unknown, or erased): "Customer
 * {id} not found", and for an erased customer's own id `erased_at` beside it, as GET
 * /customers/{id} answers it, so a client (the dashboard) can say what became of the
 * customer. `found`: the customer the id led to, as read (a merged id's is the end of its
 * chain: that id's own answer is "merged", so it gets no erased_at). The one place every
 * route given a customer id answers an erased one from.
 */
export function customerNotFound(id: string, found?: { id: string; status: string; erasedAt?: Date | null }): AppError {
  const erasedAt = found?.id === id && found.status === 'erased' ? found.erasedAt : undefined;
  return notFound(say('customer.not_found', { id }), erasedAt ? { erased_at: new Date(erasedAt).toISOString() } : undefined);
}
