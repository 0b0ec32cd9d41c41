import type { z } from 'zod';
import type { ApiKeys, NewApiKey, NewPassword, NewUser, NewWebhook, Store, User, WebhookDeliveries, Webhooks } from '../../../http/responses/system.ts';

// The settings' answers, as the routes publish them (src/http/responses/system.ts): taken
// from the very schemas the server's answers are checked against, so they cannot drift.
// Type-only: nothing of zod reaches the dashboard's bundle.

export type StaffUser = z.infer<typeof User>;
export type NewStaffUser = z.infer<typeof NewUser>;
export type NewStaffPassword = z.infer<typeof NewPassword>;
export type ApiKey = z.infer<typeof ApiKeys>['items'][number];
export type CreatedApiKey = z.infer<typeof NewApiKey>;
export type StoreRow = z.infer<typeof Store>;
export type WebhookEndpoint = z.infer<typeof Webhooks>['items'][number];
export type CreatedWebhook = z.infer<typeof NewWebhook>;
export type WebhookDelivery = z.infer<typeof WebhookDeliveries>['items'][number];

export type Role = StaffUser['role'];
export type Scope = ApiKey['scopes'][number];
export const ROLES: readonly Role[] = ['owner', 'manager', 'staff'];
export const SCOPES: readonly Scope[] = ['read', 'write', 'admin'];
