import { z } from 'zod';
import { fixedText } from '../../shared/messages/index.ts';
import { LanguageCode } from '../../shared/validation.ts';

export const ROLES = ['owner', 'manager', 'staff'] as const;
export const SCOPES = ['read', 'write', 'admin'] as const;
export type Scope = (typeof SCOPES)[number];

export const UserInput = z.strictObject({
  email: z.email(fixedText('format.email')),
  name: z.string().trim().max(200).nullish(),
  role: z.enum(ROLES),
  password: z.string().min(10, fixedText('user.password_short')).max(200).optional(),
  /** The dashboard's language for the user, named as a customer's is ("sl-SI" is sl). */
  language: LanguageCode.optional(),
});

/** What an owner changes of a staff user: the role, or whether they may log in at all. */
export const UserChange = z.strictObject({
  role: z.enum(ROLES).optional(),
  disabled: z.boolean().optional(),
});

export const LoginInput = z.strictObject({
  email: z.string().trim().min(1, fixedText('field.required')),
  password: z.string().min(1, fixedText('field.required')),
});

export const ApiKeyInput = z.strictObject({
  name: z.string().trim().min(1, fixedText('field.required')).max(100),
  scopes: z.array(z.enum(SCOPES)).min(1, fixedText('api_key.needs_scope')),
});

/** What each staff role may do; API keys carry their scopes directly. */
export const ROLE_SCOPES: Record<(typeof ROLES)[number], Scope[]> = {
  owner: ['read', 'write', 'admin'],
  manager: ['read', 'write'],
  staff: ['read', 'write'],
};
