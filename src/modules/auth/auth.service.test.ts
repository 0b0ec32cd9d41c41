import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openTestServices } from '../../../test/helpers/services.ts';
import { actorOf, createAuthService, sourceOf } from './auth.service.ts';

// API keys are checked on every request, so a verified key is remembered for a few
// seconds. What must hold: one look-up however many requests ask at once, a revocation
// through this process at once, and a wrong secret never.

let s: Awaited<ReturnType<typeof openTestServices>>;

beforeAll(async () => {
  s = await openTestServices();
});
afterAll(async () => {
  await s?.close();
});

/** Counts the statements that read api_keys while `run` runs. */
async function keyLookups(run: () => Promise<unknown>): Promise<number> {
  const spy = vi.spyOn(s.db, 'selectFrom');
  try {
    await run();
    return spy.mock.calls.filter(([table]) => table === 'api_keys').length;
  } finally {
    spy.mockRestore();
  }
}

describe('API keys', () => {
  it('looks a key up once when many requests bring it at the same moment', async () => {
    const { key, id } = await s.auth.createApiKey({ name: 'till', scopes: ['read', 'write'] }, { actor: 'test' });
    let principals: unknown[] = [];
    const lookups = await keyLookups(async () => {
      principals = await Promise.all(Array.from({ length: 30 }, () => s.auth.principalFromApiKey(key)));
    });
    expect(lookups).toBe(1);
    expect(principals).toEqual(Array(30).fill({ kind: 'key', id, name: 'till', scopes: ['read', 'write'] }));
    // Remembered: the next requests read nothing.
    expect(await keyLookups(() => s.auth.principalFromApiKey(key))).toBe(0);
  });

  it('refuses a wrong secret, an unknown prefix and a revoked key', async () => {
    const { key, id } = await s.auth.createApiKey({ name: 'web', scopes: ['read'] }, { actor: 'test' });
    expect(await s.auth.principalFromApiKey(`${key.slice(0, -2)}xx`)).toBeUndefined();
    expect(await s.auth.principalFromApiKey('rk_nosuchprefix_secret')).toBeUndefined();
    expect(await s.auth.principalFromApiKey('not a key')).toBeUndefined();
    expect(await s.auth.principalFromApiKey(key)).toMatchObject({ id });
    await s.auth.revokeApiKey(id, { actor: 'test' });
    expect(await s.auth.principalFromApiKey(key)).toBeUndefined();
  });

  it('does not remember a key whose look-up was under way when it was revoked', async () => {
    const { key, id } = await s.auth.createApiKey({ name: 'kiosk', scopes: ['read'] }, { actor: 'test' });
    const inFlight = s.auth.principalFromApiKey(key);
    await s.auth.revokeApiKey(id, { actor: 'test' });
    await inFlight;
    expect(await s.auth.principalFromApiKey(key)).toBeUndefined();
  });
});

// A command on the server's own machine acts through the server with the token the server
// left in the data folder's lock file (cli/remote.ts): the activity log records it as the
// command line, as it records the same command run without a server, and no API key can
// pass for it, whatever its name.
describe('the command line through a server', () => {
  it("is recorded as the command line; an API key named like it is that key", async () => {
    const auth = createAuthService({ db: s.db, clock: s.clock, localCliToken: 'the lock file token' });
    const cli = await auth.principalFromApiKey('the lock file token');
    expect(cli).toMatchObject({ kind: 'key', scopes: ['read', 'write', 'admin'] });
    expect(actorOf(cli!)).toBe('cli');
    // A customer's consent log says where a change came in: the command line, not the API.
    expect(sourceOf(cli!)).toBe('cli');
    for (const name of ['cli', 'command line on this machine']) {
      const { key } = await auth.createApiKey({ name, scopes: ['read', 'write', 'admin'] }, { actor: 'test' });
      const principal = (await auth.principalFromApiKey(key))!;
      expect(actorOf(principal)).toBe(`key:${name}`);
      expect(sourceOf(principal)).toBe('api');
    }
    // Without a server's token (a PostgreSQL deployment, a test), nothing is the command line.
    expect(await s.auth.principalFromApiKey('the lock file token')).toBeUndefined();
  });
});
