import { describe, expect, it } from 'vitest';
import { lockKeys } from '../../db/index.ts';
import { useTestApp } from '../../../test/helpers/app.ts';
import { heldOpen } from '../../../test/helpers/concurrency.ts';

// An owner manages staff from the dashboard's settings: a manager made owner, someone who
// left stopped from logging in (their open sessions end with it), and allowed again. The one
// rule: Regulars always keeps an active owner, or nobody could manage users, keys and stores
// from the dashboard again.

const api = useTestApp({ keys: { ops: ['read', 'write', 'admin'], till: ['read', 'write'] } });

const logIn = async (email: string, password: string) => {
  const login = await api.call('POST', '/api/v1/auth/login', { key: null, body: { email, password } });
  return { status: login.statusCode, cookie: String(login.headers['set-cookie'] ?? '').split(';')[0] };
};
const session = async (cookie: string) => (await api.call('GET', '/api/v1/auth/session', { key: null, headers: { cookie } })).statusCode;

describe("changing a staff user's role and logins", () => {
  it('changes a role, and the user has its scopes at once', async () => {
    await api.services.auth.createUser({ email: 'Mia@example.com', role: 'manager', password: 'a long password' }, { actor: 'test' });
    const { cookie } = await logIn('mia@example.com', 'a long password');
    const changed = await api.call('PATCH', '/api/v1/users/MIA@example.com', { body: { role: 'owner' } });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ email: 'mia@example.com', role: 'owner', disabled_at: null, last_login_at: expect.any(String) });
    const asked = await api.call('GET', '/api/v1/auth/session', { key: null, headers: { cookie } });
    expect(asked.json().scopes).toEqual(['read', 'write', 'admin']);
    const audit = await api.services.db.selectFrom('audit_log').select(['actor', 'details']).where('action', '=', 'user.update').where('subject', '=', 'mia@example.com').execute();
    expect(audit).toEqual([{ actor: 'key:ops', details: { role: { from: 'manager', to: 'owner' } } }]);
  });

  it('stops a user from logging in, ends their sessions, and allows them again', async () => {
    await api.services.auth.createUser({ email: 'leo@example.com', role: 'staff', password: 'another password' }, { actor: 'test' });
    const { cookie } = await logIn('leo@example.com', 'another password');
    expect(await session(cookie)).toBe(200);
    const stopped = await api.call('PATCH', '/api/v1/users/leo@example.com', { body: { disabled: true } });
    expect(stopped.json()).toMatchObject({ role: 'staff', disabled_at: expect.any(String) });
    expect(await session(cookie)).toBe(401);
    expect((await logIn('leo@example.com', 'another password')).status).toBe(401);
    // Sent again, it keeps the time it was first stopped.
    const again = await api.call('PATCH', '/api/v1/users/leo@example.com', { body: { disabled: true } });
    expect(again.json().disabled_at).toBe(stopped.json().disabled_at);
    const listed = (await api.call('GET', '/api/v1/users')).json().items.find((u: { email: string }) => u.email === 'leo@example.com');
    expect(listed.disabled_at).toBe(stopped.json().disabled_at);

    const allowed = await api.call('PATCH', '/api/v1/users/leo@example.com', { body: { disabled: false } });
    expect(allowed.json().disabled_at).toBeNull();
    expect((await logIn('leo@example.com', 'another password')).status).toBe(200);
    // The log records what changed, from and to: stopped once (sent again, nothing changed), allowed again.
    const audit = await api.services.db.selectFrom('audit_log').select('details').where('action', '=', 'user.update').where('subject', '=', 'leo@example.com').orderBy('id').execute();
    expect(audit.map((e) => e.details)).toEqual([{ disabled: { from: false, to: true } }, { disabled: { from: true, to: false } }]);
  });

  it('keeps an active owner: the last one can be neither demoted nor stopped', async () => {
    const { services } = api;
    // Mia (the first test) is an owner too: stop her, and Ada is the only active one.
    await services.auth.createUser({ email: 'ada@example.com', role: 'owner', password: 'owner password' }, { actor: 'test' });
    expect((await api.call('PATCH', '/api/v1/users/mia@example.com', { body: { disabled: true } })).statusCode).toBe(200);

    const demoted = await api.call('PATCH', '/api/v1/users/ada@example.com', { body: { role: 'manager' } });
    expect(demoted.statusCode).toBe(422);
    expect(demoted.json().errors).toEqual([{ field: 'role', reason: 'is the only active owner: make another user an owner first, or nobody could manage users, API keys and stores' }]);
    const stopped = await api.call('PATCH', '/api/v1/users/ada@example.com', { body: { disabled: true }, headers: { 'accept-language': 'da' } });
    expect(stopped.statusCode).toBe(422);
    expect(stopped.json().errors).toEqual([{ field: 'disabled', reason: 'er den eneste aktive ejer: gør først en anden bruger til ejer, ellers kan ingen administrere brugere, API-nøgler og butikker' }]);
    expect((await api.call('GET', '/api/v1/users')).json().items.find((u: { email: string }) => u.email === 'ada@example.com')).toMatchObject({ role: 'owner', disabled_at: null });

    // With Mia allowed again, Ada may step down; then Mia is the last.
    expect((await api.call('PATCH', '/api/v1/users/mia@example.com', { body: { disabled: false } })).statusCode).toBe(200);
    expect((await api.call('PATCH', '/api/v1/users/ada@example.com', { body: { role: 'manager' } })).json()).toMatchObject({ role: 'manager' });
    expect((await api.call('PATCH', '/api/v1/users/mia@example.com', { body: { role: 'staff' } })).statusCode).toBe(422);
  });

  it('keeps an owner when two owners step down at the same moment', async () => {
    const { services } = api;
    await services.auth.createUser({ email: 'ida@example.com', role: 'owner', password: 'owner password' }, { actor: 'test' });
    // Mia and Ida are the active owners now. Mia steps down in a transaction caught before
    // its commit; Ida's step down, sent meanwhile, waits for it and then finds herself the last.
    const mia = await heldOpen(services.db, async (trx) => {
      await lockKeys(trx, ['users:owners']);
      await trx.updateTable('users').set({ role: 'manager' }).where('email', '=', 'mia@example.com').execute();
    });
    const ida = api.call('PATCH', '/api/v1/users/ida@example.com', { body: { role: 'manager' } });
    await new Promise((r) => setTimeout(r, 200));
    await mia.commit();
    expect((await ida).statusCode).toBe(422);
    const owners = (await api.call('GET', '/api/v1/users')).json().items.filter((u: { role: string; disabled_at: string | null }) => u.role === 'owner' && !u.disabled_at);
    expect(owners.map((u: { email: string }) => u.email)).toEqual(['ida@example.com']);
  });

  it('refuses an unknown user, a role that does not exist, and a caller without the admin scope', async () => {
    expect((await api.call('PATCH', '/api/v1/users/nobody@example.com', { body: { role: 'staff' } })).statusCode).toBe(404);
    const bad = await api.call('PATCH', '/api/v1/users/leo@example.com', { body: { role: 'boss', disabled: 'yes' } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['disabled', 'role']);
    expect((await api.call('PATCH', '/api/v1/users/leo@example.com', { key: api.keys.till, body: { role: 'owner' } })).statusCode).toBe(403);
    expect((await api.call('GET', '/api/v1/users')).json().items.find((u: { email: string }) => u.email === 'leo@example.com').role).toBe('staff');
  });
});

describe("a new staff user's language", () => {
  // It took five codes written in lower case only, where a customer's and ?language= take a
  // language as Accept-Language names it (validation.ts LanguageCode).
  it('is taken as a customer\'s is, and stored as the code', async () => {
    const made = await api.call('POST', '/api/v1/users', { body: { email: 'ayse@example.com', role: 'staff', language: 'tr-TR' } });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json().user.language).toBe('tr');
    const refused = await api.call('POST', '/api/v1/users', { body: { email: 'jean@example.com', role: 'staff', language: 'fr' } });
    expect([refused.statusCode, refused.json().errors]).toEqual([422, [{ field: 'language', reason: 'must be one of en, sl, tr, da, ru' }]]);
  });
});
