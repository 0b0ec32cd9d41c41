import { z } from 'zod';
import { isTimeZone } from '../../shared/clock.ts';
import { fixedText, say } from '../../shared/messages/index.ts';
import { CalendarDate, LanguageCode, toldBy } from '../../shared/validation.ts';
import { CHANNELS } from './customer.ts';
import { DEFAULT_SORT, SORTS } from './customer-order.ts';

// Input schemas for customers. Phone numbers are checked for shape here and normalised
// to E.164 by the service (which knows the default region).

export const ConsentValue = toldBy(
  z.union([
    z.boolean(),
    z.strictObject({
      status: z.enum(['granted', 'withdrawn']),
      source: z.string().trim().min(1).max(200).optional(),
    }),
  ]),
  (issue) => (issue.code === 'invalid_union' ? say('customer.consent_value', { shape: '{ status: granted|withdrawn, source }' }) : undefined),
);

/** Who the customer is: at least one identity. */
export const CustomerIdentityFields = z.object({
  external_id: z.string().trim().min(1).max(200).nullish(),
  email: z.email(fixedText('format.email')).max(320).nullish(),
  phone: z.string().trim().min(3).max(40).nullish(),
});

export const CustomerProfileFields = z.object({
  first_name: z.string().trim().max(200).nullish(),
  last_name: z.string().trim().max(200).nullish(),
  birthday: CalendarDate.nullish(),
  language: LanguageCode.nullish(),
  time_zone: z.string().refine(isTimeZone, fixedText('time_zone.iana')).nullish(),
  home_store: z.string().trim().min(1).max(100).nullish(),
  tags: z.array(z.string().trim().min(1).max(100)).max(100).optional(),
  attributes: z.record(z.string(), z.unknown()).optional(),
  consent: z.partialRecord(z.enum(CHANNELS), ConsentValue).optional(),
});

const hasIdentity = (c: { external_id?: string | null; email?: string | null; phone?: string | null }) =>
  Boolean(c.external_id || c.email || c.phone);
const identityMessage = { message: fixedText('customer.needs_identity'), path: ['external_id'] };

// Strict, as every request body: a misspelt "frist_name" or "birtday" was read as none, the customer saved without it.
export const CustomerInput = CustomerIdentityFields.extend(CustomerProfileFields.shape).strict().refine(hasIdentity, identityMessage);
export type CustomerInput = z.infer<typeof CustomerInput>;

/** PATCH: every field optional; null clears it. */
export const CustomerPatch = CustomerIdentityFields.extend(CustomerProfileFields.shape).partial().strict();
export type CustomerPatch = z.infer<typeof CustomerPatch>;

export const CustomerSearch = z.object({
  query: z.string().trim().max(200).optional(),
  tag: z.string().trim().max(100).optional(),
  language: LanguageCode.optional(),
  store: z.string().trim().max(100).optional(),
  consent: z.enum(CHANNELS).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(200).optional(),
  sort: z.enum(SORTS).default(DEFAULT_SORT).describe(
    'The order: created_at (when the record was written), customer_since (as each customer answers it: the first purchase or, if earlier, '
    + 'the first record of the person, over merges; ascending, the longest-standing customers first), name, last_purchase_at, net_spend, '
    + 'purchases or points (spendable now); '
    + 'a leading `-` for descending (`-net_spend`: the best customers first). Ties by id; customers without a value (no purchase, '
    + 'not a member, no name) come last in either direction. A cursor continues the sort it came from.',
  ),
});
export type CustomerSearch = z.infer<typeof CustomerSearch>;

export const MergeInput = z.strictObject({
  from: z.uuid(fixedText('customer.merge_from')),
});
