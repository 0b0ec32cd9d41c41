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
