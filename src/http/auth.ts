import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AuthService, Principal } from '../modules/auth/index.ts';
import { forbidden, unauthorized } from '../shared/errors.ts';
import { say } from '../shared/messages/index.ts';

// Who is calling: an API key (`Authorization: Bearer rk_…`) for programs, or the
// dashboard's session cookie for staff. A cookie is sent by the browser on its own, so
// writes made with it must also carry the CSRF token the session was given.

export const SESSION_COOKIE = 'regulars_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export async function authenticate(request: FastifyRequest, auth: AuthService): Promise<Principal | undefined> {
  const header = request.headers.authorization;
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const principal = match ? await auth.principalFromApiKey(match[1]) : undefined;
    if (!principal) throw unauthorized(say('auth.bad_key'));
    return principal;
  }
  const token = request.cookies[SESSION_COOKIE];
  if (!token) return undefined;
  const principal = await auth.principalFromSession(token);
  if (principal && !SAFE_METHODS.has(request.method) && request.headers['x-csrf-token'] !== principal.csrfToken) {
    throw forbidden(say('auth.csrf'));
  }
  return principal;
}

export function registerAuthHook(app: FastifyInstance, auth: AuthService): void {
  app.addHook('onRequest', async (request) => {
    const scope = request.routeOptions.config?.scope;
    if (scope === undefined) return; // not one of our declared routes (static files, 404)
    if (scope === null) {
      // Public route: still learn who it is when they say, but never demand it.
      request.principal = await authenticate(request, auth).catch(() => undefined);
      return;
    }
    const principal = await authenticate(request, auth);
    if (!principal) throw unauthorized(say('auth.required'));
    request.principal = principal;
  });
}
