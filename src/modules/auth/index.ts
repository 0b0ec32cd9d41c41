export { ROLES, SCOPES, ROLE_SCOPES, type Scope } from './auth.schema.ts';
export { createAuthService, actorOf, isLocalCli, sourceOf, type AuthService, type Principal } from './auth.service.ts';
export { generatePassword } from './password.ts';
