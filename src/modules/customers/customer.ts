import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

// Pure rules about customers: identities and their normal forms. No I/O.

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
