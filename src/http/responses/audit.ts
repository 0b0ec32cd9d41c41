import { z } from 'zod';
import { ACTOR_KINDS, SUBJECT_TYPES } from '../../modules/audit/index.ts';
import { Count, Id, Instant, page, shared } from './common.ts';

// The activity log (modules/audit/audit.service.ts): who did what to what, and when.

export const AuditEntry = shared('AuditEntry', z.strictObject({
  id: Count,
  at: Instant,
  actor: z.string().describe('Who, as recorded: user:<email>, key:<name>, cli, or system (Regulars itself; also import, demo)'),
  by: z.strictObject({
    kind: z.enum(ACTOR_KINDS),
    name: z.string().describe("A user's email, a key's name, else the actor as recorded"),
    user: z.strictObject({ email: z.string(), name: z.string().nullable(), role: z.string(), active: z.boolean() }).nullable()
      .describe('The staff user with that email now; null when there is none (or the actor is no user)'),
    key: z.strictObject({ id: Id, prefix: z.string(), revoked_at: Instant.nullable() }).nullable()
      .describe('The API key of that name, when exactly one has it (names need not be unique)'),
  }),
  action: z.string().describe('What was done: loyalty.adjust, loyalty.program.apply, api_key.create, api_key.revoke, user.create, customer.erase…'),
  subject: z.string().nullable().describe('What it was done to, as recorded: a customer id, an email, a key name or id, a gift card code…'),
  subject_type: z.enum(SUBJECT_TYPES).nullable().describe('What kind of thing the subject is, by the action; null for an action this version does not know'),
  subject_name: z.string().nullable().describe("A subject recorded by id, named: a customer's name (none once erased), a revoked key's name, a removed webhook's URL"),
  details: z.record(z.string(), z.unknown()).describe('What else the action recorded (an adjustment: points and reason; a publication: effective_from and note…)'),
}));

export const AuditPage = page(AuditEntry);
